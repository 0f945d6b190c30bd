import { z } from 'zod';
import { normalizePhone } from '../domain/phone.js';
import type { ParsedRow } from './kind.js';

/** A required text cell, trimmed, at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(max, { error: `must be at most ${max} characters` });
}

/** An id or SKU: 1-32 letters, digits, `-` or `_` (short enough for button data). */
export const IdField = z
  .string()
  .trim()
  .min(1, { error: 'is required' })
  .regex(/^[A-Za-z0-9_-]{1,32}$/, { error: 'must be 1-32 letters, digits, - or _' });

/** A phone cell normalised to E.164; the number itself is never echoed in the error. */
export const PhoneField = z.string().transform((v, ctx) => {
  if (v.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'is required' });
    return z.NEVER;
  }
  const e164 = normalizePhone(v);
  if (!e164) {
    ctx.addIssue({ code: 'custom', message: 'is not a valid phone number' });
    return z.NEVER;
  }
  return e164;
});

/** Errors for rows sharing a key: `line 7: nip: same as line 2`. */
export function duplicateErrors<T>(rows: ParsedRow<T>[], field: string, keyOf: (r: T) => string): string[] {
  const first = new Map<string, number>();
  const errors: string[] = [];
  for (const { line, record } of rows) {
    const k = keyOf(record);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, line);
    else errors.push(`line ${line}: ${field}: same as line ${seen}`);
  }
  return errors;
}
