import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { I18n } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Keys } from '../store/keys.js';
import { type ReportJob, ReportJobSchema, parseJob } from './jobs.js';
import { cancelledText, followupText, loadReportFacts, rejectedText, reportId, reportText } from '../reports/report-content.js';
import { type DestinationDeps, type DestinationName, configuredDestinations } from './report-destinations.js';

export interface ReportProcessorDeps extends Omit<DestinationDeps, 'config'> {
  redis: Redis;
  keys: Keys;
  store: Store;
  config: DestinationDeps['config'] & Pick<Config, 'DEFAULT_LOCALE'>;
  logger: Logger;
  i18n: I18n;
  clock?: Clock;
  /** called once per report or follow-up delivered to a destination (metrics) */
  onDelivered?: (destination: DestinationName, kind: ReportJob['kind']) => void;
}

/** What a report job did per destination (the job's return value). */
export type ReportJobResult = Partial<Record<DestinationName, 'sent' | 'already-sent' | `skipped: ${string}`>>;

const DESTINATIONS: DestinationName[] = ['telegram', 'whatsapp', 'webhook', 'console'];

/** Added to a destination's `retry_after` so the retry lands after its window, not on its edge. */
export const RATE_LIMIT_MARGIN_MS = 500;
/** The longest a 429 may park a report: a silly `retry_after` cannot hold it for days. */
export const MAX_RATE_LIMIT_WAIT_MS = 60 * 60 * 1000;

/** How long after it was queued a report may wait out 429s without using attempts. */
export const FREE_WAITS_FOR_MS = 60 * 60_000;

/** How long to wait for a 429 that said `retryAfter` seconds: that plus the margin, capped. */
export function rateLimitWaitMs(retryAfterSeconds: number): number {
  const asked = Number.isFinite(retryAfterSeconds) ? Math.max(0, retryAfterSeconds) * 1000 : MAX_RATE_LIMIT_WAIT_MS;
  return Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.ceil(asked) + RATE_LIMIT_MARGIN_MS);
}

/**
 * The `reports` processor. A `report` job sends the purchase report to every configured
 * destination; a follow-up job, tied to the same report, sends what came later: the post link
 * (`followup`), the UMKM's payment confirmation (`payment`) or its rejection (`rejected`).
 * Each delivery is recorded (HSETNX in `keys.reportDeliveries(orderId, kind)`) before the next
 * destination is tried, so a retry, a second worker or a restart after a crash sends only what is
 * missing. Each send is marked started (`<destination>.started`) before it goes out and the mark
 * is cleared with the delivery record (or a refusal): a mark found on the next try means a crash
 * cut that send with its outcome unknown, so it goes out again with the "sent again" line on top
 * (`report-resent-note`, same report id; on the webhook `resent: true` and the same
 * `Idempotency-Key`; on the WhatsApp outbox the same job, so it is queued once). Retryable failures (5xx, network, 429) throw after every destination was tried;
 * when only permanent ones (400, 403) are left the job fails with UnrecoverableError. When every
 * retryable failure is a 429 that said when to come back (`retryAfter`), the job is moved back to
 * `delayed` for that long (plus a margin, at most an hour) without using up one of its attempts.
 */
export function createReportProcessor(deps: ReportProcessorDeps) {
  const clock = deps.clock ?? systemClock;
  const { redis, keys, store, i18n } = deps;
  const locale = deps.config.DEFAULT_LOCALE;
  const destinations = configuredDestinations(deps);

  /** Copies delivered destinations to order.reportedTo so "my orders" can show them. */
  async function syncReportedTo(orderId: string): Promise<void> {
    const rec = await redis.hgetall(keys.reportDeliveries(orderId, 'report'));
    const reportedTo = Object.fromEntries(DESTINATIONS.filter((d) => rec[d]).map((d) => [d, rec[d]!]));
    const order = await store.orders.get(orderId);
    if (!order) return;
    const same = DESTINATIONS.every((d) => order.reportedTo[d] === reportedTo[d]);
    if (!same) await store.orders.update(orderId, { reportedTo: { ...order.reportedTo, ...reportedTo } });
  }

  return async function processReport(
    job: Pick<Job<ReportJob>, 'id' | 'data' | 'attemptsMade'> & Partial<Pick<Job<ReportJob>, 'moveToDelayed' | 'timestamp'>>,
    token?: string,
  ): Promise<ReportJobResult> {
    const data = parseJob(ReportJobSchema, 'reports', job.data);
    const log = deps.logger.child({ queue: 'reports', jobId: job.id, orderId: data.orderId, kind: data.kind, attempt: job.attemptsMade + 1 });
    const facts = await loadReportFacts(store, data.orderId);
    if (!facts) throw new UnrecoverableError(`order ${data.orderId} not found`);
    if (data.kind === 'followup' && !facts.order.postLink) {
      log.info('no post link on the order: nothing to follow up');
      return {};
    }
    if (data.kind === 'payment' && !facts.order.paymentConfirmed) {
      log.info('payment not confirmed on the order: nothing to follow up');
      return {};
    }
    if (data.kind === 'rejected' && facts.order.status !== 'rejected') {
      log.info('the order is not rejected: nothing to follow up');
      return {};
    }
    if (data.kind === 'cancelled' && (facts.order.status !== 'cancelled' || !facts.order.receipt)) {
      log.info('the order is not a cancelled paid order: nothing to follow up');
      return {};
    }

    const hash = keys.reportDeliveries(data.orderId, data.kind);
    const reportHash = keys.reportDeliveries(data.orderId, 'report');
    const text =
      data.kind === 'report'
        ? reportText(i18n, locale, facts)
        : data.kind === 'payment'
          ? i18n.t(locale, 'report-payment-followup', { orderId: facts.order.id })
          : data.kind === 'rejected'
            ? rejectedText(i18n, locale, facts)
            : data.kind === 'cancelled'
              ? cancelledText(i18n, locale, facts)
              : followupText(i18n, locale, facts);
    // Which flag on the report's record says the report itself already carried this news (a
    // report never says it was rejected: the office always hears it as a follow-up).
    const carried = data.kind === 'payment' ? 'paid' : data.kind === 'rejected' || data.kind === 'cancelled' ? 'never' : 'link';
    const followupEvent = (
      { followup: 'purchase.post-link', payment: 'purchase.payment-confirmed', rejected: 'purchase.rejected', cancelled: 'purchase.cancelled' } as const
    )[data.kind === 'report' ? 'followup' : data.kind];
    const result: ReportJobResult = {};
    const failures: { dest: DestinationName; permanent: boolean; error: string; retryAfter?: number }[] = [];

    for (const dest of destinations) {
      if (await redis.hexists(hash, dest.name)) {
        result[dest.name] = 'already-sent';
        continue;
      }
      const now = clock();
      const repeatNote = i18n.t(locale, 'report-resent-note', { reportId: reportId(data.orderId) });
      const input = { facts, text, hash, reportHash, now, followupEvent, kind: data.kind, repeatNote, repeat: false };
      /** Marks the send as started; a mark already there means a crash cut an earlier send. */
      const start = async () => {
        input.repeat = (await redis.hsetnx(hash, `${dest.name}.started`, now.toISOString())) === 0;
        if (input.repeat) log.warn({ destination: dest.name }, `${data.kind}: an earlier send was cut off; sending again, marked as such`);
      };
      let outcome;
      if (data.kind !== 'report') {
        const [delivered, already, skipped, refused] = await redis.hmget(
          reportHash,
          dest.name,
          `${dest.name}.${carried}`,
          `${dest.name}.skipped`,
          `${dest.name}.refused`,
        );
        if (already) outcome = { status: 'skipped', reason: 'the report already carried it' } as const;
        else if (!delivered && (skipped || refused)) outcome = { status: 'skipped', reason: 'the report was not sent there' } as const;
        else if (!delivered) outcome = { status: 'failed', permanent: false, error: 'the report is not delivered yet' } as const;
        else {
          await start();
          outcome = await dest.followup(input);
        }
      } else {
        await start();
        outcome = await dest.report(input);
      }

      if (outcome.status === 'sent') {
        const tx = redis.multi().hsetnx(hash, dest.name, now.toISOString()).hdel(hash, `${dest.name}.skipped`, `${dest.name}.refused`, `${dest.name}.started`);
        if (data.kind === 'report' && facts.order.postLink) tx.hsetnx(hash, `${dest.name}.link`, '1');
        if (data.kind === 'report' && facts.order.paymentConfirmed) tx.hsetnx(hash, `${dest.name}.paid`, '1');
        await tx.exec();
        result[dest.name] = 'sent';
        deps.onDelivered?.(dest.name, data.kind);
        log.info({ destination: dest.name }, `${data.kind} delivered`);
      } else if (outcome.status === 'skipped') {
        await redis.multi().hset(hash, `${dest.name}.skipped`, `${now.toISOString()} ${outcome.reason}`).hdel(hash, `${dest.name}.started`).exec();
        result[dest.name] = `skipped: ${outcome.reason}`;
        log.info({ destination: dest.name, reason: outcome.reason }, `${data.kind} skipped`);
      } else {
        failures.push({ dest: dest.name, permanent: outcome.permanent, error: outcome.error, retryAfter: outcome.retryAfter });
        // Refused for sure: nothing reached the destination, so the next send is no repeat.
        if (outcome.answered) await redis.hdel(hash, `${dest.name}.started`);
        // A refusal (400/403) is noted so the follow-up does not wait for a report that cannot come.
        if (outcome.permanent) await redis.hset(hash, `${dest.name}.refused`, `${now.toISOString()} ${outcome.error}`);
        log.warn({ destination: dest.name, permanent: outcome.permanent, error: outcome.error, retryAfter: outcome.retryAfter }, `${data.kind} not delivered`);
      }
    }

    if (data.kind === 'report') await syncReportedTo(data.orderId);
    if (!failures.length) return result;
    const summary = failures.map((f) => `${f.dest}: ${f.error}`).join('; ');
    const retryable = failures.filter((f) => !f.permanent);
    // Only 429s with a wait left: come back when they said, as a free wait (not an attempt), during
    // the job's first FREE_WAITS_FOR_MS; later a 429 uses an attempt, so a destination that keeps
    // refusing ends in a failed job (listed by /gagal) instead of a report parked for ever.
    // Any other retryable failure uses an attempt and the queue's backoff, as before.
    const young = job.timestamp === undefined || Date.now() - job.timestamp < FREE_WAITS_FOR_MS; // BullMQ stamps real time
    if (retryable.length && job.moveToDelayed && young && retryable.every((f) => f.retryAfter !== undefined)) {
      const waitMs = rateLimitWaitMs(Math.max(...retryable.map((f) => f.retryAfter!)));
      log.warn({ destinations: retryable.map((f) => f.dest), waitMs }, `${data.kind} rate limited: retrying after the wait asked for`);
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    if (retryable.length) throw new Error(`${data.kind} ${data.orderId} incomplete: ${summary}`);
    throw new UnrecoverableError(`${data.kind} ${data.orderId} refused: ${summary}`);
  };
}
export type ReportProcessor = ReturnType<typeof createReportProcessor>;
