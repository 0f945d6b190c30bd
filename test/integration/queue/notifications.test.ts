import { afterEach, describe, expect, it } from '@jest/globals';
import type { Job } from 'bullmq';
import { displayPhone } from '../../../src/domain/phone.js';
import { createLogger } from '../../../src/logger.js';
import type { SendResult } from '../../../src/channels/types.js';
import type { Person } from '../../../src/domain/schemas.js';
import { JobPayloadError, type NotificationJob, jobIds } from '../../../src/queue/jobs.js';
import { createNotificationProcessor } from '../../../src/queue/notification-processor.js';
import { ASN, RECIPIENT, UMKM, makeMediaDir, seedPaidOrder, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, i18n, recordingSender, settled, silentLogger } from '../../support/queue/harness.js';

const ADMIN: Person = { nip: '198201132009012025', name: 'Hartini Susanti', phone: '+6289900000901', opd: 'Dinas Koperasi dan UMKM', role: 'admin' };

type Ctx = Awaited<ReturnType<typeof setup>>;
let current: Ctx | undefined;

/** 10:00 WIB: daytime, so the accept checks are not moved out of the night. */
const DAYTIME = new Date('2026-11-23T03:00:00Z');

async function setup(answers: { telegram?: (n: number) => SendResult; whatsapp?: (n: number) => SendResult } = {}, now: Date = DAYTIME) {
  const media = await makeMediaDir();
  const config = testConfig({ MEDIA_DIR: media.dir, UMKM_ACCEPT_MINUTES: '30' });
  const h = createHarness(config);
  const telegram = recordingSender('telegram', answers.telegram);
  const whatsapp = recordingSender('whatsapp', answers.whatsapp);
  const process = createNotificationProcessor({
    redis: h.redis,
    keys: h.keys,
    store: h.store,
    config,
    logger: silentLogger,
    i18n,
    senders: { telegram, whatsapp },
    queue: h.queues.notifications,
    clock: () => now,
  });
  const order = await seedPaidOrder(h.store, { receipt: media });
  await h.store.roster.upsert([ADMIN]);
  // The owner on Telegram and WhatsApp; the ASN on Telegram (English); the admin on Telegram.
  await h.store.chatUsers.patch('telegram', '7001', { phone: UMKM.ownerPhone });
  await h.store.chatUsers.patch('whatsapp', '6281298765432', { phone: UMKM.ownerPhone });
  await h.store.chatUsers.patch('telegram', '7002', { phone: ASN.phone, locale: 'en' });
  await h.store.chatUsers.patch('telegram', '7009', { phone: ADMIN.phone });
  const job = (target: 'umkm' | 'asn', event: string): Pick<Job<NotificationJob>, 'id' | 'data'> => ({
    id: jobIds.notification(order.id, `${target}.${event}`),
    data: { orderId: order.id, target, event },
  });
  const to = (chatId: string) => [...telegram.sent, ...whatsapp.sent].filter((s) => s.chatId === chatId).map((s) => s.msg);
  const ctx = { h, media, config, telegram, whatsapp, process, order, job, to, close: () => h.close() };
  current = ctx;
  return ctx;
}

afterEach(async () => {
  await current?.close();
  current = undefined;
});

describe('notifications processor', () => {
  it('tells the owner on every linked chat what to deliver where, with the receipt photo; buttons on Telegram, a command on WhatsApp', async () => {
    const { process, job, to, order, media } = await setup();
    expect(await process(job('umkm', 'paid'))).toEqual({ status: 'sent', chats: 2 });

    const [tg] = to('7001');
    expect(tg!.text).toContain(`Pesanan baru untuk ${UMKM.name}`);
    expect(tg!.text).toContain(`Pemesan: ${ASN.name} (${ASN.opd})`);
    expect(tg!.text).toContain('2 × Keripik Tempe 250 g @ Rp 15.000 = Rp 30.000');
    expect(tg!.text).toContain('Total: Rp 42.000');
    expect(tg!.text).toContain(
      `👤 ${RECIPIENT.name}\n📞 ${displayPhone(RECIPIENT.phone)}\n🏠 ${RECIPIENT.address}\n📍 Kel. ${RECIPIENT.kelurahan}, Kec. ${RECIPIENT.kecamatan}`,
    );
    expect(tg!.text).toContain('bukti pembayaran');
    expect(tg!.photo).toEqual({ path: media.rel });
    expect(tg!.choices).toEqual([
      { id: `uo:acc:${order.id}`, label: '✅ Terima pesanan' },
      { id: `uo:rej:${order.id}`, label: '❌ Tolak pesanan' },
      { id: `uo:pay:${order.id}`, label: '💰 Pembayaran sudah masuk' },
    ]);
    for (const c of tg!.choices!) expect(Buffer.byteLength(c.id)).toBeLessThanOrEqual(64);

    const [wa] = to('6281298765432');
    expect(wa!.choices).toBeUndefined();
    expect(wa!.text).toContain(`Balas dengan /terima ${order.id} untuk menerima atau /tolak ${order.id} untuk menolak`);
    expect(wa!.photo).toEqual({ path: media.rel });
    expect(to('7002')).toEqual([]); // the ASN is not told of their own receipt here
  });

  it("a member UMKM's new order also reaches its cooperative's chat (koperasi_phone), named by UMKM", async () => {
    const { h, process, job, to, order } = await setup();
    const umkm = (await h.store.catalogue.umkm(UMKM.id))!;
    await h.store.catalogue.upsertUmkms([{ ...umkm, binaan: { type: 'koperasi', name: 'Koperasi Depok Maju' }, koperasiPhone: '+6289900001900' }]);
    await h.store.chatUsers.patch('telegram', '7100', { phone: '+6289900001900' });
    expect(await process(job('umkm', 'paid'))).toEqual({ status: 'sent', chats: 3 });
    const [kop] = to('7100');
    expect(kop!.text).toContain(`Pesanan baru untuk ${UMKM.name}`);
    expect(kop!.choices!.map((c) => c.id)).toContain(`uo:acc:${order.id}`);
    expect(to('7001')).toHaveLength(1); // the owner still hears of it
  });

  it('the same job run twice (a retry after a worker crash) sends each chat one message', async () => {
    const { h, process, job, telegram, whatsapp } = await setup();
    await process(job('umkm', 'paid'));
    expect(await process(job('umkm', 'paid'))).toEqual({ status: 'sent', chats: 2 });
    expect(telegram.sent).toHaveLength(1);
    expect(whatsapp.sent).toHaveLength(1);
    const record = await h.redis.hgetall(h.keys.notificationDeliveries(job('umkm', 'paid').id!));
    expect(Object.keys(record).sort()).toEqual(['telegram:7001', 'whatsapp:6281298765432']);
  });

  it('a send cut by a crash (its outcome unknown) goes again marked "dikirim ulang"; one refused with a 429 does not', async () => {
    const { process, job, order, to, whatsapp } = await setup({
      whatsapp: (n) => (n === 1 ? { ok: false, error: 'rate limited', retryAfter: 1 } : { ok: true }),
    });
    // First run: the Telegram send never comes back, as when the worker dies holding it.
    const telegramSend = current!.telegram.send.bind(current!.telegram);
    let cut = true;
    current!.telegram.send = (chatId, msg) => (cut ? (telegramSend(chatId, msg), new Promise<SendResult>(() => undefined)) : telegramSend(chatId, msg));
    void process(job('umkm', 'paid'));
    while (current!.telegram.sent.length < 1) await new Promise((r) => setImmediate(r)); // the first run is in the Telegram send
    cut = false;
    // The retries (the chats come in no set order): Telegram again, marked; WhatsApp answers 429
    // once, so it is sent by a later retry, unmarked.
    let result;
    for (let i = 0; i < 3 && !result; i++) result = await process(job('umkm', 'paid')).catch(() => undefined);
    expect(result).toEqual({ status: 'sent', chats: 2 });
    const tg = to('7001');
    expect(tg).toHaveLength(2);
    expect(tg[0]!.text).not.toContain('Dikirim ulang');
    expect(tg[1]!.text).toMatch(new RegExp(`^🔁 Dikirim ulang \\(pesanan ${order.id}\\): .*Ini bukan pesanan baru\\.`));
    expect(whatsapp.sent.map((m) => m.msg.text.includes('Dikirim ulang'))).toEqual([false, false]);
  });

  it('a chat that failed is retried alone: the one that got it is not sent twice', async () => {
    const { process, job, telegram, whatsapp } = await setup({
      whatsapp: (n) => (n === 1 ? { ok: false, error: 'WhatsApp is not connected', retryAfter: 30 } : { ok: true }),
    });
    await expect(process(job('umkm', 'paid'))).rejects.toThrow(/incomplete: whatsapp: WhatsApp is not connected/);
    await process(job('umkm', 'paid'));
    expect(telegram.sent).toHaveLength(1);
    expect(whatsapp.sent).toHaveLength(2); // the failed attempt and the delivered one
  });

  it('a blocked chat is marked unreachable and never retried; a refused message is not retried', async () => {
    const { h, process, job, telegram } = await setup({
      telegram: () => ({ ok: false, blocked: true, permanent: true, error: '403 blocked' }),
      whatsapp: () => ({ ok: false, permanent: true, error: 'not on WhatsApp' }),
    });
    expect(await process(job('umkm', 'paid'))).toEqual({ status: 'no-chat' });
    expect((await h.store.chatUsers.get('telegram', '7001'))!.unreachable).toBe(true);
    await process(job('umkm', 'paid'));
    expect(telegram.sent).toHaveLength(1);
  });

  it('the ASN hears each change in their language: accepted, rejected with the reason and a retry button, delivered, payment confirmed', async () => {
    const { h, process, job, to, order } = await setup();
    await h.store.orders.update(order.id, { status: 'accepted' }, 'umkm');
    await process(job('asn', 'accepted'));
    expect(to('7002').at(-1)!.text).toBe(`✅ Order ${order.id} was accepted by ${UMKM.name} and is being prepared.`);
    await h.store.orders.update(order.id, { paymentConfirmed: true });
    await process(job('asn', 'payment-confirmed'));
    expect(to('7002').at(-1)!.text).toContain(`confirmed that the payment of order ${order.id} (Rp 42,000) arrived`);
    await h.store.orders.update(order.id, { status: 'delivered' }, 'umkm');
    await process(job('asn', 'delivered'));
    expect(to('7002').at(-1)!.text).toContain(`was delivered to ${RECIPIENT.name} (Kel. ${RECIPIENT.kelurahan})`);
    expect(to('7001')).toEqual([]); // the owner is not told of their own moves

    const rejected = await seedPaidOrder(h.store, { receipt: undefined });
    await h.store.orders.update(rejected.id, { status: 'rejected', rejectReason: 'sold-out' }, 'umkm');
    await process({ id: jobIds.notification(rejected.id, 'asn.rejected'), data: { orderId: rejected.id, target: 'asn', event: 'rejected' } });
    const msg = to('7002').at(-1)!;
    expect(msg.text).toContain(`order ${rejected.id} was rejected by ${UMKM.name}`);
    expect(msg.text).toContain('Reason: Sold out');
    expect(msg.choices).toEqual([{ id: `ar:${rejected.id}`, label: '🛍️ Choose another product/UMKM' }]);

    const typed = await seedPaidOrder(h.store);
    await h.store.orders.update(typed.id, { status: 'rejected', rejectReason: 'Dapur tutup sampai Senin' }, 'umkm');
    await h.store.chatUsers.patch('whatsapp', '6281234567890', { phone: ASN.phone });
    await process({ id: jobIds.notification(typed.id, 'asn.rejected'), data: { orderId: typed.id, target: 'asn', event: 'rejected' } });
    const wa = to('6281234567890').at(-1)!;
    expect(wa.text).toContain('Alasan: Dapur tutup sampai Senin');
    expect(wa.text).toContain(`Ketik /ulang ${typed.id}`);
    expect(wa.choices).toBeUndefined();
  });

  it('an accept check that would fall in the night (21:00-07:00 WIB) waits for 07:00', async () => {
    // 20:45 WIB: the owner's reminder and the ASN's alert (30 min) would come at night.
    const { h, process, job, order } = await setup({}, new Date('2026-11-23T13:45:00Z'));
    await process(job('umkm', 'paid'));
    const seven = Date.parse('2026-11-24T00:00:00Z'); // 07:00 WIB next day
    for (const id of ['umkm.accept-reminder', 'asn.accept-overdue']) {
      const check = await h.queues.notifications.getJob(jobIds.notification(order.id, id));
      expect(Date.parse('2026-11-23T13:45:00Z') + check!.opts.delay!).toBe(seven);
    }
  });

  it('an order not accepted in time: the owner is reminded, and the ASN (wait or cancel) and the admins are told; acceptance cancels both', async () => {
    const { h, process, job, to, order } = await setup();
    await process(job('umkm', 'paid'));
    const reminder = await h.queues.notifications.getJob(jobIds.notification(order.id, 'umkm.accept-reminder'));
    const overdue = await h.queues.notifications.getJob(jobIds.notification(order.id, 'asn.accept-overdue'));
    expect(reminder!.opts.delay).toBe(30 * 60_000);
    expect(overdue!.opts.delay).toBe(30 * 60_000);
    expect(await reminder!.getState()).toBe('delayed');

    await process(job('umkm', 'accept-reminder'));
    const remind = to('7001').at(-1)!;
    expect(remind.text).toContain(`Pengingat: pesanan ${order.id}`);
    expect(remind.text).toContain('lebih dari 30 menit');
    expect(remind.choices!.map((c) => c.id)).toEqual([`uo:acc:${order.id}`, `uo:rej:${order.id}`, `uo:pay:${order.id}`]);

    await process(job('asn', 'accept-overdue'));
    expect(to('7002').at(-1)!.text).toContain(`Order ${order.id} has no answer from ${UMKM.name} yet`);
    const admin = to('7009').at(-1)!.text;
    expect(admin).toContain(`Pesanan ${order.id} (Rp 42.000) belum diterima UMKM`);
    expect(admin).toContain(`${UMKM.ownerName} ${UMKM.ownerPhone}`);
    expect(admin).not.toContain(RECIPIENT.phone);

    // Another order, accepted in time: the checks are removed, and one that still fires sends nothing.
    const second = await seedPaidOrder(h.store);
    const j = (target: 'umkm' | 'asn', event: string) => ({
      id: jobIds.notification(second.id, `${target}.${event}`),
      data: { orderId: second.id, target, event },
    });
    await process(j('umkm', 'paid'));
    expect(await h.queues.notifications.getJob(jobIds.notification(second.id, 'umkm.accept-reminder'))).toBeTruthy();
    await h.store.orders.update(second.id, { status: 'accepted' }, 'umkm');
    await process(j('asn', 'accepted'));
    expect(await h.queues.notifications.getJob(jobIds.notification(second.id, 'umkm.accept-reminder'))).toBeUndefined();
    expect(await h.queues.notifications.getJob(jobIds.notification(second.id, 'asn.accept-overdue'))).toBeUndefined();
    const before = to('7001').length;
    expect(await process(j('umkm', 'accept-reminder'))).toEqual({ status: 'not-needed', reason: 'order accepted' });
    expect(await process(j('asn', 'accept-overdue'))).toEqual({ status: 'not-needed', reason: 'order accepted' });
    expect(to('7001')).toHaveLength(before);
  });

  it('an owner with no chat: nothing is logged as sent, the event waits, and their linking delivers it on every chat, oldest first', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
    const media = await makeMediaDir();
    const config = testConfig({ MEDIA_DIR: media.dir, UMKM_ACCEPT_MINUTES: '30' });
    const h = createHarness(config);
    current = { close: () => h.close() } as Ctx;
    const telegram = recordingSender('telegram');
    const process = createNotificationProcessor({
      redis: h.redis,
      keys: h.keys,
      store: h.store,
      config,
      logger,
      i18n,
      senders: { telegram },
      queue: h.queues.notifications,
      clock: () => DAYTIME,
    });
    const order = await seedPaidOrder(h.store);
    const job = (event: string) => ({ id: jobIds.notification(order.id, `umkm.${event}`), data: { orderId: order.id, target: 'umkm' as const, event } });

    expect(await process(job('paid'))).toEqual({ status: 'waiting', phones: 1 });
    expect(await process(job('accept-reminder'))).toEqual({ status: 'waiting', phones: 1 });
    expect(await process(job('paid'))).toEqual({ status: 'waiting', phones: 1 }); // a retry parks it once
    expect(telegram.sent).toHaveLength(0);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string });
    expect(logged.map((l) => l.msg)).not.toContain('notification sent');
    expect(logged.map((l) => l.msg)).toContain('notification waiting: no linked chat yet, delivered when they link');
    expect(lines.join('\n')).not.toContain(UMKM.ownerPhone);
    expect((await h.store.waiting.of(UMKM.ownerPhone)).map((w) => w.event)).toEqual(['paid', 'accept-reminder']);

    await h.store.chatUsers.patch('telegram', '7101', { phone: UMKM.ownerPhone });
    expect(await process.deliverWaiting(UMKM.ownerPhone)).toEqual({ delivered: 2, left: 0 });
    expect(telegram.sent.map((s) => s.msg.text.split('\n')[0])).toEqual([
      `🔔 Pesanan baru untuk ${UMKM.name}!`,
      expect.stringContaining(`Pengingat: pesanan ${order.id}`),
    ]);
    expect(await h.store.waiting.of(UMKM.ownerPhone)).toEqual([]);
  });

  it('refuses a malformed payload for good, and skips an order that is gone', async () => {
    const { process } = await setup();
    await expect(process({ id: 'x', data: { orderId: '', target: 'boss', event: 'Paid!' } as never })).rejects.toThrow(JobPayloadError);
    await expect(process({ id: 'x', data: { orderId: '', target: 'boss', event: 'Paid!' } as never })).rejects.toThrow(
      /orderId: .*must not be empty; target: .*must be umkm or asn; event: .*must be 1-40/,
    );
    expect(await process({ id: 'y', data: { orderId: 'ORD-20990101-00001', target: 'umkm', event: 'paid' } })).toEqual({
      status: 'not-needed',
      reason: 'order not found',
    });
  });

  it('through the real worker: an effect becomes one job, a failing send is retried with backoff, each chat gets one message', async () => {
    const media = await makeMediaDir();
    const config = testConfig({ MEDIA_DIR: media.dir });
    const h = createHarness(config);
    current = { close: () => h.close() } as Ctx;
    const telegram = recordingSender('telegram', (n) => (n === 2 ? { ok: false, error: 'network: ECONNRESET' } : { ok: true }));
    await h.store.chatUsers.patch('telegram', '8001', { phone: UMKM.ownerPhone });
    await h.store.chatUsers.patch('telegram', '8002', { phone: UMKM.ownerPhone });
    const order = await seedPaidOrder(h.store, { receipt: media });
    await h.start({ telegram });
    await h.queues.performEffects([{ type: 'notify-umkm', orderId: order.id, event: 'paid' }]);
    await h.queues.performEffects([{ type: 'notify-umkm', orderId: order.id, event: 'paid' }]);
    const done = await settled(h.queues.notifications, jobIds.notification(order.id, 'umkm.paid'));
    expect(await done.getState()).toBe('completed');
    expect(done.attemptsMade).toBe(2);
    const byChat = telegram.sent.reduce<Record<string, number>>((m, s) => ({ ...m, [s.chatId]: (m[s.chatId] ?? 0) + 1 }), {});
    // One chat got it on the first attempt; the other failed once, then got it: three sends, one message each in the chats.
    expect(telegram.sent).toHaveLength(3);
    expect(Object.values(byChat).sort()).toEqual([1, 2]);
    expect(Object.keys(await h.redis.hgetall(h.keys.notificationDeliveries(done.id!))).sort()).toEqual(['telegram:8001', 'telegram:8002']);
  });
});
