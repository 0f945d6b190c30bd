import { z } from 'zod';
import { validateNip } from '../domain/nip.js';
import { type Person, PersonSchema, RosterRoleSchema } from '../domain/schemas.js';
import { findKelurahan, SCOPE_TYPES } from '../domain/unit.js';
import { canonicalKecamatan } from '../domain/wilayah.js';
import { rosterUpsertCommands, rosterVersionCommands } from '../store/roster-repo.js';
import { PhoneField, requiredText } from './fields.js';
import type { ImportContext, ImportKind } from './kind.js';

/** Columns of a roster file. */
export const ROSTER_COLUMNS = ['nip', 'name', 'phone', 'opd', 'role'] as const;
/** Optional columns: a koordinator's unit (`opd` + OPD name, `kecamatan` + name, `kelurahan` + name). */
export const ROSTER_OPTIONAL_COLUMNS = ['scope_type', 'scope'] as const;

/** Compared without case or repeated spaces. */
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

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
      role: z
        .string()
        .trim()
        .toLowerCase()
        .pipe(z.enum(RosterRoleSchema.options, { error: 'must be asn, admin or koordinator' })),
      scope_type: z.string().default(''),
      scope: z.string().default(''),
    })
    .transform((r, c): Person => {
      const scope = readScope(r.role, r.scope_type, r.scope, c);
      return { nip: r.nip, name: r.name, phone: r.phone, opd: r.opd, role: r.role, ...(scope ? { scope } : {}) };
    });
  // Rows whose phone another NIP holds in the roster: an error unless the file moves that NIP too.
  const taken: { line: number; owner: string }[] = [];
  // OPD scopes must name an OPD of the roster: one in this file or one already stored (checked at the end).
  const opdsInFile = new Set<string>();
  const opdScopes: { line: number; name: string }[] = [];
  return {
    columns: ROSTER_COLUMNS,
    optionalColumns: ROSTER_OPTIONAL_COLUMNS,
    schema,
    stored: PersonSchema,
    id: (p) => p.nip,
    unique: [
      { field: 'nip', key: (p) => p.nip },
      { field: 'phone', key: (p) => p.phone },
    ],
    async checkChunk(rows, store) {
      const owners = await store.roster.nipsOfPhones(rows.map((r) => r.record.phone));
      rows.forEach(({ line, record }, i) => {
        const owner = owners[i];
        if (owner && owner !== record.nip) taken.push({ line, owner });
        opdsInFile.add(norm(record.opd));
        if (record.scope?.type === 'opd') opdScopes.push({ line, name: record.scope.name });
      });
      return [];
    },
    async finish(store, inFile) {
      const moved = await inFile(
        'nip',
        taken.map((t) => t.owner),
      );
      const errors = taken.filter((_, i) => !moved[i]).map((t) => `line ${t.line}: phone: already used by NIP ${t.owner} in the roster`);
      const unknown = opdScopes.filter((s) => !opdsInFile.has(norm(s.name)));
      if (unknown.length) {
        const stored = new Set((await store.roster.all()).map((p) => norm(p.opd)));
        for (const s of unknown) if (!stored.has(norm(s.name))) errors.push(`line ${s.line}: scope: ${s.name} is not an OPD on the roster`);
      }
      return errors;
    },
    watched: (keys) => [keys.persons(), keys.personByPhone()],
    load: (store, ids) => store.roster.byNips(ids),
    writes: rosterUpsertCommands,
    versionWrites: rosterVersionCommands,
  };
}
