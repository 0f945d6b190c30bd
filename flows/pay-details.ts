import { formatRupiah } from '../src/domain/money.js';
import { displayPhone } from '../src/domain/phone.js';
import { detailsOnly, methodsOf, type PaymentDetails, RECENT_CHANGE_MS } from '../src/domain/payment.js';
import type { Order, Umkm } from '../src/domain/schemas.js';
import { formatWib } from '../src/domain/time.js';
import type { FlowCtx } from '../src/engine/flow.js';
import type { Reply } from '../src/i18n/message.js';
import { text } from './ui.js';

/** An e-wallet number as people type it in their app: `081234567890` (digits only, copyable). */
export const localNumber = (e164: string) => (e164.startsWith('+62') ? `0${e164.slice(3)}` : e164);

/** The lines of payment details (bank, e-wallet, QRIS), and the parts to copy. */
export function detailLines(ctx: FlowCtx, d: PaymentDetails): { lines: string; code: string[] } {
  const t = ctx.deps.t;
  const lines: string[] = [];
  const code: string[] = [];
  if (d.bank) {
    lines.push(t('pay-line-bank', { bank: d.bank.bank, number: d.bank.number, holder: d.bank.holder }));
    code.push(d.bank.number);
  }
  if (d.ewallet) {
    const number = localNumber(d.ewallet.number);
    lines.push(t('pay-line-ewallet', { provider: d.ewallet.provider, number }));
    code.push(number);
  }
  if (d.qris) lines.push(t('pay-line-qris', { merchant: d.qris.merchant }));
  return { lines: lines.join('\n'), code };
}

/**
 * The details an order is paid to: the ones it showed first (kept on the order, so a later
 * change by the owner never redirects it), or the UMKM's current ones, then kept.
 */
export async function payToOf(ctx: FlowCtx, order: Order): Promise<PaymentDetails | null> {
  if (order.payTo && methodsOf(order.payTo).length) return order.payTo;
  const payTo = await payToToKeep(ctx, order);
  if (!payTo) return null;
  const res = await ctx.deps.store.orders.update(order.id, { payTo }, 'asn', order);
  return res.ok ? (res.order.payTo ?? payTo) : payTo;
}

/**
 * The details an order that has none yet keeps when its payment step is shown: the UMKM's current
 * ones (undefined when it has some already, or the UMKM has none). A step that leads to the payment
 * step writes them with its own change of the order (one write instead of two).
 */
export async function payToToKeep(ctx: FlowCtx, order: Order): Promise<PaymentDetails | undefined> {
  if (order.payTo && methodsOf(order.payTo).length) return undefined;
  const current = await ctx.deps.store.payments.get(order.umkmId);
  return current && methodsOf(current).length ? detailsOnly(current) : undefined;
}

/** `payToToKeep` of order `orderId` (undefined when it is gone). */
export async function payToToKeepOf(ctx: FlowCtx, orderId: string): Promise<PaymentDetails | undefined> {
  const order = await ctx.deps.store.orders.get(orderId);
  return order ? payToToKeep(ctx, order) : undefined;
}

/**
 * The payment step's messages: the amount, the details with the numbers to copy, the QRIS as a
 * photo (its merchant name to check), a warning when the UMKM changed its details within 24 h,
 * and the buttons on the last message.
 */
export async function paymentReplies(ctx: FlowCtx, order: Order, umkm: Umkm | null, buttons: Reply['choices']): Promise<Reply[]> {
  // The last change of the details is read meanwhile (it matters only when there are details).
  const [payTo, [last]] = await Promise.all([payToOf(ctx, order), ctx.deps.store.payments.history(order.umkmId, 1)]);
  const base = { total: formatRupiah(order.total), umkm: umkm?.name ?? '-', id: order.id };
  if (!payTo) {
    // An order from before payment details existed: the owner is asked, as it used to be.
    return [text('receipt-ask', { ...base, owner: umkm?.ownerName ?? '-', phone: umkm ? displayPhone(umkm.ownerPhone) : '-' }, buttons)];
  }
  // A change, not the first details a UMKM gave: within 24 h the buyer is asked to check the name.
  const changedAt = last?.old ? new Date(last.at) : null;
  const recent = changedAt !== null && ctx.deps.clock().getTime() - changedAt.getTime() < RECENT_CHANGE_MS;
  const prefix = recent
    ? [{ key: 'pay-changed-recently', args: { when: formatWib(changedAt!), owner: umkm?.ownerName ?? '-', phone: umkm ? displayPhone(umkm.ownerPhone) : '-' } }]
    : undefined;
  const { lines, code } = detailLines(ctx, payTo);
  const hint = ctx.chat.channel === 'telegram' && code.length ? 'yes' : 'no';
  const args = { ...base, details: lines, copyHint: hint };
  if (ctx.again) return [text('pay-ask-again', args, buttons, { prefix, code })];
  if (!payTo.qris) return [text('pay-ask', args, buttons, { prefix, code })];
  return [
    text('pay-ask', args, undefined, { prefix, code, standalone: true }),
    text('pay-qris-caption', { umkm: umkm?.name ?? '-', merchant: payTo.qris.merchant }, buttons, { photo: { path: payTo.qris.path } }),
  ];
}
