import { createHash } from 'node:crypto';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { CRASH_SAFE_WORKER_OPTIONS } from '../../queue/connection.js';
import type { Keys } from '../../store/keys.js';
import type { ChannelSender } from '../types.js';
import { type OutboundMessage, OutboundMessageSchema } from '../../i18n/message.js';

/** The queue that carries WhatsApp sends from worker processes to the one process holding the socket. */
export const WA_OUTBOX_QUEUE = 'wa-outbox';

/** One outbox job: a chat and the message for it, the message's schema being the model's own. */
export const OutboxJobSchema = z.object({
  chatId: z.string().min(1),
  msg: OutboundMessageSchema,
});
export type OutboxJob = z.infer<typeof OutboxJobSchema>;

/** The outbox queue as /healthz and the dashboard see it (counts), in the app and in a worker. */
export function openOutboxQueue(connection: Redis, keys: Keys): Queue {
  return new Queue(WA_OUTBOX_QUEUE, { connection, prefix: keys.bullPrefix() });
}

/**
 * Same chat + same message = same job id, so a retried worker job does not queue a second send.
 * A message with an `idempotencyKey` is keyed on it alone: its repeat (marked "sent again") is
 * the same job.
 */
function outboxJobId(chatId: string, msg: OutboundMessage): string {
  const what = msg.idempotencyKey ? ['key', chatId, msg.idempotencyKey] : [chatId, msg];
  return `wa.${createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 32)}`;
}

/**
 * A ChannelSender for processes without the WhatsApp socket (`npm run worker`): each send becomes
 * a durable job that the app process (which runs Baileys) delivers through its paced sender.
 * "ok" means accepted for delivery; Baileys allows one socket per number, so only one process sends.
 */
export function createWhatsAppOutboxSender(connection: Redis, keys: Keys): ChannelSender & { close(): Promise<void> } {
  const queue = new Queue(WA_OUTBOX_QUEUE, {
    connection,
    prefix: keys.bullPrefix(),
    defaultJobOptions: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 5000 },
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  return {
    channel: 'whatsapp',
    async send(chatId, msg) {
      try {
        const data = OutboxJobSchema.parse({ chatId, msg });
        await queue.add('send', data, { jobId: outboxJobId(chatId, msg) });
        return { ok: true };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    close: () => queue.close(),
  };
}

/** Runs in the process holding the WhatsApp socket: delivers outbox jobs through the real sender. */
export function startWhatsAppOutboxWorker(deps: { connection: Redis; keys: Keys; sender: ChannelSender; logger: Logger }): Worker {
  const worker = new Worker(
    WA_OUTBOX_QUEUE,
    async (job) => {
      const parsed = OutboxJobSchema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`wa-outbox job: ${parsed.error.issues[0]?.path.join('.')}: invalid`);
      const r = await deps.sender.send(parsed.data.chatId, parsed.data.msg);
      if (r.ok) return 'sent';
      if (r.permanent) throw new UnrecoverableError(r.error);
      throw new Error(r.error);
    },
    { connection: deps.connection, prefix: deps.keys.bullPrefix(), concurrency: 1, ...CRASH_SAFE_WORKER_OPTIONS },
  );
  worker.on('error', (err) => deps.logger.error({ err }, 'wa-outbox worker error'));
  worker.on('failed', (job, err) => deps.logger.warn({ jobId: job?.id, err: err.message }, 'wa-outbox send failed'));
  return worker;
}
