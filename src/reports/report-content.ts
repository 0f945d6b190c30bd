import type { Order, Person, Umkm } from '../domain/schemas.js';
import { formatRupiah } from '../domain/money.js';
import { rejectReasonText } from '../domain/order-text.js';
import { formatWib } from '../domain/time.js';
import type { I18n, Locale } from '../i18n/index.js';
import type { Store } from '../store/index.js';
import type { ReportWebhookBody } from './webhook-bodies.js';

/**
 * A name as shown to third parties: each word's first letter then `***`
 * ("Siti Wulandari" -> "S*** W***"). The full name of an isoman resident never leaves the store.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${[...w][0]!.toUpperCase()}***`)
    .join(' ');
}

/** What a report says, read from the store at sending time (so a late post link is included). */
export interface ReportFacts {
  order: Order;
  asn: Person | null;
  umkm: Umkm | null;
}

/** Reads an order with its ASN and UMKM; null when the order is gone. */
export async function loadReportFacts(store: Store, orderId: string): Promise<ReportFacts | null> {
  const order = await store.orders.get(orderId);
  if (!order) return null;
  const [asn, umkm] = await Promise.all([store.roster.byNip(order.asnNip), store.catalogue.umkm(order.umkmId)]);
  return { order, asn, umkm };
}

/** The id a report and its follow-up share. */
export function reportId(orderId: string): string {
  return `RPT-${orderId}`;
}

/** The report as text lines for the mayor's office: no address, no phone, the resident's name masked. */
export function reportText(i18n: I18n, locale: Locale, f: ReportFacts): string {
  const { order, asn, umkm } = f;
  const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);
  const r = order.recipient;
  const lines = [
    t('report-title', { orderId: order.id }),
    t('report-asn', { name: asn?.name ?? '-', nip: order.asnNip }),
    t('report-opd', { opd: asn?.opd ?? '-' }),
    t('report-umkm', { umkm: umkm?.name ?? order.umkmId, kecamatan: umkm?.kecamatan ?? '-' }),
    t('report-items'),
    ...order.items.map((it) =>
      t('report-item', { qty: String(it.qty), name: it.name, price: formatRupiah(it.price), subtotal: formatRupiah(it.price * it.qty) }),
    ),
    t('report-total', { total: formatRupiah(order.total) }),
    r ? t('report-recipient', { name: maskName(r.name), kelurahan: r.kelurahan, kecamatan: r.kecamatan }) : t('report-recipient-none'),
    t('report-created', { time: formatWib(new Date(order.createdAt)) }),
    t(order.paymentConfirmed ? 'report-payment-confirmed' : 'report-payment-unconfirmed'),
    // The method only (transfer, e-wallet, QRIS): never the account number.
    ...(order.paidWith ? [t('report-paid-with', { method: t(`pay-method-name-${order.paidWith}`) })] : []),
    order.postLink ? t('report-post-link', { link: order.postLink }) : t('report-post-none'),
  ];
  if (!order.receipt) lines.push(t('report-receipt-missing'));
  lines.push(t('report-hashtags'));
  return lines.join('\n');
}

/** The short follow-up that carries a post link sent after the report. */
export function followupText(i18n: I18n, locale: Locale, f: ReportFacts): string {
  return i18n.t(locale, 'report-followup', { orderId: f.order.id, link: f.order.postLink ?? '-' });
}

/** The short follow-up telling the office the UMKM rejected the order, and why. */
export function rejectedText(i18n: I18n, locale: Locale, f: ReportFacts): string {
  const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args);
  return t('report-rejected-followup', { orderId: f.order.id, reason: rejectReasonText(t, f.order.rejectReason) });
}

/** The short follow-up telling the office the ASN cancelled a paid order no owner accepted in time, and who returns the money. */
export function cancelledText(i18n: I18n, locale: Locale, f: ReportFacts): string {
  return i18n.t(locale, 'report-cancelled-followup', { orderId: f.order.id, umkm: f.umkm?.name ?? f.order.umkmId });
}

/** The webhook body of a report (`purchase.reported`) or of a follow-up (`purchase.post-link`, ...). */
export function reportWebhookBody(f: ReportFacts, event: ReportWebhookBody['event'], sentAt: Date): ReportWebhookBody {
  const { order, asn, umkm } = f;
  const r = order.recipient;
  const hash = order.receipt?.hash.toLowerCase();
  return {
    event,
    report_id: reportId(order.id),
    order_id: order.id,
    sent_at: sentAt.toISOString(),
    created_at: new Date(order.createdAt).toISOString(),
    asn: { nip: order.asnNip, name: asn?.name ?? '', opd: asn?.opd ?? '' },
    umkm: { id: order.umkmId, name: umkm?.name ?? '', kecamatan: umkm?.kecamatan ?? '' },
    items: order.items.map((it) => ({ sku: it.sku, name: it.name, qty: it.qty, price: it.price })),
    total: order.total,
    recipient: { kelurahan: r?.kelurahan ?? null, kecamatan: r?.kecamatan ?? null, name_masked: r ? maskName(r.name) : null },
    post_link: order.postLink ?? null,
    payment_confirmed: order.paymentConfirmed === true,
    ...(order.paidWith ? { payment_method: order.paidWith } : {}),
    receipt_sha256: hash && /^[a-f0-9]{64}$/.test(hash) ? hash : null,
    ...(event === 'purchase.rejected' ? { reject_reason: order.rejectReason ?? '' } : {}),
  };
}
