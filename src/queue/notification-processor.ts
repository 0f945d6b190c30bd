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
import { type Audience, type NotificationFacts, notificationMessage } from './notification-content.js';

/** Delivery records are kept this long (a retried job never needs older ones). */
const RECORD_TTL_MS = 30 * 24 * 3600 * 1000;

/** The delayed checks of an order not accepted in time: remind the owner, then alert the ASN and admins. */
export const ACCEPT_CHECKS = [
  { target: 'umkm', event: 'accept-reminder', after: 1 },
  { target: 'asn', event: 'accept-overdue', after: 2 },
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

/** What a notification job did (its return value). */
export type NotificationJobResult = { status: 'not-needed'; reason: string } | { status: 'sent'; chats: number };

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
      if (!['paid', 'accepted', 'delivered'].includes(order.status)) return `order ${order.status}`;
      return [{ phone: f.umkm.ownerPhone, audience: 'owner' }];
    }
    if (data.event === 'accept-overdue' && order.status !== 'paid') return `order ${order.status}`;
    const out: { phone: string; audience: Audience }[] = f.asn ? [{ phone: f.asn.phone, audience: 'asn' }] : [];
    if (data.event === 'accept-overdue') {
      for (const p of await store.roster.all()) if (p.role === 'admin') out.push({ phone: p.phone, audience: 'admin' });
    }
    return out.length ? out : 'ASN no longer on the roster';
  }

  return async function processNotification(job: Pick<Job<NotificationJob>, 'id' | 'data'>): Promise<NotificationJobResult> {
    const data = parseJob(NotificationJobSchema, 'notifications', job.data);
    const jobId = job.id ?? jobIds.notification(data.orderId, `${data.target}.${data.event}`);
    const log = deps.logger.child({ queue: 'notifications', jobId, orderId: data.orderId, target: data.target, event: data.event });
    const order = await store.orders.get(data.orderId);
    if (!order) return { status: 'not-needed', reason: 'order not found' };

    if (data.target === 'umkm' && data.event === 'paid' && order.status === 'paid') await scheduleAcceptChecks(order.id);
    if (data.target === 'asn' && (data.event === 'accepted' || data.event === 'rejected')) await cancelAcceptChecks(order.id, log);

    const [umkm, asn] = await Promise.all([store.catalogue.umkm(order.umkmId), store.roster.byNip(order.asnNip)]);
    const facts: NotificationFacts = { order, umkm, asn, acceptMinutes: deps.config.UMKM_ACCEPT_MINUTES };
    const audience = await audienceOf(data, facts);
    if (typeof audience === 'string') {
      log.info({ reason: audience }, 'notification not needed');
      return { status: 'not-needed', reason: audience };
    }

    const record = keys.notificationDeliveries(jobId);
    // Every reachable chat of everyone in the audience, once (an admin who is also the ASN hears it once).
    const targets = new Map<string, { chat: ChatUser; audience: Audience }>();
    for (const who of audience) {
      for (const chat of await store.chatUsers.chatsOfPhone(who.phone)) {
        const field = `${chat.channel}:${chat.chatId}`;
        if (!chat.unreachable && !targets.has(field)) targets.set(field, { chat, audience: who.audience });
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
    log.info({ chats: sent }, 'notification sent');
    return { status: 'sent', chats: sent };
  };
}
export type NotificationProcessor = ReturnType<typeof createNotificationProcessor>;
