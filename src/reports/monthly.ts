import { statsChartSvg, storePng, svgToPng } from '../admin/stats-chart.js';
import { type KelurahanStats, kelurahanStats } from '../admin/stats.js';
import { formatRupiah } from '../domain/money.js';
import type { Order, Person, Umkm } from '../domain/schemas.js';
import { inScope, isAsnRole } from '../domain/unit.js';
import { KECAMATAN } from '../domain/wilayah.js';
import type { I18n, Locale } from '../i18n/index.js';
import type { Store } from '../store/index.js';
import { csvCell, recapOrders, recipientKinds, type SourceRow, splitBySource } from './recap.js';

/** A month `YYYY-MM` (WIB). */
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Every WIB day `YYYY-MM-DD` of a month. */
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

interface Figures {
  asn: number;
  buyers: number;
  /** buyers / asn, 0 when no ASN */
  share: number;
  purchases: number;
  total: number;
}

/** One OPD or kecamatan: the month, the month before, and the change (share in percentage points). */
export interface MonthlyRow extends Figures {
  name: string;
  rank: number;
  prev: Figures;
  changeSharePoints: number;
  changeTotal: number;
}

/** The compliance report of one month for the mayor's office. */
export interface MonthlyReport {
  month: string;
  prevMonth: string;
  all: Figures & { prev: Figures };
  /** by the ASN's OPD, highest share first (then Rupiah) */
  byOpd: MonthlyRow[];
  /** by kecamatan: the ASN of its office and of its kelurahan offices, highest share first */
  byKecamatan: MonthlyRow[];
  bySource: SourceRow[];
  /** purchases for residents and for ASN in isoman */
  recipients: { resident: number; asn: number };
  /** every kelurahan: UMKM registered, UMKM that sold in the month, Rupiah */
  byKelurahan: KelurahanStats[];
}

function figures(members: Person[], orders: Order[]): Figures {
  const nips = new Set(members.map((p) => p.nip));
  const mine = orders.filter((o) => nips.has(o.asnNip));
  const buyers = new Set(mine.map((o) => o.asnNip)).size;
  return {
    asn: members.length,
    buyers,
    share: members.length ? buyers / members.length : 0,
    purchases: mine.length,
    total: mine.reduce((s, o) => s + o.total, 0),
  };
}

function rows(groups: { name: string; members: Person[] }[], month: Order[], prev: Order[]): MonthlyRow[] {
  return groups
    .map((g) => {
      const now = figures(g.members, month);
      const before = figures(g.members, prev);
      return {
        name: g.name,
        rank: 0,
        ...now,
        prev: before,
        changeSharePoints: Math.round(now.share * 100) - Math.round(before.share * 100),
        changeTotal: now.total - before.total,
      };
    })
    .sort((a, b) => b.share - a.share || b.total - a.total || b.purchases - a.purchases || a.name.localeCompare(b.name, 'id'))
    .map((r, i) => ({ ...r, rank: i + 1 }));
}

/** Pure: the report of `month` from its orders, the month before's, the roster and the UMKM. */
export function buildMonthly(month: string, monthOrders: Order[], prevOrders: Order[], persons: Person[], umkms: Umkm[]): MonthlyReport {
  const counted = recapOrders(monthOrders);
  const before = recapOrders(prevOrders);
  const asn = persons.filter((p) => isAsnRole(p.role));
  const opds = [...new Set(asn.map((p) => p.opd))];
  return {
    month,
    prevMonth: previousMonth(month),
    all: { ...figures(asn, counted), prev: figures(asn, before) },
    byOpd: rows(
      opds.map((opd) => ({ name: opd, members: asn.filter((p) => p.opd === opd) })),
      counted,
      before,
    ),
    byKecamatan: rows(
      KECAMATAN.map((k) => ({ name: k, members: asn.filter((p) => inScope(p, { type: 'kecamatan', name: k })) })),
      counted,
      before,
    ),
    bySource: splitBySource(counted, new Map(umkms.map((u) => [u.id, u]))),
    recipients: recipientKinds(counted),
    byKelurahan: kelurahanStats(umkms, counted),
  };
}

/** "November 2026" in the locale. */
export function monthLabel(locale: Locale, month: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const signedRupiah = (n: number) => (n > 0 ? `+${formatRupiah(n)}` : n < 0 ? `-${formatRupiah(-n)}` : formatRupiah(0));
const pct = (f: Figures) => Math.round(f.share * 100);

/** The report as text for the mayor's office (or an admin). */
export function monthlyText(i18n: Pick<I18n, 't'>, locale: Locale, r: MonthlyReport): string {
  const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);
  const line = (x: MonthlyRow) =>
    t('monthly-line', {
      rank: x.rank,
      name: x.name,
      buyers: x.buyers,
      asn: x.asn,
      percent: pct(x),
      points: signed(x.changeSharePoints),
      purchases: x.purchases,
      total: formatRupiah(x.total),
      change: signedRupiah(x.changeTotal),
    });
  const kel = r.byKelurahan.filter((k) => k.registered || k.sold);
  return [
    t('monthly-title', { month: monthLabel(locale, r.month) }),
    t('monthly-summary', {
      buyers: r.all.buyers,
      asn: r.all.asn,
      percent: pct(r.all),
      points: signed(pct(r.all) - pct(r.all.prev)),
      purchases: r.all.purchases,
      total: formatRupiah(r.all.total),
      change: signedRupiah(r.all.total - r.all.prev.total),
      prev: monthLabel(locale, r.prevMonth),
    }),
    t('recap-recipient-kinds', { resident: r.recipients.resident, asn: r.recipients.asn }),
    '',
    t('monthly-by-opd'),
    ...r.byOpd.map(line),
    '',
    t('monthly-by-kecamatan'),
    ...r.byKecamatan.map(line),
    ...(r.bySource.length
      ? ['', t('recap-by-source'), ...r.bySource.map((g) => t('recap-source-line', { source: g.source, purchases: g.purchases, total: formatRupiah(g.total) }))]
      : []),
    '',
    t('monthly-by-kelurahan'),
    ...(kel.length
      ? kel.map((k) =>
          t('admin-stats-kel-line', { kelurahan: k.kelurahan, kecamatan: k.kecamatan, registered: k.registered, sold: k.sold, total: formatRupiah(k.total) }),
        )
      : [t('admin-stats-kel-none')]),
  ].join('\n');
}

export const MONTHLY_CSV_HEADER = [
  'section',
  'rank',
  'name',
  'kecamatan',
  'asn',
  'buyers',
  'share_percent',
  'purchases',
  'total',
  'prev_share_percent',
  'prev_purchases',
  'prev_total',
  'change_share_points',
  'change_total',
  'umkm_registered',
  'umkm_sold',
] as const;

/** Pure: the report as CSV: one row per OPD, kecamatan and kelurahan (no names of persons). */
export function monthlyCsv(r: MonthlyReport): string {
  const part = (section: string, x: MonthlyRow) => [
    section,
    x.rank,
    x.name,
    '',
    x.asn,
    x.buyers,
    pct(x),
    x.purchases,
    x.total,
    pct(x.prev),
    x.prev.purchases,
    x.prev.total,
    x.changeSharePoints,
    x.changeTotal,
    '',
    '',
  ];
  const lines = [
    ...r.byOpd.map((x) => part('opd', x)),
    ...r.byKecamatan.map((x) => part('kecamatan', x)),
    ...r.byKelurahan.map((k) => ['kelurahan', '', k.kelurahan, k.kecamatan, '', '', '', '', k.total, '', '', '', '', '', k.registered, k.sold]),
  ].map((cells) => cells.map((c) => csvCell(c)).join(','));
  return [MONTHLY_CSV_HEADER.join(','), ...lines].join('\n') + '\n';
}

/** The orders of every day of a month. */
async function ordersOfMonth(store: Store, month: string): Promise<Order[]> {
  const out: Order[] = [];
  for (const d of daysOfMonth(month)) out.push(...(await store.orders.ofDay(d)));
  return out;
}

/** Reads what the report of `month` needs and builds it. */
export async function loadMonthly(store: Store, month: string): Promise<MonthlyReport> {
  const [orders, prev, persons, umkms] = await Promise.all([
    ordersOfMonth(store, month),
    ordersOfMonth(store, previousMonth(month)),
    store.roster.all(),
    store.catalogue.allUmkms(),
  ]);
  return buildMonthly(month, orders, prev, persons, umkms);
}

/** The report's chart: Rupiah and share per OPD, in rank order; stored under MEDIA_DIR/charts. */
export async function monthlyChart(store: { root: string; resolve(p: string): string }, title: string, r: MonthlyReport): Promise<string> {
  const rows = r.byOpd.map((x) => ({ opd: `${x.rank}. ${x.name}`, purchases: x.purchases, total: x.total, buyers: x.buyers, asn: x.asn, share: x.share }));
  return storePng(store, await svgToPng(statsChartSvg(title, rows)));
}
