import { isIndonesianMobile, normalizePhone } from '../src/domain/phone.js';
import { canonicalKecamatan, KECAMATAN, kelurahanOf } from '../src/domain/wilayah.js';
import { matchChoice } from '../src/engine/match.js';

/**
 * The rules for each field of a recipient, in one place: the one-question steps (recipient.ts)
 * and the one-message form (recipient-form.ts) both read a field through these. A refusal names
 * the message that says why.
 */
export type FieldRead<T> = { ok: true; value: T } | { ok: false; reason: string };

const NAME_RE = /^[\p{L}][\p{L} .,'-]{1,79}$/u;

/** What people type when they have no note for the courier. */
const NO_NOTE = /^(-+|\.+|tidak( ada)?|tdk( ada)?|gak ada|ga ada|nggak ada|kosong|lewati|skip|none|no|n\/a)$/i;

/** Text typed into a field: trimmed, single spaces, no control characters. */
export function clean(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function readName(raw: string): FieldRead<string> {
  const name = clean(raw);
  return NAME_RE.test(name) ? { ok: true, value: name } : { ok: false, reason: 'recipient-bad-name' };
}

/** The UMKM's courier calls or messages this number: an Indonesian mobile, not a landline. */
export function readPhone(raw: string): FieldRead<string> {
  const phone = normalizePhone(raw);
  return phone && isIndonesianMobile(phone) ? { ok: true, value: phone } : { ok: false, reason: 'recipient-bad-phone' };
}

export function readAddress(raw: string): FieldRead<string> {
  const address = clean(raw);
  if (address.length < 10 || !/\p{L}/u.test(address)) return { ok: false, reason: 'recipient-bad-address' };
  if (address.length > 300) return { ok: false, reason: 'recipient-address-too-long' };
  return { ok: true, value: address };
}

/** A note for the courier; "-", "tidak ada", "skip" mean none (undefined). */
export function readNote(raw: string): FieldRead<string | undefined> {
  const note = clean(raw);
  if (note.length > 300) return { ok: false, reason: 'recipient-note-too-long' };
  return { ok: true, value: note && !NO_NOTE.test(note) ? note : undefined };
}

/** The kelurahan typed on the kelurahan step of `kecamatan`, matched as that step's buttons are ("Mekarjaya" is "Mekar Jaya"). */
export function kelurahanTyped(kecamatan: string, typed: string): string | null {
  const offered = kelurahanOf(kecamatan).map((k) => ({ id: k, label: k }));
  return matchChoice(typed, offered, true);
}

/** Where the recipient lives, read from one line: both, the kecamatan only, or several places of one name. */
export type Wilayah =
  | { kind: 'found'; kecamatan: string; kelurahan: string }
  /** the kecamatan is known, its kelurahan is not (not named, or not one of that kecamatan's) */
  | { kind: 'kecamatan'; kecamatan: string; kelurahan?: string }
  /** a kelurahan name found in several kecamatan ("Curug": Bojongsari and Cimanggis), or words several start */
  | { kind: 'ambiguous'; options: { kecamatan: string; kelurahan: string }[] }
  | { kind: 'unknown'; typed: string };

const KEC_MARK = /^(kecamatan|kec)\b\.?\s*/i;
const KEL_MARK = /^(kelurahan|kel|desa|ds)\b\.?\s*/i;

/**
 * One line naming the kelurahan, as people write it: "Mekarjaya", "Kel. Mekar Jaya, Kec.
 * Sukmajaya", "Mekarjaya / Sukmajaya", "kelurahan curug kecamatan bojongsari". Without a
 * kecamatan, it is the one whose kelurahan has that name (matched as the kelurahan step matches).
 */
export function readWilayah(raw: string): Wilayah {
  const line = clean(raw);
  const parts = line
    .split(/\s*[,;/|]\s*|\s+-\s+|\s+(?=(?:kecamatan|kec)\b)/i)
    .map((p) => p.trim())
    .filter(Boolean);
  let kecTyped: string | undefined;
  let kelTyped: string | undefined;
  const plain: string[] = [];
  for (const p of parts) {
    if (KEC_MARK.test(p)) kecTyped ??= p.replace(KEC_MARK, '');
    else if (KEL_MARK.test(p)) kelTyped ??= p.replace(KEL_MARK, '');
    else plain.push(p);
  }
  kelTyped ??= plain.shift();
  kecTyped ??= plain.shift();
  const kecamatan = kecTyped ? canonicalKecamatan(kecTyped) : null;
  if (!kelTyped) return kecamatan ? { kind: 'kecamatan', kecamatan } : { kind: 'unknown', typed: line };
  if (kecamatan) {
    const kelurahan = kelurahanTyped(kecamatan, kelTyped);
    return kelurahan ? { kind: 'found', kecamatan, kelurahan } : { kind: 'kecamatan', kecamatan, kelurahan: kelTyped };
  }
  const hits = KECAMATAN.flatMap((kec) => {
    const kel = kelurahanTyped(kec, kelTyped!);
    return kel ? [{ kecamatan: kec, kelurahan: kel }] : [];
  });
  if (hits.length === 1) return { kind: 'found', ...hits[0]! };
  if (hits.length > 1) return { kind: 'ambiguous', options: hits };
  // Only a kecamatan written without its mark ("Sukmajaya" is both): the kelurahan step asks the rest.
  const onlyKec = canonicalKecamatan(kelTyped);
  return onlyKec && !kecTyped ? { kind: 'kecamatan', kecamatan: onlyKec } : { kind: 'unknown', typed: kelTyped };
}
