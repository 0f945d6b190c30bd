import { z } from 'zod';

// What the report webhooks carry (a purchase report and its follow-ups, the daily recap, the monthly
// report): what the reports say, below the queue that signs and POSTs them (src/queue/webhook.ts).

const hex64 = z.string().regex(/^[a-f0-9]{64}$/, { error: 'must be 64 lowercase hex digits' });

/** Body of a purchase report (and of its follow-ups) POSTed to REPORT_WEBHOOK_URL. */
export const ReportWebhookBodySchema = z.object({
  event: z.enum(['purchase.reported', 'purchase.post-link', 'purchase.payment-confirmed', 'purchase.rejected', 'purchase.cancelled']),
  /** the same for a report and its follow-up: `RPT-<order id>` */
  report_id: z.string().min(1),
  order_id: z.string().min(1),
  /** ISO-8601 UTC time of this delivery attempt */
  sent_at: z.iso.datetime(),
  /** ISO-8601 UTC time the order was created */
  created_at: z.iso.datetime(),
  asn: z.object({ nip: z.string().regex(/^\d{18}$/), name: z.string(), opd: z.string() }),
  umkm: z.object({ id: z.string(), name: z.string(), kecamatan: z.string() }),
  items: z.array(z.object({ sku: z.string(), name: z.string(), qty: z.number().int().positive(), price: z.number().int().positive() })).min(1),
  /** integer Rupiah */
  total: z.number().int().positive(),
  /** never the address, phone or full name of the isoman resident */
  recipient: z.object({ kelurahan: z.string().nullable(), kecamatan: z.string().nullable(), name_masked: z.string().nullable() }),
  post_link: z.string().nullable(),
  payment_confirmed: z.boolean(),
  /** how the ASN says they paid (bank, ewallet, qris); never the account itself */
  payment_method: z.enum(['bank', 'ewallet', 'qris']).optional(),
  /** SHA-256 of the receipt photo as the ASN sent it */
  receipt_sha256: hex64.nullable(),
  /** `purchase.rejected` only: a picked reason (`sold-out`, `area`, `other`) or the owner's own words */
  reject_reason: z.string().optional(),
  /**
   * true when an earlier send of this same report or follow-up was cut off by a crash before its
   * outcome was known: the receiver may already have it (same `report_id`, `event` and
   * `Idempotency-Key` header); absent otherwise
   */
  resent: z.literal(true).optional(),
});
export type ReportWebhookBody = z.infer<typeof ReportWebhookBodySchema>;

const RecapRowSchema = z.object({ purchases: z.number().int(), asn: z.number().int(), total: z.number().int() });

/** Body of the daily recap POSTed to REPORT_WEBHOOK_URL (event `recap.daily`). */
export const RecapWebhookBodySchema = z.object({
  event: z.literal('recap.daily'),
  /** WIB day `YYYY-MM-DD` */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  sent_at: z.iso.datetime(),
  purchases: z.number().int(),
  asn_count: z.number().int(),
  total: z.number().int(),
  /** purchases with a social-media post link, 0..1 */
  post_link_share: z.number().min(0).max(1),
  by_opd: z.array(RecapRowSchema.extend({ opd: z.string() })),
  by_kecamatan: z.array(RecapRowSchema.extend({ kecamatan: z.string() })),
  top_umkm: z.array(z.object({ id: z.string(), name: z.string(), kecamatan: z.string(), purchases: z.number().int(), total: z.number().int() })),
  /** purchases for residents and for ASN in isoman, counted apart (no NIP) */
  recipients: z.object({ resident: z.number().int(), asn: z.number().int() }),
  /** Rupiah by where the UMKM comes from: `opd` (binaan OPD), `kecamatan` (community), `koperasi`, `none` */
  by_source: z.array(z.object({ source: z.enum(['opd', 'kecamatan', 'koperasi', 'none']), purchases: z.number().int(), total: z.number().int() })),
  /** the day's reports as CSV (one row per order, no address or phone) */
  csv: z.string(),
});
export type RecapWebhookBody = z.infer<typeof RecapWebhookBodySchema>;

const FiguresSchema = z.object({
  asn: z.number().int(),
  buyers: z.number().int(),
  share: z.number().min(0).max(1),
  purchases: z.number().int(),
  total: z.number().int(),
});
const MonthlyRowSchema = FiguresSchema.extend({
  rank: z.number().int().positive(),
  name: z.string(),
  prev: FiguresSchema,
  change_share_points: z.number().int(),
  change_total: z.number().int(),
});

/** `recap.monthly`: last month's participation by OPD and kecamatan, ranked, with the change from the month before. */
export const MonthlyWebhookBodySchema = z.object({
  event: z.literal('recap.monthly'),
  /** WIB month `YYYY-MM` */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  sent_at: z.iso.datetime(),
  all: FiguresSchema.extend({ prev: FiguresSchema }),
  by_opd: z.array(MonthlyRowSchema),
  by_kecamatan: z.array(MonthlyRowSchema),
  by_source: z.array(z.object({ source: z.enum(['opd', 'kecamatan', 'koperasi', 'none']), purchases: z.number().int(), total: z.number().int() })),
  recipients: z.object({ resident: z.number().int(), asn: z.number().int() }),
  by_kelurahan: z.array(
    z.object({ kecamatan: z.string(), kelurahan: z.string(), umkm_registered: z.number().int(), umkm_sold: z.number().int(), total: z.number().int() }),
  ),
  /** the same figures as CSV */
  csv: z.string(),
});
export type MonthlyWebhookBody = z.infer<typeof MonthlyWebhookBodySchema>;
