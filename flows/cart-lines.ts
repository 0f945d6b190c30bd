import { z } from 'zod';
import type { Product } from '../src/domain/schemas.js';
import { type FlowCtx, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { Cart } from '../src/engine/session.js';
import type { Input } from '../src/engine/types.js';
import type { Choice } from '../src/i18n/message.js';
import { MAX_QTY, priceLikeQuantity, QUANTITY_CHOICE } from './quantity.js';
import { backButton, literal, text } from './ui.js';

/** The cart as the steps of the cart flow read it (flows/cart.ts, flows/cart-edit.ts). */

export type Line = { product: Product; qty: number };

/** What the summary showed of a line: confirming checks the cart still reads the same. */
export const ShownLineSchema = z.object({ sku: z.string(), qty: z.number(), price: z.number() });
type ShownLine = z.output<typeof ShownLineSchema>;

/** Cart lines with the current product data, and the names of products gone or sold out (left out). */
export async function readCart(ctx: FlowCtx<object>, cart: Cart): Promise<{ lines: Line[]; gone: string[] }> {
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
export const cartLines = async (ctx: FlowCtx<object>, cart: Cart): Promise<Line[]> => (await readCart(ctx, cart)).lines;

export const shownOf = (lines: Line[]): ShownLine[] => lines.map((l) => ({ sku: l.product.sku, qty: l.qty, price: l.product.price }));
export function sameAsShown(shown: ShownLine[] | undefined, lines: Line[]): boolean {
  if (!shown || shown.length !== lines.length) return false;
  return shownOf(lines).every((l, i) => {
    const s = shown[i];
    return s?.sku === l.sku && s.qty === l.qty && s.price === l.price;
  });
}

/** "Klepon" / "Klepon dan Onde-onde" (or "and"), or a general notice when no name is known. */
export function goneNotice(ctx: FlowCtx<object>, gone: string[]) {
  const names = gone.filter(Boolean);
  if (!names.length) return text('cart-items-gone');
  return text('cart-sold-out-removed', { names: new Intl.ListFormat(ctx.locale, { type: 'conjunction' }).format(names), count: names.length });
}

/** An ASN who also owns a UMKM may browse it but not buy from it (they would pay themselves). */
export const ownUmkm = (ctx: FlowCtx<object>, umkmId: string) => ctx.user.umkms.some((u) => u.id === umkmId);

/** The quick quantities offered as buttons (`q:3`), leaving out `except`. */
const QUICK_QTY = [1, 2, 3, 5, 10];
export const quickQuantities = (except?: number): Choice[] =>
  QUICK_QTY.filter((q) => q !== except).map((q) => literal(QUANTITY_CHOICE.pack(String(q)), String(q)));

/**
 * "15rb", "15.000" typed for a quantity is a price ("15rb" would read as 15 of a unit "rb"):
 * asked back ("Maksudnya 15 buah?", a one-tap yes), nothing bought yet. Null for anything else.
 */
export function priceAskedBack(ctx: FlowCtx<object>, input: Input): StepResult | null {
  const n = priceLikeQuantity(input);
  if (n === null) return null;
  if (n < 1 || n > MAX_QTY) return invalid('cart-qty-price-too-large', { max: MAX_QTY });
  const typed = input.kind === 'text' ? input.text.trim() : '';
  return reply(
    text(
      'cart-qty-price-ask',
      { typed, qty: n },
      [literal(QUANTITY_CHOICE.pack(String(n)), ctx.deps.t('cart-qty-price-yes', { qty: n })), ...quickQuantities(n), backButton()],
      { columns: 5, expectsNumber: true },
    ),
  );
}
