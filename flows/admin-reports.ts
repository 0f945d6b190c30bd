import { idList, umkmWithoutPayment } from '../src/admin/payment-missing.js';
import { statsChartSvg, storePng, svgToPng } from '../src/admin/stats-chart.js';
import { type AdminStats, loadStats } from '../src/admin/stats.js';
import { formatRupiah } from '../src/domain/money.js';
import { formatDay, formatWib, wibDay } from '../src/domain/time.js';
import { z } from 'zod';
import { defineFlow, type Flow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { Reply } from '../src/i18n/message.js';
import type { I18n } from '../src/i18n/index.js';
import { MONTH_RE, monthlyCsv, monthlyText, monthLabel, previousMonth } from '../src/reports/monthly.js';
import { loadMonthly, monthlyChart } from '../src/reports/monthly.js';
import { loadRecapLookups } from '../src/reports/recap.js';
import { buildRecap, csvCell, recapCsv, recapText } from '../src/reports/recap.js';
import { adminOnly } from './admin-guard.js';
import { ADMIN_MENU, keyChoices, wordChoices } from './choice-ids.js';
import { choice, clip, literal, menuButton, text } from './ui.js';

/** The statistics as a file. */
const STATS_FILE = wordChoices('st:', 'the statistics as a file', ['kel-csv']);

/** Retry every failed report job. */
const FAILED_ALL = wordChoices('gf:', 'retry every failed report job', ['all']);

/** Failed jobs listed (and retry buttons) at most. */
const MAX_FAILED = 20;
const MAX_RETRY_BUTTONS = 10;

/** "Retry this failed report job" (its job id). */
const RETRY_JOB = keyChoices('gf:r:', 'a failed report job to retry, by job id', 55);

const adminBack = () => choice(ADMIN_MENU.pack('back'), 'admin-back');
const navigate = (id: string): StepResult | null => (ADMIN_MENU.parse(id) === 'back' ? goto('admin', 'main') : null);

/**
 * `/rekap` argument: empty or "hari ini"/"today" (today, WIB), "kemarin"/"yesterday", or a real
 * date not in the future, written `YYYY-MM-DD` or the Indonesian way `DD-MM-YYYY` / `DD/MM/YYYY`.
 */
export function parseRecapDay(args: string, now: Date): { ok: true; day: string } | { ok: false } {
  const s = args.trim().toLowerCase();
  const today = wibDay(now);
  if (!s || s === 'hari ini' || s === 'today') return { ok: true, day: today };
  if (s === 'kemarin' || s === 'yesterday') return { ok: true, day: wibDay(new Date(now.getTime() - 86_400_000)) };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!y || !m || !d) return { ok: false };
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day || day > today) return { ok: false };
  return { ok: true, day };
}

/**
 * `/rekap bulan [YYYY-MM]` argument after the word: empty for last month (WIB), or a month before
 * the current one written `YYYY-MM` or `MM-YYYY` / `MM/YYYY`.
 */
export function parseRecapMonth(args: string, now: Date): { ok: true; month: string } | { ok: false } {
  const s = args.trim();
  const current = wibDay(now).slice(0, 7);
  if (!s) return { ok: true, month: previousMonth(current) };
  const iso = /^(\d{4})[-/](\d{1,2})$/.exec(s);
  const local = /^(\d{1,2})[-/.](\d{4})$/.exec(s);
  const [y, m] = iso ? [iso[1], iso[2]] : local ? [local[2], local[1]] : [];
  if (!y || !m) return { ok: false };
  const month = `${y}-${m.padStart(2, '0')}`;
  return MONTH_RE.test(month) && month < current ? { ok: true, month } : { ok: false };
}

/** "November 2026" / "November 2026": a month as people say it, in the chat's language. */
function monthName(ctx: FlowCtx, day: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function statsText(ctx: FlowCtx, s: AdminStats): string {
  const t = ctx.deps.t;
  const period = (key: string, day: string, x: { purchases: number; total: number }) =>
    t('admin-stats-period', { label: t(key, { day: formatDay(day) }), purchases: x.purchases, total: formatRupiah(x.total) });
  const lines = [
    t('admin-stats-title'),
    period('admin-stats-today', s.days.today, s.today),
    period('admin-stats-week', s.days.weekStart, s.week),
    period('admin-stats-month', s.days.monthStart, s.month),
    '',
    t('admin-stats-by-opd'),
    ...s.byOpd.map((o) =>
      t('admin-stats-opd-line', {
        opd: o.opd,
        purchases: o.purchases,
        total: formatRupiah(o.total),
        buyers: o.buyers,
        asn: o.asn,
        percent: Math.round(o.share * 100),
      }),
    ),
  ];
  if (s.bySource.length) {
    lines.push(
      '',
      t('recap-by-source'),
      ...s.bySource.map((g) => t('recap-source-line', { source: g.source, purchases: g.purchases, total: formatRupiah(g.total) })),
    );
  }
  return lines.join('\n');
}

/** The UMKM database per kelurahan, kelurahan with UMKM only (the CSV has all of them). */
function kelurahanText(ctx: FlowCtx, s: AdminStats): string {
  const rows = s.byKelurahan.filter((k) => k.registered || k.sold);
  const t = ctx.deps.t;
  if (!rows.length) return t('admin-stats-kel-none');
  return [
    t('admin-stats-kel-title'),
    ...rows.map((k) =>
      t('admin-stats-kel-line', { kelurahan: k.kelurahan, kecamatan: k.kecamatan, registered: k.registered, sold: k.sold, total: formatRupiah(k.total) }),
    ),
  ].join('\n');
}

export const KELURAHAN_CSV_HEADER = ['kecamatan', 'kelurahan', 'umkm_registered', 'umkm_sold_this_month', 'rupiah_this_month'] as const;

/** Pure: every kelurahan of Depok as CSV (the UMKM database per kelurahan and kecamatan). */
export function kelurahanCsv(s: AdminStats): string {
  const rows = s.byKelurahan.map((k) => [k.kecamatan, k.kelurahan, k.registered, k.sold, k.total].map(csvCell).join(','));
  return [KELURAHAN_CSV_HEADER.join(','), ...rows].join('\n') + '\n';
}

const statsButtons = () => [choice(STATS_FILE.pack('kel-csv'), 'admin-stats-kel-csv'), adminBack(), menuButton()];

/** The chart as a stored PNG, or no photo when rasterising fails (the text carries the figures). */
async function chartReply(ctx: FlowCtx, s: AdminStats): Promise<Reply | null> {
  try {
    const png = await svgToPng(statsChartSvg(ctx.deps.t('admin-stats-chart-title', { month: monthName(ctx, s.days.monthStart) }), s.byOpd));
    const rel = await storePng(ctx.deps.media, png);
    return text('admin-stats-chart-caption', { month: monthName(ctx, s.days.monthStart) }, statsButtons(), { photo: { path: rel } });
  } catch {
    return null;
  }
}

/** The recap's text builder needs only `t`; the flow's `t` is already in the user's locale. */
const i18nOf = (ctx: FlowCtx) =>
  ({ t: (_locale: string, key: string, args?: Record<string, string | number>) => ctx.deps.t(key, args) }) as Pick<I18n, 't'> as I18n;

/** `/statistik`, `/rekap [YYYY-MM-DD]` and `/gagal`: the admins' figures and failed report jobs. */
export const adminReportsFlow: Flow = adminOnly(
  defineFlow({
    name: 'admin-reports',
    /** the recap's WIB day (YYYY-MM-DD, from /rekap); today when absent */
    data: z.object({ day: z.string().optional(), month: z.string().regex(MONTH_RE).optional() }),
    steps: {
      stats: {
        async enter(ctx) {
          const s = await loadStats(ctx.deps.store, ctx.deps.clock());
          const chart = await chartReply(ctx, s);
          // UMKM listed but not for sale: no bank account, e-wallet or QRIS yet (issue 12).
          const missing = await umkmWithoutPayment(ctx.deps.store);
          const { ids, more } = idList(missing);
          const unpaid = missing.length ? `\n\n${ctx.deps.t('pay-admin-missing', { count: missing.length, ids, more })}` : '';
          const body = text('ui-literal', { text: statsText(ctx, s) + unpaid }, undefined, { standalone: true });
          const kel = text('ui-literal', { text: kelurahanText(ctx, s) }, chart ? undefined : statsButtons(), { standalone: true });
          return chart ? reply(body, kel, chart) : reply(body, kel);
        },
        async handle(ctx, input) {
          if (input.kind === 'choice' && STATS_FILE.parse(input.id) === 'kel-csv') {
            const s = await loadStats(ctx.deps.store, ctx.deps.clock());
            const month = s.days.monthStart.slice(0, 7);
            return reply(
              text('admin-stats-kel-csv-caption', { month: monthName(ctx, s.days.monthStart) }, [adminBack(), menuButton()], {
                document: { fileName: `umkm-per-kelurahan-${month}.csv`, content: kelurahanCsv(s) },
              }),
            );
          }
          return (input.kind === 'choice' && navigate(input.id)) || invalid('ui-choose-button');
        },
      },
      recap: {
        async enter(ctx) {
          const day = ctx.data.day ?? wibDay(ctx.deps.clock());
          const [orders, lookups] = await Promise.all([ctx.deps.store.orders.ofDay(day), loadRecapLookups(ctx.deps.store)]);
          const recap = buildRecap(orders, lookups, day);
          const body = text('ui-literal', { text: recapText(i18nOf(ctx), ctx.locale, recap) }, undefined, { standalone: true });
          const buttons = [adminBack(), menuButton()];
          if (!recap.purchases) return reply({ ...body, choices: buttons });
          return reply(
            body,
            text('recap-csv-caption', { day: formatDay(day) }, buttons, {
              document: { fileName: `rekap-belanja-umkm-${day}.csv`, content: recapCsv(orders, lookups) },
            }),
          );
        },
        handle: (_ctx, input) => (input.kind === 'choice' && navigate(input.id)) || invalid('ui-choose-button'),
      },
      monthly: {
        async enter(ctx) {
          const month = ctx.data.month ?? previousMonth(wibDay(ctx.deps.clock()).slice(0, 7));
          const report = await loadMonthly(ctx.deps.store, month);
          const label = monthLabel(ctx.locale, month);
          const buttons = [adminBack(), menuButton()];
          const body = text('ui-literal', { text: monthlyText(i18nOf(ctx), ctx.locale, report) }, undefined, { standalone: true });
          const path = await monthlyChart(ctx.deps.media, ctx.deps.t('monthly-chart-title', { month: label }), report).catch(() => null);
          const chart = path ? [text('monthly-chart-caption', { month: label }, undefined, { photo: { path }, standalone: true })] : [];
          const doc = text('monthly-csv-caption', { month: label }, buttons, {
            document: { fileName: `rekap-bulanan-belanja-umkm-${month}.csv`, content: monthlyCsv(report) },
          });
          return reply(body, ...chart, doc);
        },
        handle: (_ctx, input) => (input.kind === 'choice' && navigate(input.id)) || invalid('ui-choose-button'),
      },
      failed: {
        async enter(ctx) {
          if (!ctx.deps.admin) return reply(text('admin-unavailable', {}, [adminBack()]));
          const jobs = await ctx.deps.admin.failedReports(MAX_FAILED);
          if (!jobs.length) return reply(text('admin-failed-none', {}, [adminBack(), menuButton()]));
          const lines = jobs.map((j) =>
            ctx.deps.t('admin-failed-line', {
              id: j.jobId,
              kind: j.kind,
              attempts: j.attempts,
              time: j.failedAt ? formatWib(j.failedAt) : '-',
              reason: clip(j.reason.replace(/\s+/g, ' '), 120),
            }),
          );
          const buttons = jobs
            .slice(0, MAX_RETRY_BUTTONS)
            .filter((j) => Buffer.byteLength(RETRY_JOB.pack(j.jobId)) <= 60)
            .map((j) => literal(RETRY_JOB.pack(j.jobId), ctx.deps.t('admin-failed-retry', { id: j.jobId })));
          return reply(
            text('admin-failed-list', { count: jobs.length, lines: lines.join('\n') }, [
              ...buttons,
              choice(FAILED_ALL.pack('all'), 'admin-failed-retry-all'),
              adminBack(),
              menuButton(),
            ]),
          );
        },
        async handle(ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          const nav = navigate(input.id);
          if (nav) return nav;
          if (!ctx.deps.admin) return invalid('admin-unavailable');
          if (FAILED_ALL.parse(input.id) === 'all') {
            const n = await ctx.deps.admin.retryAllReports();
            return goto('admin-reports', 'failed', { replies: [text('admin-failed-retried-all', { count: n })] });
          }
          const id = RETRY_JOB.parse(input.id);
          if (!id) return invalid('engine-stale-button');
          const r = await ctx.deps.admin.retryReport(id);
          return goto('admin-reports', 'failed', { replies: [text(r === 'retried' ? 'admin-failed-retried' : 'admin-failed-not-failed', { id })] });
        },
      },
    },
  }),
);
