/** Real Redis + real BullMQ under a fresh prefix, with the app's factories, for the queue tests. */
import { type Job, Queue } from 'bullmq';
import { Api } from 'grammy';
import { Redis } from 'ioredis';
import { createTelegramSender } from '../../../src/channels/telegram/sender.js';
import type { ChannelSender, SendResult } from '../../../src/channels/types.js';
import type { OutboundMessage } from '../../../src/i18n/message.js';
import type { Config } from '../../../src/config.js';
import type { Channel } from '../../../src/domain/schemas.js';
import type { Clock } from '../../../src/domain/time.js';
import { createI18n } from '../../../src/i18n/index.js';
import { createLogger } from '../../../src/logger.js';
import { openProducerConnection } from '../../../src/queue/connection.js';
import { createQueues } from '../../../src/queue/queues.js';
import { type WorkerSenders, type WorkersHandle, startWorkers } from '../../../src/workers/index.js';
import { createStore } from '../../../src/store/index.js';
import { createKeys } from '../../../src/store/keys.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../redis.js';

/** A ChannelSender that records what it was asked to send (stands for the WhatsApp adapter). */
export function recordingSender<C extends Channel>(channel: C, answer: (n: number) => SendResult = () => ({ ok: true, messageId: 'm' })) {
  const sent: { chatId: string; msg: OutboundMessage }[] = [];
  const edited: { chatId: string; messageId: string; msg: Pick<OutboundMessage, 'text' | 'choices' | 'columns'> }[] = [];
  const sender: ChannelSender & Required<Pick<ChannelSender, 'edit'>> & { channel: C; sent: typeof sent; edited: typeof edited } = {
    channel,
    sent,
    edited,
    async send(chatId, msg) {
      sent.push({ chatId, msg });
      return answer(sent.length);
    },
    async edit(chatId, messageId, msg) {
      edited.push({ chatId, messageId, msg });
      return { ok: true, messageId };
    },
  };
  return sender;
}

export const i18n = createI18n();
export const silentLogger = createLogger('silent');

/** Builds store, queues and (on demand) workers over one fresh prefix. */
export function createHarness(config: Config, opts: { clock?: Clock; redisUrl?: string } = {}) {
  const redis: Redis = opts.redisUrl ? openRedisAt(opts.redisUrl) : openRedis();
  const producer = openProducerConnection(opts.redisUrl ?? testRedisUrl());
  producer.on('error', () => undefined);
  redis.on('error', () => undefined);
  const keys = createKeys(uniquePrefix('q'));
  const store = createStore(redis, { keys, clock: opts.clock });
  const queues = createQueues({ connection: producer, keys, config, clock: opts.clock, backoffMs: 20 });
  const handles: WorkersHandle[] = [];

  return {
    redis,
    producer,
    keys,
    store,
    queues,
    telegramSender() {
      if (config.telegram.mode === 'off') throw new Error('the queue harness needs BOT_TOKEN (the fake Bot API token)');
      const api = new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot });
      return createTelegramSender(api, { mediaDir: config.MEDIA_DIR, redis, keys });
    },
    async start(senders: WorkerSenders) {
      const h = await startWorkers({
        connection: redis,
        redis,
        keys,
        store,
        config,
        logger: silentLogger,
        i18n,
        senders,
        clock: opts.clock,
        queues,
        scheduleRecap: false,
      });
      handles.push(h);
      return h;
    },
    /** Resolves once both connections are usable again (after a Redis restart, say). */
    async reconnected(limitMs = 10_000) {
      await Promise.all([ready(redis, limitMs), ready(producer, limitMs)]);
    },
    /**
     * Every step runs even when one fails (a connection still down after a failed test, say), so
     * no worker, queue or socket is left open to keep jest from exiting; the first error is rethrown.
     */
    async close() {
      const errors: unknown[] = [];
      const step = async (f: () => Promise<unknown>) => {
        try {
          await f();
        } catch (e) {
          errors.push(e);
        }
      };
      for (const h of handles) await step(() => h.close());
      for (const q of Object.values(queues)) if (q instanceof Queue) await step(() => q.obliterate({ force: true }));
      await step(() => queues.close());
      await step(() => cleanPrefix(redis, keys.prefix));
      await step(() => redis.quit());
      await step(() => producer.quit());
      if (errors.length > 0) {
        redis.disconnect();
        producer.disconnect();
        throw errors[0];
      }
    },
  };
}

function ready(conn: Redis, limitMs: number): Promise<void> {
  if (conn.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      conn.off('ready', onReady);
      reject(new Error(`Redis connection not ready after ${limitMs} ms (status ${conn.status})`));
    }, limitMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    conn.once('ready', onReady);
  });
}

function openRedisAt(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/** Waits (without asserting on time) until a job is completed or failed; returns it. */
export async function settled(queue: Queue, jobId: string, limitMs = 20_000): Promise<Job> {
  const until = Date.now() + limitMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    if (job) {
      const state = await job.getState();
      if (state === 'completed' || state === 'failed') return (await queue.getJob(jobId))!;
    }
    if (Date.now() > until) throw new Error(`job ${jobId} did not settle`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
