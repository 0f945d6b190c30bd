import { type Job, UnrecoverableError } from 'bullmq';
import type { ChannelSender } from '../channels/types.js';
import { type Clock, systemClock, wibMonth } from '../domain/time.js';
import type { Locale } from '../i18n/index.js';
import { createMediaStore } from '../media/media-store.js';
import { type RecapJob, RecapJobSchema, parseJob } from './jobs.js';
import { loadMonthly, type MonthlyReport, monthlyChart, monthlyCsv, monthLabel, monthlyText, previousMonth } from '../reports/monthly.js';
import { type RecapProcessorDeps, runDeliverySteps, type Step } from './recap-processor.js';
import { type MonthlyWebhookBody, MonthlyWebhookBodySchema } from '../reports/webhook-bodies.js';
import { postWebhook } from './webhook.js';

/** The webhook body of a monthly report. */
export function monthlyWebhookBody(r: MonthlyReport, csv: string, sentAt: Date): MonthlyWebhookBody {
  const row = (x: MonthlyReport['byOpd'][number]) => ({
    rank: x.rank,
    name: x.name,
    asn: x.asn,
    buyers: x.buyers,
    share: x.share,
    purchases: x.purchases,
    total: x.total,
    prev: x.prev,
    change_share_points: x.changeSharePoints,
    change_total: x.changeTotal,
  });
  return {
    event: 'recap.monthly',
    month: r.month,
    sent_at: sentAt.toISOString(),
    all: r.all,
    by_opd: r.byOpd.map(row),
    by_kecamatan: r.byKecamatan.map(row),
    by_source: r.bySource,
    recipients: r.recipients,
    by_kelurahan: r.byKelurahan.map((k) => ({
      kecamatan: k.kecamatan,
      kelurahan: k.kelurahan,
      umkm_registered: k.registered,
      umkm_sold: k.sold,
      total: k.total,
    })),
    csv,
  };
}

/** The month a scheduled run reports: the month before the WIB month it fired in. */
export const reportedMonth = (firedAt: Date) => previousMonth(wibMonth(firedAt));

/**
 * `monthly-recap` jobs of the `recaps` queue: last month's compliance report (the job's `month`,
 * else the month before the one the scheduler fired in) as text, chart and CSV to the mayor's
 * Telegram chat and WhatsApp, and as `recap.monthly` to the webhook. Each step is recorded in
 * `keys.monthlyDeliveries(month)`, so a rerun sends only what is missing.
 */
export function createMonthlyProcessor(deps: RecapProcessorDeps & { mediaDir: string }) {
  const clock: Clock = deps.clock ?? systemClock;
  const { redis, keys, store, i18n, config } = deps;
  const locale: Locale = config.DEFAULT_LOCALE;
  const media = createMediaStore(deps.mediaDir);

  return async function processMonthly(job: Pick<Job<RecapJob>, 'id' | 'data' | 'opts'>): Promise<Record<string, string>> {
    const data = parseJob(RecapJobSchema, 'recaps', job.data);
    const firedFor = (job.opts as { prevMillis?: number }).prevMillis;
    const month = data.month ?? reportedMonth(firedFor ? new Date(firedFor) : clock());
    const log = deps.logger.child({ queue: 'recaps', jobId: job.id, month });

    const report = await loadMonthly(store, month);
    const csv = monthlyCsv(report);
    const text = monthlyText(i18n, locale, report);
    const label = monthLabel(locale, month);
    const document = { fileName: `rekap-bulanan-belanja-umkm-${month}.csv`, content: csv };
    const caption = i18n.t(locale, 'monthly-csv-caption', { month: label });
    const chartCaption = i18n.t(locale, 'monthly-chart-caption', { month: label });
    let chartPath: string | null | undefined;
    const chart = async () => {
      if (chartPath === undefined) {
        chartPath = await monthlyChart(media, i18n.t(locale, 'monthly-chart-title', { month: label }), report).catch((err: unknown) => {
          log.warn({ err }, 'monthly chart not drawn');
          return null;
        });
      }
      return chartPath;
    };

    const steps: Step[] = [];
    const chatSteps = (dest: 'telegram' | 'whatsapp', chatId: string | undefined, sender: ChannelSender | undefined) => {
      if (!chatId) return;
      if (!sender) {
        steps.push({ name: dest, run: async () => ({ ok: false, permanent: true, error: 'skipped: channel not running in this process' }) });
        return;
      }
      steps.push({ name: `${dest}.text`, run: () => sender.send(chatId, { text }) });
      steps.push({
        name: `${dest}.chart`,
        run: async () => {
          const path = await chart();
          // No chart drawn: the text and the CSV carry the figures.
          return path ? sender.send(chatId, { text: chartCaption, photo: { path } }) : { ok: true };
        },
      });
      steps.push({ name: dest, run: () => sender.send(chatId, { text: caption, document }) });
    };
    chatSteps('telegram', config.MAYOR_TELEGRAM_CHAT_ID, deps.senders.telegram);
    chatSteps('whatsapp', config.MAYOR_WHATSAPP_JID, deps.senders.whatsapp);
    const url = config.REPORT_WEBHOOK_URL;
    const secret = config.REPORT_WEBHOOK_SECRET;
    if (url && secret) {
      steps.push({
        name: 'webhook',
        run: async () => {
          const now = clock();
          const body = MonthlyWebhookBodySchema.parse(monthlyWebhookBody(report, csv, now));
          const r = await postWebhook(url, secret, body, Math.floor(now.getTime() / 1000), undefined, `recap.monthly:${month}`);
          return r.ok ? { ok: true } : r;
        },
      });
    }

    const { result, failures } = await runDeliverySteps(redis, keys.monthlyDeliveries(month), steps, clock, log);
    log.info({ purchases: report.all.purchases, result }, 'monthly report processed');
    if (!failures.length) return result;
    const summary = failures.map((f) => `${f.step}: ${f.error}`).join('; ');
    if (failures.some((f) => !f.permanent)) throw new Error(`monthly report ${month} incomplete: ${summary}`);
    throw new UnrecoverableError(`monthly report ${month} refused: ${summary}`);
  };
}
