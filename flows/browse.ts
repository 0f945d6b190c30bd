import { canBePaid } from '../src/domain/payment.js';
import { formatRupiah } from '../src/domain/money.js';
import { type Listing, rankListingsKept, type SortOrder } from '../src/domain/ranking.js';
import { type Category, CATEGORIES } from '../src/domain/schemas.js';
import { searchTerms } from '../src/domain/search.js';
import { hasEmoji } from '../src/domain/search-words.js';
import { wibDay } from '../src/domain/time.js';
import { canonicalKecamatan, KECAMATAN } from '../src/domain/wilayah.js';
import { z } from 'zod';
import { defineFlow, type FlowCtx, goto, invalid, msg, reply, type StepResult } from '../src/engine/flow.js';
import type { Choice, Reply } from '../src/i18n/message.js';
import { ALL_KECAMATAN, CATEGORY_CHOICE, KECAMATAN_CHOICE, keyChoices, MENU_ENTRY, NAV_CHOICE, PAGE_CHOICE as PAGE, wordChoices } from './choice-ids.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';

/** Products shown per page: fits a phone screen and Telegram's limits. */
export const PAGE_SIZE = 5;

const SORT_ORDERS = ['fair', 'price-asc', 'price-desc'] as const satisfies readonly SortOrder[];

/** The browse flow's data: what selects the list, the product shown, and whether the list was empty. */
const BrowseDataSchema = z.object({
  /** a category (and kecamatan), a search, or one UMKM's products (from the cart) */
  mode: z.enum(['browse', 'search', 'umkm']).optional(),
  query: z.string().optional(),
  category: z.enum(CATEGORIES).optional(),
  kecamatan: z.string().optional(),
  umkmId: z.string().optional(),
  page: z.number().int().optional(),
  sort: z.enum(SORT_ORDERS).optional(),
  /** the product shown on the product step */
  sku: z.string().optional(),
  /** the list found nothing: it shows no product buttons */
  empty: z.boolean().optional(),
});
type BrowseData = z.output<typeof BrowseDataSchema>;
type BrowseCtx = FlowCtx<BrowseData>;

/** Button ids of the browse flow. */
const PRODUCT = keyChoices('p:', 'a product of the browse list, by SKU', 32);
const SORT = wordChoices('sort:', 'the order of the browse list', ['fair', 'price']);

/** What selects the list a product was opened from: carried into the cart flow, for "back". */
const LIST_KEYS = ['mode', 'query', 'category', 'kecamatan', 'umkmId', 'page', 'sort'] as const;
export function listContext(data: BrowseData): Record<string, unknown> {
  return Object.fromEntries(LIST_KEYS.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}

/** The listings the current browse state selects, in display order. */
export async function currentListings(ctx: BrowseCtx): Promise<readonly Listing[]> {
  const d = ctx.data;
  const mode = d.mode ?? 'browse';
  const store = ctx.deps.store;
  if (mode === 'search') {
    const index = await store.catalogue.searchIndex();
    const now = ctx.deps.clock();
    const { income, counts } = await store.orders.monthStats(now);
    return index.search(d.query ?? '', { monthLoad: income, tieBreak: counts, seed: wibDay(now), pageSize: PAGE_SIZE });
  }
  // The shared list of this catalogue version: its ranked order is kept until the version, the
  // day or this month's figures change, so a page costs the page.
  const all = await store.catalogue.listings({
    category: mode === 'browse' ? d.category : undefined,
    kecamatan: mode === 'browse' ? d.kecamatan : undefined,
    umkmId: mode === 'umkm' ? d.umkmId : undefined,
  });
  const now = ctx.deps.clock();
  const { income, counts } = await store.orders.monthStats(now);
  return rankListingsKept(all, d.sort ?? 'fair', income, wibDay(now), counts);
}

/** Counts per kecamatan, kept per shared list (one per category and catalogue version). */
const countsKept = new WeakMap<readonly Listing[], ReadonlyMap<string, number>>();

/** Available products of a category per kecamatan (kecamatan without any are absent); counted once per catalogue version. */
async function kecamatanCounts(ctx: BrowseCtx, category: Category): Promise<ReadonlyMap<string, number>> {
  const listings = await ctx.deps.store.catalogue.listings({ category });
  let counts = countsKept.get(listings);
  if (!counts) {
    const c = new Map<string, number>();
    for (const l of listings) c.set(l.umkm.kecamatan, (c.get(l.umkm.kecamatan) ?? 0) + 1);
    countsKept.set(listings, (counts = c));
  }
  return counts;
}

function listReply(ctx: BrowseCtx, listings: readonly Listing[], page: number): Reply {
  const d = ctx.data;
  const pages = Math.max(1, Math.ceil(listings.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = listings.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE);
  const lines = slice.map((l, i) =>
    ctx.deps.t('browse-item-line', {
      n: i + 1,
      name: l.product.name,
      price: formatRupiah(l.product.price),
      unit: l.product.unit,
      umkm: l.umkm.name,
      kecamatan: l.umkm.kecamatan,
    }),
  );
  const choices: Choice[] = slice.map((l) => literal(PRODUCT.pack(l.product.sku), clip(`${l.product.name} · ${formatRupiah(l.product.price)}`, 60)));
  const nav: Choice[] = [];
  if (p > 0) nav.push(choice(PAGE.pack('prev'), 'browse-prev'));
  if (p < pages - 1) nav.push(choice(PAGE.pack('next'), 'browse-next'));
  // The fair order and its note are about several UMKM: one UMKM's own list is simply cheapest first.
  // (stops at the first other UMKM: in the fair order that is the second listing)
  const mixed = d.mode !== 'search' && listings.some((l) => l.umkm.id !== listings[0]!.umkm.id);
  if (mixed) {
    nav.push(d.sort === 'price-asc' ? choice(SORT.pack('fair'), 'browse-sort-fair') : choice(SORT.pack('price'), 'browse-sort-price'));
  }
  nav.push(backButton(), menuButton());
  const orderNote = !mixed ? '' : d.sort === 'price-asc' ? ctx.deps.t('browse-order-price') : ctx.deps.t('browse-order-fair');
  // The text lists the products numbered as their choices: numbered channels list them once.
  return text('browse-list', { page: p + 1, pages, count: listings.length, items: lines.join('\n'), note: orderNote }, [...choices, ...nav], {
    listed: choices.length,
  });
}

/** Category -> optional kecamatan -> paged list -> product detail; and search. */
export const browseFlow = defineFlow({
  name: 'browse',
  data: BrowseDataSchema,
  steps: {
    category: {
      enter: () => reply(text('browse-category', {}, [...CATEGORIES.map((c) => choice(CATEGORY_CHOICE.pack(c), `category-${c}`)), menuButton()])),
      handle(_ctx, input) {
        if (input.kind === 'choice' && input.id.startsWith(CATEGORY_CHOICE.prefix)) {
          const category = CATEGORY_CHOICE.parse(input.id);
          if (!category) return invalid('engine-stale-button');
          return goto('browse', 'kecamatan', { data: { category, mode: 'browse', kecamatan: undefined, page: 0, sort: 'fair' } });
        }
        return invalid('ui-choose-button');
      },
    },
    kecamatan: {
      // Only the kecamatan that have products of the category, with their count: never a choice that leads nowhere.
      async enter(ctx) {
        const category = ctx.data.category;
        // No category chosen (back from a list that had none): ask for one first.
        if (!category) return goto('browse', 'category');
        const name = ctx.deps.t(`category-${category}`);
        const counts = await kecamatanCounts(ctx, category);
        if (!counts.size) return goto('browse', 'category', { replies: [text('browse-category-empty', { category: name })] });
        const options = KECAMATAN.flatMap((k, i) => {
          const count = counts.get(k);
          return count ? [choice(KECAMATAN_CHOICE.pack(i), 'browse-kecamatan-option', { kecamatan: k, count })] : [];
        });
        return reply(text('browse-kecamatan', { category: name }, [choice(ALL_KECAMATAN, 'browse-all-kecamatan'), ...options, backButton()], { columns: 2 }));
      },
      async handle(ctx, input) {
        if (input.kind === 'text') {
          // "Beji" typed for the button "Beji (3)"
          const k = canonicalKecamatan(input.text);
          if (!k) return invalid('ui-choose-button');
          const category = ctx.data.category;
          if (!category || !(await kecamatanCounts(ctx, category)).get(k)) {
            return invalid('browse-kecamatan-none', { category: ctx.deps.t(`category-${category}`), kecamatan: k });
          }
          return goto('browse', 'list', { data: { kecamatan: k, page: 0 } });
        }
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (NAV_CHOICE.parse(input.id) === 'back') return goto('browse', 'category');
        if (input.id === ALL_KECAMATAN) return goto('browse', 'list', { data: { kecamatan: undefined, page: 0 } });
        const k = KECAMATAN_CHOICE.parse(input.id);
        if (!k) return invalid('engine-stale-button');
        return goto('browse', 'list', { data: { kecamatan: k, page: 0 } });
      },
    },
    list: {
      async enter(ctx) {
        const listings = await currentListings(ctx);
        if (!listings.length) {
          const mode = ctx.data.mode ?? 'browse';
          const category = ctx.data.category;
          if (mode === 'browse' && category) {
            // Sold out since the kecamatan question was asked: ask it again, the category kept.
            const name = ctx.deps.t(`category-${category}`);
            const kecamatan = ctx.data.kecamatan;
            const notice = kecamatan ? text('browse-kecamatan-sold-out', { category: name, kecamatan }) : text('browse-category-empty', { category: name });
            return goto('browse', kecamatan ? 'kecamatan' : 'category', { replies: [notice], data: { kecamatan: undefined, page: 0 } });
          }
          const key = mode === 'search' ? 'browse-search-none' : 'browse-empty';
          // `empty`: no product buttons, so other input is not answered with "choose a product".
          return {
            ...reply(
              text(key, { query: ctx.data.query ?? '' }, [
                choice(MENU_ENTRY.pack('search'), 'menu-search'),
                choice(MENU_ENTRY.pack('browse'), 'menu-browse'),
                backButton(),
                menuButton(),
              ]),
            ),
            data: { empty: true },
          };
        }
        return { ...reply(listReply(ctx, listings, ctx.data.page ?? 0)), data: { empty: false } };
      },
      async handle(ctx, input): Promise<StepResult> {
        if (input.kind === 'text' && ctx.data.mode === 'search') return searchFor(input.text);
        if (input.kind !== 'choice') {
          if (!ctx.data.empty) return invalid('browse-pick-product');
          // Nothing found: a photo (or a contact) is no search; ask for the words again.
          if (ctx.data.mode === 'search') return goto('browse', 'search', { replies: [text('browse-search-need-text')] });
          return invalid('ui-choose-button');
        }
        const id = input.id;
        const page = ctx.data.page ?? 0;
        const pageTo = PAGE.parse(id);
        if (pageTo) return goto('browse', 'list', { data: { page: pageTo === 'next' ? page + 1 : Math.max(0, page - 1) } });
        const sort = SORT.parse(id);
        if (sort) return goto('browse', 'list', { data: { sort: sort === 'price' ? 'price-asc' : 'fair', page: 0 } });
        if (MENU_ENTRY.parse(id) === 'search') return goto('browse', 'search');
        if (MENU_ENTRY.parse(id) === 'browse') return goto('browse', 'category');
        if (NAV_CHOICE.parse(id) === 'back') {
          if (ctx.data.mode === 'search') return goto('browse', 'search');
          if (ctx.data.mode === 'umkm') return goto('cart', 'summary');
          return goto('browse', 'kecamatan');
        }
        const sku = PRODUCT.parse(id);
        if (sku) return goto('browse', 'product', { data: { sku } });
        return invalid('engine-stale-button');
      },
    },
    product: {
      async enter(ctx) {
        const product = await ctx.deps.store.catalogue.productToShow(ctx.data.sku ?? '');
        const umkm = product ? await ctx.deps.store.catalogue.umkmToShow(product.umkmId) : null;
        if (!product || !umkm || !product.available) {
          return goto('browse', 'list', { replies: [text('browse-product-gone')] });
        }
        const photo = product.photo && !product.photo.startsWith('https://') ? { path: product.photo } : undefined;
        // stored files only (a URL kept by an import before issue 14 is not sent)
        // Listed, but not for sale until the UMKM gives a way to be paid.
        const payable = canBePaid(await ctx.deps.store.payments.get(umkm.id));
        return reply(
          text(
            'browse-product',
            {
              name: product.name,
              price: formatRupiah(product.price),
              unit: product.unit,
              // no description: the line is left out (never a lone "-")
              hasDescription: product.description.trim() ? 'yes' : 'no',
              description: product.description.trim(),
              umkm: umkm.name,
              kecamatan: umkm.kecamatan,
              kelurahan: umkm.kelurahan,
              category: ctx.deps.t(`category-${umkm.category}`),
            },
            [...(payable ? [choice('buy', 'browse-buy')] : []), backButton(), menuButton()],
            { photo, ...(payable ? {} : { prefix: [msg('pay-not-available')] }) },
          ),
        );
      },
      async handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'buy') {
          // An ASN who owns this UMKM may look, not buy: they would pay themselves.
          const product = await ctx.deps.store.catalogue.productToShow(ctx.data.sku ?? '');
          if (product && ctx.user.umkms.some((u) => u.id === product.umkmId)) return invalid('cart-own-umkm');
          if (product && !canBePaid(await ctx.deps.store.payments.get(product.umkmId))) return invalid('pay-not-available');
          return goto('cart', 'quantity', { data: { sku: ctx.data.sku, from: listContext(ctx.data) } });
        }
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('browse', 'list');
        return invalid('ui-choose-button');
      },
    },
    search: {
      // Opened from the main menu or /cari: "Kembali" leads back to the menu (typed, the label is matched as the button).
      enter: () => reply(text('browse-search-ask', {}, [backButton(), menuButton()])),
      handle(_ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('menu', 'main');
        if (input.kind !== 'text') return invalid('browse-search-need-text');
        return searchFor(input.text);
      },
    },
  },
});

/** True when a search for `raw` would list at least one product. */
export async function findsProducts(ctx: FlowCtx, raw: string): Promise<boolean> {
  const query = raw.trim();
  if (query.length > 100 || !searchTerms(query).some((t) => t.length >= 2)) return false;
  const index = await ctx.deps.store.catalogue.searchIndex();
  return index.search(query, { monthLoad: {}, seed: '', pageSize: PAGE_SIZE, limit: 1 }).length > 0;
}

/**
 * Lists the products matching `raw` (also used for `/cari <words>` and when a buyer types a
 * product name at the main menu). A query that cannot be searched is answered at the search
 * question, never with the list of an earlier query.
 */
export function searchFor(raw: string): StepResult {
  const query = raw.trim();
  const refuse = (key: string) => goto('browse', 'search', { replies: [text(key)] });
  if (query.length > 100) return refuse('browse-search-too-long');
  if (!searchTerms(query).some((t) => t.length >= 2)) return refuse(hasEmoji(query) ? 'browse-search-emoji' : 'browse-search-too-short');
  return goto('browse', 'list', { data: { mode: 'search', query, page: 0 } });
}
