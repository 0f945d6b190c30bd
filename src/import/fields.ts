import { z } from 'zod';
import { normalizePhone } from '../domain/phone.js';

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
