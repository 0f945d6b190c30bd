import { z } from 'zod';
import { type Product, ProductSchema } from '../domain/schemas.js';
import { productUpsertCommands, productVersionCommands } from '../store/catalogue-repo.js';
import { IdField, requiredText } from './fields.js';
import type { ImportKind } from './kind.js';

/** Columns of a products file. */
export const PRODUCT_COLUMNS = ['sku', 'umkm_id', 'name', 'price', 'unit', 'description', 'photo', 'available'] as const;

/** Highest accepted price: a typo guard (Rp 100.000.000). */
export const MAX_PRICE = 100_000_000;

const TRUE = ['true', 'ya', '1', 'yes'];
const FALSE = ['false', 'tidak', '0', 'no'];

/**
 * `25000`, `25.000`, and as Rupiah are often written, `Rp 25.000`, `Rp25.000,-` or `25.000,00`
 * -> 25000: a positive whole number of Rupiah. `25,000` stays refused (25 Rupiah with a decimal
 * comma, or twenty-five thousand?).
 */
export const PriceField = z.string().transform((v, ctx) => {
  const s = v
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/,(-|00?)$/, '');
  if (!/^\d+$/.test(s) && !/^\d{1,3}(\.\d{3})+$/.test(s)) {
    ctx.addIssue({ code: 'custom', message: `${s || '(empty)'} must be whole Rupiah, digits only or with dots like 25.000` });
    return z.NEVER;
  }
  const n = Number(s.replace(/\./g, ''));
  if (n <= 0 || n > MAX_PRICE) {
    ctx.addIssue({ code: 'custom', message: `${s} must be from 1 to ${MAX_PRICE.toLocaleString('id-ID')}` });
    return z.NEVER;
  }
  return n;
});

/** true/false/ya/tidak/1/0, any case. */
export const AvailableField = z.string().transform((v, ctx) => {
  const s = v.trim().toLowerCase();
  if (TRUE.includes(s)) return true;
  if (FALSE.includes(s)) return false;
  ctx.addIssue({ code: 'custom', message: `${s || '(empty)'} must be ya, tidak, true, false, yes, no, 1 or 0` });
  return z.NEVER;
});

/** Empty, an https URL, or a relative image path under MEDIA_DIR such as `demo/kue-01.jpg`. */
export const PhotoField = z
  .string()
  .trim()
  .refine((s) => s === '' || /^https:\/\/\S+$/.test(s) || /^(?!\/)(?!.*\.\.)[A-Za-z0-9_\-/.]+\.(jpe?g|png|webp)$/i.test(s), {
    error: 'must be empty, an https URL, or a relative .jpg/.png/.webp path',
  })
  .transform((s) => (s === '' ? undefined : s));

const schema = z
  .object({
    sku: IdField,
    umkm_id: IdField,
    name: requiredText(100),
    price: PriceField,
    // "-" or "/" is no unit: it showed as "Rp 175.000/-"
    unit: requiredText(30).refine((s) => s === '' || /[\p{L}\p{N}]/u.test(s), { error: 'must contain a letter or digit' }),
    description: z.string().trim().max(500, { error: 'must be at most 500 characters' }),
    photo: PhotoField,
    available: AvailableField,
  })
  .transform(
    (r): Product => ({
      sku: r.sku,
      umkmId: r.umkm_id,
      name: r.name,
      price: r.price,
      unit: r.unit,
      description: r.description,
      ...(r.photo ? { photo: r.photo } : {}),
      available: r.available,
    }),
  );

/** The products import: `sku,umkm_id,name,price,unit,description,photo,available`; the UMKM must already be stored. */
export function productsImport(): ImportKind<Product> {
  return {
    columns: PRODUCT_COLUMNS,
    schema,
    stored: ProductSchema,
    id: (p) => p.sku,
    unique: [{ field: 'sku', key: (p) => p.sku }],
    async checkChunk(rows, store) {
      const ids = [...new Set(rows.map((r) => r.record.umkmId))];
      const found = await store.catalogue.umkmsByIds(ids);
      const missing = new Set(ids.filter((_, i) => !found[i]));
      return rows
        .filter(({ record }) => missing.has(record.umkmId))
        .map(({ line, record }) => `line ${line}: umkm_id: UMKM ${record.umkmId} does not exist (import umkm first)`);
    },
    watched: (keys) => [keys.products()],
    load: (store, ids) => store.catalogue.productsBySkus(ids),
    writes: productUpsertCommands,
    versionWrites: productVersionCommands,
  };
}
