import type { Person } from './schemas.js';
import { canonicalKecamatan, canonicalKelurahan, KECAMATAN, kelurahanOf } from './wilayah.js';

/** A coordinator's unit: an OPD (head of OPD), a kecamatan (camat) or a kelurahan (lurah). */
export type Scope = NonNullable<Person['scope']>;

/** The kinds of scope a roster row may name in `scope_type`. */
export const SCOPE_TYPES = ['opd', 'kecamatan', 'kelurahan'] as const;

/** ASN of a unit: the roster's civil servants (coordinators are ASN too; admins are not counted). */
export const isAsnRole = (role: Person['role']) => role === 'asn' || role === 'koordinator';

/** Compared without case or repeated spaces. */
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** `Kecamatan Beji` -> `beji`; null when the OPD is no kecamatan office. */
function officeOf(opd: string, kind: 'kecamatan' | 'kelurahan'): string | null {
  const re = kind === 'kecamatan' ? /^(kecamatan|kec\.)\s*/ : /^(kelurahan|kel\.)\s*/;
  const n = norm(opd);
  return re.test(n) ? n.replace(re, '') : null;
}

/**
 * True when a person of the roster belongs to the unit: the OPD itself; for a kecamatan its
 * office (`Kecamatan Beji`) and the offices of its kelurahan (`Kelurahan Beji Timur`); for a
 * kelurahan its office.
 */
export function inScope(person: Pick<Person, 'opd'>, scope: Scope): boolean {
  switch (scope.type) {
    case 'opd':
      return norm(person.opd) === norm(scope.name);
    case 'kecamatan': {
      const kec = officeOf(person.opd, 'kecamatan');
      if (kec !== null) return canonicalKecamatan(kec) === scope.name;
      const kel = officeOf(person.opd, 'kelurahan');
      return kel !== null && canonicalKelurahan(scope.name, kel) !== null;
    }
    case 'kelurahan': {
      const kel = officeOf(person.opd, 'kelurahan');
      return kel !== null && norm(kel) === norm(scope.name);
    }
  }
}

/** The unit in words: `Dinas Sosial`, `Kecamatan Beji`, `Kelurahan Beji Timur (Beji)`. */
export function scopeLabel(scope: Scope): string {
  if (scope.type === 'opd') return scope.name;
  if (scope.type === 'kecamatan') return `Kecamatan ${scope.name}`;
  return `Kelurahan ${scope.name}${scope.kecamatan ? ` (${scope.kecamatan})` : ''}`;
}

/** A stable key of a unit for Redis (`opd:dinas sosial`, `kelurahan:beji/beji timur`). */
export function scopeKey(scope: Scope): string {
  const name = scope.type === 'kelurahan' ? `${norm(scope.kecamatan ?? '')}/${norm(scope.name)}` : norm(scope.name);
  return `${scope.type}:${name}`;
}

/**
 * A kelurahan named alone (`Beji Timur`) or with its kecamatan (`Cimanggis/Curug`): the canonical
 * pair, or the reason it is not one (unknown, or in more than one kecamatan).
 */
export function findKelurahan(input: string): { ok: true; kecamatan: string; kelurahan: string } | { ok: false; reason: string } {
  const raw = input.trim();
  const slash = raw.indexOf('/');
  if (slash >= 0) {
    const kec = canonicalKecamatan(raw.slice(0, slash));
    const kel = kec ? canonicalKelurahan(kec, raw.slice(slash + 1)) : null;
    if (!kec || !kel) return { ok: false, reason: `${raw} is not a kecamatan/kelurahan of Depok` };
    return { ok: true, kecamatan: kec, kelurahan: kel };
  }
  const hits = KECAMATAN.flatMap((kec) => {
    const kel = canonicalKelurahan(kec, raw);
    return kel ? [{ kecamatan: kec, kelurahan: kel }] : [];
  });
  if (!hits.length) return { ok: false, reason: `${raw || '(empty)'} is not a kelurahan of Depok` };
  if (hits.length > 1) return { ok: false, reason: `${raw} is a kelurahan of ${hits.map((h) => h.kecamatan).join(', ')}: write kecamatan/kelurahan` };
  return { ok: true, ...hits[0]! };
}

/** Every kelurahan of Depok with its kecamatan, in order. */
export function allKelurahan(): { kecamatan: string; kelurahan: string }[] {
  return KECAMATAN.flatMap((kecamatan) => kelurahanOf(kecamatan).map((kelurahan) => ({ kecamatan, kelurahan })));
}
