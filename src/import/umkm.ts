import { z } from 'zod';
import { type Binaan, CATEGORIES, type Umkm, UmkmSchema } from '../domain/schemas.js';
import { umkmUpsertCommands, umkmVersionCommands } from '../store/catalogue-repo.js';
import { canonicalKecamatan, canonicalKelurahan } from '../domain/wilayah.js';
import { IdField, PhoneField, requiredText } from './fields.js';
import type { ImportKind } from './kind.js';

/** Columns of a UMKM file. */
export const UMKM_COLUMNS = ['id', 'name', 'owner_name', 'owner_phone', 'category', 'kecamatan', 'kelurahan', 'address'] as const;
/** Optional columns of a UMKM file. */
export const UMKM_OPTIONAL_COLUMNS = ['binaan'] as const;

/** `opd:<OPD>`, `kecamatan:<name>` (a kecamatan's UMKM community) or `koperasi:<name>`; empty: none. */
const BinaanField = z.string().transform((v, ctx): Binaan | undefined => {
  const raw = v.trim();
  if (!raw) return undefined;
  const m = /^(opd|kecamatan|koperasi)\s*:\s*(.+)$/i.exec(raw);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: `must be opd:<OPD>, kecamatan:<name> or koperasi:<name> (not ${raw.slice(0, 40)})` });
    return z.NEVER;
  }
  const type = m[1]!.toLowerCase() as Binaan['type'];
  const name = m[2]!.trim().replace(/\s+/g, ' ');
  if (name.length > 100) {
    ctx.addIssue({ code: 'custom', message: 'must be at most 100 characters' });
    return z.NEVER;
  }
  if (type !== 'kecamatan') return { type, name };
  const kec = canonicalKecamatan(name);
  if (!kec) {
    ctx.addIssue({ code: 'custom', message: `${name} is not a kecamatan of Depok` });
    return z.NEVER;
  }
  return { type, name: kec };
});

const schema = z
  .object({
    id: IdField,
    name: requiredText(100),
    owner_name: requiredText(100),
    owner_phone: PhoneField,
    category: z.string().trim().toLowerCase().pipe(z.enum(CATEGORIES, { error: 'must be kuliner, fashion or kriya' })),
    kecamatan: z.string().transform((v, ctx) => {
      const kec = canonicalKecamatan(v);
      if (!kec) {
        ctx.addIssue({ code: 'custom', message: `${v.trim() || '(empty)'} is not a kecamatan of Depok` });
        return z.NEVER;
      }
      return kec;
    }),
    kelurahan: z.string(),
    address: requiredText(300).pipe(z.string().min(5, { error: 'must be at least 5 characters' })),
    binaan: BinaanField,
  })
  .transform((r, ctx): Umkm => {
    // Runs once every field passed: the kecamatan is canonical by then.
    const kecamatan = r.kecamatan;
    const kelurahan = canonicalKelurahan(kecamatan, r.kelurahan);
    if (!kelurahan) {
      ctx.addIssue({ code: 'custom', path: ['kelurahan'], message: `${r.kelurahan.trim() || '(empty)'} is not a kelurahan of ${kecamatan}` });
      return z.NEVER;
    }
    return {
      id: r.id,
      name: r.name,
      ownerName: r.owner_name,
      ownerPhone: r.owner_phone,
      category: r.category,
      kecamatan,
      kelurahan,
      address: r.address,
      ...(r.binaan ? { binaan: r.binaan } : {}),
    };
  });

/** The UMKM import: `id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address`, upserted by id. */
export function umkmImport(): ImportKind<Umkm> {
  return {
    columns: UMKM_COLUMNS,
    optionalColumns: UMKM_OPTIONAL_COLUMNS,
    schema,
    stored: UmkmSchema,
    id: (u) => u.id,
    unique: [{ field: 'id', key: (u) => u.id }],
    checkChunk: async () => [],
    watched: (keys) => [keys.umkms()],
    load: (store, ids) => store.catalogue.umkmsByIds(ids),
    writes: umkmUpsertCommands,
    versionWrites: umkmVersionCommands,
  };
}
