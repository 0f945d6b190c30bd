import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { formatRupiah } from '../src/domain/money.js';
import { canBePaid } from '../src/domain/payment.js';
import type { OrderItem } from '../src/domain/schemas.js';
import { defineFlow, type FlowCtx, goto, invalid, msg, reply, type StepResult } from '../src/engine/flow.js';
import type { Cart } from '../src/engine/session.js';
import { cartEditSteps } from './cart-edit.js';
import { cartLines, goneNotice, ownUmkm, priceAskedBack, quickQuantities, readCart, sameAsShown, shownOf, ShownLineSchema } from './cart-lines.js';
import { MENU_ENTRY, NAV_CHOICE, wordChoices } from './choice-ids.js';
import { claimReplacement } from './order-retry.js';
import { ownerLinked } from './owner-linked.js';
import { MAX_QTY, parseQuantity } from './quantity.js';
import { backButton, choice, menuButton, text } from './ui.js';

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
export type CartData = z.output<typeof CartDataSchema>;
type CartCtx = FlowCtx<CartData>;

/** A product of another UMKM while the cart holds one's: start a new cart, or keep this one. */
const SWITCH = wordChoices('sw:', 'a product of another UMKM: start a new cart, or keep the one there is', ['new', 'keep']);
/** The summary's buttons: confirm the order, add more of this UMKM, change a line, empty the cart. */
const CHECKOUT = wordChoices('co:', 'the cart summary: confirm, add more, change a line, empty the cart', ['confirm', 'more', 'edit', 'clear']);

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

/**
 * Quantity, one-UMKM cart, summary and confirm; the changes from the summary (empty the cart,
 * change or remove a line) are in flows/cart-edit.ts. A double tap on confirm makes one order.
 */
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
            [...quickQuantities(), backButton()],
            { columns: 5, expectsNumber: true },
          ),
        );
      },
      async handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back')
          return goto('browse', 'product', { data: { ...fromList(ctx), sku: ctx.data.sku } });
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
            choice(SWITCH.pack('new'), 'cart-switch-new'),
            choice(SWITCH.pack('keep'), 'cart-switch-keep'),
          ]),
        );
      },
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        const answer = SWITCH.parse(input.id);
        if (answer === 'keep') return goto('cart', 'summary');
        if (answer !== 'new') return invalid('engine-stale-button');
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
          return reply(...notices, text(gone.length ? 'cart-empty-now' : 'cart-empty', {}, [choice(MENU_ENTRY.pack('browse'), 'menu-browse'), menuButton()]));
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
                ...(payable ? [choice(CHECKOUT.pack('confirm'), 'cart-confirm')] : []),
                choice(CHECKOUT.pack('more'), 'cart-more'),
                choice(CHECKOUT.pack('edit'), 'cart-edit'),
                choice(CHECKOUT.pack('clear'), 'cart-clear'),
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
        if (MENU_ENTRY.parse(input.id) === 'browse') return goto('browse', 'category');
        if (!cart) return goto('cart', 'summary');
        switch (CHECKOUT.parse(input.id)) {
          case 'more':
            return goto('browse', 'list', { data: { mode: 'umkm', umkmId: cart.umkmId, page: 0, sort: 'fair' } });
          case 'edit':
            return goto('cart', 'edit');
          case 'clear':
            return goto('cart', 'clear');
          case 'confirm':
            return confirm(ctx, cart);
          default:
            return invalid('engine-stale-button');
        }
      },
    },
    ...cartEditSteps,
  },
});

async function confirm(ctx: CartCtx, cart: Cart): Promise<StepResult> {
  const person = ctx.user.person;
  if (!person) return invalid('engine-not-allowed');
  if (ownUmkm(ctx, cart.umkmId)) return invalid('cart-own-umkm');
  // The two reads go out together (one wait instead of two).
  const [payTo, lines] = await Promise.all([ctx.deps.store.payments.get(cart.umkmId), cartLines(ctx, cart)]);
  if (!canBePaid(payTo)) return goto('cart', 'summary');
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
  // The truth before paying: an owner who has not linked yet hears of the order only once they do.
  const [, linked] = await Promise.all([claimReplacement(ctx, order.id), ownerLinked(ctx, order.umkmId)]);
  const notLinked = linked ? [] : [text('cart-umkm-not-linked')];
  return goto('recipient', 'start', {
    replies: [text('cart-confirmed', { id: order.id, total: formatRupiah(order.total) }), ...notLinked],
    data: { orderId: order.id },
  });
}
