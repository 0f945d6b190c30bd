import { displayPhone } from './phone.js';
import { formatRupiah } from './money.js';
import { type OwnerAction, ownerChoiceId } from './order-choices.js';
import type { Order, Person } from './schemas.js';
import { formatWib } from './time.js';

/** A translate function (locale already chosen). */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/** Rejection reasons the owner picks from a button; anything else is the owner's own words. */
export const REJECT_REASONS = ['sold-out', 'area', 'other'] as const;

/** A stored reject reason as the reader reads it: a picked reason localised, a typed one as typed. */
export function rejectReasonText(t: Translate, reason: string | undefined): string {
  if (!reason) return '-';
  return (REJECT_REASONS as readonly string[]).includes(reason) ? t(`uo-reason-${reason}`) : reason;
}

/**
 * What the UMKM owner needs to fulfil an order: the ASN who bought, items, total, where to
 * deliver (the isoman resident's name, phone, address, kelurahan), status and whether the payment
 * is confirmed. Personal data: only ever sent to the owner of the order's UMKM.
 */
export function ownerOrderDetails(t: Translate, order: Order, asn: Pick<Person, 'name' | 'opd'> | null): string {
  const r = order.recipient;
  const lines = [
    t('uo-detail-head', { id: order.id, date: formatWib(new Date(order.createdAt)) }),
    t('uo-detail-asn', { name: asn?.name ?? '-', opd: asn?.opd ?? '-' }),
    '',
    ...order.items.map((it) => t('uo-detail-item', { qty: it.qty, name: it.name, price: formatRupiah(it.price), subtotal: formatRupiah(it.price * it.qty) })),
    t('uo-detail-total', { total: formatRupiah(order.total) }),
    '',
    r
      ? t('uo-detail-recipient', { name: r.name, phone: displayPhone(r.phone), address: r.address, kelurahan: r.kelurahan, kecamatan: r.kecamatan })
      : t('uo-detail-recipient-none'),
  ];
  if (r?.note) lines.push(t('uo-detail-note', { note: r.note }));
  lines.push('', t('uo-detail-status', { status: t(`order-status-${order.status}`) }));
  if (order.status === 'rejected') lines.push(t('uo-detail-reason', { reason: rejectReasonText(t, order.rejectReason) }));
  lines.push(t(order.paymentConfirmed ? 'uo-detail-payment-confirmed' : 'uo-detail-payment-unconfirmed'));
  return lines.join('\n');
}

/** The label key of each owner action button. */
export const OWNER_ACTION_LABELS: Record<Exclude<OwnerAction, 'see'>, string> = {
  acc: 'uo-btn-accept',
  rej: 'uo-btn-reject',
  pay: 'uo-btn-payment',
  dlv: 'uo-btn-delivered',
};

/** The owner's buttons for an order in its current state: accept/reject, then delivered; payment until confirmed. */
export function ownerActions(order: Order): { id: string; key: string }[] {
  const actions: Exclude<OwnerAction, 'see'>[] = [];
  if (order.status === 'paid') actions.push('acc', 'rej');
  if (order.status === 'accepted') actions.push('dlv');
  if (!order.paymentConfirmed && ['paid', 'accepted', 'delivered'].includes(order.status)) actions.push('pay');
  return actions.map((a) => ({ id: ownerChoiceId(a, order.id), key: OWNER_ACTION_LABELS[a] }));
}
