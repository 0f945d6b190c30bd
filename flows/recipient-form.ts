import type { Recipient } from '../src/domain/schemas.js';
import type { Input } from '../src/engine/types.js';
import type { Msg } from '../src/i18n/message.js';
import { readAddress, readName, readNote, readPhone, readWilayah } from './recipient-fields.js';

/**
 * The whole new recipient in one message, one item per line: name, phone, address, kelurahan
 * (with or without its kecamatan), and an optional note. Each line is read by the same rules as
 * its one-question step (recipient-fields.ts).
 */
export type Draft = Partial<Recipient>;

/** The fields in the order the steps ask them. */
export const FORM_FIELDS = ['name', 'phone', 'address', 'kecamatan', 'kelurahan', 'note'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The fields a one-message form names when it reports what it kept or refused (the kecamatan comes with the kelurahan). */
export const NAMED_FIELDS = ['name', 'phone', 'address', 'kelurahan', 'note'] as const;
export type NamedField = (typeof NAMED_FIELDS)[number];

export interface FormProblem {
  field: NamedField;
  reason: Msg;
}

/** "Nama: Ahmad", "No HP: 0812...": a label people copy from forms, dropped. */
const LABEL =
  /^(nama(\s+lengkap)?(\s+penerima)?|name|(no\.?|nomor|nomer)\s*(hp|telp|telepon|wa|whatsapp)?|hp|telp|telepon|phone|wa|alamat(\s+lengkap)?|address|kelurahan|kel\.?|catatan|note)\s*[:=]\s*/i;

/** The lines of a text sent as a whole recipient (two or more lines), or null for any other input. */
export function formLines(input: Input): string[] | null {
  if (input.kind !== 'text') return null;
  const lines = input.text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(LABEL, '').trim())
    .filter(Boolean);
  return lines.length >= 2 ? lines : null;
}

/**
 * Reads the lines into a draft: the first line is the name; the phone and the kelurahan are the
 * lines that read as such (else the second and fourth, so a wrong one is named); the address is
 * the first other line; the rest is the note. Fields that do not pass stay out of the draft,
 * each with the reason its step would give.
 */
export function readForm(lines: string[]): { draft: Draft; problems: FormProblem[] } {
  const draft: Draft = {};
  const problems: FormProblem[] = [];
  const used = new Set<number>([0]);
  const name = readName(lines[0]!);
  if (name.ok) draft.name = name.value;
  else problems.push({ field: 'name', reason: { key: name.reason } });

  let phoneAt = lines.findIndex((l, i) => !used.has(i) && readPhone(l).ok);
  if (phoneAt < 0 && lines.length > 1) phoneAt = 1;
  if (phoneAt >= 0) {
    used.add(phoneAt);
    const phone = readPhone(lines[phoneAt]!);
    if (phone.ok) draft.phone = phone.value;
    else problems.push({ field: 'phone', reason: { key: phone.reason } });
  }

  let placeAt = lines.findIndex((l, i) => !used.has(i) && readWilayah(l).kind !== 'unknown');
  if (placeAt >= 0) used.add(placeAt);
  const rest = lines.map((_, i) => i).filter((i) => !used.has(i));
  const addressAt = rest.shift();
  if (placeAt < 0) placeAt = rest.shift() ?? -1;

  if (addressAt !== undefined) {
    const address = readAddress(lines[addressAt]!);
    if (address.ok) draft.address = address.value;
    else problems.push({ field: 'address', reason: { key: address.reason } });
  }

  if (placeAt >= 0) {
    const place = readWilayah(lines[placeAt]!);
    if (place.kind === 'found') Object.assign(draft, { kecamatan: place.kecamatan, kelurahan: place.kelurahan });
    else if (place.kind === 'kecamatan') {
      draft.kecamatan = place.kecamatan;
      if (place.kelurahan) {
        problems.push({ field: 'kelurahan', reason: { key: 'recipient-form-kelurahan-not-in', args: { typed: place.kelurahan, kecamatan: place.kecamatan } } });
      }
    } else if (place.kind === 'ambiguous') {
      const options = place.options.map((o) => `Kel. ${o.kelurahan} (Kec. ${o.kecamatan})`).join(', ');
      problems.push({ field: 'kelurahan', reason: { key: 'recipient-form-kelurahan-ambiguous', args: { typed: lines[placeAt]!, options } } });
    } else problems.push({ field: 'kelurahan', reason: { key: 'recipient-form-kelurahan-unknown', args: { typed: place.typed } } });
  }

  if (rest.length) {
    const note = readNote(rest.map((i) => lines[i]!).join(' '));
    if (note.ok) draft.note = note.value;
    else problems.push({ field: 'note', reason: { key: note.reason } });
  }
  return { draft, problems };
}

/** The step of the first field the draft still needs (a refused note too), or null when it is whole. */
export function missingField(draft: Draft, problems: FormProblem[] = []): FormField | null {
  for (const f of FORM_FIELDS) {
    if (f === 'note') return problems.some((p) => p.field === 'note') ? 'note' : null;
    if (draft[f] === undefined) return f;
  }
  return null;
}
