import { formatRupiah } from '../domain/money.js';
import type { Order, OrderStatus, Person, Umkm } from '../domain/schemas.js';
import { formatDay, formatWib } from '../domain/time.js';
import type { I18n, Locale } from '../i18n/index.js';
import type { Store } from '../store/index.js';
import { maskName } from './report-content.js';

/** Orders in these statuses are purchases: the receipt came and the UMKM did not refuse. */
export const RECAP_STATUSES: readonly OrderStatus[] = ['paid', 'accepted', 'delivered'];

/** How the recap finds the ASN and the UMKM of an order. */
export interface RecapLookups {
  persons: ReadonlyMap<string, Person>;
  umkms: ReadonlyMap<string, Umkm>;
}

export interface RecapRow {
  purchases: number;
  /** distinct ASN */
  asn: number;
  /** integer Rupiah */
  total: number;
}

/** The figures of one WIB day. */
export interface Recap {
  day: string;
  purchases: number;
  asnCount: number;
  /** Rupiah reaching UMKM */
  total: number;
  withPostLink: number;
  /** withPostLink / purchases, 0 when there are none */
  postLinkShare: number;
  /** by the ASN's OPD, largest total first */
  byOpd: (RecapRow & { opd: string })[];
  /** by the UMKM's kecamatan, largest total first */
  byKecamatan: (RecapRow & { kecamatan: string })[];
  /** purchases for residents and for ASN in isoman (the recipient's NIP is never in a report) */
  recipients: { resident: number; asn: number };
  /** by where the UMKM comes from (binaan OPD, kecamatan community, cooperative, none named), largest total first */
  bySource: SourceRow[];
  /** the five UMKM with the largest totals */
  topUmkm: { id: string; name: string; kecamatan: string; purchases: number; total: number }[];
}

const UNKNOWN = '(tidak diketahui)';

/** True when the order's recipient is an ASN in isoman. */
export const forAsn = (o: Order) => Boolean(o.recipient?.asn || o.recipient?.asnNip);

/** Pure: purchases for residents and for ASN, counted apart. */
export function recipientKinds(orders: Order[]): { resident: number; asn: number } {
  const asn = orders.filter(forAsn).length;
  return { resident: orders.length - asn, asn };
}

/** Where a UMKM comes from, as the recaps split Rupiah: its `binaan` type, or `none`. */
export const SOURCES = ['opd', 'kecamatan', 'koperasi', 'none'] as const;
export type Source = (typeof SOURCES)[number];
export type SourceRow = { source: Source; purchases: number; total: number };

/** Pure: purchases and Rupiah by the source of their UMKM; sources without purchases left out. */
export function splitBySource(orders: Order[], umkms: ReadonlyMap<string, Umkm>): SourceRow[] {
  const acc = new Map<Source, SourceRow>();
  for (const o of orders) {
    const source: Source = umkms.get(o.umkmId)?.binaan?.type ?? 'none';
    const row = acc.get(source) ?? { source, purchases: 0, total: 0 };
    row.purchases++;
    row.total += o.total;
    acc.set(source, row);
  }
  return [...acc.values()].sort((a, b) => b.total - a.total || SOURCES.indexOf(a.source) - SOURCES.indexOf(b.source));
}

function group<K extends string>(orders: Order[], keyOf: (o: Order) => string, label: K) {
  const acc = new Map<string, { purchases: number; asn: Set<string>; total: number }>();
  for (const o of orders) {
    const k = keyOf(o);
    const g = acc.get(k) ?? { purchases: 0, asn: new Set<string>(), total: 0 };
    g.purchases++;
    g.asn.add(o.asnNip);
    g.total += o.total;
    acc.set(k, g);
  }
  return [...acc.entries()]
    .map(([k, g]) => ({ [label]: k, purchases: g.purchases, asn: g.asn.size, total: g.total }) as RecapRow & Record<K, string>)
    .sort((a, b) => b.total - a.total || b.purchases - a.purchases || a[label].localeCompare(b[label]));
}

/** The purchases of a day among `orders` (the statuses that count). */
export function recapOrders(orders: Order[]): Order[] {
  return orders.filter((o) => RECAP_STATUSES.includes(o.status));
}

/**
 * Pure: the recap of `day` from that day's orders (store.orders.ofDay(day)). Only paid, accepted
 * and delivered orders count. Shared by the daily job and the admins' `/rekap <date>`.
 */
export function buildRecap(orders: Order[], lookups: RecapLookups, day: string): Recap {
  const counted = recapOrders(orders);
  const opdOf = (o: Order) => lookups.persons.get(o.asnNip)?.opd ?? UNKNOWN;
  const kecOf = (o: Order) => lookups.umkms.get(o.umkmId)?.kecamatan ?? UNKNOWN;
  const byUmkm = group(counted, (o) => o.umkmId, 'id');
  const withPostLink = counted.filter((o) => o.postLink).length;
  return {
    day,
    purchases: counted.length,
    asnCount: new Set(counted.map((o) => o.asnNip)).size,
    total: counted.reduce((s, o) => s + o.total, 0),
    withPostLink,
    postLinkShare: counted.length ? withPostLink / counted.length : 0,
    byOpd: group(counted, opdOf, 'opd'),
    byKecamatan: group(counted, kecOf, 'kecamatan'),
    bySource: splitBySource(counted, lookups.umkms),
    recipients: recipientKinds(counted),
    topUmkm: byUmkm.slice(0, 5).map((g) => {
      const u = lookups.umkms.get(g.id);
      return { id: g.id, name: u?.name ?? g.id, kecamatan: u?.kecamatan ?? UNKNOWN, purchases: g.purchases, total: g.total };
    }),
  };
}

/**
 * A CSV cell that stays inert in a spreadsheet whatever separator it splits on. The file is
 * comma-separated, but Excel in an Indonesian locale splits on `;` (and a paste splits on tab),
 * ignoring quotes that do not open a field: any text after a `,`, `;` or tab inside a cell can
 * become a cell of its own. So every place a cell could start (the start, and after each of those
 * separators) that then shows `=`, `+`, `-` or `@` (after optional spaces or quotes) gets a `'` first, and
 * line breaks inside a cell become spaces (a broken quote would start a new row there). Numbers
 * and booleans are written as they are.
 */
export function csvCell(v: string | number | boolean): string {
  if (typeof v !== 'string') return String(v);
  const s = v.replace(/\r\n|[\r\n]/g, ' ').replace(/(^|[,;\t])(?=[ "]*[=+\-@])/g, "$1'");
  return /[",;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const RECAP_CSV_HEADER = [
  'order_id',
  'created_at_wib',
  'status',
  'asn_nip',
  'asn_name',
  'opd',
  'umkm_id',
  'umkm_name',
  'umkm_kecamatan',
  'items',
  'total',
  'recipient_kelurahan',
  'recipient_kecamatan',
  'recipient_name_masked',
  'post_link',
  'payment_confirmed',
  'reported_to',
  'recipient_kind',
] as const;

/** Pure: the day's reports as CSV, one row per counted order, no address and no phone. */
export function recapCsv(orders: Order[], lookups: RecapLookups): string {
  const rows = recapOrders(orders)
    .slice()
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((o) => {
      const p = lookups.persons.get(o.asnNip);
      const u = lookups.umkms.get(o.umkmId);
      return [
        o.id,
        formatWib(new Date(o.createdAt)),
        o.status,
        o.asnNip,
        p?.name ?? '',
        p?.opd ?? '',
        o.umkmId,
        u?.name ?? '',
        u?.kecamatan ?? '',
        o.items.map((it) => `${it.qty}x ${it.name}`).join('; '),
        o.total,
        o.recipient?.kelurahan ?? '',
        o.recipient?.kecamatan ?? '',
        o.recipient ? maskName(o.recipient.name) : '',
        o.postLink ?? '',
        o.paymentConfirmed === true,
        Object.keys(o.reportedTo).sort().join(' '),
        o.recipient ? (forAsn(o) ? 'asn' : 'resident') : '',
      ]
        .map(csvCell)
        .join(',');
    });
  return [RECAP_CSV_HEADER.join(','), ...rows].join('\n') + '\n';
}

/** The recap as text for the mayor's office (or an admin). */
export function recapText(i18n: I18n, locale: Locale, r: Recap): string {
  const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);
  const lines = [t('recap-title', { day: formatDay(r.day) })];
  if (!r.purchases) return [...lines, t('recap-empty')].join('\n');
  // Counts go in as numbers, so the English lines can choose "1 purchase" / "2 purchases".
  lines.push(
    t('recap-summary', { purchases: r.purchases, asn: r.asnCount, total: formatRupiah(r.total) }),
    t('recap-post-share', { withLink: r.withPostLink, purchases: r.purchases, percent: String(Math.round(r.postLinkShare * 100)) }),
    t('recap-recipient-kinds', { resident: r.recipients.resident, asn: r.recipients.asn }),
    '',
    t('recap-by-opd'),
    ...r.byOpd.map((g) => t('recap-opd-line', { opd: g.opd, purchases: g.purchases, asn: g.asn, total: formatRupiah(g.total) })),
    '',
    t('recap-by-kecamatan'),
    ...r.byKecamatan.map((g) => t('recap-kecamatan-line', { kecamatan: g.kecamatan, purchases: g.purchases, total: formatRupiah(g.total) })),
    '',
    t('recap-by-source'),
    ...r.bySource.map((g) => t('recap-source-line', { source: g.source, purchases: g.purchases, total: formatRupiah(g.total) })),
    '',
    t('recap-top-umkm'),
    ...r.topUmkm.map((u, i) =>
      t('recap-top-line', { rank: String(i + 1), name: u.name, kecamatan: u.kecamatan, purchases: u.purchases, total: formatRupiah(u.total) }),
    ),
  );
  return lines.join('\n');
}

/** Reads the lookups a recap needs (the whole roster and catalogue of UMKM). */
export async function loadRecapLookups(store: Store): Promise<RecapLookups> {
  const [persons, umkms] = await Promise.all([store.roster.all(), store.catalogue.allUmkms()]);
  return { persons: new Map(persons.map((p) => [p.nip, p])), umkms: new Map(umkms.map((u) => [u.id, u])) };
}
