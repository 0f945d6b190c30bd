import { z } from 'zod';
import { validateNip } from '../domain/nip.js';
import { type Person, RosterRoleSchema } from '../domain/schemas.js';
import { findKelurahan, SCOPE_TYPES } from '../domain/unit.js';
import { canonicalKecamatan } from '../domain/wilayah.js';
import { duplicateErrors, PhoneField, requiredText } from './fields.js';
import type { ImportContext, ImportKind } from './kind.js';

/** Columns of a roster file. */
export const ROSTER_COLUMNS = ['nip', 'name', 'phone', 'opd', 'role'] as const;
/** Optional columns: a koordinator's unit (`opd` + OPD name, `kecamatan` + name, `kelurahan` + name). */
export const ROSTER_OPTIONAL_COLUMNS = ['scope_type', 'scope'] as const;

/** A koordinator's scope from its two cells, or the reason it is none (issue paths are column names). */
function readScope(role: string, type: string, name: string, c: z.RefinementCtx): Person['scope'] | typeof z.NEVER {
  const fail = (path: string, message: string) => {
    c.addIssue({ code: 'custom', path: [path], message });
    return z.NEVER;
  };
  if (role !== 'koordinator') return type || name ? fail('scope_type', 'only a koordinator has a scope (leave scope_type and scope empty)') : undefined;
  const t = type.trim().toLowerCase();
  if (!t) return fail('scope_type', 'is required for a koordinator: opd, kecamatan or kelurahan');
  if (!(SCOPE_TYPES as readonly string[]).includes(t)) return fail('scope_type', `must be opd, kecamatan or kelurahan (not ${type.trim()})`);
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n) return fail('scope', 'is required for a koordinator');
  if (t === 'opd') return n.length > 100 ? fail('scope', 'must be at most 100 characters') : { type: 'opd', name: n };
  if (t === 'kecamatan') {
    const kec = canonicalKecamatan(n);
    return kec ? { type: 'kecamatan', name: kec } : fail('scope', `${n} is not a kecamatan of Depok`);
  }
  const kel = findKelurahan(n);
  return kel.ok ? { type: 'kelurahan', name: kel.kelurahan, kecamatan: kel.kecamatan } : fail('scope', kel.reason);
}

/** The roster import: `nip,name,phone,opd,role` (role asn|admin), upserted by NIP. */
export function rosterImport(ctx: ImportContext): ImportKind<Person> {
  const schema = z
    .object({
      nip: z.string().transform((v, c) => {
        const r = validateNip(v, ctx.now);
        if (!r.ok) {
          c.addIssue({ code: 'custom', message: r.reason.replace(/^nip: /, '') });
          return z.NEVER;
        }
        return v.replace(/\s+/g, '');
      }),
      name: requiredText(100),
      phone: PhoneField,
      opd: requiredText(100),
      role: z.string().trim().toLowerCase().pipe(z.enum(RosterRoleSchema.options, { error: 'must be asn, admin or koordinator' })),
      scope_type: z.string().default(''),
      scope: z.string().default(''),
    })
    .transform((r, c): Person => {
      const scope = readScope(r.role, r.scope_type, r.scope, c);
      return { nip: r.nip, name: r.name, phone: r.phone, opd: r.opd, role: r.role, ...(scope ? { scope } : {}) };
    });
  return {
    columns: ROSTER_COLUMNS,
    optionalColumns: ROSTER_OPTIONAL_COLUMNS,
    schema,
    id: (p) => p.nip,
    async check(rows, store) {
      const errors = [...duplicateErrors(rows, 'nip', (p) => p.nip), ...duplicateErrors(rows, 'phone', (p) => p.phone)];
      const nipsInFile = new Set(rows.map((r) => r.record.nip));
      const owners = await Promise.all(rows.map((r) => store.roster.byPhone(r.record.phone)));
      // An OPD scope must name an OPD of the roster: one in this file or one already stored.
      const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
      const opdScoped = rows.filter((r) => r.record.scope?.type === 'opd');
      if (opdScoped.length) {
        const opds = new Set([...rows.map((r) => norm(r.record.opd)), ...(await store.roster.all()).filter((p) => !nipsInFile.has(p.nip)).map((p) => norm(p.opd))]);
        for (const { line, record } of opdScoped)
          if (!opds.has(norm(record.scope!.name))) errors.push(`line ${line}: scope: ${record.scope!.name} is not an OPD on the roster`);
      }
      rows.forEach(({ line, record }, i) => {
        const owner = owners[i];
        // Another person holds this phone and the file does not move them to a new one.
        if (owner && owner.nip !== record.nip && !nipsInFile.has(owner.nip))
          errors.push(`line ${line}: phone: already used by NIP ${owner.nip} in the roster`);
      });
      return errors;
    },
    load: (store, ids) => Promise.all(ids.map((nip) => store.roster.byNip(nip))),
    save: (store, people) => store.roster.upsert(people),
  };
}
