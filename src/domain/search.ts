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

/**
 * Finds listings by words in the product or UMKM name, tolerant of phone typing (one typo in
 * words of 4+ letters, two in 7+). Every typed word must match somewhere. Best matches first.
 */
export function searchListings(listings: Listing[], query: string, limit = 50): Listing[] {
  const qs = words(query).filter((w) => w.length >= 2).slice(0, 6);
  if (!qs.length) return [];
  const scored: { l: Listing; score: number }[] = [];
  for (const l of listings) {
    const ws = [...words(l.product.name), ...words(l.umkm.name)];
    let total = 0;
    let all = true;
    for (const q of qs) {
      let best = 0;
      for (const w of ws) best = Math.max(best, wordScore(q, w));
      if (best === 0) {
        all = false;
        break;
      }
      total += best;
    }
    if (all) scored.push({ l, score: total });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.l.product.price - b.l.product.price)
    .slice(0, limit)
    .map((s) => s.l);
}
