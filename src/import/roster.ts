import { z } from 'zod';
import { validateNip } from '../domain/nip.js';
import { type Person, PersonSchema, RosterRoleSchema } from '../domain/schemas.js';
import { rosterUpsertCommands, rosterVersionCommands } from '../store/roster-repo.js';
import { PhoneField, requiredText } from './fields.js';
import type { ImportContext, ImportKind } from './kind.js';

/** Columns of a roster file. */
export const ROSTER_COLUMNS = ['nip', 'name', 'phone', 'opd', 'role'] as const;

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
      role: z.string().trim().toLowerCase().pipe(z.enum(RosterRoleSchema.options, { error: 'must be asn or admin' })),
    })
    .transform((r): Person => ({ nip: r.nip, name: r.name, phone: r.phone, opd: r.opd, role: r.role }));
  // Rows whose phone another NIP holds in the roster: an error unless the file moves that NIP too.
  const taken: { line: number; owner: string }[] = [];
  return {
    columns: ROSTER_COLUMNS,
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
      });
      return [];
    },
    async finish(_store, inFile) {
      const moved = await inFile('nip', taken.map((t) => t.owner));
      return taken.filter((_, i) => !moved[i]).map((t) => `line ${t.line}: phone: already used by NIP ${t.owner} in the roster`);
    },
    watched: (keys) => [keys.persons(), keys.personByPhone()],
    load: (store, ids) => store.roster.byNips(ids),
    writes: rosterUpsertCommands,
    versionWrites: rosterVersionCommands,
  };
}
