import { type ConnectionOptions, type DefaultJobOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { Effect } from '../engine/types.js';
import type { Logger } from '../logger.js';
import type { Keys } from '../store/keys.js';
import {
  type BroadcastControlJob,
  type BroadcastDeliveryJob,
  type MaintenanceJob,
  MAX_REMINDERS,
  type NotificationJob,
  type WaitingJob,
  QUEUE_NAMES,
  type RecapJob,
  type ReminderJob,
  type ReportJob,
  jobIds,
} from './jobs.js';
import { nextReminderTime } from './night-window.js';

const DAY_S = 24 * 3600;

/** Job options per queue. `backoffMs` is the first retry delay (doubling each attempt). */
export function defaultJobOptions(backoffMs = 30_000): Record<keyof typeof QUEUE_NAMES, DefaultJobOptions> {
  const keep = {
    removeOnComplete: { age: 7 * DAY_S, count: 5000 },
    // Failed jobs stay a month so admins can list them and retry by hand.
    removeOnFail: { age: 30 * DAY_S, count: 10_000 },
  };
  return {
    reports: { attempts: 8, backoff: { type: 'exponential', delay: backoffMs }, ...keep },
    notifications: { attempts: 8, backoff: { type: 'exponential', delay: backoffMs }, ...keep },
    reminders: { attempts: 5, backoff: { type: 'exponential', delay: backoffMs }, ...keep },
    recaps: { attempts: 5, backoff: { type: 'exponential', delay: backoffMs }, ...keep },
    broadcasts: { attempts: 8, backoff: { type: 'exponential', delay: Math.min(backoffMs, 5000) }, ...keep },
    // Delivery records, not job records, make a flyer go out once: finished jobs need not be kept.
    broadcastTelegram: { attempts: 5, backoff: { type: 'exponential', delay: backoffMs }, removeOnComplete: true, removeOnFail: { age: 7 * DAY_S } },
    broadcastWhatsapp: { attempts: 5, backoff: { type: 'exponential', delay: backoffMs }, removeOnComplete: true, removeOnFail: { age: 7 * DAY_S } },
    maintenance: { attempts: 3, backoff: { type: 'exponential', delay: backoffMs }, ...keep },
  };
}

export interface QueuesDeps {
  /**
   * A producer connection: an ioredis client that fails fast (default `maxRetriesPerRequest`,
   * `enableOfflineQueue: false`, see `openProducerConnection`), shared by the queues and left open
   * on close; or connection options (the queues then own their connection).
   */
  connection: Redis | ConnectionOptions;
  keys: Keys;
  config: Pick<Config, 'REMINDER_DELAY_MINUTES' | 'RECAP_HOUR'>;
  clock?: Clock;
  logger?: Logger;
  /** first retry delay in ms (tests use a few ms) */
  backoffMs?: number;
}

/**
 * The queues (producers, one per QUEUE_NAMES entry) under `keys.bullPrefix()`, plus `performEffects` that turns engine
 * effects into jobs. Adding a job whose id exists is a no-op in BullMQ, so performing the same
 * effect twice (a retried update) enqueues once.
 */
export function createQueues(deps: QueuesDeps) {
  const clock = deps.clock ?? systemClock;
  const prefix = deps.keys.bullPrefix();
  const opts = defaultJobOptions(deps.backoffMs);
  const make = <T>(name: keyof typeof QUEUE_NAMES) => new Queue<T>(QUEUE_NAMES[name], { connection: deps.connection, prefix, defaultJobOptions: opts[name] });
  const reports = make<ReportJob>('reports');
  const notifications = make<NotificationJob>('notifications');
  const reminders = make<ReminderJob>('reminders');
  const recaps = make<RecapJob>('recaps');
  const broadcasts = make<BroadcastControlJob>('broadcasts');
  const broadcastTelegram = make<BroadcastDeliveryJob>('broadcastTelegram');
  const broadcastWhatsapp = make<BroadcastDeliveryJob>('broadcastWhatsapp');
  const maintenance = make<MaintenanceJob>('maintenance');
  const all = [reports, notifications, reminders, recaps, broadcasts, broadcastTelegram, broadcastWhatsapp, maintenance];
  for (const q of all) q.on('error', (err) => deps.logger?.error({ err, queue: q.name }, 'queue error'));

  /** Delay of reminder `n` counted from `from`, moved out of the night window. */
  function reminderAt(from: Date): Date {
    return nextReminderTime(new Date(from.getTime() + deps.config.REMINDER_DELAY_MINUTES * 60_000));
  }

  async function scheduleReminder(orderId: string, n: number, from: Date = clock()): Promise<Date> {
    const at = reminderAt(from);
    await reminders.add('reminder', { orderId, n }, { jobId: jobIds.reminder(orderId, n), delay: Math.max(0, at.getTime() - clock().getTime()) });
    return at;
  }

  async function cancelReminders(orderId: string): Promise<void> {
    const removals = Array.from({ length: MAX_REMINDERS }, (_, i) =>
      reminders.remove(jobIds.reminder(orderId, i + 1)).catch((err: unknown) => {
        // A reminder being processed right now is locked; it checks the post link itself.
        deps.logger?.debug({ err, orderId, n: i + 1 }, 'reminder not removed');
      }),
    );
    await Promise.all(removals);
  }

  async function performEffect(e: Effect): Promise<void> {
    switch (e.type) {
      case 'enqueue-report':
        await reports.add('report', { orderId: e.orderId, kind: 'report' }, { jobId: jobIds.report(e.orderId) });
        return;
      case 'enqueue-followup':
        if (e.about === 'payment') await reports.add('payment', { orderId: e.orderId, kind: 'payment' }, { jobId: jobIds.payment(e.orderId) });
        else if (e.about === 'rejected') await reports.add('rejected', { orderId: e.orderId, kind: 'rejected' }, { jobId: jobIds.rejected(e.orderId) });
        else if (e.about === 'cancelled') await reports.add('cancelled', { orderId: e.orderId, kind: 'cancelled' }, { jobId: jobIds.cancelled(e.orderId) });
        else await reports.add('followup', { orderId: e.orderId, kind: 'followup' }, { jobId: jobIds.followup(e.orderId) });
        return;
      case 'schedule-reminder':
        await scheduleReminder(e.orderId, 1);
        return;
      case 'cancel-reminder':
        await cancelReminders(e.orderId);
        return;
      case 'deliver-waiting':
        // no job id: every linking delivers what waits at that moment
        // the one job of this queue that is not an order event (the worker routes it by name)
        await (notifications as unknown as Queue<WaitingJob>).add('deliver-waiting', { phone: e.phone });
        return;
      case 'notify-umkm':
      case 'notify-asn': {
        const target = e.type === 'notify-umkm' ? 'umkm' : 'asn';
        await notifications.add(e.event, { orderId: e.orderId, target, event: e.event }, { jobId: jobIds.notification(e.orderId, `${target}.${e.event}`) });
        return;
      }
    }
  }

  return {
    reports,
    notifications,
    reminders,
    recaps,
    broadcasts,
    broadcastTelegram,
    broadcastWhatsapp,
    maintenance,
    /**
     * Turns engine effects into jobs. They are independent, so they go out together (one wait, not
     * one per job); the connection keeps their order. Throws when Redis is unreachable (fail fast).
     */
    async performEffects(effects: Effect[]): Promise<void> {
      await Promise.all(effects.map(performEffect));
    },
    scheduleReminder,
    cancelReminders,
    /** Registers (or updates) the daily recap at RECAP_HOUR:00 WIB. */
    async scheduleDailyRecap(): Promise<void> {
      await recaps.upsertJobScheduler('daily-recap', { pattern: `0 ${deps.config.RECAP_HOUR} * * *`, tz: 'Asia/Jakarta' }, { name: 'daily-recap', data: {} });
    },
    /** Registers (or updates) the monthly report: on the 1st of each month at RECAP_HOUR:00 WIB, of the month before. */
    async scheduleMonthlyRecap(): Promise<void> {
      await recaps.upsertJobScheduler(
        'monthly-recap',
        { pattern: `0 ${deps.config.RECAP_HOUR} 1 * *`, tz: 'Asia/Jakarta' },
        { name: 'monthly-recap', data: {} },
      );
    },
    /** Sends the monthly report of a WIB month now; delivery records make a second run send nothing already sent. */
    async enqueueMonthlyRecap(month: string): Promise<void> {
      await recaps.add('monthly-recap', { month }, { jobId: jobIds.monthlyRecap(month) });
    },
    /** Registers (or updates) the daily retention run at 02:30 WIB (anonymises recipients past RETENTION_DAYS). */
    async scheduleDailyMaintenance(): Promise<void> {
      await maintenance.upsertJobScheduler(
        'daily-retention',
        { pattern: '30 2 * * *', tz: 'Asia/Jakarta' },
        { name: 'retention', data: { task: 'retention' } },
      );
    },
    /**
     * Sends the recap of a WIB day to the mayor's office now. Once per day: the delivery records
     * of `keys.recapDeliveries(day)` make a second run send nothing already sent.
     */
    async enqueueRecap(day: string): Promise<void> {
      await recaps.add('recap', { day }, { jobId: jobIds.recap(day) });
    },
    async close(): Promise<void> {
      await Promise.all(all.map((q) => q.close()));
    },
  };
}
export type Queues = ReturnType<typeof createQueues>;
