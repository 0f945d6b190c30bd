import { distance } from 'fastest-levenshtein';
import { Index } from 'flexsearch';
import { LRUCache } from 'lru-cache';
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

/**
 * How well a listing matches, lower is better: 0 every word exact in the product name, 1 exact or
 * the start of a word in the name, 2 exact somewhere (description, UMKM, category, kecamatan),
 * 3 the start of a word somewhere, 4 with a typo. The weakest typed word decides.
 */
export type Relevance = 0 | 1 | 2 | 3 | 4;
/** No match (a relevance byte's value). */
const NONE = 255;

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
 * The index: one FlexSearch `Index` (word -> ids, exact words only) per field group: product names,
 * product descriptions (per product), and UMKM name, category and kecamatan (per UMKM, a UMKM
 * standing for its products); our word folding is its encoder. Beside it the sorted vocabulary
 * (prefixes are a binary search in it, typos a scan of it) and each UMKM's products. Built apart
 * from the queries' closures so that nothing used only while building stays reachable.
 */
function buildIndex(listings: readonly Listing[]) {
  const n = listings.length;
  // While building: fold each raw spelling once (a stop word folds to ''), collect the vocabulary.
  // Afterwards the index is only asked for words of the vocabulary, already folded.
  let folded: Map<string, string> | undefined = new Map();
  const words = new Set<string>();
  const encode = (text: string): string[] => {
    if (!folded) return [text];
    const out: string[] = [];
    for (const raw of text.split(/[^\p{L}\p{N}\p{M}]+/u)) {
      if (!raw) continue;
      let t = folded.get(raw);
      if (t === undefined) {
        t = foldWord(raw);
        if (STOP_WORDS.has(t)) t = '';
        folded.set(raw, t);
      }
      if (t) {
        out.push(t);
        words.add(t);
      }
    }
    return out;
  };
  // Exact words only ('strict'): FlexSearch's 'forward' prefixes took 130 MB more at province size.
  const options = { tokenize: 'strict', resolution: 1, cache: false, fastupdate: false, encode } as const;
  const inName = new Index(options);
  const inDescription = new Index(options);
  const inUmkm = new Index(options);
  // The UMKM of the listings, each once, and the documents (listing positions) of each.
  const umkmIndex = new Map<string, number>();
  const umkmOfDoc = new Int32Array(n);
  listings.forEach((l, doc) => {
    let u = umkmIndex.get(l.umkm.id);
    if (u === undefined) {
      u = umkmIndex.size;
      umkmIndex.set(l.umkm.id, u);
      inUmkm.add(u, `${l.umkm.name} ${CATEGORY_WORDS[l.umkm.category] ?? l.umkm.category} ${l.umkm.kecamatan}`);
    }
    umkmOfDoc[doc] = u;
    inName.add(doc, l.product.name);
    inDescription.add(doc, l.product.description);
  });
  folded = undefined;
  // The documents of UMKM u are `umkmDocs[umkmStart[u] .. umkmStart[u + 1])`.
  const umkmStart = new Int32Array(umkmIndex.size + 1);
  const umkmDocs = new Int32Array(n);
  for (let d = 0; d < n; d++) umkmStart[umkmOfDoc[d]! + 1]!++;
  for (let u = 0; u < umkmIndex.size; u++) umkmStart[u + 1]! += umkmStart[u]!;
  const fill = umkmStart.slice(0, umkmIndex.size);
  for (let d = 0; d < n; d++) umkmDocs[fill[umkmOfDoc[d]!]!++] = d;
  // Sorted: exact and prefix matches are a binary search; a typed word that is one of them, or
  // starts one, is searched without typos.
  const vocabulary = [...words].sort();
  return { vocabulary, inName, inDescription, inUmkm, umkmStart, umkmDocs };
}

/**
 * A full-text index over the available products of one catalogue version: product name and
 * description per product; UMKM name, category and kecamatan once per UMKM (a product matches
 * through its own words or its UMKM's). The word -> products lookup is FlexSearch (`buildIndex`);
 * the relevance classes, prefixes, typos and order are ours. At a province's 150,000 products it
 * takes about 35 MB of heap, where one document per product with its UMKM's words repeated
 * (MiniSearch) took about 160 MB. Build it once per version (`catalogue.searchIndex()` does) and
 * query it many times.
 */
export function createCatalogueSearch(listings: readonly Listing[]) {
  const n = listings.length;
  const { vocabulary, inName, inDescription, inUmkm, umkmStart, umkmDocs } = buildIndex(listings);
  // Every document of a word, not FlexSearch's first 100.
  const all = { limit: Math.max(n, 1) };

  const lowerBound = (t: string): number => {
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (vocabulary[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // Scratch space of one query (queries run one at a time): a relevance byte per listing.
  const worst = new Uint8Array(n);
  const word = new Uint8Array(n);

  /** Marks in `word` how well each listing matches typed word `q` (lower kept). */
  function matchWord(q: string): void {
    word.fill(NONE);
    const mark = (t: string, inNameR: number, elsewhereR: number) => {
      for (const d of inName.search(t, all) as number[]) if (word[d]! > inNameR) word[d] = inNameR;
      for (const d of inDescription.search(t, all) as number[]) if (word[d]! > elsewhereR) word[d] = elsewhereR;
      for (const u of inUmkm.search(t, all) as number[])
        for (let j = umkmStart[u]!; j < umkmStart[u + 1]!; j++) {
          const d = umkmDocs[j]!;
          if (word[d]! > elsewhereR) word[d] = elsewhereR;
        }
    };
    const lo = lowerBound(q);
    let known = false;
    if (vocabulary[lo] === q) {
      mark(q, 0, 2);
      known = true;
    }
    // The start of a word (3+ letters typed).
    if (q.length >= 3)
      for (let w = vocabulary[lo] === q ? lo + 1 : lo; w < vocabulary.length && vocabulary[w]!.startsWith(q); w++) {
        mark(vocabulary[w]!, 1, 3);
        known = true;
      }
    // Typos only for a word the catalogue does not have: "rendang" is not also "endang".
    const typos = typosAllowed(q.length);
    if (known || !typos) return;
    for (let w = 0; w < vocabulary.length; w++) {
      const t = vocabulary[w]!;
      if (Math.abs(t.length - q.length) > typos) continue;
      if (distance(q, t) <= typosAllowed(Math.min(q.length, t.length))) mark(t, 4, 4);
    }
  }

  /** The matching listings of each `Relevance` (in index order), for the words of one query. */
  function classify(terms: string[]): Listing[][] {
    terms.forEach((q, i) => {
      matchWord(q);
      if (i === 0) worst.set(word);
      else for (let d = 0; d < n; d++) if (word[d]! > worst[d]!) worst[d] = word[d]!;
    });
    const classes: Listing[][] = [[], [], [], [], []];
    for (let d = 0; d < n; d++) if (worst[d] !== NONE) classes[worst[d]!]!.push(listings[d]!);
    return classes;
  }
  /** The last queries' matches: turning a page or a repeated query skips the index. */
  const matched = new LRUCache<string, Listing[][]>({ max: 100 });

  return {
    size: n,
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
