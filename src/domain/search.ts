import { distance } from 'fastest-levenshtein';
import type { Listing } from './ranking.js';

function words(s: string): string[] {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
}

/** How well one typed word matches one word of a name: 1 exact/prefix, less for typos, 0 for none. */
function wordScore(q: string, w: string): number {
  if (w === q) return 1;
  if (q.length >= 3 && w.startsWith(q)) return 0.9;
  if (q.length < 4) return 0;
  const allowed = q.length >= 7 ? 2 : 1;
  const d = distance(q, w.slice(0, Math.max(q.length, Math.min(w.length, q.length + allowed))));
  const full = distance(q, w);
  const best = Math.min(d, full);
  return best <= allowed ? 0.8 - best * 0.15 : 0;
}

/** How well the typed words match `ws`: the sum of each word's best score, or 0 when one matches nowhere. */
function matchScore(qs: string[], ws: string[]): number {
  let total = 0;
  for (const q of qs) {
    let best = 0;
    for (const w of ws) best = Math.max(best, wordScore(q, w));
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/**
 * Finds listings by words in the product or UMKM name, tolerant of phone typing (one typo in
 * words of 4+ letters, two in 7+). Every typed word must match somewhere. Products whose own
 * name matches come first ("batik": the batik shirt before a cap of a batik shop), then best
 * matches, then cheaper.
 */
export function searchListings(listings: Listing[], query: string, limit = 50): Listing[] {
  const qs = words(query).filter((w) => w.length >= 2).slice(0, 6);
  if (!qs.length) return [];
  const scored: { l: Listing; own: boolean; score: number }[] = [];
  for (const l of listings) {
    const name = words(l.product.name);
    const score = matchScore(qs, [...name, ...words(l.umkm.name)]);
    if (score > 0) scored.push({ l, own: matchScore(qs, name) > 0, score });
  }
  return scored
    .sort((a, b) => Number(b.own) - Number(a.own) || b.score - a.score || a.l.product.price - b.l.product.price)
    .slice(0, limit)
    .map((s) => s.l);
}
