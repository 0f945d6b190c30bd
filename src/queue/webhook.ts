import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

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

/** Hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function signWebhook(body: string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * The headers that sign a webhook body at `timestamp` (unix seconds), plus `Idempotency-Key` when
 * given: the same on every send of one report or follow-up, so a receiver can drop a repeat.
 */
export function webhookHeaders(body: string, secret: string, timestamp: number, idempotencyKey?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-timestamp': String(timestamp),
    'x-signature': `sha256=${signWebhook(body, secret, timestamp)}`,
    ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
  };
}

/** The `Idempotency-Key` of a report or follow-up: `<report_id>:<event>`, e.g. `RPT-20261205-0001:purchase.reported`. */
export function reportIdempotencyKey(body: Pick<ReportWebhookBody, 'report_id' | 'event'>): string {
  return `${body.report_id}:${body.event}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing-headers' | 'bad-timestamp' | 'stale' | 'bad-signature' };

/**
 * For receivers (and tests): checks `X-Signature: sha256=<hex>` over `${X-Timestamp}.${raw body}`
 * in constant time, and that the timestamp is within `toleranceSeconds` of `nowSeconds`
 * (a replayed old request is refused). Header names are matched case-insensitively.
 */
export function verifyWebhookSignature(
  body: string,
  headers: Record<string, string | string[] | undefined>,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): VerifyResult {
  const get = (name: string) => {
    const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
    const v = entry?.[1];
    return Array.isArray(v) ? v[0] : v;
  };
  const sig = get('x-signature');
  const ts = get('x-timestamp');
  if (!sig || !ts) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, reason: 'bad-timestamp' };
  if (Math.abs(nowSeconds - Number(ts)) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(`sha256=${signWebhook(body, secret, Number(ts))}`);
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  return { ok: true };
}

/**
 * A `Retry-After` header in seconds from `now`: delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110); undefined when absent or unreadable.
 */
export function retryAfterSeconds(header: string | null | undefined, now: number): number | undefined {
  const v = header?.trim();
  if (!v) return undefined;
  if (/^\d{1,9}$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at) || !/[a-z]/i.test(v)) return undefined; // a date has a day or month name
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * `retryAfter` (seconds): a 429 answered with `Retry-After` (seconds or an HTTP date).
 * `status`: the receiver's answer; absent after a network error or timeout (the outcome is unknown:
 * the receiver may have got the body).
 */
export type WebhookOutcome = { ok: true; status: number } | { ok: false; permanent: boolean; error: string; retryAfter?: number; status?: number };

/**
 * POSTs a signed JSON body. 2xx is delivered; 408, 425, 429, 5xx and network errors are worth a
 * retry (a 429's `Retry-After`, seconds or an HTTP date, comes back as `retryAfter` seconds); any
 * other status (400, 401, 403, 404 ...) is permanent.
 */
export async function postWebhook(
  url: string,
  secret: string,
  body: unknown,
  nowSeconds: number,
  timeoutMs = 10_000,
  idempotencyKey?: string,
): Promise<WebhookOutcome> {
  const raw = JSON.stringify(body);
  let res: Response;
  try {
    const headers = webhookHeaders(raw, secret, nowSeconds, idempotencyKey);
    res = await fetch(url, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    return { ok: false, permanent: false, error: `webhook network error: ${e instanceof Error ? e.message : String(e)}` };
  }
  await res.arrayBuffer().catch(() => undefined); // drain so the socket is reused
  if (res.ok) return { ok: true, status: res.status };
  const retryable = res.status >= 500 || [408, 425, 429].includes(res.status);
  const seconds = res.status === 429 ? retryAfterSeconds(res.headers.get('retry-after'), Date.now()) : undefined;
  const wait = seconds !== undefined ? { retryAfter: seconds } : {};
  return { ok: false, permanent: !retryable, error: `webhook answered ${res.status}`, status: res.status, ...wait };
}
