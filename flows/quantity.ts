import { fold } from '../src/engine/match.js';
import type { Input } from '../src/engine/types.js';
import { keyChoices } from './choice-ids.js';

/** Most of one product in a cart (and in an order line: OrderItemSchema). */
export const MAX_QTY = 99;

/** A quick-quantity button of the cart (`q:3`): the number as if typed. */
export const QUANTITY_CHOICE = keyChoices('q:', 'a quantity of the product (cart quick buttons)', 3);

/** What may follow the number: "3x", "3 bungkus", "3 porsi." (words only: "1.5 kg" and "3 2" stay refused). */
const UNIT_WORDS = /^(?:[x×]|\p{L}+(?: \p{L}+){0,3}\.?)$/iu;

/**
 * Reads a quantity from a button or typed text: a whole number 1..99, optionally followed by a
 * unit word as people type it ("3 bungkus", "3x", or the product's own unit "2 pak isi 5"), or a
 * reason why not.
 */
export function parseQuantity(input: Input, unit?: string): { ok: true; qty: number } | { ok: false; key: string } {
  let raw: string;
  const button = input.kind === 'choice' ? QUANTITY_CHOICE.parse(input.id) : null;
  if (button !== null) raw = button;
  else if (input.kind === 'text') raw = input.text.trim().replace(/\s+/g, ' ');
  else return { ok: false, key: 'cart-qty-need-number' };
  const m = /^(-?\d+) ?(.*)$/u.exec(raw);
  const rest = m?.[2] ?? '';
  const compact = (s: string) => fold(s).replace(/ /g, '');
  // The unit may hold digits ("porsi 250 g") but must start with a letter: "1.5 porsi" is no "1".
  const unitOk = !rest || UNIT_WORDS.test(rest) || (unit !== undefined && /^\p{L}/u.test(rest) && compact(rest) === compact(unit));
  if (!m || !unitOk) return { ok: false, key: 'cart-qty-not-number' };
  const qty = Number(m[1]);
  if (qty < 1) return { ok: false, key: 'cart-qty-too-small' };
  if (qty > MAX_QTY) return { ok: false, key: 'cart-qty-too-large' };
  return { ok: true, qty };
}

/**
 * The thousands of a typed price ("15rb", "15 ribu", "15k", "15.000", "Rp 15.000", "15000"):
 * typed where a quantity is asked, it is asked back ("Maksudnya 15 buah?"), never bought as is.
 * Null for anything else.
 */
export function priceLikeQuantity(input: Input): number | null {
  if (input.kind !== 'text') return null;
  const raw = input.text.trim().toLowerCase().replace(/\s+/g, ' ');
  const m = /^(?:rp\.? ?)?(\d{1,3})(?: ?(?:rb|ribu|rebu|k)|[.,]000|000)(?:,-|,00|\.-)?$/u.exec(raw);
  return m ? Number(m[1]) : null;
}
