import type { Redis } from 'ioredis';
import type { App } from '../../src/app.js';
import type { Person } from '../../src/domain/schemas.js';
import { createI18n } from '../../src/i18n/index.js';
import { createLogger } from '../../src/logger.js';
import { jobIds } from '../../src/queue/jobs.js';
import { createNotificationProcessor } from '../../src/queue/notification-processor.js';
import { seedPaidOrder, UMKM } from '../support/queue/fixtures.js';
import { startWhatsAppApp, type WaDriver } from '../support/wa-driver.js';

/** Demo ASN Budi Prasetyo: someone an invitation was forwarded to. */
const BUDI: Person = { nip: '197706122001041002', name: 'Budi Prasetyo', phone: '+6289900000002', opd: 'Kecamatan Beji', role: 'asn' };
/** The ASN who ordered (on no chat: the order is seeded). */
const RINA: Person = { nip: '197001011993012001', name: 'Rina Kartikasari', phone: '+6289900000001', opd: 'Dinas Kesehatan', role: 'asn' };

/**
 * An owner who never opened the bot, with WhatsApp running: one note to their number, the orders
 * waiting in Redis, an invitation typed from WhatsApp (the sender's number is the proof), and what
 * waited delivered oldest first once they link. Through the Baileys adapter with an injected socket.
 */
describe('an owner who has not linked yet, on WhatsApp', () => {
  let env: Awaited<ReturnType<typeof startWhatsAppApp>>;
  let app: App;
  let redis: Redis;
  let wa: WaDriver;

  beforeAll(async () => {
    env = await startWhatsAppApp('wa-owner');
    ({ app, redis, wa } = env);
  });
  afterAll(async () => {
    await env.close();
  });

  const processor = () =>
    createNotificationProcessor({
      redis,
      keys: app.keys,
      store: app.store,
      config: { DEFAULT_LOCALE: 'id', UMKM_ACCEPT_MINUTES: 45 },
      logger: createLogger('silent'),
      i18n: createI18n(),
      senders: { whatsapp: wa.channel.sender },
      queue: app.queues.notifications,
    });

  test('one WhatsApp note, orders kept; a forwarded invitation links nobody; the owner links by it and gets the orders oldest first', async () => {
    const process = processor();
    const order = await seedPaidOrder(app.store, { asn: RINA, umkm: UMKM });
    const job = (target: 'umkm' | 'asn', event: string) => ({
      id: jobIds.notification(order.id, `${target}.${event}`),
      data: { orderId: order.id, target, event },
    });

    // The owner has no chat: the order waits, and their number gets one note (not the order itself).
    expect(await process(job('umkm', 'paid'))).toEqual({ status: 'waiting', phones: 1 });
    const [note] = await wa.waitForReplies(UMKM.ownerPhone, 1);
    expect(note).toContain(`Ada pesanan dari ASN untuk ${UMKM.name} yang menunggu Anda`);
    expect(note).not.toContain(order.id);
    expect(await process(job('umkm', 'accept-reminder'))).toEqual({ status: 'waiting', phones: 1 });
    expect(wa.sentTo(UMKM.ownerPhone)).toHaveLength(1); // once, never again
    expect((await app.store.waiting.of(UMKM.ownerPhone)).map((w) => w.event)).toEqual(['paid', 'accept-reminder']);

    // Forwarded to Budi: his own number (the sender's) is not the owner's; nothing is linked.
    const inv = await app.store.invitations.current(UMKM.id);
    wa.say(BUDI.phone, `/start ${inv.token}`);
    const [refused] = await wa.waitForReplies(BUDI.phone, 1);
    expect(refused).toContain(`undangan ini untuk pemilik ${UMKM.name} dan nomor Anda bukan nomor pemilik`);
    expect((await app.store.invitations.check(inv.token)).ok).toBe(true);
    expect(await app.store.chatUsers.chatsOfPhone(UMKM.ownerPhone)).toEqual([]);

    // The owner answers with the invitation: confirmed, linked, the token spent.
    wa.say(UMKM.ownerPhone, `/start ${inv.token}`);
    const [confirm] = await wa.waitForReplies(UMKM.ownerPhone, 1);
    expect(confirm).toContain(`${UMKM.name}`);
    expect(confirm).toContain('Apakah data ini benar?');
    wa.say(UMKM.ownerPhone, 'Ya, benar');
    expect((await wa.waitForReplies(UMKM.ownerPhone, 1)).join('\n')).toContain('akun Anda sudah terhubung');
    expect((await app.store.invitations.check(inv.token)).ok).toBe(false);
    const queued = await app.queues.notifications.getJobs(['wait', 'active', 'completed']);
    expect(queued.some((j) => j.name === 'deliver-waiting' && (j.data as { phone?: string }).phone === UMKM.ownerPhone)).toBe(true);

    // The worker's deliver-waiting: the new order, then the reminder, each with the typed commands.
    expect(await process.deliverWaiting(UMKM.ownerPhone)).toEqual({ delivered: 2, left: 0 });
    const [first, second] = await wa.waitForReplies(UMKM.ownerPhone, 2);
    expect(first).toContain(`Pesanan baru untuk ${UMKM.name}`);
    expect(first).toContain(`/terima ${order.id}`);
    expect(second).toContain(`Pengingat: pesanan ${order.id}`);
    expect(await app.store.waiting.of(UMKM.ownerPhone)).toEqual([]);
    // Delivered once: a second run sends nothing.
    expect(await process.deliverWaiting(UMKM.ownerPhone)).toEqual({ delivered: 0, left: 0 });
    expect(wa.sentTo(UMKM.ownerPhone)).toHaveLength(5);
    // Used again from the owner's own number: said so, nothing changes.
    wa.say(UMKM.ownerPhone, `/start ${inv.token}`);
    expect((await wa.waitForReplies(UMKM.ownerPhone, 1)).join('\n')).toContain('sudah pernah dipakai');
  });
});
