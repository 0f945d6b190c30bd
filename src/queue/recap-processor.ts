import { type Job, UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ChannelSender, SendResult } from '../channels/types.js';
import { MAYOR_CONSOLE_CHAT } from '../import/demo.js';
import type { Config } from '../config.js';
import { type Clock, formatDay, systemClock, wibDay } from '../domain/time.js';
import type { I18n } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Keys } from '../store/keys.js';
import { type RecapJob, RecapJobSchema, parseJob } from './jobs.js';
import { type Recap, buildRecap, loadRecapLookups, recapCsv, recapText } from '../reports/recap.js';
import { type RecapWebhookBody, RecapWebhookBodySchema } from '../reports/webhook-bodies.js';
import { postWebhook } from './webhook.js';

export interface RecapProcessorDeps {
  redis: Redis;
  keys: Keys;
  store: Store;
  config: Pick<Config, 'MAYOR_TELEGRAM_CHAT_ID' | 'MAYOR_WHATSAPP_JID' | 'REPORT_WEBHOOK_URL' | 'REPORT_WEBHOOK_SECRET' | 'DEFAULT_LOCALE'>;
  logger: Logger;
  i18n: I18n;
  clock?: Clock;
  senders: { telegram?: ChannelSender; whatsapp?: ChannelSender; console?: ChannelSender };
}

/** The webhook body of a recap. */
export function recapWebhookBody(r: Recap, csv: string, sentAt: Date): RecapWebhookBody {
  return {
    event: 'recap.daily',
    day: r.day,
    sent_at: sentAt.toISOString(),
    purchases: r.purchases,
    asn_count: r.asnCount,
    total: r.total,
    post_link_share: r.postLinkShare,
    by_opd: r.byOpd.map((g) => ({ opd: g.opd, purchases: g.purchases, asn: g.asn, total: g.total })),
    by_kecamatan: r.byKecamatan.map((g) => ({ kecamatan: g.kecamatan, purchases: g.purchases, asn: g.asn, total: g.total })),
    top_umkm: r.topUmkm,
    by_source: r.bySource,
    recipients: r.recipients,
    csv,
  };
}

/** One delivery of a recap: `dest.part` (a destination's text before its document), or `dest`. */
export type Step = { name: string; run: () => Promise<SendResult | { ok: false; permanent: boolean; error: string }> };

/**
 * Runs the steps in order, each once: a step recorded in the `hash` is not run again. A failed step
 * skips the rest of its destination (never the document without its text); `skipped:` errors are
 * no failures. The records are kept 90 days.
 */
export async function runDeliverySteps(redis: Redis, hash: string, steps: Step[], clock: Clock, log: Logger) {
  const result: Record<string, string> = {};
  const failures: { step: string; permanent: boolean; error: string }[] = [];
  const skipDest = new Set<string>();
  for (const step of steps) {
    const dest = step.name.split('.')[0]!;
    if (skipDest.has(dest)) continue;
    if (await redis.hexists(hash, step.name)) {
      result[step.name] = 'already-sent';
      continue;
    }
    const r = await step.run();
    if (r.ok) {
      await redis.hsetnx(hash, step.name, clock().toISOString());
      result[step.name] = 'sent';
      continue;
    }
    skipDest.add(dest);
    if (r.error.startsWith('skipped:')) {
      result[dest] = r.error;
      log.info({ destination: dest }, 'recap destination skipped');
    } else {
      failures.push({ step: step.name, permanent: r.permanent === true, error: r.error });
      log.warn({ destination: dest, error: r.error }, 'recap not delivered');
    }
  }
  await redis.pexpire(hash, 90 * 24 * 3600 * 1000);
  return { result, failures };
}

/**
 * The `recaps` processor: the recap of a WIB day (the job's `day`, else the day the scheduler
 * fired for) as text plus a CSV document to the mayor's Telegram chat and WhatsApp, and as
 * `recap.daily` to the webhook. Each step is recorded in `keys.recapDeliveries(day)`, so a rerun
 * of the same day sends only what is missing.
 */
export function createRecapProcessor(deps: RecapProcessorDeps) {
  const clock = deps.clock ?? systemClock;
  const { redis, keys, store, i18n, config } = deps;
  const locale = config.DEFAULT_LOCALE;

  return async function processRecap(job: Pick<Job<RecapJob>, 'id' | 'data' | 'opts'>): Promise<Record<string, string>> {
    const data = parseJob(RecapJobSchema, 'recaps', job.data);
    const firedFor = (job.opts as { prevMillis?: number }).prevMillis;
    const day = data.day ?? wibDay(firedFor ? new Date(firedFor) : clock());
    const log = deps.logger.child({ queue: 'recaps', jobId: job.id, day });

    const [orders, lookups] = await Promise.all([store.orders.ofDay(day), loadRecapLookups(store)]);
    const recap = buildRecap(orders, lookups, day);
    const csv = recapCsv(orders, lookups);
    const text = recapText(i18n, locale, recap);
    const document = { fileName: `rekap-belanja-umkm-${day}.csv`, content: csv };
    const caption = i18n.t(locale, 'recap-csv-caption', { day: formatDay(day) });

    const steps: Step[] = [];
    const chatSteps = (dest: 'telegram' | 'whatsapp' | 'console', chatId: string | undefined, sender: ChannelSender | undefined) => {
      if (!chatId) return;
      if (!sender) {
        steps.push({ name: dest, run: async () => ({ ok: false, permanent: true, error: 'skipped: channel not running in this process' }) });
        return;
      }
      steps.push({ name: `${dest}.text`, run: () => sender.send(chatId, { text }) });
      steps.push({ name: dest, run: () => sender.send(chatId, { text: caption, document }) });
    };
    chatSteps('telegram', config.MAYOR_TELEGRAM_CHAT_ID, deps.senders.telegram);
    chatSteps('whatsapp', config.MAYOR_WHATSAPP_JID, deps.senders.whatsapp);
    const url = config.REPORT_WEBHOOK_URL;
    const secret = config.REPORT_WEBHOOK_SECRET;
    // The terminal demo with no destination configured: the mayor's office persona reads it there.
    if (!steps.length && !(url && secret) && deps.senders.console) chatSteps('console', MAYOR_CONSOLE_CHAT, deps.senders.console);
    if (url && secret) {
      steps.push({
        name: 'webhook',
        run: async () => {
          const now = clock();
          const body = RecapWebhookBodySchema.parse(recapWebhookBody(recap, csv, now));
          // The same key on every send of one day's recap, so a receiver can drop a repeat.
          const r = await postWebhook(url, secret, body, Math.floor(now.getTime() / 1000), undefined, `recap.daily:${day}`);
          return r.ok ? { ok: true } : r;
        },
      });
    }

    const { result, failures } = await runDeliverySteps(redis, keys.recapDeliveries(day), steps, clock, log);
    log.info({ purchases: recap.purchases, result }, 'recap processed');
    if (!failures.length) return result;
    const summary = failures.map((f) => `${f.step}: ${f.error}`).join('; ');
    if (failures.some((f) => !f.permanent)) throw new Error(`recap ${day} incomplete: ${summary}`);
    throw new UnrecoverableError(`recap ${day} refused: ${summary}`);
  };
}
export type RecapProcessor = ReturnType<typeof createRecapProcessor>;
