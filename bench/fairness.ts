/**
 * Part 4, the programme's purpose: a simulated month of purchases over the demo catalogue by ASN
 * who buy from the first page they are shown. Each purchase: a category (uniform), then half the
 * time one kecamatan (uniform; when it has nothing in that category the ASN takes "all kecamatan")
 * and otherwise "all kecamatan"; the list ranked by rankListings (as currentListings does, with the
 * month's Rupiah and order counts updated after every purchase and the WIB day as rotation seed);
 * one of the first PAGE_SIZE items (uniform); quantity 1-3. The same seeded choices for every
 * ordering. Orderings: `fair` (Rupiah received this month, then order count) and `price-asc` as
 * the bot has them, and `fair-orders`, the earlier fair ordering by order count alone.
 */
import { PAGE_SIZE } from '../flows/browse.js';
import { type Listing, rankListings } from '../src/domain/ranking.js';
import { CATEGORIES } from '../src/domain/schemas.js';
import { wibDay } from '../src/domain/time.js';
import { KECAMATAN } from '../src/domain/wilayah.js';
import { seededRandom } from './report.js';

/** Figures of one ordering. */
export interface FairnessFigures {
  order: Ordering;
  demand: Demand;
  purchases: number;
  rupiah: number;
  umkmTotal: number;
  /** UMKM selling in each category */
  umkmByCategory: Record<string, number>;
  /** share of all Rupiah that went to the top 10% of UMKM (by Rupiah received) */
  top10Share: number;
  /** share of all orders that went to the top 10% of UMKM (by orders) */
  top10OrderShare: number;
  /** UMKM with at least one order */
  umkmReached: number;
  /** orders of the busiest UMKM */
  maxOrders: number;
}

/** The orderings compared. */
export type Ordering = 'fair' | 'fair-orders' | 'price-asc';

/** How ASN pick a category. */
export type Demand = 'uniform' | 'by-umkm';

const SEED = 20_211_008;
const MONTH_START = Date.parse('2021-08-01T00:00:00+07:00');

/** Simulates `purchases` over `listings` (every available product with its UMKM) in one ordering. */
export function simulateMonth(listings: Listing[], order: Ordering, demand: Demand, purchases: number): FairnessFigures {
  const random = seededRandom(SEED);
  const umkmIds = [...new Set(listings.map((l) => l.umkm.id))];
  const umkmsIn = (c: string) => new Set(listings.filter((l) => l.umkm.category === c).map((l) => l.umkm.id)).size;
  const weights = CATEGORIES.map((c) => (demand === 'uniform' ? 1 : umkmsIn(c)));
  const pickCategory = (u: number) => {
    let left = u * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < CATEGORIES.length; i++) if ((left -= weights[i]!) < 0) return CATEGORIES[i]!;
    return CATEGORIES[CATEGORIES.length - 1]!;
  };
  const counts: Record<string, number> = {};
  const rupiah = new Map<string, number>(umkmIds.map((id) => [id, 0]));
  for (let i = 0; i < purchases; i++) {
    const day = wibDay(new Date(MONTH_START + Math.floor((i * 30) / purchases) * 86_400_000));
    const category = pickCategory(random());
    const oneKecamatan = random() < 0.5;
    const kecamatan = KECAMATAN[Math.floor(random() * KECAMATAN.length)]!;
    const pickIndex = random();
    const qty = 1 + Math.floor(random() * 3);
    const inCategory = listings.filter((l) => l.umkm.category === category);
    const here = oneKecamatan ? inCategory.filter((l) => l.umkm.kecamatan === kecamatan) : [];
    const ranked =
      order === 'fair'
        ? rankListings(here.length ? here : inCategory, 'fair', Object.fromEntries(rupiah), day, counts)
        : order === 'fair-orders'
          ? rankListings(here.length ? here : inCategory, 'fair', counts, day)
          : rankListings(here.length ? here : inCategory, order, counts, day);
    const shown = ranked.slice(0, PAGE_SIZE);
    const pick = shown[Math.floor(pickIndex * shown.length)];
    if (!pick) continue;
    counts[pick.umkm.id] = (counts[pick.umkm.id] ?? 0) + 1;
    rupiah.set(pick.umkm.id, rupiah.get(pick.umkm.id)! + pick.product.price * qty);
  }
  const byRupiah = [...rupiah.values()].sort((a, b) => b - a);
  const total = byRupiah.reduce((s, v) => s + v, 0);
  const tenth = Math.max(1, Math.ceil(umkmIds.length / 10));
  const top = byRupiah.slice(0, tenth).reduce((s, v) => s + v, 0);
  const byOrders = umkmIds.map((id) => counts[id] ?? 0).sort((a, b) => b - a);
  const orders = byOrders.reduce((s, v) => s + v, 0);
  return {
    order,
    demand,
    purchases,
    rupiah: total,
    umkmTotal: umkmIds.length,
    umkmByCategory: Object.fromEntries(CATEGORIES.map((c) => [c, umkmsIn(c)])),
    top10Share: top / total,
    top10OrderShare: byOrders.slice(0, tenth).reduce((s, v) => s + v, 0) / orders,
    umkmReached: byRupiah.filter((v) => v > 0).length,
    maxOrders: Math.max(...Object.values(counts)),
  };
}
