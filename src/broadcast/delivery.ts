import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChannelSender } from '../channels/types.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { I18n, Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { ChatUsersRepo } from '../store/chat-users-repo.js';
import type { Keys } from '../store/keys.js';
import { type BroadcastDeliveryJob, BroadcastDeliveryJobSchema, parseJob } from '../queue/jobs.js';
import { renderFlyer } from './flyer.js';
import { type RateGuard, msUntilNextWibDay } from './rate-guard.js';
import type { BroadcastRepo } from '../store/broadcasts-repo.js';
import type { RecipientRef } from '../domain/broadcast.js';

export interface DeliveryDeps {
  channel: 'telegram' | 'whatsapp';
  redis: Redis;
  keys: Keys;
  repo: BroadcastRepo;
  guard: RateGuard;
  chatUsers: ChatUsersRepo;
  i18n: I18n;
  defaultLocale: Locale;
  sender: ChannelSender;
  logger: Logger;
  clock?: Clock;
  /** pauses the whole queue, every worker process, for `ms` (BullMQ `worker.rateLimit`) */
  rateLimit(ms: number): Promise<void>;
  /** Telegram: broadcast messages a second over all chats */
  telegramPerSecond: number;
  /** WhatsApp: pause after each message (with +/-25% jitter) and messages per WIB day */
  whatsapp: { delayMs: number; dailyCap: number };
  /** uniform in [0, 1), for the jitter */
  random?: () => number;
  /** called once per flyer sent (metrics) */
  onSent?: (channel: 'telegram' | 'whatsapp') => void;
}

/** What one delivery job did. */
export type DeliveryResult = 'sent' | 'already-done' | 'cancelled' | 'skipped' | 'unreachable' | 'failed';

/** Waits by moving the job back to `delayed` (the slot of one chat is busy, or another job uploads the photo). */
async function delay(job: Job, token: string | undefined, ms: number): Promise<never> {
  await job.moveToDelayed(Date.now() + ms, token);
  throw new DelayedError();
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The processor of one flyer to one chat. The delivery record (outcome per broadcast and chat) is
 * checked before sending and written right after, so a retried job, a second worker or a restart
 * never sends twice. Pacing: Telegram at evenly spaced send times booked on Redis (every worker
 * process shares them) and one message a second per chat; a 429 pauses the queue for `retry_after` and puts the job back
 * (RateLimitError: no attempt used, nothing re-sent blindly). WhatsApp: a pause with jitter after
 * each message and a daily cap (over it, the queue waits for the next WIB day). A 403 (blocked)
 * marks the chat unreachable.
 */
export function createDeliveryProcessor(deps: DeliveryDeps) {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const { repo, guard, channel, keys } = deps;

  async function pace(job: Job, token: string | undefined, ref: RecipientRef): Promise<void> {
    if (channel === 'whatsapp' && (await guard.whatsappLeftToday(clock(), deps.whatsapp.dailyCap)) <= 0) {
      await deps.rateLimit(msUntilNextWibDay(clock()));
      throw Worker.RateLimitError();
    }
    if (channel === 'telegram') {
      // A send time (and the chat's slot) booked for this job: sleep until it. No send time free
      // within a second: the whole queue pauses (every worker process) rather than jobs sleeping.
      const slot = await guard.bookTelegram(deps.telegramPerSecond, ref.chatId);
      if (!slot.booked && slot.why === 'chat-busy') await delay(job, token, slot.waitMs);
      if (!slot.booked) {
        await deps.rateLimit(slot.waitMs);
        throw Worker.RateLimitError();
      }
      if (slot.waitMs > 0) await sleep(slot.waitMs);
      return;
    }
    const busy = await guard.takeChatSlot(channel, ref.chatId);
    if (busy > 0) await delay(job, token, busy);
  }

  return async function processDelivery(job: Job<BroadcastDeliveryJob>, token?: string): Promise<DeliveryResult> {
    const data = parseJob(BroadcastDeliveryJobSchema, `broadcast-${channel}`, job.data);
    if (data.channel !== channel) throw new UnrecoverableError(`a ${data.channel} delivery in the ${channel} queue`);
    const id = data.broadcastId;
    const ref: RecipientRef = { channel, chatId: data.chatId };
    const log = deps.logger.child({ queue: `broadcast-${channel}`, jobId: job.id, broadcastId: id });

    if (await repo.outcomeOf(id, ref)) return 'already-done';
    const b = await repo.get(id);
    if (!b) throw new UnrecoverableError(`broadcast ${id} not found`);
    if (await repo.isCancelled(id)) {
      await repo.recordOutcome(id, ref, 'cancelled');
      return 'cancelled';
    }
    const chat = await deps.chatUsers.get(channel, ref.chatId);
    if (!chat || chat.optedOut || chat.unreachable) {
      await repo.recordOutcome(id, ref, 'skipped');
      return 'skipped';
    }

    // A photo is uploaded once: until its file_id is cached, one job uploads and the others wait.
    const lock = keys.broadcastUploadLock(id);
    let uploading = false;
    if (channel === 'telegram' && b.photo && !(await deps.redis.hexists(keys.telegramFileIds(), b.photo))) {
      uploading = (await deps.redis.set(lock, '1', 'PX', 30_000, 'NX')) === 'OK';
      if (!uploading) await delay(job, token, 250);
    }
    try {
      await pace(job, token, ref);
      const r = await deps.sender.send(ref.chatId, renderFlyer(deps.i18n, chat.locale ?? deps.defaultLocale, b));
      if (r.ok) {
        await repo.recordOutcome(id, ref, 'sent');
        deps.onSent?.(channel);
        if (channel === 'whatsapp') {
          await guard.countWhatsapp(clock());
          await deps.rateLimit(Math.round(deps.whatsapp.delayMs * (0.75 + random() * 0.5)));
        }
        return 'sent';
      }
      if (r.blocked) {
        await deps.chatUsers.patch(channel, ref.chatId, { unreachable: true });
        await repo.recordOutcome(id, ref, 'unreachable');
        return 'unreachable';
      }
      if (r.retryAfter !== undefined) {
        log.warn({ retryAfter: r.retryAfter }, 'rate limited by the platform: pausing the queue');
        await guard.releaseChatSlot(channel, ref.chatId);
        await deps.rateLimit(Math.ceil(r.retryAfter * 1000));
        throw Worker.RateLimitError();
      }
      const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (r.permanent || last) {
        log.warn({ error: r.error, permanent: r.permanent === true }, 'flyer not delivered');
        await repo.recordOutcome(id, ref, 'failed');
        return 'failed';
      }
      throw new Error(`flyer not delivered yet: ${r.error}`);
    } finally {
      if (uploading) await deps.redis.del(lock);
    }
  };
}
