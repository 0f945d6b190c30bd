import type { Order, Person } from '../domain/schemas.js';
import { wibDay } from '../domain/time.js';
import { inScope, isAsnRole, type Scope } from '../domain/unit.js';
import { recapOrders } from '../reports/recap.js';
import type { Store } from '../store/index.js';

/** A unit's participation in a period: how many of its ASN bought, the share, purchases and Rupiah. */
export interface Participation {
  buyers: number;
  asn: number;
  /** buyers / asn (0 when the unit has no ASN on the roster) */
  share: number;
  purchases: number;
  total: number;
}

/** What a coordinator sees of their unit. Nothing of any other unit is in it. */
export interface UnitStats {
  /** the unit's ASN on the roster */
  asn: number;
  thisMonth: Participation & { start: string };
  lastMonth: Participation & { start: string };
  /** Monday-started WIB weeks from the one holding last month's 1st up to this week, oldest first */
  weeks: (Participation & { start: string })[];
  /** names of the unit's ASN with no purchase this month, sorted */
  notBought: { nip: string; name: string }[];
}

export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The first WIB day of the month before `monthStart` (`2026-11-01` -> `2026-10-01`). */
export function previousMonthStart(monthStart: string): string {
  const [y, m] = monthStart.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`;
}

/** The Monday of the WIB week holding `day`. */
export function mondayOf(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/** The WIB days the unit figures read: from the Monday before last month's 1st up to today. */
export function unitDays(now: Date): { today: string; monthStart: string; lastMonthStart: string; days: string[] } {
  const today = wibDay(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthStart = previousMonthStart(monthStart);
  const days: string[] = [];
  for (let d = mondayOf(lastMonthStart); d <= today; d = addDays(d, 1)) days.push(d);
  return { today, monthStart, lastMonthStart, days };
}

/** Pure: the unit's figures from the purchases of `unitDays(now).days` and the roster. */
export function computeUnitStats(ordersByDay: ReadonlyMap<string, Order[]>, persons: Person[], scope: Scope, now: Date): UnitStats {
  const p = unitDays(now);
  const members = persons.filter((x) => isAsnRole(x.role) && inScope(x, scope));
  const nips = new Set(members.map((x) => x.nip));
  const of = (from: string, to: string) =>
    p.days
      .filter((d) => d >= from && d < to)
      .flatMap((d) => recapOrders(ordersByDay.get(d) ?? []))
      .filter((o) => nips.has(o.asnNip));
  const part = (orders: Order[]): Participation => {
    const buyers = new Set(orders.map((o) => o.asnNip)).size;
    return {
      buyers,
      asn: members.length,
      share: members.length ? buyers / members.length : 0,
      purchases: orders.length,
      total: orders.reduce((s, o) => s + o.total, 0),
    };
  };
  const end = addDays(p.today, 1);
  const month = of(p.monthStart, end);
  const weeks: UnitStats['weeks'] = [];
  for (let w = mondayOf(p.lastMonthStart); w <= p.today; w = addDays(w, 7)) weeks.push({ start: w, ...part(of(w, addDays(w, 7))) });
  const bought = new Set(month.map((o) => o.asnNip));
  return {
    asn: members.length,
    thisMonth: { start: p.monthStart, ...part(month) },
    lastMonth: { start: p.lastMonthStart, ...part(of(p.lastMonthStart, p.monthStart)) },
    weeks,
    notBought: members
      .filter((x) => !bought.has(x.nip))
      .map((x) => ({ nip: x.nip, name: x.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'id')),
  };
}

/** Reads the days `computeUnitStats` needs and the roster. */
export async function loadUnitStats(store: Store, scope: Scope, now: Date): Promise<UnitStats> {
  const { days } = unitDays(now);
  const byDay = new Map<string, Order[]>();
  for (const d of days) byDay.set(d, await store.orders.ofDay(d));
  return computeUnitStats(byDay, await store.roster.all(), scope, now);
}
