import { z } from 'zod';
import { detailsOnly, type PaymentDetails, PaymentDetailsSchema, sameDetails, StoredPaymentSchema } from '../domain/payment.js';
import { type Binaan, CATEGORIES, type Umkm, UmkmSchema } from '../domain/schemas.js';
import type { Cmd } from '../store/batch.js';
import { umkmUpsertCommands, umkmVersionCommands } from '../store/catalogue-repo.js';
import { canonicalKecamatan, canonicalKelurahan } from '../domain/wilayah.js';
import { IdField, PhoneField, requiredText } from './fields.js';
import type { ImportContext, ImportKind } from './kind.js';
import { PAYMENT_COLUMNS, paymentColumns, readPaymentCells, resolveQrisFiles } from './payment-columns.js';

/** Columns of a UMKM file. */
export const UMKM_COLUMNS = ['id', 'name', 'owner_name', 'owner_phone', 'category', 'kecamatan', 'kelurahan', 'address'] as const;
/** Optional columns of a UMKM file. */
export const UMKM_OPTIONAL_COLUMNS = ['binaan', 'koperasi_phone'] as const;

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
    category: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(CATEGORIES, { error: 'must be kuliner, fashion or kriya' })),
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
    /** the cooperative's phone: it handles this member UMKM's orders too (only with binaan koperasi:<name>) */
    koperasi_phone: z
      .string()
      .optional()
      .transform((v, ctx): string | undefined => {
        if (!v?.trim()) return undefined;
        const r = PhoneField.safeParse(v);
        if (r.success) return r.data;
        ctx.addIssue({ code: 'custom', message: 'is not a valid phone number' });
        return z.NEVER;
      }),
    ...paymentColumns,
  })
  .transform((r, ctx): UmkmRow => {
    // Runs once every field passed: the kecamatan is canonical by then.
    const kecamatan = r.kecamatan;
    const kelurahan = canonicalKelurahan(kecamatan, r.kelurahan);
    if (!kelurahan) {
      ctx.addIssue({ code: 'custom', path: ['kelurahan'], message: `${r.kelurahan.trim() || '(empty)'} is not a kelurahan of ${kecamatan}` });
      return z.NEVER;
    }
    if (r.koperasi_phone && r.binaan?.type !== 'koperasi') {
      ctx.addIssue({ code: 'custom', path: ['koperasi_phone'], message: 'needs binaan koperasi:<name> in the same row' });
      return z.NEVER;
    }
    const pay = readPaymentCells(r, ctx);
    if (!pay) return z.NEVER;
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
      ...(r.koperasi_phone ? { koperasiPhone: r.koperasi_phone } : {}),
      ...(pay.bank || pay.ewallet ? { payment: { ...(pay.bank ? { bank: pay.bank } : {}), ...(pay.ewallet ? { ewallet: pay.ewallet } : {}) } } : {}),
      ...(pay.qrisFile ? { qrisFile: pay.qrisFile } : {}),
    };
  });

/**
 * A UMKM row with the payment details its optional columns give (none when they are empty: the
 * stored details are then left as they are). `qrisFile` is the image named in the row until the
 * import's check has read it into `payment.qris`.
 */
export type UmkmRow = Umkm & { payment?: PaymentDetails; qrisFile?: string };

/** A row as the runner keeps it between its passes (the QRIS file already read). */
const StoredRowSchema = UmkmSchema.extend({ payment: PaymentDetailsSchema.optional() });

const umkmOf = (r: UmkmRow): Umkm => {
  const { payment: _p, qrisFile: _q, ...umkm } = r;
  return umkm;
};

/**
 * The UMKM import: `id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address`, upserted
 * by id, with the optional payment columns `bank,account_number,account_name,ewallet,qris`
 * (issue 12): rows that give details replace the stored ones (each change kept in the history,
 * by `import`); rows that give none leave them as they are.
 */
export function umkmImport(ctx: ImportContext = { now: new Date() }): ImportKind<UmkmRow> {
  // The rows that give payment details: only their stored details take part in "unchanged".
  const withPayment = new Set<string>();
  const at = ctx.now.toISOString();
  return {
    columns: UMKM_COLUMNS,
    optionalColumns: [...UMKM_OPTIONAL_COLUMNS, ...PAYMENT_COLUMNS],
    schema,
    stored: StoredRowSchema,
    id: (u) => u.id,
    unique: [{ field: 'id', key: (u) => u.id }],
    checkChunk: async (rows) => {
      const errors = await resolveQrisFiles(rows, ctx.media?.store);
      for (const { record } of rows) if (record.payment) withPayment.add(record.id);
      return errors;
    },
    watched: (keys) => [keys.umkms(), keys.payments()],
    load: async (store, ids) => {
      const [umkms, payments] = await Promise.all([store.catalogue.umkmsByIds(ids), store.payments.many(ids)]);
      return umkms.map((u, i): UmkmRow | null => {
        const p = payments[i];
        if (!u || !withPayment.has(u.id) || !p) return u;
        return { ...u, payment: detailsOnly(p) };
      });
    },
    writes: (keys, records, old) => {
      const cmds: Cmd[] = umkmUpsertCommands(
        keys,
        records.map(umkmOf),
        old.map((o) => (o ? umkmOf(o) : null)),
      );
      records.forEach((r, i) => {
        const before = old[i]?.payment ?? null;
        if (!r.payment || sameDetails(before, r.payment)) return;
        const details = detailsOnly(r.payment);
        const stored = StoredPaymentSchema.parse({ ...details, updatedAt: at, updatedBy: 'import' });
        cmds.push(
          ['hset', keys.payments(), r.id, JSON.stringify(stored)],
          ['lpush', keys.paymentHistory(r.id), JSON.stringify({ at, by: 'import', old: before ? detailsOnly(before) : null, new: details })],
          ['ltrim', keys.paymentHistory(r.id), 0, 199],
        );
      });
      return cmds;
    },
    versionWrites: umkmVersionCommands,
  };
}
