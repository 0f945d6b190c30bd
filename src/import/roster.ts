import { z } from 'zod';
import { validateNip } from '../domain/nip.js';
import { type Person, RosterRoleSchema } from '../domain/schemas.js';
import { duplicateErrors, PhoneField, requiredText } from './fields.js';
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
  return {
    columns: ROSTER_COLUMNS,
    schema,
    id: (p) => p.nip,
    async check(rows, store) {
      const errors = [...duplicateErrors(rows, 'nip', (p) => p.nip), ...duplicateErrors(rows, 'phone', (p) => p.phone)];
      const nipsInFile = new Set(rows.map((r) => r.record.nip));
      const owners = await Promise.all(rows.map((r) => store.roster.byPhone(r.record.phone)));
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
