import { afterEach, describe, expect, it } from '@jest/globals';
import { ReportWebhookBodySchema } from '../../../src/reports/webhook-bodies.js';
import { verifyWebhookSignature } from '../../../src/queue/webhook.js';
import { RECIPIENT, UMKM, makeMediaDir, seedPaidOrder, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, recordingSender, settled } from '../../support/queue/harness.js';
import { type Scripted, startWebhookReceiver } from '../../support/queue/stub-servers.js';
import { FAKE_BOT_TOKEN, type FakeBotApi, type Fault, startFakeBotApi } from '../../support/fake-bot-api/index.js';

const SECRET = 'test-webhook-secret-0123456789';
const CHAT = '-1001234567890';
const CHAT_ID = Number(CHAT);
const JID = '120363000000000000@g.us';

type Ctx = Awaited<ReturnType<typeof setup>>;

/** Messages of one method the fake recorded in the mayor's chat. */
const sentBy = (bot: FakeBotApi, method: string) => bot.sent(CHAT_ID).filter((r) => r.method === method);
let current: Ctx | undefined;

async function setup(opts: { fault?: [method: string, count: number, fault: Fault]; hook?: (n: number) => Scripted; whatsapp?: boolean } = {}) {
  const media = await makeMediaDir();
  const bot = await startFakeBotApi({ rateLimits: false });
  bot.addChat({ id: CHAT_ID, type: 'supergroup', title: 'Kantor Wali Kota Depok' });
  if (opts.fault) bot.failNext(...opts.fault);
  const hook = await startWebhookReceiver(opts.hook);
  const config = testConfig({
    BOT_TOKEN: FAKE_BOT_TOKEN,
    TELEGRAM_API_ROOT: bot.url,
    MAYOR_TELEGRAM_CHAT_ID: CHAT,
    MAYOR_WHATSAPP_JID: JID,
    REPORT_WEBHOOK_URL: hook.url,
    REPORT_WEBHOOK_SECRET: SECRET,
    MEDIA_DIR: media.dir,
  });
  const h = createHarness(config);
  const wa = recordingSender('whatsapp');
  await h.start({ telegram: h.telegramSender(), whatsapp: opts.whatsapp === false ? undefined : wa });
  const ctx = {
    h,
    bot,
    hook,
    wa,
    media,
    async close() {
      await h.close();
      await bot.close();
      await hook.close();
    },
  };
  current = ctx;
  return ctx;
}

afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('reports queue', () => {
  it('delivers one report to Telegram, WhatsApp and the webhook once, signed and without personal data', async () => {
    const { h, bot, hook, wa, media } = await setup();
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]); // a repeated effect is one job
    const job = await settled(h.queues.reports, order.id);
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(1);

    const photos = sentBy(bot, 'sendPhoto');
    expect(photos).toHaveLength(1);
    expect(bot.sent()).toHaveLength(1);
    expect(photos[0]!.photo?.source).toBe('upload');
    expect(photos[0]!.photo?.data.length).toBeGreaterThan(0);
    const caption = String(photos[0]!.caption);
    expect(caption.length).toBeLessThan(1024);
    expect(caption).toContain('Budi Santoso');
    expect(caption).toContain('198503152010011002');
    expect(caption).toContain('Dinas Kesehatan');
    expect(caption).toContain(UMKM.name);
    expect(caption).toContain('Rp 42.000');
    expect(caption).toContain('S*** W***');
    expect(caption).toContain(RECIPIENT.kelurahan);
    for (const secret of [RECIPIENT.name, RECIPIENT.phone, RECIPIENT.address, '085711112222']) expect(caption).not.toContain(secret);

    expect(wa.sent).toHaveLength(1);
    expect(wa.sent[0]!.chatId).toBe(JID);
    expect(wa.sent[0]!.msg.photo?.path).toBe(media.rel);

    expect(hook.hits).toHaveLength(1);
    const hit = hook.hits[0]!;
    const now = Math.floor(Date.now() / 1000);
    expect(verifyWebhookSignature(hit.body, hit.headers as Record<string, string>, SECRET, now)).toEqual({ ok: true });
    expect(verifyWebhookSignature(hit.body, hit.headers as Record<string, string>, 'another-secret-0123456789', now).ok).toBe(false);
    expect(verifyWebhookSignature(`${hit.body} `, hit.headers as Record<string, string>, SECRET, now).ok).toBe(false);
    const body = ReportWebhookBodySchema.parse(JSON.parse(hit.body));
    expect(body).toMatchObject({
      event: 'purchase.reported',
      order_id: order.id,
      report_id: `RPT-${order.id}`,
      asn: { nip: '198503152010011002', name: 'Budi Santoso', opd: 'Dinas Kesehatan' },
      umkm: { id: 'U001', kecamatan: 'Beji' },
      total: 42000,
      recipient: { kelurahan: 'Depok Jaya', kecamatan: 'Pancoran Mas', name_masked: 'S*** W***' },
      post_link: null,
      payment_confirmed: false,
      receipt_sha256: media.hash,
    });
    for (const secret of [RECIPIENT.name, RECIPIENT.phone, RECIPIENT.address]) expect(hit.body).not.toContain(secret);

    const stored = await h.store.orders.get(order.id);
    expect(Object.keys(stored!.reportedTo).sort()).toEqual(['telegram', 'webhook', 'whatsapp']);
  });

  it('retries a Telegram 500 twice and delivers once; the webhook is not sent again', async () => {
    const { h, bot, hook, wa, media } = await setup({ fault: ['sendPhoto', 2, { status: 500, description: 'Internal Server Error' }] });
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    const job = await settled(h.queues.reports, order.id);
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(3);
    expect(bot.calls('sendPhoto').map((c) => c.status)).toEqual([500, 500, 200]);
    expect(sentBy(bot, 'sendPhoto')).toHaveLength(1);
    expect(hook.hits).toHaveLength(1);
    expect(wa.sent).toHaveLength(1);
  });

  it('fails at once with an UnrecoverableError when Telegram answers 403, after the other destinations got it', async () => {
    const { h, bot, hook, media } = await setup({
      fault: ['sendPhoto', 99, { status: 403, description: 'Forbidden: bot was kicked from the supergroup chat' }],
    });
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    const job = await settled(h.queues.reports, order.id);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain('403');
    expect(bot.calls()).toHaveLength(1);
    expect(hook.accepted()).toHaveLength(1);
    const stored = await h.store.orders.get(order.id);
    expect(Object.keys(stored!.reportedTo).sort()).toEqual(['webhook', 'whatsapp']);
    expect(await h.queues.reports.getFailed()).toHaveLength(1); // kept for admins

    // The post link still reaches the destinations that got the report; Telegram is not waited for.
    await h.store.orders.update(order.id, { postLink: 'https://www.instagram.com/p/LATE/' });
    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id }]);
    const follow = await settled(h.queues.reports, `followup.${order.id}`);
    expect(await follow.getState()).toBe('completed');
    expect(follow.returnvalue).toMatchObject({ telegram: expect.stringMatching(/^skipped/), webhook: 'sent', whatsapp: 'sent' });
    expect(bot.calls()).toHaveLength(1);
    expect(hook.accepted()).toHaveLength(2);
  });

  it('waits out a Telegram 429 retry_after without using an attempt, and sends nothing twice', async () => {
    const { h, bot, hook, wa, media } = await setup({
      fault: ['sendPhoto', 1, { status: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 }],
    });
    const order = await seedPaidOrder(h.store, { receipt: media });
    // One attempt only: a wait that used it up would leave the job failed.
    await h.queues.reports.add('report', { orderId: order.id, kind: 'report' }, { jobId: order.id, attempts: 1 });
    const job = await settled(h.queues.reports, order.id);
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(1);
    expect(job.returnvalue).toEqual({ telegram: 'sent', whatsapp: 'already-sent', webhook: 'already-sent' });
    expect(bot.calls('sendPhoto').map((c) => c.status)).toEqual([429, 200]);
    expect(sentBy(bot, 'sendPhoto')).toHaveLength(1);
    expect(wa.sent).toHaveLength(1);
    expect(hook.hits).toHaveLength(1);
    expect(Object.keys((await h.store.orders.get(order.id))!.reportedTo).sort()).toEqual(['telegram', 'webhook', 'whatsapp']);
  });

  it('waits out a webhook 429 Retry-After the same way', async () => {
    const { h, bot, hook, wa, media } = await setup({ hook: (n) => (n === 1 ? { status: 429, retryAfter: 1 } : undefined) });
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.queues.reports.add('report', { orderId: order.id, kind: 'report' }, { jobId: order.id, attempts: 1 });
    const job = await settled(h.queues.reports, order.id);
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(1);
    expect(hook.hits.map((x) => x.status)).toEqual([429, 200]);
    expect(sentBy(bot, 'sendPhoto')).toHaveLength(1);
    expect(wa.sent).toHaveLength(1);
  });

  it('a report queued over an hour ago no longer waits 429s for free: the attempt is used and the job fails', async () => {
    const { h, hook, media } = await setup({ hook: () => ({ status: 429, retryAfter: 1 }) });
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.queues.reports.add('report', { orderId: order.id, kind: 'report' }, { jobId: order.id, attempts: 1, timestamp: Date.now() - 2 * 3600_000 });
    const job = await settled(h.queues.reports, order.id);
    expect(await job.getState()).toBe('failed'); // listed by /gagal, retried from there
    expect(hook.hits.map((x) => x.status)).toEqual([429]);
    expect(Object.keys((await h.store.orders.get(order.id))!.reportedTo).sort()).toEqual(['telegram', 'whatsapp']);
  });

  it('retries a webhook 503, refuses a webhook 400 without retrying', async () => {
    const ctx = await setup({ hook: (n) => (n === 1 ? { status: 503 } : { status: 400 }) });
    const order = await seedPaidOrder(ctx.h.store, { receipt: ctx.media });
    await ctx.h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    const job = await settled(ctx.h.queues.reports, order.id);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(2);
    expect(ctx.hook.hits).toHaveLength(2);
    expect(sentBy(ctx.bot, 'sendPhoto')).toHaveLength(1);
  });

  it('splits a long report: caption under 1024, the rest as a reply to the photo; the follow-up replies to it too', async () => {
    const { h, bot, hook, wa, media } = await setup();
    const items = Array.from({ length: 30 }, (_, i) => ({ sku: `SKU-${i}`, name: `Produk olahan khas Depok nomor ${i + 1}`, price: 10000 + i, qty: 1 }));
    const order = await seedPaidOrder(h.store, { receipt: media, items });
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    expect(await (await settled(h.queues.reports, order.id)).getState()).toBe('completed');
    const photo = sentBy(bot, 'sendPhoto')[0]!;
    expect(String(photo.caption).length).toBeLessThan(1024);
    expect(sentBy(bot, 'sendMessage')).toHaveLength(1);
    const rest = bot.calls('sendMessage');
    expect(rest[0]!.params.reply_parameters).toMatchObject({ message_id: photo.message_id });

    await h.store.orders.update(order.id, { postLink: 'https://www.instagram.com/p/ABC123/' });
    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id }]);
    expect(await (await settled(h.queues.reports, `followup.${order.id}`)).getState()).toBe('completed');
    const follow = bot.calls('sendMessage')[1]!;
    expect(follow.status).toBe(200);
    expect(follow.params.text).toContain('https://www.instagram.com/p/ABC123/');
    expect(follow.params.reply_parameters).toMatchObject({ message_id: photo.message_id });
    expect(wa.sent).toHaveLength(2);
    expect(wa.sent[1]!.msg.text).toContain('https://www.instagram.com/p/ABC123/');
    const followBody = ReportWebhookBodySchema.parse(JSON.parse(hook.hits[1]!.body));
    expect(followBody).toMatchObject({ event: 'purchase.post-link', report_id: `RPT-${order.id}`, post_link: 'https://www.instagram.com/p/ABC123/' });
    expect(hook.hits).toHaveLength(2);
  });

  it('tells every destination when the UMKM confirms the payment after the report went out, once, even after a post-link follow-up', async () => {
    const { h, bot, hook, wa, media } = await setup();
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    expect(await (await settled(h.queues.reports, order.id)).getState()).toBe('completed');
    await h.store.orders.update(order.id, { postLink: 'https://www.instagram.com/p/XYZ789/' });
    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id }]);
    expect(await (await settled(h.queues.reports, `followup.${order.id}`)).getState()).toBe('completed');

    await h.store.orders.update(order.id, { paymentConfirmed: true });
    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id, about: 'payment' }]);
    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id, about: 'payment' }]);
    expect(await (await settled(h.queues.reports, `payment.${order.id}`)).getState()).toBe('completed');

    const photo = sentBy(bot, 'sendPhoto')[0]!;
    const paid = bot.calls('sendMessage').filter((c) => String(c.params.text).includes('mengonfirmasi pembayaran'));
    expect(paid).toHaveLength(1);
    expect(paid[0]!.params.reply_parameters).toMatchObject({ message_id: photo.message_id });
    expect(wa.sent.filter((m) => m.msg.text.includes('mengonfirmasi pembayaran'))).toHaveLength(1);
    const bodies = hook.hits.map((x) => ReportWebhookBodySchema.parse(JSON.parse(x.body)));
    expect(bodies.map((b) => b.event)).toEqual(['purchase.reported', 'purchase.post-link', 'purchase.payment-confirmed']);
    expect(bodies[2]).toMatchObject({ report_id: `RPT-${order.id}`, payment_confirmed: true });
  });

  it('tells every destination when the UMKM rejects the order after the report went out, with the reason, once even when retried', async () => {
    // The webhook's first answer to the rejection is a 503: the job is retried, Telegram and WhatsApp are not told twice.
    const { h, bot, hook, wa, media } = await setup({ hook: (n) => (n === 2 ? { status: 503 } : undefined) });
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    expect(await (await settled(h.queues.reports, order.id)).getState()).toBe('completed');

    const rejected = await h.store.orders.update(order.id, { status: 'rejected', rejectReason: 'sold-out' }, 'umkm');
    expect(rejected.ok).toBe(true);
    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id, about: 'rejected' }]);
    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id, about: 'rejected' }]);
    const job = await settled(h.queues.reports, `rejected.${order.id}`);
    expect(await job.getState()).toBe('completed');
    expect(job.attemptsMade).toBe(2);

    const photo = sentBy(bot, 'sendPhoto')[0]!;
    const told = sentBy(bot, 'sendMessage');
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toBe(`❌ Pesanan ${order.id} DITOLAK oleh UMKM, jadi tidak dihitung sebagai pembelian. Alasan: Stok habis`);
    expect(bot.calls('sendMessage')[0]!.params.reply_parameters).toMatchObject({ message_id: photo.message_id });
    expect(wa.sent.map((m) => m.msg.text).slice(1)).toEqual([told[0]!.text]);
    expect(hook.hits.map((x) => x.status)).toEqual([200, 503, 200]);
    const bodies = hook.hits.map((x) => ReportWebhookBodySchema.parse(JSON.parse(x.body)));
    expect(bodies.map((b) => b.event)).toEqual(['purchase.reported', 'purchase.rejected', 'purchase.rejected']);
    expect(bodies[0]!.reject_reason).toBeUndefined();
    expect(bodies[2]).toMatchObject({ report_id: `RPT-${order.id}`, order_id: order.id, reject_reason: 'sold-out' });
  });

  it('a rejection that comes before the report is delivered waits for the report, then follows it', async () => {
    const { h, bot, hook, wa, media } = await setup();
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.store.orders.update(order.id, { status: 'rejected', rejectReason: 'Dapur tutup sampai Senin' }, 'umkm');
    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id, about: 'rejected' }]);
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    expect(await (await settled(h.queues.reports, order.id)).getState()).toBe('completed');
    expect(await (await settled(h.queues.reports, `rejected.${order.id}`)).getState()).toBe('completed');

    expect(sentBy(bot, 'sendPhoto')).toHaveLength(1);
    expect(sentBy(bot, 'sendMessage').map((m) => m.text)).toEqual([
      `❌ Pesanan ${order.id} DITOLAK oleh UMKM, jadi tidak dihitung sebagai pembelian. Alasan: Dapur tutup sampai Senin`,
    ]);
    expect(wa.sent).toHaveLength(2);
    const bodies = hook.hits.map((x) => ReportWebhookBodySchema.parse(JSON.parse(x.body)));
    expect(bodies.map((b) => [b.event, b.reject_reason])).toEqual([
      ['purchase.reported', undefined],
      ['purchase.rejected', 'Dapur tutup sampai Senin'],
    ]);
  });

  it('records WhatsApp as skipped when it is not running, and sends no follow-up where the report had the link', async () => {
    const { h, bot, hook, media } = await setup({ whatsapp: false });
    const order = await seedPaidOrder(h.store, { receipt: media, postLink: 'https://www.instagram.com/p/XYZ/' });
    await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    const job = await settled(h.queues.reports, order.id);
    expect(await job.getState()).toBe('completed');
    expect(job.returnvalue).toMatchObject({ telegram: 'sent', webhook: 'sent', whatsapp: expect.stringMatching(/^skipped/) });
    const record = await h.redis.hgetall(h.keys.reportDeliveries(order.id, 'report'));
    expect(record['whatsapp.skipped']).toContain('not running');
    expect(Object.keys((await h.store.orders.get(order.id))!.reportedTo).sort()).toEqual(['telegram', 'webhook']);

    await h.queues.performEffects([{ type: 'enqueue-followup', orderId: order.id }]);
    const follow = await settled(h.queues.reports, `followup.${order.id}`);
    expect(await follow.getState()).toBe('completed');
    expect(sentBy(bot, 'sendMessage')).toHaveLength(0);
    expect(hook.hits).toHaveLength(1);
  });
});
