/**
 * Pure rules for what a UMKM owner types about a product: price, name and unit. Each parser
 * returns the clean value or the locale key of the reason it was refused.
 */
import { formatRupiah } from './money.js';

/** The highest price one product may have (a typo guard: Rp 100.000.000). */
export const MAX_PRICE = 100_000_000;
export const NAME_MIN = 3;
export const NAME_MAX = 80;
export const UNIT_MIN = 1;
export const UNIT_MAX = 20;

/** A refusal carries the locale key of its reason and, for some, the arguments of that text. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; key: string; args?: Record<string, string> };

/** Text as typed into a field: no control characters, single spaces, trimmed. */
export function cleanField(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The lowest price one product may have: below it, `15` almost always meant Rp 15.000. */
export const MIN_PRICE = 500;

/** Shorthands owners type after a number: `15rb`, `15 ribu`, `15k` (thousands), `1,5jt` (millions). */
const MULTIPLIERS: Record<string, number> = { rb: 1000, ribu: 1000, k: 1000, jt: 1_000_000, juta: 1_000_000 };

/**
 * A price in whole Rupiah: `25000`, `25.000`, `25,000`, `Rp 25.000`, `Rp25.000,-`, `25.000,00`,
 * and the shorthands `25rb`, `25 ribu`, `25k`, `2,5rb`, `1,5jt`. Refuses words (`abc`), zero and
 * negatives, fractions (`1,5`), prices above MAX_PRICE, and prices below MIN_PRICE (with the
 * thousand the owner most likely meant, in `args`).
 */
export function parsePrice(raw: string): Parsed<number> {
  let s = raw.trim().toLowerCase().replace(/\s+/g, '');
  s = s.replace(/^rp\.?/, '');
  s = s.replace(/,-$/, '').replace(/,00$/, ''); // `Rp 25.000,-` and `25.000,00` are whole Rupiah
  if (s.startsWith('-')) return /\d/.test(s) ? { ok: false, key: 'up-price-positive' } : { ok: false, key: 'up-price-not-number' };
  let value: number;
  const short = /^(\d+)(?:[.,](\d{1,2}))?(rb|ribu|k|jt|juta)\.?$/.exec(s);
  if (short) {
    // Integer arithmetic: `2,5rb` is 2 × 1000 + 5 × 1000 / 10, never a float rounding.
    const mult = MULTIPLIERS[short[3]!]!;
    const frac = short[2] ?? '';
    const fracPart = Number(frac || 0) * mult;
    const scale = 10 ** frac.length;
    if (fracPart % scale !== 0) return { ok: false, key: 'up-price-whole' };
    value = Number(short[1]) * mult + fracPart / scale;
  } else {
    let digits: string;
    if (/^\d+$/.test(s)) digits = s;
    else if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) digits = s.replace(/[.,]/g, '');
    else if (/^\d*[.,]\d+$/.test(s)) return { ok: false, key: 'up-price-whole' };
    else return { ok: false, key: 'up-price-not-number' };
    value = Number(digits);
  }
  if (!Number.isSafeInteger(value) || value > MAX_PRICE) return { ok: false, key: 'up-price-too-large' };
  if (value <= 0) return { ok: false, key: 'up-price-positive' };
  if (value < MIN_PRICE) {
    const meant = value * 1000;
    return {
      ok: false,
      key: 'up-price-too-low',
      args: { min: formatRupiah(MIN_PRICE), meant: formatRupiah(meant), digits: String(meant), short: `${value}rb` },
    };
  }
  return { ok: true, value };
}

/** A product name: 3-80 characters with at least one letter. */
export function parseProductName(raw: string): Parsed<string> {
  const name = cleanField(raw);
  if ([...name].length < NAME_MIN) return { ok: false, key: 'up-name-too-short' };
  if ([...name].length > NAME_MAX) return { ok: false, key: 'up-name-too-long' };
  if (!/\p{L}/u.test(name)) return { ok: false, key: 'up-name-no-letter' };
  return { ok: true, value: name };
}

/** A selling unit (`box`, `bungkus 250 g`, `kg`): 1-20 characters with at least one letter. */
export function parseUnit(raw: string): Parsed<string> {
  const unit = cleanField(raw);
  if ([...unit].length < UNIT_MIN) return { ok: false, key: 'up-unit-empty' };
  if ([...unit].length > UNIT_MAX) return { ok: false, key: 'up-unit-too-long' };
  if (!/\p{L}/u.test(unit)) return { ok: false, key: 'up-unit-no-letter' };
  return { ok: true, value: unit };
}
