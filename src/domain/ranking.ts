import { createHash } from 'node:crypto';
import type { Product, Umkm } from './schemas.js';

export type Listing = { product: Product; umkm: Umkm };
export type SortOrder = 'fair' | 'price-asc' | 'price-desc';

/**
 * Code-unit order: ids, SKUs and hex keys need a stable order, not a language's (localeCompare is
 * about 20 times slower, and ranking a city's catalogue compares some 100,000 pairs).
 */
const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The shuffle keys of the current seed (a pure function of id and seed, kept for the day's queries). */
let rotations: { seed: string; keys: Map<string, string> } = { seed: '', keys: new Map() };

/** A stable per-day shuffle key, so UMKM with equal order counts take turns at the top. */
function rotation(id: string, seed: string): string {
  if (rotations.seed !== seed) rotations = { seed, keys: new Map() };
  let key = rotations.keys.get(id);
  if (key === undefined) {
    key = createHash('sha1').update(`${seed}|${id}`).digest('hex').slice(0, 8);
    rotations.keys.set(id, key);
  }
  return key;
}

/**
 * Orders listings for browsing. `fair` (the default) puts first the UMKM that received the least
 * this month (`monthLoad`: Rupiah paid to each UMKM), then those with fewer orders (`tieBreak`),
 * so income spreads over more businesses; remaining ties rotate daily (`seed` = the WIB day).
 * Within one UMKM, cheaper products first.
 */
export function rankListings(
  listings: readonly Listing[],
  order: SortOrder,
  monthLoad: Record<string, number>,
  seed: string,
  tieBreak: Record<string, number> = {},
): Listing[] {
  const copy = [...listings];
  if (order === 'price-asc') return copy.sort((a, b) => a.product.price - b.product.price || ordinal(a.product.sku, b.product.sku));
  if (order === 'price-desc') return copy.sort((a, b) => b.product.price - a.product.price || ordinal(a.product.sku, b.product.sku));
  const rot = new Map<string, string>();
  const r = (id: string) => {
    let v = rot.get(id);
    if (!v) rot.set(id, (v = rotation(id, seed)));
    return v;
  };
  // Interleave: the first product of every UMKM (in fairness order), then the second of each, ...
  const byUmkm = new Map<string, Listing[]>();
  for (const l of copy) {
    const list = byUmkm.get(l.umkm.id) ?? [];
    list.push(l);
    byUmkm.set(l.umkm.id, list);
  }
  const umkmOrder = [...byUmkm.keys()].sort(
    (a, b) => (monthLoad[a] ?? 0) - (monthLoad[b] ?? 0) || (tieBreak[a] ?? 0) - (tieBreak[b] ?? 0) || ordinal(r(a), r(b)) || ordinal(a, b),
  );
  for (const list of byUmkm.values()) list.sort((a, b) => a.product.price - b.product.price || ordinal(a.product.sku, b.product.sku));
  const out: Listing[] = [];
  for (let round = 0; out.length < copy.length; round++) {
    for (const id of umkmOrder) {
      const l = byUmkm.get(id)![round];
      if (l) out.push(l);
    }
  }
  return out;
}

/** Ranked orders kept per shared list (one array per filter and catalogue version) and order. */
const kept = new WeakMap<readonly Listing[], Map<SortOrder, { stamp: string; ranked: readonly Listing[] }>>();

/**
 * `rankListings` of a list that is shared and never changed (`store.catalogue.listings`), kept
 * while what the order depends on stays the same: the list itself (a new catalogue version is a
 * new array), the order, and for the fair order the day and this month's figures. Turning a page
 * then costs the page, not a new sort of the whole list. The result is shared too: never change it.
 */
export function rankListingsKept(
  listings: readonly Listing[],
  order: SortOrder,
  monthLoad: Record<string, number>,
  seed: string,
  tieBreak: Record<string, number> = {},
): readonly Listing[] {
  // Price orders depend on nothing else; the fair one on the day and the month's figures.
  const stamp = order === 'fair' ? `${seed}|${JSON.stringify(monthLoad)}|${JSON.stringify(tieBreak)}` : '';
  let byOrder = kept.get(listings);
  if (!byOrder) kept.set(listings, (byOrder = new Map()));
  const seen = byOrder.get(order);
  if (seen?.stamp === stamp) return seen.ranked;
  const ranked = rankListings(listings, order, monthLoad, seed, tieBreak);
  byOrder.set(order, { stamp, ranked });
  return ranked;
}
