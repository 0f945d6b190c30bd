import { createRequire } from 'node:module';
import type * as Libphonenumber from 'libphonenumber-js/max';
import { E164Schema } from './schemas.js';

// libphonenumber-js (its ESM build is some 90 modules, its metadata half a MB) is loaded with the
// first number parsed, not with every process at start-up; its CommonJS build loads synchronously.
const requireCjs = createRequire(import.meta.url);
let lib: typeof Libphonenumber | undefined;
function parsePhoneNumberFromString(text: string): Libphonenumber.PhoneNumber | undefined {
  lib ??= requireCjs('libphonenumber-js/max') as typeof Libphonenumber;
  return lib.parsePhoneNumberFromString(text);
}

/**
 * Normalises an Indonesian (or international) phone number to E.164.
 * `08xx`, `+62 8xx`, `628xx`, `62-8xx`, with spaces, dots, dashes or brackets are one number.
 * Returns null when the input is not a valid phone number (or is longer than 40 characters).
 */
export function normalizePhone(input: string): string | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const cleaned = input.trim().replace(/[\s.\-()]/g, '');
  if (!/^\+?\d{6,16}$/.test(cleaned)) return null;
  let candidate = cleaned;
  if (!candidate.startsWith('+')) {
    if (candidate.startsWith('62')) candidate = `+${candidate}`;
    else if (candidate.startsWith('0')) candidate = `+62${candidate.slice(1)}`;
    else if (candidate.startsWith('8')) candidate = `+62${candidate}`;
    else candidate = `+${candidate}`;
  }
  const parsed = parsePhoneNumberFromString(candidate);
  if (!parsed || !parsed.isPossible()) return null;
  // `+62 0812...` loses its trunk 0; input like `+62 000...` still starts with 0 after that and
  // would lose another 0 on every pass. A normalised number must normalise to itself.
  const again = parsePhoneNumberFromString(parsed.number);
  if (!again || again.number !== parsed.number || !again.isPossible()) return null;
  // What is returned must pass the stored-record schema (8-15 digits).
  return E164Schema.safeParse(parsed.number).success ? parsed.number : null;
}

/** An E.164 number as its owner writes it: `0812-3456-7890` for Indonesia, international otherwise. */
export function displayPhone(e164: string): string {
  const p = parsePhoneNumberFromString(e164);
  if (!p) return e164;
  return p.countryCallingCode === '62' ? p.formatNational() : p.formatInternational();
}

/** True for an Indonesian mobile number (E.164 +628...): what "Nomor HP" asks for. */
export function isIndonesianMobile(e164: string): boolean {
  return /^\+628\d{7,11}$/.test(e164);
}

/** Masks a phone for display to third parties: +62812****5678. */
export function maskPhone(e164: string): string {
  if (e164.length < 8) return '****';
  return `${e164.slice(0, 6)}****${e164.slice(-4)}`;
}
