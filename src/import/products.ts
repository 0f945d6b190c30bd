import { z } from 'zod';
import { type Product, ProductSchema } from '../domain/schemas.js';
import { productUpsertCommands, productVersionCommands } from '../store/catalogue-repo.js';
import { IdField, requiredText } from './fields.js';
import { fetchPhotoUrl, readMediaFile } from '../media/photo-source.js';
import type { ImportContext, ImportKind } from './kind.js';

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
  .transform((r): Product => ({
    sku: r.sku,
    umkmId: r.umkm_id,
    name: r.name,
    price: r.price,
    unit: r.unit,
    description: r.description,
    ...(r.photo ? { photo: r.photo } : {}),
    available: r.available,
  }));

/** Folder under MEDIA_DIR where imported product photos are stored by hash. */
export const PRODUCT_PHOTO_FOLDER = 'products';

/**
 * The products import: `sku,umkm_id,name,price,unit,description,photo,available`; the UMKM must
 * already be stored. Each photo (a path under MEDIA_DIR or an https URL) is read once, here:
 * checked to be an image, cleaned of EXIF/GPS and stored by hash (media-store.ts); the product
 * keeps the stored file's path, so the bot only ever sends files it stored.
 */
export function productsImport(ctx: Pick<ImportContext, 'media'> = {}): ImportKind<Product> {
  // one read per distinct photo source in the file
  const seen = new Map<string, { ok: true; path: string } | { ok: false; reason: string }>();
  async function ingest(source: string): Promise<{ ok: true; path: string } | { ok: false; reason: string }> {
    const known = seen.get(source);
    if (known) return known;
    let result: { ok: true; path: string } | { ok: false; reason: string };
    if (!ctx.media) result = { ok: false, reason: 'cannot be read here (no MEDIA_DIR)' };
    else {
      const read = source.startsWith('https://') ? await fetchPhotoUrl(source, ctx.media.fetch) : await readMediaFile(ctx.media.store.root, source);
      if (!read.ok) result = read;
      else {
        const stored = await ctx.media.store.storeImage(read.bytes, PRODUCT_PHOTO_FOLDER);
        result = stored.ok
          ? { ok: true, path: stored.path }
          : {
              ok: false,
              reason:
                stored.reason === 'too-large' ? 'is larger than 10 MB' : stored.reason === 'too-many-pixels' ? 'is more than 40 megapixels' : 'is not an image',
            };
      }
    }
    seen.set(source, result);
    return result;
  }
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
      const errors = rows
        .filter(({ record }) => missing.has(record.umkmId))
        .map(({ line, record }) => `line ${line}: umkm_id: UMKM ${record.umkmId} does not exist (import umkm first)`);
      for (const { line, record } of rows) {
        if (!record.photo) continue;
        const photo = await ingest(record.photo);
        if (photo.ok) record.photo = photo.path;
        else errors.push(`line ${line}: photo: ${photo.reason}`);
      }
      return errors;
    },
    watched: (keys) => [keys.products()],
    load: (store, ids) => store.catalogue.productsBySkus(ids),
    writes: productUpsertCommands,
    versionWrites: productVersionCommands,
  };
}
