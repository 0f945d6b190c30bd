import { formatRupiah } from '../src/domain/money.js';
import { type Listing, rankListings, type SortOrder } from '../src/domain/ranking.js';
import { type Category, CATEGORIES } from '../src/domain/schemas.js';
import { searchTerms } from '../src/domain/search.js';
import { hasEmoji } from '../src/domain/search-words.js';
import { wibDay } from '../src/domain/time.js';
import { canonicalKecamatan, KECAMATAN } from '../src/domain/wilayah.js';
import { type Flow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { Choice, Reply } from '../src/engine/types.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';

/** Products shown per page: fits a phone screen and Telegram's limits. */
export const PAGE_SIZE = 5;

type Mode = 'browse' | 'search' | 'umkm';

/** What selects the list a product was opened from: carried into the cart flow, for "back". */
const LIST_KEYS = ['mode', 'query', 'category', 'kecamatan', 'umkmId', 'page', 'sort'] as const;
export function listContext(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(LIST_KEYS.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}

/** The listings the current browse state selects, in display order. */
export async function currentListings(ctx: FlowCtx): Promise<Listing[]> {
  const d = ctx.data;
  const mode = (d.mode as Mode) ?? 'browse';
  const store = ctx.deps.store;
  if (mode === 'search') {
    const index = await store.catalogue.searchIndex();
    const now = ctx.deps.clock();
    const { income, counts } = await store.orders.monthStats(now);
    return index.search(String(d.query ?? ''), { monthLoad: income, tieBreak: counts, seed: wibDay(now), pageSize: PAGE_SIZE });
  }
  const all = await store.catalogue.browse({
    category: mode === 'browse' ? (d.category as Category | undefined) : undefined,
    kecamatan: mode === 'browse' ? (d.kecamatan as string | undefined) : undefined,
    umkmId: mode === 'umkm' ? (d.umkmId as string) : undefined,
  });
  const now = ctx.deps.clock();
  const { income, counts } = await store.orders.monthStats(now);
  return rankListings(all, (d.sort as SortOrder) ?? 'fair', income, wibDay(now), counts);
}

/** Available products of a category per kecamatan (kecamatan without any are absent). */
async function kecamatanCounts(ctx: FlowCtx, category: Category): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const l of await ctx.deps.store.catalogue.browse({ category })) counts.set(l.umkm.kecamatan, (counts.get(l.umkm.kecamatan) ?? 0) + 1);
  return counts;
}

function listReply(ctx: FlowCtx, listings: Listing[], page: number): Reply {
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
  const choices: Choice[] = slice.map((l) =>
    literal(`p:${l.product.sku}`, clip(`${l.product.name} · ${formatRupiah(l.product.price)}`, 60)),
  );
  const nav: Choice[] = [];
  if (p > 0) nav.push(choice('pg:prev', 'browse-prev'));
  if (p < pages - 1) nav.push(choice('pg:next', 'browse-next'));
  // The fair order and its note are about several UMKM: one UMKM's own list is simply cheapest first.
  const mixed = d.mode !== 'search' && new Set(listings.map((l) => l.umkm.id)).size > 1;
  if (mixed) {
    nav.push(d.sort === 'price-asc' ? choice('sort:fair', 'browse-sort-fair') : choice('sort:price', 'browse-sort-price'));
  }
  nav.push(backButton(), menuButton());
  const orderNote = !mixed ? '' : d.sort === 'price-asc' ? ctx.deps.t('browse-order-price') : ctx.deps.t('browse-order-fair');
  // The text lists the products numbered as their choices: numbered channels list them once.
  return text('browse-list', { page: p + 1, pages, count: listings.length, items: lines.join('\n'), note: orderNote }, [...choices, ...nav], {
    listed: choices.length,
  });
}

/** Category -> optional kecamatan -> paged list -> product detail; and search. */
export const browseFlow: Flow = {
  name: 'browse',
  steps: {
    category: {
      enter: () =>
        reply(
          text('browse-category', {}, [
            ...CATEGORIES.map((c) => choice(`cat:${c}`, `category-${c}`)),
            menuButton(),
          ]),
        ),
      handle(_ctx, input) {
        if (input.kind === 'choice' && input.id.startsWith('cat:')) {
          const category = input.id.slice(4) as Category;
          if (!CATEGORIES.includes(category)) return invalid('engine-stale-button');
          return goto('browse', 'kecamatan', { data: { category, mode: 'browse', kecamatan: undefined, page: 0, sort: 'fair' } });
        }
        return invalid('ui-choose-button');
      },
    },
    kecamatan: {
      // Only the kecamatan that have products of the category, with their count: never a choice that leads nowhere.
      async enter(ctx) {
        const category = ctx.data.category as Category;
        // No category chosen (back from a list that had none): ask for one first.
        if (!CATEGORIES.includes(category)) return goto('browse', 'category');
        const name = ctx.deps.t(`category-${category}`);
        const counts = await kecamatanCounts(ctx, category);
        if (!counts.size) return goto('browse', 'category', { replies: [text('browse-category-empty', { category: name })] });
        const options = KECAMATAN.flatMap((k, i) => {
          const count = counts.get(k);
          return count ? [choice(`kec:${i}`, 'browse-kecamatan-option', { kecamatan: k, count })] : [];
        });
        return reply(
          text('browse-kecamatan', { category: name }, [choice('kec:all', 'browse-all-kecamatan'), ...options, backButton()], { columns: 2 }),
        );
      },
      async handle(ctx, input) {
        if (input.kind === 'text') {
          // "Beji" typed for the button "Beji (3)"
          const k = canonicalKecamatan(input.text);
          if (!k) return invalid('ui-choose-button');
          const category = ctx.data.category as Category;
          if (!(await kecamatanCounts(ctx, category)).get(k)) {
            return invalid('browse-kecamatan-none', { category: ctx.deps.t(`category-${category}`), kecamatan: k });
          }
          return goto('browse', 'list', { data: { kecamatan: k, page: 0 } });
        }
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'nav:back') return goto('browse', 'category');
        if (input.id === 'kec:all') return goto('browse', 'list', { data: { kecamatan: undefined, page: 0 } });
        const k = KECAMATAN[Number(input.id.slice(4))];
        if (!input.id.startsWith('kec:') || !k) return invalid('engine-stale-button');
        return goto('browse', 'list', { data: { kecamatan: k, page: 0 } });
      },
    },
    list: {
      async enter(ctx) {
        const listings = await currentListings(ctx);
        if (!listings.length) {
          const mode = (ctx.data.mode as Mode) ?? 'browse';
          const category = ctx.data.category as Category;
          if (mode === 'browse' && CATEGORIES.includes(category)) {
            // Sold out since the kecamatan question was asked: ask it again, the category kept.
            const name = ctx.deps.t(`category-${category}`);
            const kecamatan = ctx.data.kecamatan as string | undefined;
            const notice = kecamatan ? text('browse-kecamatan-sold-out', { category: name, kecamatan }) : text('browse-category-empty', { category: name });
            return goto('browse', kecamatan ? 'kecamatan' : 'category', { replies: [notice], data: { kecamatan: undefined, page: 0 } });
          }
          const key = mode === 'search' ? 'browse-search-none' : 'browse-empty';
          // `empty`: no product buttons, so other input is not answered with "choose a product".
          return {
            ...reply(
              text(key, { query: String(ctx.data.query ?? '') }, [choice('m:search', 'menu-search'), choice('m:browse', 'menu-browse'), backButton(), menuButton()]),
            ),
            data: { empty: true },
          };
        }
        return { ...reply(listReply(ctx, listings, Number(ctx.data.page ?? 0))), data: { empty: false } };
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
        const page = Number(ctx.data.page ?? 0);
        if (id === 'pg:next') return goto('browse', 'list', { data: { page: page + 1 } });
        if (id === 'pg:prev') return goto('browse', 'list', { data: { page: Math.max(0, page - 1) } });
        if (id === 'sort:price') return goto('browse', 'list', { data: { sort: 'price-asc', page: 0 } });
        if (id === 'sort:fair') return goto('browse', 'list', { data: { sort: 'fair', page: 0 } });
        if (id === 'm:search') return goto('browse', 'search');
        if (id === 'm:browse') return goto('browse', 'category');
        if (id === 'nav:back') {
          if (ctx.data.mode === 'search') return goto('browse', 'search');
          if (ctx.data.mode === 'umkm') return goto('cart', 'summary');
          return goto('browse', 'kecamatan');
        }
        if (id.startsWith('p:')) return goto('browse', 'product', { data: { sku: id.slice(2) } });
        return invalid('engine-stale-button');
      },
    },
    product: {
      async enter(ctx) {
        const sku = String(ctx.data.sku ?? '');
        const product = await ctx.deps.store.catalogue.productToShow(sku);
        const umkm = product ? await ctx.deps.store.catalogue.umkmToShow(product.umkmId) : null;
        if (!product || !umkm || !product.available) {
          return goto('browse', 'list', { replies: [text('browse-product-gone')] });
        }
        const photo = product.photo && !product.photo.startsWith('https://') ? { path: product.photo } : undefined;
        // stored files only (a URL kept by an import before issue 14 is not sent)
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
            [choice('buy', 'browse-buy'), backButton(), menuButton()],
            { photo },
          ),
        );
      },
      async handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'buy') {
          // An ASN who owns this UMKM may look, not buy: they would pay themselves.
          const product = await ctx.deps.store.catalogue.productToShow(String(ctx.data.sku ?? ''));
          if (product && ctx.user.umkms.some((u) => u.id === product.umkmId)) return invalid('cart-own-umkm');
          return goto('cart', 'quantity', { data: { sku: ctx.data.sku, from: listContext(ctx.data) } });
        }
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('browse', 'list');
        return invalid('ui-choose-button');
      },
    },
    search: {
      // Opened from the main menu or /cari: "Kembali" leads back to the menu (typed, the label is matched as the button).
      enter: () => reply(text('browse-search-ask', {}, [backButton(), menuButton()])),
      handle(_ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('menu', 'main');
        if (input.kind !== 'text') return invalid('browse-search-need-text');
        return searchFor(input.text);
      },
    },
  },
};

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
