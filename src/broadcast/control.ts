import { type Job, type Queue, UnrecoverableError } from 'bullmq';
import type { ChannelSender, SendResult } from '../channels/types.js';
import type { OutboundMessage } from '../i18n/message.js';
import type { Channel } from '../domain/schemas.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { I18n } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { type BroadcastControlJob, BroadcastControlJobSchema, type BroadcastDeliveryJob, jobIds, parseJob } from '../queue/jobs.js';
import type { Store } from '../store/index.js';
import { resolveAudience } from './audience.js';
import { renderFlyer } from './flyer.js';
import { finalProgressMessage, type Pacing, progressMessage, summaryText } from './progress.js';
import type { RateGuard } from './rate-guard.js';
import type { BroadcastRepo } from '../store/broadcasts-repo.js';
import { type Broadcast, type BroadcastState, leftOf, parseRecipientKey, type RecipientRef } from '../domain/broadcast.js';

export interface ControlDeps {
  repo: BroadcastRepo;
  guard: RateGuard;
  store: Store;
  i18n: I18n;
  logger: Logger;
  clock?: Clock;
  queues: { broadcasts: Queue<BroadcastControlJob>; broadcastTelegram: Queue<BroadcastDeliveryJob>; broadcastWhatsapp: Queue<BroadcastDeliveryJob> };
  /** senders of this process by channel (the admin may be on Telegram, WhatsApp or the console) */
  senders: Partial<Record<Channel, ChannelSender>>;
  pacing: Pacing;
  /** how often the progress is refreshed (Telegram edits one message) */
  progressIntervalMs: number;
  /** where the admin's channel cannot edit (WhatsApp): a new progress message at most this often */
  resendIntervalMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The `broadcasts` processor. `start` resolves the audience (at send time, so a scheduled flyer
 * reaches the roster of that moment), stores the recipients and adds one delivery job per chat
 * (job ids make a re-run add nothing twice), then shows the admin a progress message with a stop
 * button. `progress` ticks refresh it every few seconds and, once every recipient is accounted
 * for, send the summary. `cancel` removes deliveries still waiting; the ones already taken by a
 * worker see the cancelled flag and skip themselves.
 */
export function createControlProcessor(deps: ControlDeps) {
  const clock = deps.clock ?? systemClock;
  const { repo, i18n, queues } = deps;
  const resendMs = deps.resendIntervalMs ?? 30_000;
  const now = () => clock().toISOString();

  /** A message to the admin; Telegram ones book a send time among the flyers'. */
  async function toAdmin(b: Broadcast, run: (s: ChannelSender) => Promise<SendResult>): Promise<SendResult> {
    const sender = deps.senders[b.createdBy.channel];
    if (!sender) return { ok: false, error: `no ${b.createdBy.channel} sender in this process` };
    if (sender.channel === 'telegram') {
      for (;;) {
        const slot = await deps.guard.bookTelegram(deps.pacing.telegramPerSecond);
        await sleep(slot.waitMs);
        if (slot.booked) break;
      }
    }
    return run(sender);
  }

  const senderCanEdit = (b: Broadcast) => Boolean(deps.senders[b.createdBy.channel]?.edit);

  async function scheduleTick(id: string, n: number): Promise<void> {
    await repo.setState(id, { tick: n });
    await queues.broadcasts.add(
      'progress',
      { broadcastId: id, kind: 'progress', n },
      { jobId: jobIds.broadcastControl(id, 'progress', n), delay: deps.progressIntervalMs, removeOnComplete: { age: 3600 } },
    );
  }

  async function showProgress(b: Broadcast, st: BroadcastState, final = false): Promise<void> {
    const msg: OutboundMessage = final
      ? finalProgressMessage(i18n, b.locale, b.id, st, Boolean(st.cancelRequestedAt))
      : progressMessage(i18n, b.locale, b.id, st, deps.pacing, !senderCanEdit(b));
    const fingerprint = `${final}|${msg.text}`;
    if (fingerprint === st.progressText) return;
    const chatId = b.createdBy.chatId;
    if (st.progressMessageId && senderCanEdit(b)) {
      // The send slot may come after the broadcast finished (a stalled tick run again): then the
      // final state is already shown, and "being sent" must not replace it.
      const r = await toAdmin(b, async (s) =>
        !final && (await repo.state(b.id)).finishedAt
          ? { ok: false, error: 'finished meanwhile', permanent: true }
          : s.edit!(chatId, st.progressMessageId!, msg),
      );
      if (r.ok) await repo.setState(b.id, { progressText: fingerprint });
      else deps.logger.debug({ broadcastId: b.id, error: r.error }, 'progress not edited');
      return;
    }
    if (final) return; // the summary follows
    const last = st.progressSentAt ? Date.parse(st.progressSentAt) : 0;
    if (st.progressMessageId && clock().getTime() - last < resendMs) return;
    const r = await toAdmin(b, (s) => s.send(chatId, msg));
    if (r.ok) await repo.setState(b.id, { progressMessageId: r.messageId ?? '-', progressSentAt: now(), progressText: fingerprint });
  }

  /**
   * The terminal's demo personas get the flyer at once, through the console sender of this process
   * (`npm start`): no queue, no pacing (nothing leaves the machine). Each is counted like any
   * recipient; without a console in this process they are counted skipped, never "sent".
   */
  async function toConsole(b: Broadcast, list: RecipientRef[]): Promise<void> {
    const sender = deps.senders.console;
    for (const ref of list) {
      if (ref.channel !== 'console' || (await repo.outcomeOf(b.id, ref))) continue;
      if (await repo.isCancelled(b.id)) {
        await repo.recordOutcome(b.id, ref, 'cancelled');
        continue;
      }
      const chat = await deps.store.chatUsers.get('console', ref.chatId);
      if (!sender || !chat || chat.optedOut) {
        await repo.recordOutcome(b.id, ref, 'skipped');
        continue;
      }
      const r = await sender.send(ref.chatId, renderFlyer(i18n, chat.locale ?? b.locale, b));
      await repo.recordOutcome(b.id, ref, r.ok ? 'sent' : 'failed');
    }
  }

  async function start(b: Broadcast): Promise<string> {
    // One step against "cancel": a cancel that came first means nothing is sent at all.
    const claim = await repo.beginStart(b.id, clock());
    if (claim !== 'started') return claim === 'cancelled' ? 'cancelled before start' : 'already finished';
    let st = await repo.state(b.id);
    if (!st.startedAt) {
      // A stop pressed after the claim: nobody is fanned out to, and the summary says so.
      const recipients = st.cancelRequestedAt ? [] : (await resolveAudience(deps.store, b.audience)).recipients;
      await repo.setRecipients(b.id, recipients);
      await repo.setState(b.id, { status: 'running', startedAt: now() });
    }
    const list = (await repo.recipients(b.id)).map(parseRecipientKey).filter((r): r is RecipientRef => r !== null);
    await toConsole(b, list);
    for (const channel of ['telegram', 'whatsapp'] as const) {
      const queue = channel === 'telegram' ? queues.broadcastTelegram : queues.broadcastWhatsapp;
      const mine = list.filter((r) => r.channel === channel);
      for (let i = 0; i < mine.length; i += 500) {
        await queue.addBulk(
          mine.slice(i, i + 500).map((r) => ({
            name: 'flyer',
            data: { broadcastId: b.id, channel, chatId: r.chatId },
            opts: { jobId: jobIds.broadcastDelivery(b.id, channel, r.chatId) },
          })),
        );
      }
    }
    st = await repo.state(b.id);
    if (!st.progressMessageId) await showProgress(b, st);
    if (st.tick === 0) await scheduleTick(b.id, 1);
    return `fanned out to ${list.length}`;
  }

  async function finish(b: Broadcast, st: BroadcastState): Promise<string> {
    const cancelled = Boolean(st.cancelRequestedAt);
    await repo.claimState(b.id, 'finishedAt', now());
    await repo.setState(b.id, { status: cancelled ? 'cancelled' : 'done' });
    await showProgress(b, st, true);
    if (!st.summarySentAt) {
      const r = await toAdmin(b, (s) => s.send(b.createdBy.chatId, { text: summaryText(i18n, b.locale, b.id, st, cancelled) }));
      if (r.ok) await repo.setState(b.id, { summarySentAt: now() });
      else if (!r.permanent) throw new Error(`summary not delivered: ${r.error}`);
      else deps.logger.warn({ broadcastId: b.id, error: r.error }, 'summary not delivered');
    }
    await repo.expire(b.id);
    await repo.unlist(b.id);
    return cancelled ? 'cancelled' : 'done';
  }

  async function progress(b: Broadcast, n: number): Promise<string> {
    const st = await repo.state(b.id);
    if (st.tick > n) return 'superseded';
    if (st.summarySentAt) return 'finished';
    if (st.startedAt && leftOf(st) === 0) return finish(b, st);
    await showProgress(b, st);
    await scheduleTick(b.id, n + 1);
    return `left ${leftOf(st)}`;
  }

  async function cancel(b: Broadcast): Promise<string> {
    const st = await repo.state(b.id);
    if (!st.startedAt) {
      // Claimed a moment ago: the start sees the flag and fans out to nobody.
      if (st.status === 'running') return 'start under way';
      // Not claimed: the flag is set, so a start job that runs anyway sends nothing.
      await queues.broadcasts.remove(jobIds.broadcastControl(b.id, 'start'));
      await repo.setState(b.id, { status: 'cancelled', finishedAt: st.finishedAt ?? now() });
      await repo.unlist(b.id);
      return 'cancelled before start';
    }
    let removed = 0;
    for (const key of await repo.recipients(b.id)) {
      const ref = parseRecipientKey(key);
      if (!ref || ref.channel === 'console' || (await repo.outcomeOf(b.id, ref))) continue;
      const queue = ref.channel === 'telegram' ? queues.broadcastTelegram : queues.broadcastWhatsapp;
      // 0 when a worker holds the job right now: that job sees the flag itself.
      if ((await queue.remove(jobIds.broadcastDelivery(b.id, ref.channel, ref.chatId))) === 1) {
        if (await repo.recordOutcome(b.id, ref, 'cancelled')) removed++;
      }
    }
    return `removed ${removed}`;
  }

  return async function processControl(job: Pick<Job<BroadcastControlJob>, 'id' | 'data'>): Promise<string> {
    const data = parseJob(BroadcastControlJobSchema, 'broadcasts', job.data);
    const b = await repo.get(data.broadcastId);
    if (!b) throw new UnrecoverableError(`broadcast ${data.broadcastId} not found`);
    const result = data.kind === 'start' ? await start(b) : data.kind === 'cancel' ? await cancel(b) : await progress(b, data.n ?? 1);
    deps.logger.debug({ queue: 'broadcasts', jobId: job.id, broadcastId: b.id, kind: data.kind, result }, 'broadcast control');
    return result;
  };
}
export type ControlProcessor = ReturnType<typeof createControlProcessor>;
