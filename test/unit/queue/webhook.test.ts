import { describe, expect, it, test } from '@jest/globals';
import { ReportWebhookBodySchema } from '../../../src/reports/webhook-bodies.js';
import { retryAfterSeconds, signWebhook, verifyWebhookSignature, webhookHeaders } from '../../../src/queue/webhook.js';

const SECRET = 'a-long-enough-webhook-secret';
const NOW = 1_795_000_000;
const BODY = JSON.stringify({ event: 'purchase.reported', order_id: 'ORD-20261122-00001' });

describe('webhook signature', () => {
  it('signs `${timestamp}.${body}` with HMAC-SHA256 and verifies it', () => {
    const h = webhookHeaders(BODY, SECRET, NOW);
    expect(h['x-timestamp']).toBe(String(NOW));
    expect(h['x-signature']).toBe(`sha256=${signWebhook(BODY, SECRET, NOW)}`);
    expect(h['x-signature']).toMatch(/^sha256=[a-f0-9]{64}$/);
    expect(verifyWebhookSignature(BODY, h, SECRET, NOW)).toEqual({ ok: true });
  });

  it('matches header names case-insensitively and takes the first of repeated headers', () => {
    const h = webhookHeaders(BODY, SECRET, NOW);
    const headers = { 'X-Signature': [h['x-signature']!, 'sha256=00'], 'X-Timestamp': h['x-timestamp'] };
    expect(verifyWebhookSignature(BODY, headers, SECRET, NOW + 10)).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret, a stale or future timestamp, and missing headers', () => {
    const h = webhookHeaders(BODY, SECRET, NOW);
    expect(verifyWebhookSignature(`${BODY} `, h, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhookSignature(BODY, h, 'another-secret-of-some-length', NOW)).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhookSignature(BODY, h, SECRET, NOW + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(BODY, h, SECRET, NOW - 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyWebhookSignature(BODY, h, SECRET, NOW + 3000, 3600)).toEqual({ ok: true });
    expect(verifyWebhookSignature(BODY, { 'x-signature': h['x-signature'] }, SECRET, NOW)).toEqual({ ok: false, reason: 'missing-headers' });
    expect(verifyWebhookSignature(BODY, { ...h, 'x-timestamp': 'soon' }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-timestamp' });
    expect(verifyWebhookSignature(BODY, { ...h, 'x-signature': 'sha256=abc' }, SECRET, NOW)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('a timestamp moved to a fresh one invalidates the signature (no replay with a new time)', () => {
    const h = webhookHeaders(BODY, SECRET, NOW);
    expect(verifyWebhookSignature(BODY, { ...h, 'x-timestamp': String(NOW + 600) }, SECRET, NOW + 600).ok).toBe(false);
  });
});

describe('ReportWebhookBodySchema', () => {
  it('names the fields that are wrong', () => {
    const r = ReportWebhookBodySchema.safeParse({ event: 'purchase.reported', report_id: 'RPT-1', order_id: 'ORD-1', total: -5 });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['sent_at', 'asn', 'umkm', 'items', 'total', 'recipient', 'receipt_sha256']));
  });
});

describe('Retry-After of a 429 from the webhook receiver', () => {
  const now = Date.parse('2026-11-22T08:00:00Z');
  test('seconds, or an HTTP date counted from now; anything else is not a wait', () => {
    expect(retryAfterSeconds('120', now)).toBe(120);
    expect(retryAfterSeconds(' 5 ', now)).toBe(5);
    expect(retryAfterSeconds('Sun, 22 Nov 2026 08:01:30 GMT', now)).toBe(90);
    expect(retryAfterSeconds('Sun, 22 Nov 2026 07:00:00 GMT', now)).toBe(0); // already past: try now
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds('-3', now)).toBeUndefined();
    expect(retryAfterSeconds('12:30', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });
});
