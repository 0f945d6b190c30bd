import { formatRupiah } from '../src/domain/money.js';
import { NAME_MAX, NAME_MIN, parsePrice, parseProductName, parseUnit, UNIT_MAX } from '../src/domain/product-input.js';
import type { Product, Umkm } from '../src/domain/schemas.js';
import { z } from 'zod';
import { defineFlow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { Choice } from '../src/i18n/message.js';
import type { MediaRef } from '../src/engine/types.js';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from '../src/media/media-store.js';
import { keyChoices, NAV_CHOICE, PAGE_CHOICE, wordChoices } from './choice-ids.js';
import { actingUmkm, SWITCH_UMKM, switchButtons, switchUmkm, withActingUmkm } from './umkm-acting.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';

/** The owner's products: add one, or skip its photo. */
const ADD_PRODUCT = wordChoices('pa:', "the owner's products: add one, or skip its photo", ['add', 'skip']);

/** One of the owner's products: available, sold out, its price or photo. */
const PRODUCT_EDIT = wordChoices('pe:', "one of the owner's products: available, sold out, its price or photo", ['avail', 'sold', 'price', 'photo']);

/** Products per page of the owner's list. */
export const OWNER_PAGE_SIZE = 5;
/** Product ids are at most 32 characters (ProductSchema). */
const SKU_MAX = 32;

/** The flow's data: the page of the list, the product on screen, and the new product typed so far. */
const OwnerProductsDataSchema = z.object({
  page: z.number().int().optional(),
  sku: z.string().optional(),
  draft: z.object({ name: z.string().optional(), price: z.number().optional(), unit: z.string().optional() }).default({}),
});
type ProductsCtx = FlowCtx<z.output<typeof OwnerProductsDataSchema>>;

/** Button id of one of the owner's products in their list. */
const PRODUCT_PICK = keyChoices('pp:', "one of the owner's products, by SKU", SKU_MAX);

/** The acting UMKM's product `sku`, or null when it is not theirs (a stale or forged button). */
async function ownProduct(ctx: FlowCtx, sku: string): Promise<{ product: Product; umkm: Umkm } | null> {
  const umkm = actingUmkm(ctx);
  const product = umkm && sku ? await ctx.deps.store.catalogue.product(sku) : null;
  return umkm && product && product.umkmId === umkm.id ? { product, umkm } : null;
}

/** A free product id for a UMKM: `UMKM-001-04` after `-03`, or a time-based one when that is too long. */
async function newSku(ctx: FlowCtx, umkm: Umkm): Promise<string> {
  const existing = await ctx.deps.store.catalogue.productsOfUmkm(umkm.id);
  const used = existing.map((p) => Number(/-(\d+)$/.exec(p.sku)?.[1] ?? 0));
  for (let n = Math.max(0, ...used) + 1; ; n++) {
    let sku = `${umkm.id}-${String(n).padStart(2, '0')}`;
    if (sku.length > SKU_MAX) sku = `P-${ctx.deps.clock().getTime().toString(36)}-${n}`.slice(0, SKU_MAX);
    if (!(await ctx.deps.store.catalogue.product(sku))) return sku;
  }
}

/** Saves a changed product; the catalogue cache is dropped, so browsing shows the change at once. */
async function save(ctx: FlowCtx, product: Product, replyKey: string, args: Record<string, string | number>): Promise<StepResult> {
  await ctx.deps.store.catalogue.upsertProducts([product]);
  return goto('umkm-products', 'product', { data: { sku: product.sku }, replies: [text(replyKey, args)] });
}

/**
 * A product photo the owner sent: size checked, bytes sniffed, EXIF removed, stored by hash under
 * `products/` (the media store), or the reason it was refused.
 */
async function storeProductPhoto(ctx: FlowCtx, media: MediaRef): Promise<{ path: string } | StepResult> {
  if (media.size && media.size > MAX_IMAGE_BYTES) return invalid('up-photo-too-large');
  const stored = await ctx.deps.media.storeImage(await ctx.fetchMedia(media), 'products');
  if (!stored.ok)
    return invalid(
      stored.reason === 'too-large' ? 'up-photo-too-large' : stored.reason === 'too-many-pixels' ? 'up-photo-too-many-pixels' : 'up-photo-not-image',
      { megapixels: MAX_IMAGE_PIXELS / 1_000_000 },
    );
  return { path: stored.path };
}

/** Replaces a product's photo with the one sent, and shows the product with it. */
async function changePhoto(ctx: ProductsCtx, media: MediaRef): Promise<StepResult> {
  const own = await ownProduct(ctx, ctx.data.sku ?? '');
  if (!own) return goto('umkm-products', 'list', { replies: [text('up-not-yours')] });
  const stored = await storeProductPhoto(ctx, media);
  if (!('path' in stored)) return stored;
  return save(ctx, { ...own.product, photo: stored.path }, 'up-photo-changed', { name: own.product.name });
}

function statusOf(ctx: FlowCtx, p: Product): string {
  return ctx.deps.t(p.available ? 'up-available' : 'up-sold-out');
}

/** The owner's products: paged list, price change, available / sold out, and a new product with an optional photo. */
export const umkmProductsFlow = defineFlow({
  name: 'umkm-products',
  data: OwnerProductsDataSchema,
  steps: {
    list: {
      enter: (ctx) =>
        withActingUmkm(ctx, ['umkm-products', 'list'], async (umkm) => {
          const all = (await ctx.deps.store.catalogue.productsOfUmkm(umkm.id)).sort((a, b) => a.name.localeCompare(b.name, 'id', { numeric: true })); // "Kue 4" before "Kue 10"
          const pages = Math.max(1, Math.ceil(all.length / OWNER_PAGE_SIZE));
          const page = Math.min(Math.max(0, ctx.data.page ?? 0), pages - 1);
          const slice = all.slice(page * OWNER_PAGE_SIZE, (page + 1) * OWNER_PAGE_SIZE);
          const nav: Choice[] = [];
          if (page > 0) nav.push(choice(PAGE_CHOICE.pack('prev'), 'browse-prev'));
          if (page < pages - 1) nav.push(choice(PAGE_CHOICE.pack('next'), 'browse-next'));
          const buttons = slice.map((p) => literal(PRODUCT_PICK.pack(p.sku), clip(`${p.available ? '✅' : '⛔'} ${p.name} · ${formatRupiah(p.price)}`, 60)));
          // numbered per page, as WhatsApp numbers this page's buttons
          const items = slice
            .map((p, i) => ctx.deps.t('up-list-line', { n: i + 1, name: p.name, price: formatRupiah(p.price), unit: p.unit, status: statusOf(ctx, p) }))
            .join('\n');
          const key = all.length ? 'up-list' : 'up-list-none';
          return reply(
            text(
              key,
              { umkm: umkm.name, count: all.length, page: page + 1, pages, items },
              [...buttons, ...nav, choice(ADD_PRODUCT.pack('add'), 'up-add'), ...switchButtons(ctx), menuButton()],
              { listed: buttons.length },
            ),
          );
        }),
      handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        const page = ctx.data.page ?? 0;
        const pageTo = PAGE_CHOICE.parse(input.id);
        if (pageTo) return goto('umkm-products', 'list', { data: { page: pageTo === 'next' ? page + 1 : Math.max(0, page - 1) } });
        if (ADD_PRODUCT.parse(input.id) === 'add') return goto('umkm-products', 'add-name', { data: { draft: {} } });
        if (input.id === SWITCH_UMKM) return switchUmkm(['umkm-products', 'list']);
        const sku = PRODUCT_PICK.parse(input.id);
        if (sku) return goto('umkm-products', 'product', { data: { sku } });
        return invalid('engine-stale-button');
      },
    },
    product: {
      async enter(ctx) {
        const own = await ownProduct(ctx, ctx.data.sku ?? '');
        if (!own) return goto('umkm-products', 'list', { replies: [text('up-not-yours')] });
        const p = own.product;
        // The photo again only when the product is shown anew, not after a wrong input.
        const photo = !p.photo || ctx.again || p.photo.startsWith('https://') ? undefined : { path: p.photo };
        // stored files only (a URL kept by an import before issue 14 is not sent)
        const args = { name: p.name, price: formatRupiah(p.price), unit: p.unit, status: statusOf(ctx, p), description: p.description };
        return reply(
          text(
            p.description ? 'up-product-described' : 'up-product',
            args,
            [
              choice(PRODUCT_EDIT.pack('price'), 'up-change-price'),
              p.available ? choice(PRODUCT_EDIT.pack('sold'), 'up-mark-sold-out') : choice(PRODUCT_EDIT.pack('avail'), 'up-mark-available'),
              choice(PRODUCT_EDIT.pack('photo'), p.photo ? 'up-change-photo' : 'up-add-photo-button'),
              backButton(),
              menuButton(),
            ],
            { photo },
          ),
        );
      },
      async handle(ctx, input) {
        // A photo sent on the product's screen is its new photo.
        if (input.kind === 'photo') return changePhoto(ctx, input.media);
        if (input.kind === 'document') return invalid('up-photo-not-image');
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-products', 'list');
        const own = await ownProduct(ctx, ctx.data.sku ?? '');
        if (!own) return goto('umkm-products', 'list', { replies: [text('up-not-yours')] });
        if (PRODUCT_EDIT.parse(input.id) === 'price') return goto('umkm-products', 'price');
        if (PRODUCT_EDIT.parse(input.id) === 'photo') return goto('umkm-products', 'photo');
        if (PRODUCT_EDIT.parse(input.id) === 'sold' || PRODUCT_EDIT.parse(input.id) === 'avail') {
          const available = PRODUCT_EDIT.parse(input.id) === 'avail';
          return save(ctx, { ...own.product, available }, available ? 'up-now-available' : 'up-now-sold-out', { name: own.product.name });
        }
        return invalid('engine-stale-button');
      },
    },
    price: {
      async enter(ctx) {
        const own = await ownProduct(ctx, ctx.data.sku ?? '');
        if (!own) return goto('umkm-products', 'list', { replies: [text('up-not-yours')] });
        return reply(text('up-price-ask', { name: own.product.name, price: formatRupiah(own.product.price), unit: own.product.unit }, [backButton()]));
      },
      async handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-products', 'product');
        if (input.kind !== 'text') return invalid('up-price-need-text');
        const price = parsePrice(input.text);
        if (!price.ok) return invalid(price.key, price.args);
        const own = await ownProduct(ctx, ctx.data.sku ?? '');
        if (!own) return goto('umkm-products', 'list', { replies: [text('up-not-yours')] });
        if (price.value === own.product.price) {
          return goto('umkm-products', 'product', { replies: [text('up-price-same', { name: own.product.name, price: formatRupiah(price.value) })] });
        }
        return save(ctx, { ...own.product, price: price.value }, 'up-price-changed', {
          name: own.product.name,
          old: formatRupiah(own.product.price),
          price: formatRupiah(price.value),
        });
      },
    },
    photo: {
      async enter(ctx) {
        const own = await ownProduct(ctx, ctx.data.sku ?? '');
        if (!own) return goto('umkm-products', 'list', { replies: [text('up-not-yours')] });
        return reply(text('up-photo-ask', { name: own.product.name }, [backButton()]));
      },
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-products', 'product');
        if (input.kind === 'document') return invalid('up-photo-not-image');
        if (input.kind !== 'photo') return invalid('up-photo-need-new');
        return changePhoto(ctx, input.media);
      },
    },
    'add-name': {
      enter: () => reply(text('up-add-name', { min: NAME_MIN, max: NAME_MAX }, [backButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-products', 'list');
        if (input.kind !== 'text') return invalid('up-name-need-text', { min: NAME_MIN, max: NAME_MAX });
        const name = parseProductName(input.text);
        if (!name.ok) return invalid(name.key, { min: NAME_MIN, max: NAME_MAX });
        return goto('umkm-products', 'add-price', { data: { draft: { ...ctx.data.draft, name: name.value } } });
      },
    },
    'add-price': {
      enter: (ctx) => reply(text('up-add-price', { name: ctx.data.draft.name ?? '' }, [backButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-products', 'add-name');
        if (input.kind !== 'text') return invalid('up-price-need-text');
        const price = parsePrice(input.text);
        if (!price.ok) return invalid(price.key, price.args);
        return goto('umkm-products', 'add-unit', { data: { draft: { ...ctx.data.draft, price: price.value } } });
      },
    },
    'add-unit': {
      enter: () => reply(text('up-add-unit', { max: UNIT_MAX }, [backButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-products', 'add-price');
        if (input.kind !== 'text') return invalid('up-unit-need-text', { max: UNIT_MAX });
        const unit = parseUnit(input.text);
        if (!unit.ok) return invalid(unit.key, { max: UNIT_MAX });
        return goto('umkm-products', 'add-photo', { data: { draft: { ...ctx.data.draft, unit: unit.value } } });
      },
    },
    'add-photo': {
      enter: () => reply(text('up-add-photo', {}, [choice(ADD_PRODUCT.pack('skip'), 'up-skip-photo'), backButton()])),
      async handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-products', 'add-unit');
        if (input.kind === 'choice' && ADD_PRODUCT.parse(input.id) === 'skip') return addProduct(ctx, undefined);
        if (input.kind === 'document') return invalid('up-photo-not-image');
        if (input.kind !== 'photo') return invalid('up-photo-need');
        const stored = await storeProductPhoto(ctx, input.media);
        return 'path' in stored ? addProduct(ctx, stored.path) : stored;
      },
    },
  },
});

async function addProduct(ctx: ProductsCtx, photo: string | undefined): Promise<StepResult> {
  const umkm = actingUmkm(ctx);
  const d = ctx.data.draft;
  if (!umkm || !d.name || !d.price || !d.unit) return goto('umkm-products', 'list');
  const product: Product = {
    sku: await newSku(ctx, umkm),
    umkmId: umkm.id,
    name: d.name,
    price: d.price,
    unit: d.unit,
    description: '',
    photo,
    available: true,
  };
  return save(ctx, product, 'up-added', { name: product.name, price: formatRupiah(product.price), unit: product.unit });
}
