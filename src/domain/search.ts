import { distance } from 'fastest-levenshtein';
import { LRUCache } from 'lru-cache';
import MiniSearch from 'minisearch';
import { type Listing, rankListingsKept } from './ranking.js';
import { emojiAsWords, spellingOf, STOP_WORDS } from './search-words.js';

/** One word as the index keeps it: lower-case, accents folded, one spelling of its variants. */
function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return spellingOf(/^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}+/gu, ''));
}

/** Product words (product emoji as their word), lower-case, accents folded, each typed spelling variant turned into one spelling. */
export function searchTerms(text: string): string[] {
  return emojiAsWords(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .map(foldWord);
}

/**
 * Typos forgiven in a word of this length: none up to 3 letters, one up to 7, two from 8. Both the
 * typed word and the word it matches count ("rendangg" is not "endang" with two typos).
 */
export function typosAllowed(length: number): number {
  return length <= 3 ? 0 : length <= 7 ? 1 : 2;
}

/** Category words a search matches (both languages' labels). */
const CATEGORY_WORDS: Record<string, string> = {
  kuliner: 'kuliner makanan minuman food',
  fashion: 'fashion fesyen busana pakaian',
  kriya: 'kriya kerajinan crafts',
};

const FIELDS = ['name', 'description', 'umkm', 'category', 'kecamatan'] as const;
type Doc = { id: number } & Record<(typeof FIELDS)[number], string>;

/**
 * How well a listing matches, lower is better: 0 every word exact in the product name, 1 exact or
 * the start of a word in the name, 2 exact somewhere (description, UMKM, category, kecamatan),
 * 3 the start of a word somewhere, 4 with a typo. The weakest typed word decides.
 */
export type Relevance = 0 | 1 | 2 | 3 | 4;

function termRelevance(q: string, match: Record<string, string[]>): Relevance | null {
  let best: Relevance | null = null;
  for (const [t, fields] of Object.entries(match)) {
    const inName = fields.includes('name');
    let r: Relevance | null = null;
    if (t === q) r = inName ? 0 : 2;
    else if (q.length >= 3 && t.startsWith(q)) r = inName ? 1 : 3;
    else if (distance(q, t) <= typosAllowed(Math.min(q.length, t.length))) r = 4;
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

/** The weakest typed word's relevance, or null when one of them matched nothing (by our rules). */
function relevanceOf(terms: string[], match: Record<string, string[]>): Relevance | null {
  let worst: Relevance = 0;
  for (const q of terms) {
    const r = termRelevance(q, match);
    if (r === null) return null;
    if (r > worst) worst = r;
  }
  return worst;
}

/**
 * Products on one page: at most `perPage` of one UMKM while products of other UMKM remain, so a
 * shop with many matching products does not fill the page.
 */
export function spreadUmkm(list: Listing[], pageSize: number, perPage = 2): Listing[] {
  const out: Listing[] = [];
  let pending = list;
  while (pending.length) {
    const page: Listing[] = [];
    const counts = new Map<string, number>();
    const rest: Listing[] = [];
    for (const l of pending) {
      const n = counts.get(l.umkm.id) ?? 0;
      if (page.length < pageSize && n < perPage) {
        page.push(l);
        counts.set(l.umkm.id, n + 1);
      } else rest.push(l);
    }
    // Only one or two UMKM left: the page is filled with their next products, in order.
    while (page.length < pageSize && rest.length) page.push(rest.shift()!);
    out.push(...page);
    pending = rest;
  }
  return out;
}

export type SearchOptions = {
  /** Rupiah received this month per UMKM id (the fairness order) */
  monthLoad: Record<string, number>;
  /** orders this month per UMKM id (ties of monthLoad) */
  tieBreak?: Record<string, number>;
  /** the WIB day: remaining ties rotate daily */
  seed: string;
  /** products per page of the list (the page spread) */
  pageSize: number;
  limit?: number;
};

/**
 * A full-text index (MiniSearch) over the available products of one catalogue version: product
 * name, description, UMKM name, category and kecamatan. Build it once per version
 * (`catalogue.searchIndex()` does) and query it many times.
 */
export function createCatalogueSearch(listings: Listing[]) {
  const index = new MiniSearch<Doc>({
    fields: [...FIELDS],
    idField: 'id',
    tokenize: (text) => text.split(/[^\p{L}\p{N}\p{M}]+/u),
    processTerm: (term) => {
      const t = foldWord(term);
      if (!t || STOP_WORDS.has(t)) return null;
      if (building) words.add(t);
      return t;
    },
  });
  // Every indexed word, collected while the documents are added.
  const words = new Set<string>();
  let building = true;
  const docs: Doc[] = listings.map((l, id) => ({
    id,
    name: l.product.name,
    description: l.product.description,
    umkm: l.umkm.name,
    category: CATEGORY_WORDS[l.umkm.category] ?? l.umkm.category,
    kecamatan: l.umkm.kecamatan,
  }));
  index.addAll(docs);
  building = false;
  // Sorted: a typed word that is one of them, or starts one, is searched without typos.
  const vocabulary = [...words].sort();
  const known = (t: string): boolean => {
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocabulary[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    const w = vocabulary[lo];
    return w !== undefined && (w === t || (t.length >= 3 && w.startsWith(t)));
  };

  /** The matching listings of each `Relevance` (in index order), for the words of one query. */
  function classify(terms: string[]): Listing[][] {
    const hits = index.search(terms.join(' '), {
      combineWith: 'AND',
      prefix: (t) => t.length >= 3,
      // Typos only for a word the catalogue does not have: "rendang" is not also "endang".
      fuzzy: (t) => (known(t) ? false : typosAllowed(t.length) || false),
    });
    const classes: Listing[][] = [[], [], [], [], []];
    for (const hit of hits) {
      const r = relevanceOf(terms, hit.match);
      if (r !== null) classes[r]!.push(listings[hit.id as number]!);
    }
    return classes;
  }
  /** The last queries' matches: turning a page or a repeated query skips the index. */
  const matched = new LRUCache<string, Listing[][]>({ max: 100 });

  return {
    size: listings.length,
    /**
     * The listings matching every typed word (stop words like "beli", "mau" left out): exact or
     * the start of a word of 3+ letters, or, for a word the catalogue does not have, with typos
     * scaled to the word's length. Better matches first (see `Relevance`); equally relevant ones in the fair order, one UMKM after another;
     * then spread so one UMKM does not fill a page (at most 2 of 5 while others match as well).
     * Typo matches never come before exact ones.
     */
    search(query: string, opts: SearchOptions): Listing[] {
      const terms = [...new Set(searchTerms(query).filter((t) => !STOP_WORDS.has(t)))].slice(0, 6);
      if (!terms.length) return [];
      const key = terms.join(' ');
      const classes = matched.get(key) ?? classify(terms);
      matched.set(key, classes);
      // Three tiers never mixed: the product's own name, elsewhere (UMKM, description, category,
      // kecamatan), with a typo. Within a tier, the page spread.
      // A class's ranked order is kept (per class array, i.e. per query and catalogue version)
      // while the day and the month's figures stay the same; only the first `room` are taken.
      const rank = (list: Listing[]) => rankListingsKept(list, 'fair', opts.monthLoad, opts.seed, opts.tieBreak ?? {});
      const out: Listing[] = [];
      for (const tier of [[0, 1], [2, 3], [4]] as const) {
        const room = (opts.limit ?? 50) - out.length;
        if (room <= 0) break;
        const ranked: Listing[] = [];
        for (const r of tier) ranked.push(...rank(classes[r]!).slice(0, room - ranked.length));
        out.push(...spreadUmkm(ranked, opts.pageSize));
      }
      return out;
    },
  };
}
export type CatalogueSearch = ReturnType<typeof createCatalogueSearch>;
