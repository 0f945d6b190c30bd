import { type Job, type Queue, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChannelSender } from '../channels/types.js';
import type { Config } from '../config.js';
import type { Clock } from '../domain/time.js';
import type { I18n } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { type BroadcastControlJob, type BroadcastDeliveryJob, BroadcastDeliveryJobSchema, QUEUE_NAMES } from '../queue/jobs.js';
import type { Store } from '../store/index.js';
import type { Keys } from '../store/keys.js';
import { createControlProcessor } from './control.js';
import { createDeliveryProcessor } from './delivery.js';
import { createRateGuard } from './rate-guard.js';
import { createBroadcastRepo } from '../store/broadcasts-repo.js';

/** Tuning of the broadcast workers (tests shorten the progress interval). */
export interface BroadcastWorkerOptions {
  /** Telegram deliveries in flight per worker process (default 8; the rate limit is global anyway) */
  telegramConcurrency?: number;
  /** ms between progress refreshes (default 5000) */
  progressIntervalMs?: number;
  /** uniform in [0, 1), for the WhatsApp jitter */
  random?: () => number;
}

export interface BroadcastWorkersDeps {
  /** a worker connection (`maxRetriesPerRequest: null`) */
  connection: Redis;
  /** the store's connection, for delivery records and booked send times */
  redis: Redis;
  keys: Keys;
  store: Store;
  config: Pick<Config, 'BROADCAST_TELEGRAM_PER_SECOND' | 'BROADCAST_WHATSAPP_DELAY_MS' | 'BROADCAST_WHATSAPP_DAILY_CAP' | 'DEFAULT_LOCALE'>;
  logger: Logger;
  i18n: I18n;
  clock?: Clock;
  /** this process's senders: deliveries run only for the channels given; progress goes to the admin's channel */
  senders: { telegram?: ChannelSender; whatsapp?: ChannelSender; console?: ChannelSender };
  queues: { broadcasts: Queue<BroadcastControlJob>; broadcastTelegram: Queue<BroadcastDeliveryJob>; broadcastWhatsapp: Queue<BroadcastDeliveryJob> };
  workerOptions?: Partial<WorkerOptions>;
  options?: BroadcastWorkerOptions;
  /** called once per flyer sent (metrics) */
  onSent?: (channel: 'telegram' | 'whatsapp') => void;
}

/**
 * Starts the broadcast workers: control (fan-out, progress, cancel) always; Telegram deliveries
 * where a Telegram sender exists (send times BROADCAST_TELEGRAM_PER_SECOND apart, booked on
 * Redis and so shared by every process); WhatsApp deliveries only where
 * the WhatsApp socket lives (one at a time, BROADCAST_WHATSAPP_DELAY_MS apart with jitter). A
 * delivery job that fails for good is counted as failed, so the summary always comes.
 */
export function startBroadcastWorkers(deps: BroadcastWorkersDeps): Worker[] {
  const { config, keys, redis } = deps;
  const repo = createBroadcastRepo(redis, keys);
  const guard = createRateGuard(redis, keys);
  const base = { connection: deps.connection, prefix: keys.bullPrefix(), ...deps.workerOptions };
  const pacing = { telegramPerSecond: config.BROADCAST_TELEGRAM_PER_SECOND, whatsappDelayMs: config.BROADCAST_WHATSAPP_DELAY_MS };
  const opts = deps.options ?? {};

  const control = createControlProcessor({
    repo,
    guard,
    store: deps.store,
    i18n: deps.i18n,
    logger: deps.logger,
    clock: deps.clock,
    queues: deps.queues,
    senders: deps.senders,
    pacing,
    progressIntervalMs: opts.progressIntervalMs ?? 5000,
  });
  const workers: Worker[] = [new Worker(QUEUE_NAMES.broadcasts, (job: Job) => control(job), { ...base, concurrency: 2 })];

  const delivery = (channel: 'telegram' | 'whatsapp', sender: ChannelSender) => {
    // The queue's limiter, not the worker's (`worker.rateLimit` is deprecated in BullMQ): the same key in Redis.
    const queue = channel === 'telegram' ? deps.queues.broadcastTelegram : deps.queues.broadcastWhatsapp;
    const process = createDeliveryProcessor({
      channel,
      redis,
      keys,
      repo,
      guard,
      chatUsers: deps.store.chatUsers,
      i18n: deps.i18n,
      defaultLocale: config.DEFAULT_LOCALE,
      sender,
      logger: deps.logger,
      clock: deps.clock,
      rateLimit: (ms) => queue.rateLimit(ms),
      telegramPerSecond: config.BROADCAST_TELEGRAM_PER_SECOND,
      whatsapp: { delayMs: config.BROADCAST_WHATSAPP_DELAY_MS, dailyCap: config.BROADCAST_WHATSAPP_DAILY_CAP },
      random: opts.random,
      onSent: deps.onSent,
    });
    // Telegram: the booked send times pace the flyers; this limiter is set twice as loose so it
    // never stalls them, and is there for `queue.rateLimit` (a 429's retry_after pauses the queue
    // in every process; BullMQ honours it only on a queue with a limiter).
    const limiter =
      channel === 'telegram' ? { max: 2 * config.BROADCAST_TELEGRAM_PER_SECOND, duration: 1000 } : { max: 1, duration: config.BROADCAST_WHATSAPP_DELAY_MS };
    const name = channel === 'telegram' ? QUEUE_NAMES.broadcastTelegram : QUEUE_NAMES.broadcastWhatsapp;
    const worker = new Worker(name, (job: Job, token?: string) => process(job, token), {
      ...base,
      concurrency: channel === 'telegram' ? (opts.telegramConcurrency ?? 8) : 1,
      limiter,
    });
    worker.on('failed', (job) => {
      if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
      const data = BroadcastDeliveryJobSchema.safeParse(job.data);
      if (!data.success) return;
      void repo
        .recordOutcome(data.data.broadcastId, { channel: data.data.channel, chatId: data.data.chatId }, 'failed')
        .catch((err) => deps.logger.error({ err, queue: name }, 'could not record a failed delivery'));
    });
    workers.push(worker);
  };
  if (deps.senders.telegram) delivery('telegram', deps.senders.telegram);
  if (deps.senders.whatsapp) delivery('whatsapp', deps.senders.whatsapp);
  return workers;
}
