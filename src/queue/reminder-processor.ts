import { DelayedError, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChannelSender } from '../channels/types.js';
import type { Config } from '../config.js';
import type { Channel } from '../domain/schemas.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { I18n, Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Keys } from '../store/keys.js';
import { sendOncePerChat } from './chat-delivery.js';
import { outOfBandChoices } from '../reports/notification-content.js';
import { MAX_REMINDERS, type ReminderJob, ReminderJobSchema, parseJob } from './jobs.js';
import { isNight, nextReminderTime } from './night-window.js';

/** Choice id of the "skip the post" button of a reminder (Telegram callback data: at most 64 bytes). */
export function skipPostChoiceId(orderId: string): string {
  return `post:skip:${orderId}`;
}

/** Choice id of the "send the link now" button of a reminder (handled by the social-post flow). */
export function sendLinkChoiceId(orderId: string): string {
  return `post:link:${orderId}`;
}

export interface ReminderProcessorDeps {
  redis: Redis;
  keys: Keys;
  store: Store;
  config: Pick<Config, 'DEFAULT_LOCALE'>;
  logger: Logger;
  i18n: I18n;
  clock?: Clock;
  senders: Partial<Record<Channel, ChannelSender>>;
  /** schedules reminder `n` of an order counted from `from` (the queues' `scheduleReminder`) */
  scheduleReminder: (orderId: string, n: number, from: Date) => Promise<Date>;
}

/** What a reminder job did (the job's return value). */
export type ReminderJobResult = { status: 'not-needed'; reason: string } | { status: 'sent'; chats: number; next?: string };

/**
 * The `reminders` processor: REMINDER_DELAY_MINUTES after the receipt, asks the ASN (on every chat
 * linked to their phone) for the link of their social-media post, with the caption to copy and a
 * button to skip (on numbered channels, the typed `/lewati <order>`). Nothing is sent when the link came or the ASN skipped; never at night (a job
 * that comes due between 21:00 and 07:00 WIB moves itself to 07:00); at most two reminders.
 * Deliveries per chat are recorded, so a retry reaches only the chats that missed it.
 */
export function createReminderProcessor(deps: ReminderProcessorDeps) {
  const clock = deps.clock ?? systemClock;
  const { redis, keys, store, i18n } = deps;

  return async function processReminder(
    job: Pick<Job<ReminderJob>, 'id' | 'data'> & Partial<Pick<Job<ReminderJob>, 'moveToDelayed'>>,
    token?: string,
  ): Promise<ReminderJobResult> {
    const { orderId, n } = parseJob(ReminderJobSchema, 'reminders', job.data);
    const log = deps.logger.child({ queue: 'reminders', jobId: job.id, orderId, n });
    const order = await store.orders.get(orderId);
    if (!order) return { status: 'not-needed', reason: 'order not found' };
    if (order.postLink) return { status: 'not-needed', reason: 'post link received' };
    if (order.postSkipped) return { status: 'not-needed', reason: 'post skipped' };
    if (order.status === 'cancelled' || order.status === 'rejected') return { status: 'not-needed', reason: `order ${order.status}` };

    const now = clock();
    if (isNight(now) && job.moveToDelayed) {
      const at = nextReminderTime(now);
      await job.moveToDelayed(Date.now() + (at.getTime() - now.getTime()), token);
      log.info({ at: at.toISOString() }, 'reminder due at night: moved to the morning');
      throw new DelayedError();
    }

    const person = await store.roster.byNip(order.asnNip);
    if (!person) return { status: 'not-needed', reason: 'ASN no longer on the roster' };
    const umkm = await store.catalogue.umkm(order.umkmId);
    const chats = (await store.chatUsers.chatsOfPhone(person.phone)).filter((c) => !c.unreachable);
    const record = keys.reminderDeliveries(orderId, n);
    const products = order.items.map((i) => i.name).join(', ');
    const { sent, failures } = await sendOncePerChat(
      { redis, store, senders: deps.senders, clock, log },
      record,
      chats,
      'reminder',
      (chat) => {
        const locale: Locale = chat.locale ?? deps.config.DEFAULT_LOCALE;
        // The same caption as the social-post flow shows (post-caption ends with the hashtags).
        const caption = i18n.t(locale, 'post-caption', { products, umkm: umkm?.name ?? '', kecamatan: umkm?.kecamatan ?? '' });
        const text = i18n.t(locale, 'reminder-text', { orderId, caption, n: String(n) });
        const choices = [
          { id: sendLinkChoiceId(orderId), label: i18n.t(locale, 'reminder-send-link') },
          { id: skipPostChoiceId(orderId), label: i18n.t(locale, 'reminder-skip') },
        ];
        // WhatsApp and the console: no numbered list (it would answer the chat's current screen);
        // a pasted link is taken from any screen, and /lewati skips.
        return outOfBandChoices(chat.channel, { text }, choices, i18n.t(locale, 'reminder-hint', { orderId }));
      },
      (chat) => i18n.t(chat.locale ?? deps.config.DEFAULT_LOCALE, 'chat-resent-note', { orderId }),
    );
    if (failures.length) throw new Error(`reminder ${n} of ${orderId} incomplete: ${failures.join('; ')}`);
    await redis.pexpire(record, 14 * 24 * 3600 * 1000);

    let next: string | undefined;
    if (n < MAX_REMINDERS) next = (await deps.scheduleReminder(orderId, n + 1, now)).toISOString();
    log.info({ chats: sent }, 'reminder sent');
    return { status: 'sent', chats: sent, next };
  };
}
export type ReminderProcessor = ReturnType<typeof createReminderProcessor>;
