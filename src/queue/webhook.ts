import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReportWebhookBody } from '../reports/webhook-bodies.js';

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
