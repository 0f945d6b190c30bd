import type { Order, Person, Umkm } from '../domain/schemas.js';
import { WIB_OFFSET_MS, wibDay } from '../domain/time.js';
import { allKelurahan, isAsnRole } from '../domain/unit.js';
import { recapOrders, type SourceRow, splitBySource } from '../reports/recap.js';
import type { Store } from '../store/index.js';

/** Purchases and Rupiah of a period. */
export interface Totals {
  purchases: number;
  total: number;
}

/** One OPD this month: purchases, Rupiah, and how many of its ASN bought at least once. */
export interface OpdStats extends Totals {
  opd: string;
  buyers: number;
  /** ASN of the OPD on the roster (admins, also on the roster, are not counted) */
  asn: number;
  /** buyers / asn (0 when the OPD has no ASN on the roster) */
  share: number;
}

/** The admins' figures (`/statistik`), all in WIB. */
export interface AdminStats {
  today: Totals;
  week: Totals;
  month: Totals;
  /** this month, largest Rupiah first; OPD without purchases included (share 0) */
  byOpd: OpdStats[];
  /** this month's Rupiah by where the UMKM comes from */
  bySource: SourceRow[];
  /** every kelurahan of Depok: UMKM registered there, those that sold this month, their Rupiah */
  byKelurahan: KelurahanStats[];
  /** the WIB days the periods start on */
  days: { today: string; weekStart: string; monthStart: string };
}

/** The UMKM database per kelurahan: registered, sold this month, Rupiah this month. */
export interface KelurahanStats {
  kecamatan: string;
  kelurahan: string;
  registered: number;
  sold: number;
  total: number;
}

/** Pure: every kelurahan of Depok (in order) with its UMKM and what they sold among `orders`. */
export function kelurahanStats(umkms: Umkm[], orders: Order[]): KelurahanStats[] {
  const rows = new Map(allKelurahan().map((k) => [`${k.kecamatan}|${k.kelurahan}`, { ...k, registered: 0, sold: 0, total: 0 }]));
  const byId = new Map(umkms.map((u) => [u.id, u]));
  for (const u of umkms) {
    const r = rows.get(`${u.kecamatan}|${u.kelurahan}`);
    if (r) r.registered++;
  }
  const sold = new Set<string>();
  for (const o of orders) {
    const u = byId.get(o.umkmId);
    const r = u && rows.get(`${u.kecamatan}|${u.kelurahan}`);
    if (!r) continue;
    r.total += o.total;
    if (!sold.has(o.umkmId)) r.sold++;
    sold.add(o.umkmId);
  }
  return [...rows.values()];
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The WIB days of today's week (from Monday) and month (from the 1st), up to today. */
export function periodDays(now: Date): { today: string; weekStart: string; monthStart: string; days: string[] } {
  const today = wibDay(now);
  const dow = new Date(now.getTime() + WIB_OFFSET_MS).getUTCDay(); // 0 = Sunday
  const weekStart = addDays(today, -((dow + 6) % 7));
  const monthStart = `${today.slice(0, 8)}01`;
  const first = weekStart < monthStart ? weekStart : monthStart;
  const days: string[] = [];
  for (let d = first; d <= today; d = addDays(d, 1)) days.push(d);
  return { today, weekStart, monthStart, days };
}

const sum = (orders: Order[]): Totals => ({ purchases: orders.length, total: orders.reduce((s, o) => s + o.total, 0) });

/** Pure: the figures from the purchases of the days in `periodDays(now)` and the roster. */
export function computeStats(ordersByDay: ReadonlyMap<string, Order[]>, persons: Person[], now: Date, umkms: Umkm[] = []): AdminStats {
  const p = periodDays(now);
  const counted = (from: string) => p.days.filter((d) => d >= from).flatMap((d) => recapOrders(ordersByDay.get(d) ?? []));
  const month = counted(p.monthStart);
  const byNip = new Map(persons.map((x) => [x.nip, x]));
  const groups = new Map<string, { orders: Order[]; buyers: Set<string>; asn: number }>();
  const group = (opd: string) => {
    let g = groups.get(opd);
    if (!g) groups.set(opd, (g = { orders: [], buyers: new Set(), asn: 0 }));
    return g;
  };
  // The share is of the OPD's ASN: admins of the roster are neither counted nor buyers of it.
  for (const x of persons) if (isAsnRole(x.role)) group(x.opd).asn++;
  for (const o of month) {
    const person = byNip.get(o.asnNip);
    const g = group(person?.opd ?? '-');
    g.orders.push(o);
    if (!person || isAsnRole(person.role)) g.buyers.add(o.asnNip);
  }
  const byOpd = [...groups.entries()]
    .map(([opd, g]) => ({ opd, ...sum(g.orders), buyers: g.buyers.size, asn: g.asn, share: g.asn ? g.buyers.size / g.asn : 0 }))
    .sort((a, b) => b.total - a.total || b.purchases - a.purchases || a.opd.localeCompare(b.opd, 'id'));
  return {
    today: sum(counted(p.today)),
    week: sum(counted(p.weekStart)),
    month: sum(month),
    byOpd,
    bySource: splitBySource(month, new Map(umkms.map((u) => [u.id, u]))),
    byKelurahan: kelurahanStats(umkms, month),
    days: { today: p.today, weekStart: p.weekStart, monthStart: p.monthStart },
  };
}

/** Reads the orders of the month (and of the week's days in the previous month) and the roster. */
export async function loadStats(store: Store, now: Date): Promise<AdminStats> {
  const { days } = periodDays(now);
  const byDay = new Map<string, Order[]>();
  for (const d of days) byDay.set(d, await store.orders.ofDay(d));
  return computeStats(byDay, await store.roster.all(), now, await store.catalogue.allUmkms());
}
