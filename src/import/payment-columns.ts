import { z } from 'zod';
import { normalizePhone } from '../domain/phone.js';
import { type BankAccount, type EwalletAccount, normalizeBank, normalizeEwallet, parseAccountNumber } from '../domain/payment.js';
import type { MediaStore } from '../media/media-store.js';
import { readMediaFile } from '../media/photo-source.js';
import { readQrisImage } from '../media/qris-image.js';
import type { ParsedRow } from './kind.js';
import { qrisRefusalText } from './error-text.js';

/** The optional payment columns of a UMKM file. */
export const PAYMENT_COLUMNS = ['bank', 'account_number', 'account_name', 'ewallet', 'qris'] as const;

/** Raw cells (validated together in `readPaymentCells`: an account needs all three). */
export const paymentColumns = {
  bank: z.string().default(''),
  account_number: z.string().default(''),
  account_name: z.string().default(''),
  ewallet: z.string().default(''),
  qris: z.string().default(''),
};

type Cells = { bank: string; account_number: string; account_name: string; ewallet: string; qris: string };
type Issues = { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void };

/** `GoPay 0812-3456-7890`, `ovo:081234567890`, `DANA +62 812 3456 7890` */
const EWALLET_CELL = /^([A-Za-z][A-Za-z .-]*?)\s*[:\s]\s*(\+?[\d\s().-]{8,})$/;

/**
 * The payment details of a row's cells, or null after adding each problem as an issue of its
 * column: an account needs a known bank, 6-20 digits and the holder's name; an e-wallet is a
 * provider of the list and a phone number.
 */
export function readPaymentCells(r: Cells, ctx: Issues): { bank?: BankAccount; ewallet?: EwalletAccount; qrisFile?: string } | null {
  let ok = true;
  const fail = (path: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [path], message });
    ok = false;
  };
  const out: { bank?: BankAccount; ewallet?: EwalletAccount; qrisFile?: string } = {};
  const [bank, number, holder] = [r.bank.trim(), r.account_number.trim(), r.account_name.trim()];
  if (bank || number || holder) {
    const b = normalizeBank(bank);
    if (!bank) fail('bank', 'is required with an account number');
    else if (!b.ok) fail('bank', `${bank} is not a known bank; nearest: ${b.nearest.join(', ')}`);
    const n = parseAccountNumber(number);
    if (!number) fail('account_number', 'is required with a bank');
    else if (!n) fail('account_number', 'must be 6-20 digits');
    if (!holder) fail('account_name', 'is required with an account (the holder as the bank knows them)');
    else if (holder.length > 100) fail('account_name', 'must be at most 100 characters');
    if (ok && b.ok && n) out.bank = { bank: b.name, number: n, holder };
  }
  const ew = r.ewallet.trim();
  if (ew) {
    const m = EWALLET_CELL.exec(ew);
    if (!m) fail('ewallet', 'must be a provider and a phone number, e.g. GoPay 081234567890');
    else {
      const p = normalizeEwallet(m[1]!);
      const phone = normalizePhone(m[2]!);
      if (!p.ok) fail('ewallet', `${m[1]} is not an e-wallet of the list (GoPay, OVO, DANA, ShopeePay, LinkAja)`);
      else if (!phone) fail('ewallet', 'the number is not a valid phone number');
      else out.ewallet = { provider: p.name as EwalletAccount['provider'], number: phone };
    }
  }
  const q = r.qris.trim();
  if (q) out.qrisFile = q;
  return ok ? out : null;
}

/**
 * Reads each row's QRIS image (a path under MEDIA_DIR), checks it holds a valid QRIS, stores a
 * cleaned copy (no EXIF) under `qris/` and puts it in the row's payment details. Errors name the
 * line and the reason.
 */
export async function resolveQrisFiles<T extends { payment?: { qris?: { path: string; merchant: string } }; qrisFile?: string }>(
  rows: ParsedRow<T>[],
  media: MediaStore | undefined,
): Promise<string[]> {
  const errors: string[] = [];
  for (const { line, record } of rows) {
    const file = record.qrisFile;
    if (!file) continue;
    delete record.qrisFile;
    if (!media) {
      errors.push(`line ${line}: qris: no MEDIA_DIR to read the image from`);
      continue;
    }
    const read = await readMediaFile(media.root, file);
    if (!read.ok) {
      errors.push(`line ${line}: qris: ${read.reason}`);
      continue;
    }
    const bytes = read.bytes;
    const q = await readQrisImage(bytes);
    if (!q.ok) {
      errors.push(`line ${line}: qris: ${qrisRefusalText(q.reason)}`);
      continue;
    }
    const stored = await media.storeImage(bytes, 'qris');
    if (!stored.ok) {
      errors.push(`line ${line}: qris: ${qrisRefusalText('not-image')}`);
      continue;
    }
    record.payment = { ...record.payment, qris: { path: stored.path, merchant: q.merchant } };
  }
  return errors;
}
