import { randomUUID } from 'node:crypto';
import { goto, invalid, reply, type Step } from '../src/engine/flow.js';
import type { CartData } from './cart.js';
import { cartLines, priceAskedBack, quickQuantities } from './cart-lines.js';
import { keyChoices, NAV_CHOICE, wordChoices } from './choice-ids.js';
import { MAX_QTY, parseQuantity } from './quantity.js';
import { backButton, choice, literal, text } from './ui.js';

/** A cart line to change (`ed:<sku>`); `ed:remove` on the line's step removes it. */
const EDIT_LINE = keyChoices('ed:', 'a cart line to change, by SKU (ed:remove: remove the line)', 32);
const REMOVE_LINE = EDIT_LINE.pack('remove');
/** Emptying the whole cart, asked first. */
const CLEAR = wordChoices('cl:', 'empty the cart: yes, or keep it', ['yes', 'no']);

/**
 * The cart flow's changes from its summary: empty the cart (asked first), pick a line, then give
 * it a new quantity or remove it. Every way out leads back to the summary (or the menu, once empty).
 */
export const cartEditSteps = {
  // Asked first: one tap (or a number typed meaning a quantity) must not lose the whole cart.
  clear: {
    async enter(ctx) {
      const lines = ctx.session.cart ? await cartLines(ctx, ctx.session.cart) : [];
      if (!lines.length) return goto('cart', 'summary');
      return reply(text('cart-clear-ask', { count: lines.length }, [choice(CLEAR.pack('yes'), 'cart-clear-yes'), choice(CLEAR.pack('no'), 'cart-clear-no')]));
    },
    handle(ctx, input) {
      if (input.kind !== 'choice') return invalid('ui-choose-button');
      const answer = CLEAR.parse(input.id);
      if (answer === 'no') return goto('cart', 'summary');
      if (answer !== 'yes') return invalid('engine-stale-button');
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
      if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('cart', 'summary');
      const sku = input.kind === 'choice' ? EDIT_LINE.parse(input.id) : null;
      if (sku) return goto('cart', 'edit-item', { data: { sku } });
      return invalid('ui-choose-button');
    },
  },
  'edit-item': {
    async enter(ctx) {
      const product = await ctx.deps.store.catalogue.productToShow(ctx.data.sku ?? '');
      return reply(
        text('cart-edit-item', { name: product?.name ?? '-', max: MAX_QTY }, [...quickQuantities(), choice(REMOVE_LINE, 'cart-remove'), backButton()], {
          columns: 5,
          expectsNumber: true,
        }),
      );
    },
    async handle(ctx, input) {
      const cart = ctx.session.cart;
      if (!cart) return goto('cart', 'summary');
      const sku = ctx.data.sku;
      if (!sku) return goto('cart', 'edit');
      if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('cart', 'edit');
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
} satisfies Record<'clear' | 'edit' | 'edit-item', Step<CartData>>;
