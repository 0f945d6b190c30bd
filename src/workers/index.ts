import { type Job, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { TelegramSender } from '../channels/telegram/sender.js';
import type { ChannelSender } from '../channels/types.js';
import type { Config } from '../config.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { I18n } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Keys } from '../store/keys.js';
import { type BroadcastWorkerOptions, startBroadcastWorkers } from '../broadcast/workers.js';
import { CRASH_SAFE_WORKER_OPTIONS } from '../queue/connection.js';
import { parseJob, QUEUE_NAMES, WaitingJobSchema } from '../queue/jobs.js';
import { createMaintenanceProcessor } from '../queue/maintenance-processor.js';
import { createNotificationProcessor } from '../queue/notification-processor.js';
import { type Queues, createQueues } from '../queue/queues.js';
import { createMonthlyProcessor } from '../queue/monthly-processor.js';
import { createRecapProcessor } from '../queue/recap-processor.js';
import { createReminderProcessor } from '../queue/reminder-processor.js';
import { createReportProcessor } from '../queue/report-processor.js';

/** The senders a worker process has: Telegram (the bot's Api) and WhatsApp when it runs here. */
export interface WorkerSenders {
  telegram?: TelegramSender;
  whatsapp?: ChannelSender;
  console?: ChannelSender;
}

export interface WorkersDeps {
  /** a worker connection (`maxRetriesPerRequest: null`); BullMQ duplicates it for blocking calls */
  connection: Redis;
  /** the store's connection, for delivery records */
  redis: Redis;
  keys: Keys;
  store: Store;
  config: Config;
  logger: Logger;
  i18n: I18n;
  senders: WorkerSenders;
  clock?: Clock;
  /** producers for follow-up jobs (second reminder); made on `connection` when absent */
  queues?: Queues;
  /** jobs processed at once per worker (default: reports 4, reminders 4, recaps 1, notifications 4) */
  concurrency?: Partial<Record<'reports' | 'reminders' | 'recaps' | 'notifications', number>>;
  /** extra BullMQ worker options (tests shorten lockDuration / stalledInterval) */
  workerOptions?: Partial<WorkerOptions>;
  /** first retry delay in ms when queues are made here */
  backoffMs?: number;
  /** register the daily recap and the monthly report job schedulers (default true) */
  scheduleRecap?: boolean;
  /** tuning of the broadcast workers */
  broadcast?: BroadcastWorkerOptions;
  /** register the daily retention job scheduler on `maintenance` (default true) */
  scheduleMaintenance?: boolean;
  /** metrics hooks (src/metrics.ts) */
  hooks?: WorkerHooks;
}

/** Called by the processors for metrics; every hook is optional. */
export interface WorkerHooks {
  /** a purchase report or follow-up reached one destination */
  onReportDelivery?: (destination: string, kind: string) => void;
  /** a broadcast flyer was sent to one chat */
  onBroadcastSend?: (channel: string) => void;
}

/** Running workers; `close()` waits for the jobs in hand, then closes what was made here. */
export interface WorkersHandle {
  workers: Worker[];
  queues: Queues;
  close(): Promise<void>;
}

/**
 * Starts the BullMQ workers of `reports`, `reminders`, `recaps` and `notifications` (order events
 * for the UMKM owner and the ASN, and the delayed accept checks) and `maintenance` (the daily
 * retention run over recipients' personal data), all from src/queue, plus the broadcast workers
 * (src/broadcast/workers.ts: Telegram only with a Telegram sender, WhatsApp only with the socket).
 * This module sits above both folders so neither imports the other's workers. Called by
 * `src/worker.ts` and by `main.ts` when WORKER=inline. Any number of processes may run them
 * against one Redis: BullMQ hands each job to one worker and the delivery records make a retried
 * or re-run job send only what is missing.
 */
export async function startWorkers(deps: WorkersDeps): Promise<WorkersHandle> {
  const clock = deps.clock ?? systemClock;
  const ownQueues = !deps.queues;
  const queues =
    deps.queues ?? createQueues({ connection: deps.connection, keys: deps.keys, config: deps.config, clock, logger: deps.logger, backoffMs: deps.backoffMs });
  const common = { redis: deps.redis, keys: deps.keys, store: deps.store, config: deps.config, logger: deps.logger, i18n: deps.i18n, clock };

  const notification = createNotificationProcessor({ ...common, senders: deps.senders, queue: queues.notifications });
  const report = createReportProcessor({
    ...common,
    senders: { telegram: deps.senders.telegram, whatsapp: deps.senders.whatsapp, console: deps.senders.console },
    consoleTitle: deps.i18n.t(deps.config.DEFAULT_LOCALE, 'report-console-title'),
    onDelivered: deps.hooks?.onReportDelivery,
  });
  const reminder = createReminderProcessor({ ...common, senders: deps.senders, scheduleReminder: queues.scheduleReminder });
  const recap = createRecapProcessor({
    ...common,
    senders: { telegram: deps.senders.telegram, whatsapp: deps.senders.whatsapp, console: deps.senders.console },
  });
  const monthly = createMonthlyProcessor({
    ...common,
    mediaDir: deps.config.MEDIA_DIR,
    senders: { telegram: deps.senders.telegram, whatsapp: deps.senders.whatsapp },
  });
  const maintenance = createMaintenanceProcessor({
    ...common,
    retentionDays: deps.config.RETENTION_DAYS,
    mediaDir: deps.config.MEDIA_DIR,
  });

  const base = { connection: deps.connection, prefix: deps.keys.bullPrefix(), ...CRASH_SAFE_WORKER_OPTIONS, ...deps.workerOptions };
  const c = deps.concurrency ?? {};
  const workers = [
    new Worker(QUEUE_NAMES.reports, (job: Job, token?: string) => report(job, token), { ...base, concurrency: c.reports ?? 4 }),
    new Worker(QUEUE_NAMES.reminders, (job: Job, token?: string) => reminder(job, token), { ...base, concurrency: c.reminders ?? 4 }),
    new Worker(QUEUE_NAMES.recaps, (job: Job) => (job.name === 'monthly-recap' ? monthly(job) : recap(job)), { ...base, concurrency: c.recaps ?? 1 }),
    new Worker(
      QUEUE_NAMES.notifications,
      (job: Job) =>
        job.name === 'deliver-waiting' ? notification.deliverWaiting(parseJob(WaitingJobSchema, 'notifications', job.data).phone) : notification(job),
      { ...base, concurrency: c.notifications ?? 4 },
    ),
    new Worker(QUEUE_NAMES.maintenance, (job: Job) => maintenance(job), { ...base, concurrency: 1 }),
    ...startBroadcastWorkers({
      ...common,
      connection: deps.connection,
      senders: deps.senders,
      queues,
      workerOptions: { ...CRASH_SAFE_WORKER_OPTIONS, ...deps.workerOptions },
      options: deps.broadcast,
      onSent: deps.hooks?.onBroadcastSend,
    }),
  ];
  for (const w of workers) {
    w.on('error', (err) => deps.logger.error({ err, queue: w.name }, 'worker error'));
    w.on('failed', (job, err) => deps.logger.warn({ queue: w.name, jobId: job?.id, attemptsMade: job?.attemptsMade, error: err.message }, 'job failed'));
  }
  if (deps.scheduleRecap !== false) {
    await queues.scheduleDailyRecap();
    await queues.scheduleMonthlyRecap();
  }
  if (deps.scheduleMaintenance !== false) await queues.scheduleDailyMaintenance();
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  deps.logger.info({ queues: workers.map((w) => w.name) }, 'workers started');

  return {
    workers,
    queues,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      if (ownQueues) await queues.close();
    },
  };
}
