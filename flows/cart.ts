import { randomUUID } from 'node:crypto';
import { formatRupiah } from '../src/domain/money.js';
import type { OrderItem, Product } from '../src/domain/schemas.js';
import { z } from 'zod';
import { canBePaid } from '../src/domain/payment.js';
import { defineFlow, type FlowCtx, goto, invalid, msg, reply, type StepResult } from '../src/engine/flow.js';
import type { Cart } from '../src/engine/session.js';
import type { Input } from '../src/engine/types.js';
import { claimReplacement } from './order-retry.js';
import { keyChoices } from './choice-ids.js';
import { ownerLinked } from './owner-linked.js';
import { MAX_QTY, parseQuantity, priceLikeQuantity, QUANTITY_CHOICE } from './quantity.js';
import { backButton, choice, literal, menuButton, text } from './ui.js';

const QUICK_QTY = [1, 2, 3, 5, 10];
/** A cart line to change (`ed:<sku>`); `ed:remove` on the line's step removes it. */
const EDIT_LINE = keyChoices('ed:', 'a cart line to change, by SKU (ed:remove: remove the line)', 32);
const REMOVE_LINE = EDIT_LINE.pack('remove');

type Line = { product: Product; qty: number };

/** What the summary showed of a line: confirming checks the cart still reads the same. */
const ShownLineSchema = z.object({ sku: z.string(), qty: z.number(), price: z.number() });
type ShownLine = z.output<typeof ShownLineSchema>;

/** The cart flow's data: the product being added, and what the summary last showed. */
const CartDataSchema = z.object({
  /** the product whose quantity is asked (quantity, switch-umkm, edit-item) */
  sku: z.string().optional(),
  /** the quantity waiting while the user decides to switch UMKM */
  qty: z.number().int().positive().optional(),
  /** the browse list the product was opened from: where "back" and "gone" lead (browse parses it) */
  from: z.record(z.string(), z.unknown()).optional(),
  /** the lines as the summary showed them */
  shown: z.array(ShownLineSchema).optional(),
});
type CartCtx = FlowCtx<z.output<typeof CartDataSchema>>;

/** Cart lines with the current product data, and the names of products gone or sold out (left out). */
async function readCart(ctx: FlowCtx, cart: Cart): Promise<{ lines: Line[]; gone: string[] }> {
  const lines: Line[] = [];
  const gone: string[] = [];
  for (const it of cart.items) {
    const product = await ctx.deps.store.catalogue.product(it.sku);
    if (product?.available && product.umkmId === cart.umkmId) lines.push({ product, qty: it.qty });
    else gone.push(product?.name ?? '');
  }
  return { lines, gone };
}

/** Cart lines with the current product data; products gone or sold out are left out. */
const cartLines = async (ctx: FlowCtx, cart: Cart): Promise<Line[]> => (await readCart(ctx, cart)).lines;

const shownOf = (lines: Line[]): ShownLine[] => lines.map((l) => ({ sku: l.product.sku, qty: l.qty, price: l.product.price }));
function sameAsShown(shown: ShownLine[] | undefined, lines: Line[]): boolean {
  if (!shown || shown.length !== lines.length) return false;
  return shownOf(lines).every((l, i) => {
    const s = shown[i];
    return s?.sku === l.sku && s.qty === l.qty && s.price === l.price;
  });
}

/** "Klepon" / "Klepon dan Onde-onde" (or "and"), or a general notice when no name is known. */
function goneNotice(ctx: FlowCtx, gone: string[]) {
  const names = gone.filter(Boolean);
  if (!names.length) return text('cart-items-gone');
  return text('cart-sold-out-removed', { names: new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(names), count: names.length });
}

/** An ASN who also owns a UMKM may browse it but not buy from it (they would pay themselves). */
const ownUmkm = (ctx: FlowCtx, umkmId: string) => ctx.user.umkms.some((u) => u.id === umkmId);

/** The cart with `qty` more of `sku`; `capped` when the line reached MAX_QTY before all of it fit. */
function addToCart(cart: Cart | undefined, umkmId: string, sku: string, qty: number): { cart: Cart; lineQty: number; capped: boolean } {
  const next: Cart = cart && cart.umkmId === umkmId ? { umkmId, items: [...cart.items] } : { umkmId, items: [] };
  const i = next.items.findIndex((x) => x.sku === sku);
  const wanted = (i >= 0 ? next.items[i]!.qty : 0) + qty;
  const lineQty = Math.min(MAX_QTY, wanted);
  if (i >= 0) next.items[i] = { sku, qty: lineQty };
  else next.items.push({ sku, qty: lineQty });
  return { cart: next, lineQty, capped: wanted > MAX_QTY };
}

/** The list the product was opened from (browse passes it in `from`), where "back" and "gone" lead. */
const fromList = (ctx: CartCtx) => ctx.data.from ?? {};
const productGone = (ctx: CartCtx) => goto('browse', 'list', { data: fromList(ctx), replies: [text('browse-product-gone')] });

/** Back to the product, refused: it is of the user's own UMKM. */
const ownProduct = (ctx: CartCtx, sku: string) => goto('browse', 'product', { data: { ...fromList(ctx), sku }, replies: [text('cart-own-umkm')] });

async function putInCart(ctx: CartCtx, sku: string, qty: number): Promise<StepResult> {
  const product = await ctx.deps.store.catalogue.product(sku);
  if (!product?.available) return productGone(ctx);
  if (ownUmkm(ctx, product.umkmId)) return ownProduct(ctx, sku);
  const cart = ctx.session.cart;
  if (cart && cart.items.length && cart.umkmId !== product.umkmId) {
    return goto('cart', 'switch-umkm', { data: { sku, qty } });
  }
  const added = addToCart(cart, product.umkmId, sku, qty);
  ctx.session.cart = added.cart;
  ctx.session.confirmToken = randomUUID();
  // Capped at MAX_QTY: say what is really in the cart, not what was asked for.
  const notice = added.capped
    ? text('cart-added-capped', { name: product.name, qty: added.lineQty, max: MAX_QTY })
    : text('cart-added', { name: product.name, qty });
  return goto('cart', 'summary', { replies: [notice] });
}

/** Quantity, one-UMKM cart, summary, edit and confirm. A double tap on confirm makes one order. */
export const cartFlow = defineFlow({
  name: 'cart',
  data: CartDataSchema,
  steps: {
    quantity: {
      async enter(ctx) {
        const product = await ctx.deps.store.catalogue.productToShow(ctx.data.sku ?? '');
        if (!product) return goto('menu', 'main');
        if (!product.available) return productGone(ctx);
        if (ownUmkm(ctx, product.umkmId)) return ownProduct(ctx, product.sku);
        return reply(
          text(
            'cart-qty-ask',
            { name: product.name, price: formatRupiah(product.price), unit: product.unit, max: MAX_QTY },
            [...QUICK_QTY.map((q) => literal(QUANTITY_CHOICE.pack(String(q)), String(q))), backButton()],
            { columns: 5, expectsNumber: true },
          ),
        );
      },
      async handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('browse', 'product', { data: { ...fromList(ctx), sku: ctx.data.sku } });
        const sku = ctx.data.sku;
        if (!sku) return goto('menu', 'main');
        const product = await ctx.deps.store.catalogue.productToShow(sku);
        const q = parseQuantity(input, product?.unit);
        const price = priceAskedBack(ctx, input);
        if (price) return price;
        if (!q.ok) return invalid(q.key, { max: MAX_QTY });
        return putInCart(ctx, sku, q.qty);
      },
    },
    'switch-umkm': {
      async enter(ctx) {
        const current = await ctx.deps.store.catalogue.umkmToShow(ctx.session.cart?.umkmId ?? '');
        const product = await ctx.deps.store.catalogue.productToShow(ctx.data.sku ?? '');
        const next = product ? await ctx.deps.store.catalogue.umkmToShow(product.umkmId) : null;
        return reply(
          text('cart-switch-ask', { current: current?.name ?? '-', next: next?.name ?? '-' }, [
            choice('sw:new', 'cart-switch-new'),
            choice('sw:keep', 'cart-switch-keep'),
          ]),
        );
      },
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'sw:keep') return goto('cart', 'summary');
        if (input.id !== 'sw:new') return invalid('engine-stale-button');
        const { sku, qty } = ctx.data;
        if (!sku || !qty) return goto('cart', 'summary');
        ctx.session.cart = undefined;
        return putInCart(ctx, sku, qty);
      },
    },
    summary: {
      async enter(ctx) {
        const cart = ctx.session.cart;
        const { lines, gone } = cart ? await readCart(ctx, cart) : { lines: [], gone: [] };
        // Sold out since they went in: out of the cart, and said so by name (once).
        const notices = gone.length ? [goneNotice(ctx, gone)] : [];
        if (cart && gone.length) {
          const kept = new Set(lines.map((l) => l.product.sku));
          cart.items = cart.items.filter((i) => kept.has(i.sku));
        }
        if (!cart || !lines.length) {
          ctx.session.cart = undefined;
          // Emptied by what sold out: "now empty", never "still empty" after the user added something.
          return reply(...notices, text(gone.length ? 'cart-empty-now' : 'cart-empty', {}, [choice('m:browse', 'menu-browse'), menuButton()]));
        }
        const umkm = await ctx.deps.store.catalogue.umkmToShow(cart.umkmId);
        const total = lines.reduce((s, l) => s + l.product.price * l.qty, 0);
        const items = lines
          .map((l) =>
            ctx.deps.t('cart-line', {
              qty: l.qty,
              name: l.product.name,
              price: formatRupiah(l.product.price),
              subtotal: formatRupiah(l.product.price * l.qty),
            }),
          )
          .join('\n');
        ctx.session.confirmToken ??= randomUUID();
        const payable = canBePaid(await ctx.deps.store.payments.get(cart.umkmId));
        return {
          ...reply(
            ...notices,
            text(
              'cart-summary',
              { umkm: umkm?.name ?? '-', kecamatan: umkm?.kecamatan ?? '-', items, total: formatRupiah(total) },
              [
                // Not for sale until the UMKM gives a way to be paid: the cart is kept, nothing can be confirmed.
                ...(payable ? [choice('co:confirm', 'cart-confirm')] : []),
                choice('co:more', 'cart-more'),
                choice('co:edit', 'cart-edit'),
                choice('co:clear', 'cart-clear'),
                menuButton(),
              ],
              payable ? {} : { prefix: [msg('pay-not-available')] },
            ),
          ),
          data: { shown: shownOf(lines) },
        };
      },
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        const cart = ctx.session.cart;
        if (input.id === 'm:browse') return goto('browse', 'category');
        if (!cart) return goto('cart', 'summary');
        switch (input.id) {
          case 'co:more':
            return goto('browse', 'list', { data: { mode: 'umkm', umkmId: cart.umkmId, page: 0, sort: 'fair' } });
          case 'co:edit':
            return goto('cart', 'edit');
          case 'co:clear':
            return goto('cart', 'clear');
          case 'co:confirm':
            return confirm(ctx, cart);
          default:
            return invalid('engine-stale-button');
        }
      },
    },
    // Asked first: one tap (or a number typed meaning a quantity) must not lose the whole cart.
    clear: {
      async enter(ctx) {
        const lines = ctx.session.cart ? await cartLines(ctx, ctx.session.cart) : [];
        if (!lines.length) return goto('cart', 'summary');
        return reply(text('cart-clear-ask', { count: lines.length }, [choice('cl:yes', 'cart-clear-yes'), choice('cl:no', 'cart-clear-no')]));
      },
      handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'cl:no') return goto('cart', 'summary');
        if (input.id !== 'cl:yes') return invalid('engine-stale-button');
        ctx.session.cart = undefined;
        return goto('menu', 'main', { replies: [text('cart-cleared')] });
      },
    },
    edit: {
      async enter(ctx) {
        const lines = ctx.session.cart ? await cartLines(ctx, ctx.session.cart) : [];
        return reply(text('cart-edit-ask', {}, [...lines.map((l) => literal(EDIT_LINE.pack(l.product.sku), `${l.product.name} × ${l.qty}`)), backButton()]));
      },
      handle(_ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('cart', 'summary');
        const sku = input.kind === 'choice' ? EDIT_LINE.parse(input.id) : null;
        if (sku) return goto('cart', 'edit-item', { data: { sku } });
        return invalid('ui-choose-button');
      },
    },
    'edit-item': {
      async enter(ctx) {
        const product = await ctx.deps.store.catalogue.productToShow(ctx.data.sku ?? '');
        return reply(
          text(
            'cart-edit-item',
            { name: product?.name ?? '-', max: MAX_QTY },
            [...QUICK_QTY.map((q) => literal(QUANTITY_CHOICE.pack(String(q)), String(q))), choice(REMOVE_LINE, 'cart-remove'), backButton()],
            { columns: 5, expectsNumber: true },
          ),
        );
      },
      async handle(ctx, input) {
        const cart = ctx.session.cart;
        if (!cart) return goto('cart', 'summary');
        const sku = ctx.data.sku;
        if (!sku) return goto('cart', 'edit');
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('cart', 'edit');
        const product = await ctx.deps.store.catalogue.productToShow(sku);
        if (input.kind === 'choice' && input.id === REMOVE_LINE) {
          cart.items = cart.items.filter((i) => i.sku !== sku);
          ctx.session.confirmToken = randomUUID();
          if (!(await cartLines(ctx, cart)).length) {
            // Just emptied by this removal (what is left, if anything, is sold out): not "still empty".
            ctx.session.cart = undefined;
            return goto('menu', 'main', { replies: [text('cart-now-empty', { name: product?.name ?? '-' })] });
          }
          return goto('cart', 'summary');
        }
        const q = parseQuantity(input, product?.unit);
        const price = priceAskedBack(ctx, input);
        if (price) return price;
        if (!q.ok) return invalid(q.key, { max: MAX_QTY });
        cart.items = cart.items.map((i) => (i.sku === sku ? { sku, qty: q.qty } : i));
        ctx.session.confirmToken = randomUUID();
        return goto('cart', 'summary');
      },
    },
  },
});

/**
 * "15rb", "15.000" typed for a quantity is a price ("15rb" would read as 15 of a unit "rb"):
 * asked back ("Maksudnya 15 buah?", a one-tap yes), nothing bought yet. Null for anything else.
 */
function priceAskedBack(ctx: CartCtx, input: Input): StepResult | null {
  const n = priceLikeQuantity(input);
  if (n === null) return null;
  if (n < 1 || n > MAX_QTY) return invalid('cart-qty-price-too-large', { max: MAX_QTY });
  const typed = input.kind === 'text' ? input.text.trim() : '';
  return reply(
    text(
      'cart-qty-price-ask',
      { typed, qty: n },
      [
        literal(QUANTITY_CHOICE.pack(String(n)), ctx.deps.t('cart-qty-price-yes', { qty: n })),
        ...QUICK_QTY.filter((x) => x !== n).map((x) => literal(QUANTITY_CHOICE.pack(String(x)), String(x))),
        backButton(),
      ],
      { columns: 5, expectsNumber: true },
    ),
  );
}

async function confirm(ctx: CartCtx, cart: Cart): Promise<StepResult> {
  const person = ctx.user.person;
  if (!person) return invalid('engine-not-allowed');
  if (ownUmkm(ctx, cart.umkmId)) return invalid('cart-own-umkm');
  if (!canBePaid(await ctx.deps.store.payments.get(cart.umkmId))) return goto('cart', 'summary');
  const lines = await cartLines(ctx, cart);
  if (!lines.length) return goto('cart', 'summary');
  // A price or what is available changed since the summary: the order would not be what was
  // read. Show the summary as it is now, to be confirmed again.
  // (No record of what was shown, a session from before this check: the summary again, no notice.)
  if (!sameAsShown(ctx.data.shown, lines)) return goto('cart', 'summary', { replies: ctx.data.shown ? [text('cart-changed')] : [] });
  const items: OrderItem[] = lines.map((l) => ({ sku: l.product.sku, name: l.product.name, price: l.product.price, qty: l.qty }));
  const token = ctx.session.confirmToken ?? randomUUID();
  const order = await ctx.deps.store.orders.createOnce(`${person.nip}:${token}`, { asnNip: person.nip, umkmId: cart.umkmId, items });
  ctx.session.cart = undefined;
  ctx.session.confirmToken = undefined;
  ctx.session.orderId = order.id;
  await claimReplacement(ctx, order.id);
  // The truth before paying: an owner who has not linked yet hears of the order only once they do.
  const notLinked = (await ownerLinked(ctx, order.umkmId)) ? [] : [text('cart-umkm-not-linked')];
  return goto('recipient', 'start', {
    replies: [text('cart-confirmed', { id: order.id, total: formatRupiah(order.total) }), ...notLinked],
    data: { orderId: order.id },
  });
}
