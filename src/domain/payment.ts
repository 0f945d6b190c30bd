import { distance } from 'fastest-levenshtein';
import { z } from 'zod';

/**
 * Payment details of a UMKM: a bank account, an e-wallet and a QRIS image, any of them. A UMKM
 * sells only once it has at least one. Stored and shown as given; never in logs or reports.
 */

/** Indonesian banks: the name shown, then the aliases people write (compared folded: lower case, no spaces or dots). */
export const BANKS: readonly { name: string; aliases: readonly string[] }[] = [
  { name: 'BCA', aliases: ['bank central asia', 'bankbca'] },
  { name: 'BRI', aliases: ['bank rakyat indonesia', 'bankbri', 'bri syariah'] },
  { name: 'BNI', aliases: ['bank negara indonesia', 'bni46', 'bankbni'] },
  { name: 'Mandiri', aliases: ['bank mandiri', 'livin', 'livin by mandiri'] },
  { name: 'BSI', aliases: ['bank syariah indonesia', 'bsm', 'bank syariah mandiri', 'bni syariah'] },
  { name: 'BTN', aliases: ['bank tabungan negara'] },
  { name: 'CIMB Niaga', aliases: ['cimb', 'niaga', 'bank cimb niaga', 'octo'] },
  { name: 'Permata', aliases: ['bank permata', 'permatabank'] },
  { name: 'Danamon', aliases: ['bank danamon'] },
  { name: 'BJB', aliases: ['bank bjb', 'bank jabar', 'bank jabar banten', 'bjb syariah'] },
  { name: 'Bank DKI', aliases: ['dki', 'jakone'] },
  { name: 'OCBC', aliases: ['ocbc nisp', 'nisp', 'bank ocbc'] },
  { name: 'Maybank', aliases: ['bank maybank', 'bii', 'maybank indonesia'] },
  { name: 'Panin', aliases: ['panin bank', 'bank panin'] },
  { name: 'Bank Mega', aliases: ['mega'] },
  { name: 'Bank Jago', aliases: ['jago'] },
  { name: 'SeaBank', aliases: ['sea bank'] },
  { name: 'blu', aliases: ['blu by bca', 'bca digital'] },
  { name: 'Muamalat', aliases: ['bank muamalat'] },
  { name: 'Sinarmas', aliases: ['bank sinarmas'] },
  { name: 'BTPN', aliases: ['jenius', 'bank btpn', 'smbc indonesia'] },
  { name: 'Bukopin', aliases: ['kb bukopin', 'kbank', 'bank bukopin'] },
  { name: 'Neo Commerce', aliases: ['bnc', 'neobank', 'bank neo commerce'] },
  { name: 'Allo Bank', aliases: ['allo'] },
  { name: 'BPD Jateng', aliases: ['bank jateng'] },
  { name: 'BPD Jatim', aliases: ['bank jatim'] },
];

/** E-wallet providers a UMKM may give. */
export const EWALLETS = ['GoPay', 'OVO', 'DANA', 'ShopeePay', 'LinkAja'] as const;
export type Ewallet = (typeof EWALLETS)[number];

const fold = (s: string) => s.toLowerCase().replace(/[\s.\-_]/g, '');

export type NameCheck = { ok: true; name: string } | { ok: false; nearest: string[] };

/** A bank name as the list spells it, or the list's three nearest names. */
export function normalizeBank(input: string): NameCheck {
  const f = fold(input);
  if (!f) return { ok: false, nearest: [] };
  for (const b of BANKS) if (fold(b.name) === f || b.aliases.some((a) => fold(a) === f)) return { ok: true, name: b.name };
  const scored = BANKS.map((b) => ({
    name: b.name,
    d: Math.min(distance(f, fold(b.name)), ...b.aliases.map((a) => distance(f, fold(a)))),
  }));
  return {
    ok: false,
    nearest: scored
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((s) => s.name),
  };
}

/** An e-wallet provider as the list spells it ("gopay", "Go-Pay", "shopee pay"), or the nearest ones. */
export function normalizeEwallet(input: string): NameCheck {
  const f = fold(input);
  const found = EWALLETS.find((e) => fold(e) === f || (e === 'ShopeePay' && f === 'shopee'));
  if (found) return { ok: true, name: found };
  return { ok: false, nearest: [...EWALLETS].sort((a, b) => distance(f, fold(a)) - distance(f, fold(b))).slice(0, 3) };
}

/** An account number: spaces, dots and dashes people type are dropped; then 6-20 digits. */
export function parseAccountNumber(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  return /^\d{6,20}$/.test(digits) ? digits : null;
}

export const BankAccountSchema = z.object({
  bank: z.string().min(1),
  number: z.string().regex(/^\d{6,20}$/),
  holder: z.string().min(1).max(100),
});
export type BankAccount = z.infer<typeof BankAccountSchema>;

export const EwalletAccountSchema = z.object({
  provider: z.enum(EWALLETS),
  /** E.164 */
  number: z.string().regex(/^\+[1-9]\d{7,14}$/),
});
export type EwalletAccount = z.infer<typeof EwalletAccountSchema>;

export const QrisImageSchema = z.object({
  /** the cleaned image under MEDIA_DIR */
  path: z.string().min(1),
  /** merchant name read from the QRIS payload (tag 59): the buyer checks it in their app */
  merchant: z.string().min(1),
});
export type QrisImage = z.infer<typeof QrisImageSchema>;

/** What a UMKM gives for payment (any subset; "can sell" needs one). */
export const PaymentDetailsSchema = z.object({
  bank: BankAccountSchema.optional(),
  ewallet: EwalletAccountSchema.optional(),
  qris: QrisImageSchema.optional(),
});
export type PaymentDetails = z.infer<typeof PaymentDetailsSchema>;

/** The ways an ASN can pay. */
export const PAYMENT_METHODS = ['bank', 'ewallet', 'qris'] as const;
export const PaymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

/** The methods a UMKM's details offer, in the order shown. */
export function methodsOf(d: PaymentDetails | null | undefined): PaymentMethod[] {
  return d ? PAYMENT_METHODS.filter((m) => d[m] !== undefined) : [];
}

/** A UMKM may sell once it gives at least one way to pay. */
export const canBePaid = (d: PaymentDetails | null | undefined): boolean => methodsOf(d).length > 0;

/** The stored details with when and by whom they last changed. */
export const StoredPaymentSchema = PaymentDetailsSchema.extend({
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type StoredPayment = z.infer<typeof StoredPaymentSchema>;

/** One change of a UMKM's payment details: who, when, what it was and what it became. */
export const PaymentChangeSchema = z.object({
  at: z.string(),
  /** `import`, or `owner:<E.164>` */
  by: z.string(),
  old: PaymentDetailsSchema.nullable(),
  new: PaymentDetailsSchema,
});
export type PaymentChange = z.infer<typeof PaymentChangeSchema>;

/** An ASN paying this soon after a change is told the details changed recently. */
export const RECENT_CHANGE_MS = 24 * 60 * 60_000;

/** Only the details (no bookkeeping fields), in a fixed key order, for comparing. */
export function detailsOnly(d: PaymentDetails | null | undefined): PaymentDetails {
  const out: PaymentDetails = {};
  if (d?.bank) out.bank = { bank: d.bank.bank, number: d.bank.number, holder: d.bank.holder };
  if (d?.ewallet) out.ewallet = { provider: d.ewallet.provider, number: d.ewallet.number };
  if (d?.qris) out.qris = { path: d.qris.path, merchant: d.qris.merchant };
  return out;
}

export const sameDetails = (a: PaymentDetails | null | undefined, b: PaymentDetails | null | undefined) =>
  JSON.stringify(detailsOnly(a)) === JSON.stringify(detailsOnly(b));
