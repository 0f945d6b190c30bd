/**
 * Pure rules for what a UMKM owner types about a product: price, name and unit. Each parser
 * returns the clean value or the locale key of the reason it was refused.
 */

/** The highest price one product may have (a typo guard: Rp 100.000.000). */
export const MAX_PRICE = 100_000_000;
export const NAME_MIN = 3;
export const NAME_MAX = 80;
export const UNIT_MIN = 1;
export const UNIT_MAX = 20;

export type Parsed<T> = { ok: true; value: T } | { ok: false; key: string };

/** Text as typed into a field: no control characters, single spaces, trimmed. */
export function cleanField(s: string): string {
  return s
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A price in whole Rupiah: `25000`, `25.000`, `25,000`, `Rp 25.000`, `Rp25.000,-` or `25.000,00`.
 * Refuses words (`abc`), zero and negatives, fractions (`1,5`) and prices above MAX_PRICE.
 */
export function parsePrice(raw: string): Parsed<number> {
  let s = raw.trim().toLowerCase().replace(/\s+/g, '');
  s = s.replace(/^rp\.?/, '');
  s = s.replace(/,-$/, '').replace(/,00$/, ''); // `Rp 25.000,-` and `25.000,00` are whole Rupiah
  if (s.startsWith('-')) return /\d/.test(s) ? { ok: false, key: 'up-price-positive' } : { ok: false, key: 'up-price-not-number' };
  let digits: string;
  if (/^\d+$/.test(s)) digits = s;
  else if (/^\d{1,3}(\.\d{3})+$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s)) digits = s.replace(/[.,]/g, '');
  else if (/^\d*[.,]\d+$/.test(s)) return { ok: false, key: 'up-price-whole' };
  else return { ok: false, key: 'up-price-not-number' };
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > MAX_PRICE) return { ok: false, key: 'up-price-too-large' };
  if (value <= 0) return { ok: false, key: 'up-price-positive' };
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
