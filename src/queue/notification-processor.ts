import type { Job, JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChannelSender } from '../channels/types.js';
import type { Config } from '../config.js';
import type { Channel, ChatUser } from '../domain/schemas.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { I18n, Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Keys } from '../store/keys.js';
import { sendOncePerChat } from './chat-delivery.js';
import { nextReminderTime } from './night-window.js';
import { type NotificationJob, NotificationJobSchema, jobIds, parseJob } from './jobs.js';
import { type Audience, type NotificationFacts, notificationMessage } from '../reports/notification-content.js';

/** Delivery records are kept this long (a retried job never needs older ones). */
const RECORD_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * The delayed checks of an order not accepted within UMKM_ACCEPT_MINUTES (linked owner or not):
 * the owner is reminded, and the ASN (who may wait or cancel) and the admins are told.
 */
export const ACCEPT_CHECKS = [
  { target: 'umkm', event: 'accept-reminder', after: 1 },
  { target: 'asn', event: 'accept-overdue', after: 1 },
] as const;

export interface NotificationProcessorDeps {
  redis: Redis;
  keys: Keys;
  store: Store;
  config: Pick<Config, 'DEFAULT_LOCALE' | 'UMKM_ACCEPT_MINUTES'>;
  logger: Logger;
  i18n: I18n;
  clock?: Clock;
  senders: Partial<Record<Channel, ChannelSender>>;
  /** the `notifications` queue, for the delayed accept checks (added once, removed once decided) */
  queue: { add(name: string, data: NotificationJob, opts?: JobsOptions): Promise<unknown>; remove(jobId: string): Promise<number> };
}

/** What a notification job did (its return value). `waiting`: nobody had a chat; parked until they link. */
export type NotificationJobResult =
  { status: 'not-needed'; reason: string } | { status: 'sent'; chats: number } | { status: 'waiting'; phones: number } | { status: 'no-chat' };

/** Audiences whose notifications wait for them to link (admins have other ways to learn). */
const PARKED: ReadonlySet<Audience> = new Set(['owner', 'asn']);

/**
 * The `notifications` processor: one order event for the UMKM owner (new paid order with the
 * recipient's details, receipt photo and buttons; the accept reminder) or for the ASN (accepted,
 * rejected with the reason and a "choose another" button, delivered, payment confirmed, not
 * accepted in time — that one also to every admin), on every chat linked to their phones.
 * Each delivery is recorded (HSETNX on `keys.notificationDeliveries(jobId)`) right after it
 * succeeds, so a retried job — after a failure or a worker crash — sends only to chats that
 * missed it. Throws to retry when a chat failed for a reason a retry can fix.
 */
export function createNotificationProcessor(deps: NotificationProcessorDeps) {
  const clock = deps.clock ?? systemClock;
  const { redis, keys, store, i18n } = deps;
  const acceptMs = deps.config.UMKM_ACCEPT_MINUTES * 60_000;
  const checkId = (orderId: string, c: (typeof ACCEPT_CHECKS)[number]) => jobIds.notification(orderId, `${c.target}.${c.event}`);

  async function scheduleAcceptChecks(orderId: string): Promise<void> {
    for (const c of ACCEPT_CHECKS) {
      // Never at night: a check due between 21:00 and 07:00 WIB waits for the morning.
      const due = nextReminderTime(new Date(clock().getTime() + c.after * acceptMs));
      const delay = Math.max(0, due.getTime() - clock().getTime());
      await deps.queue.add(c.event, { orderId, target: c.target, event: c.event }, { jobId: checkId(orderId, c), delay });
    }
  }

  async function cancelAcceptChecks(orderId: string, log: Logger): Promise<void> {
    for (const c of ACCEPT_CHECKS) {
      // A check running right now is locked; it reads the status itself and sends nothing.
      await deps.queue.remove(checkId(orderId, c)).catch((err: unknown) => log.debug({ err }, 'accept check not removed'));
    }
  }

  /** Who hears of the event, by phone; or why nobody does. */
  async function audienceOf(data: NotificationJob, f: Omit<NotificationFacts, 'acceptMinutes'>): Promise<{ phone: string; audience: Audience }[] | string> {
    const { order } = f;
    if (data.target === 'umkm') {
      if (!f.umkm) return 'UMKM not found';
      if (data.event === 'accept-reminder' && order.status !== 'paid') return `order ${order.status}`;
      // The owner, and the cooperative that handles the member UMKM's orders too (`koperasi_phone`).
      const owners: { phone: string; audience: Audience }[] = [{ phone: f.umkm.ownerPhone, audience: 'owner' }];
      if (f.umkm.koperasiPhone && f.umkm.koperasiPhone !== f.umkm.ownerPhone) owners.push({ phone: f.umkm.koperasiPhone, audience: 'owner' });
      if (data.event === 'cancelled') return order.status === 'cancelled' && order.receipt ? owners : `order ${order.status}`;
      if (!['paid', 'accepted', 'delivered'].includes(order.status)) return `order ${order.status}`;
      return owners;
    }
    if (data.event === 'accept-overdue' && order.status !== 'paid') return `order ${order.status}`;
    const out: { phone: string; audience: Audience }[] = f.asn ? [{ phone: f.asn.phone, audience: 'asn' }] : [];
    if (data.event === 'accept-overdue') {
      for (const p of await store.roster.all()) if (p.role === 'admin') out.push({ phone: p.phone, audience: 'admin' });
    }
    return out.length ? out : 'ASN no longer on the roster';
  }

  /**
   * The one WhatsApp message to an owner who has no chat yet (`WHATSAPP_ENABLED`): their number is
   * on the UMKM roster, a known business contact. Sent at most once per phone, through the paced
   * WhatsApp sender (from a separate worker, by way of the outbox queue); their orders wait until
   * they answer (which links them).
   */
  async function noteOwnerOnWhatsApp(f: NotificationFacts, log: Logger): Promise<void> {
    const wa = deps.senders.whatsapp;
    if (!wa || !f.umkm) return;
    const key = keys.ownerWhatsAppNote(f.umkm.ownerPhone);
    if (await redis.exists(key)) return;
    const text = i18n.t(deps.config.DEFAULT_LOCALE, 'un-owner-wa-note', { owner: f.umkm.ownerName, umkm: f.umkm.name });
    const r = await wa.send(f.umkm.ownerPhone.slice(1), { text });
    if (r.ok) {
      await redis.set(key, clock().toISOString());
      log.info({ channel: 'whatsapp' }, 'owner not linked yet: one note sent to their WhatsApp number');
    } else if (r.permanent || r.blocked) {
      await redis.set(key, `refused ${clock().toISOString()}`); // no account: never tried again
      log.info({ channel: 'whatsapp', error: r.error }, 'owner not linked yet: their number refused the WhatsApp note');
    } else {
      log.warn({ channel: 'whatsapp', error: r.error }, 'owner not linked yet: WhatsApp note not sent (tried again with the next event)');
    }
  }

  async function processNotification(job: Pick<Job<NotificationJob>, 'id' | 'data'>, opts: { replay?: boolean } = {}): Promise<NotificationJobResult> {
    const data = parseJob(NotificationJobSchema, 'notifications', job.data);
    const jobId = job.id ?? jobIds.notification(data.orderId, `${data.target}.${data.event}`);
    const log = deps.logger.child({ queue: 'notifications', jobId, orderId: data.orderId, target: data.target, event: data.event });
    const order = await store.orders.get(data.orderId);
    if (!order) return { status: 'not-needed', reason: 'order not found' };

    // A replay (the person just linked) delivers what waited; the order's checks were decided when it first ran.
    if (!opts.replay && data.target === 'umkm' && data.event === 'paid' && order.status === 'paid') await scheduleAcceptChecks(order.id);
    if (!opts.replay && data.target === 'asn' && (data.event === 'accepted' || data.event === 'rejected')) await cancelAcceptChecks(order.id, log);

    const [umkm, asn] = await Promise.all([store.catalogue.umkm(order.umkmId), store.roster.byNip(order.asnNip)]);
    const facts: NotificationFacts = { order, umkm, asn, acceptMinutes: deps.config.UMKM_ACCEPT_MINUTES };
    if (data.event === 'accept-overdue' && order.status === 'paid') {
      if (!opts.replay) await store.orders.markOverdue(order.id);
      facts.ownerLinked = umkm ? await store.chatUsers.reachable(umkm.ownerPhone) : false;
    }
    const audience = await audienceOf(data, facts);
    if (typeof audience === 'string') {
      log.info({ reason: audience }, 'notification not needed');
      return { status: 'not-needed', reason: audience };
    }

    const record = keys.notificationDeliveries(jobId);
    // Every reachable chat of everyone in the audience, once (an admin who is also the ASN hears it once).
    const targets = new Map<string, { chat: ChatUser; audience: Audience }>();
    /** owners and ASN with no chat the bot can reach: the notification waits for them in Redis */
    const unlinked: { phone: string; audience: Audience }[] = [];
    for (const who of audience) {
      const chats = (await store.chatUsers.chatsOfPhone(who.phone)).filter((c) => !c.unreachable);
      if (!chats.length && PARKED.has(who.audience)) unlinked.push(who);
      for (const chat of chats) {
        const field = `${chat.channel}:${chat.chatId}`;
        if (!targets.has(field)) targets.set(field, { chat, audience: who.audience });
      }
    }
    if (!opts.replay) {
      for (const who of unlinked) {
        await store.waiting.park(who.phone, { jobId, ...data });
        if (who.audience === 'owner') await noteOwnerOnWhatsApp(facts, log);
      }
    }
    const { sent, failures } = await sendOncePerChat(
      { redis, store, senders: deps.senders, clock, log },
      record,
      [...targets.values()].map((t) => t.chat),
      'notification',
      (chat) => {
        const locale: Locale = chat.locale ?? deps.config.DEFAULT_LOCALE;
        const who = targets.get(`${chat.channel}:${chat.chatId}`)!.audience;
        const msg = notificationMessage(i18n, locale, chat.channel, who, data.event, facts);
        if (!msg) log.warn({ audience: who }, 'unknown event for this audience: nothing sent');
        return msg;
      },
      (chat) => i18n.t(chat.locale ?? deps.config.DEFAULT_LOCALE, 'chat-resent-note', { orderId: order.id }),
    );
    await redis.pexpire(record, RECORD_TTL_MS);
    if (failures.length) throw new Error(`notification ${jobId} incomplete: ${failures.join('; ')}`);
    if (sent) {
      log.info({ chats: sent, waiting: unlinked.length }, 'notification sent');
      return { status: 'sent', chats: sent };
    }
    if (unlinked.length && !opts.replay) {
      log.info({ audience: unlinked.map((u) => u.audience) }, 'notification waiting: no linked chat yet, delivered when they link');
      return { status: 'waiting', phones: unlinked.length };
    }
    log.warn('notification reached no chat');
    return { status: 'no-chat' };
  }

  /**
   * Delivers, oldest first, what waited for `phone` (a person who just linked a chat). An entry
   * leaves the list once delivered or no longer needed; a failure throws (the job retries, the
   * deliveries already made are recorded and not repeated).
   */
  async function deliverWaiting(phone: string): Promise<{ delivered: number; left: number }> {
    let delivered = 0;
    let left = 0;
    for (const w of await store.waiting.of(phone)) {
      const r = await processNotification({ id: w.jobId, data: { orderId: w.orderId, target: w.target, event: w.event } }, { replay: true });
      if (r.status === 'no-chat') {
        left++;
        continue;
      }
      if (r.status === 'sent') delivered++;
      await store.waiting.remove(phone, w);
    }
    deps.logger.info({ queue: 'notifications', delivered, left }, 'waiting notifications delivered on linking');
    return { delivered, left };
  }

  return Object.assign(processNotification, { deliverWaiting });
}
export type NotificationProcessor = ReturnType<typeof createNotificationProcessor>;
