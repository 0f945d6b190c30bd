import { channelArgs } from '../i18n/render.js';
import type { OutboundMessage } from '../i18n/message.js';
import { formatRupiah } from '../domain/money.js';
import { MAX_CHOICE_BYTES, overdueChoiceId, retryChoiceId } from '../domain/order-choices.js';
import { displayPhone } from '../domain/phone.js';
import { ownerActions, ownerOrderDetails, rejectReasonText } from '../domain/order-text.js';
import type { Channel, Order, Person, Umkm } from '../domain/schemas.js';
import type { I18n, Locale } from '../i18n/index.js';

/** Who a notification is for. */
export type Audience = 'owner' | 'asn' | 'admin';

/** Order events the owner hears of (`notify-umkm`). */
export const OWNER_EVENTS = ['paid', 'accept-reminder', 'cancelled'] as const;
/** Order events the ASN hears of (`notify-asn`); `accept-overdue` also reaches the admins. */
export const ASN_EVENTS = ['accepted', 'rejected', 'delivered', 'payment-confirmed', 'accept-overdue'] as const;

/** What a notification is about, read from the store when the job runs. */
export interface NotificationFacts {
  order: Order;
  umkm: Umkm | null;
  asn: Person | null;
  /** UMKM_ACCEPT_MINUTES, for the reminder and the overdue alert */
  acceptMinutes: number;
  /** the owner has a chat the bot reaches (read for the overdue alert only) */
  ownerLinked?: boolean;
}

/** Channels that show buttons. Numbered channels (WhatsApp, console) get a typed command instead. */
const BUTTON_CHANNELS: ReadonlySet<Channel> = new Set(['telegram']);

/**
 * The choices of a message a worker sends out of band (a notification, a reminder): buttons on
 * Telegram, whose presses carry their own id and work from any screen. A numbered list would be
 * read against the step the chat is on ("2" would pick that screen's second button), so numbered
 * channels get `hint` instead: a command (or a link to paste) that works from any screen.
 */
export function outOfBandChoices(channel: Channel, msg: OutboundMessage, choices: { id: string; label: string }[], hint: string): OutboundMessage {
  const fit = choices.filter((c) => Buffer.byteLength(c.id) <= MAX_CHOICE_BYTES);
  return BUTTON_CHANNELS.has(channel) ? { ...msg, choices: fit } : { ...msg, text: `${msg.text}\n\n${hint}` };
}

/**
 * One localised notification for one chat: the text, the receipt photo for the owner's new
 * order, and buttons on Telegram. On WhatsApp and the console a numbered list would be read
 * against the chat's current step, so those get a command to type instead. Null when the event is
 * not one this audience hears of.
 */
export function notificationMessage(
  i18n: I18n,
  locale: Locale,
  channel: Channel,
  audience: Audience,
  event: string,
  f: NotificationFacts,
): OutboundMessage | null {
  const t = (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, channelArgs(channel, 0, args));
  const { order } = f;
  const umkm = f.umkm?.name ?? order.umkmId;
  const withChoices = (msg: OutboundMessage, choices: { id: string; label: string }[], hint: string) => outOfBandChoices(channel, msg, choices, hint);
  const ownerChoices = () => ownerActions(order).map((a) => ({ id: a.id, label: t(a.key) }));
  const args = { id: order.id, umkm, total: formatRupiah(order.total), minutes: f.acceptMinutes };

  if (audience === 'owner') {
    if (event === 'paid') {
      const msg: OutboundMessage = { text: t('un-owner-new', { ...args, details: ownerOrderDetails(t, order, f.asn) }) };
      if (order.receipt?.path) msg.photo = { path: order.receipt.path }; // none once retention removed it
      return withChoices(msg, ownerChoices(), t('un-owner-hint', { id: order.id }));
    }
    if (event === 'accept-reminder') {
      const items = order.items.map((i) => `${i.qty}× ${i.name}`).join(', ');
      return withChoices({ text: t('un-owner-reminder', { ...args, items }) }, ownerChoices(), t('un-owner-hint', { id: order.id }));
    }
    if (event === 'cancelled') {
      // The ASN paid and cancelled after nobody accepted: the owner returns the money.
      return { text: t('un-owner-cancelled', { ...args, asn: f.asn?.name ?? '-', asnPhone: f.asn ? displayPhone(f.asn.phone) : '-' }) };
    }
    return null;
  }
  if (audience === 'admin') {
    if (event !== 'accept-overdue') return null;
    return {
      text: t('un-admin-overdue', {
        ...args,
        kecamatan: f.umkm?.kecamatan ?? '-',
        owner: f.umkm?.ownerName ?? '-',
        ownerPhone: f.umkm?.ownerPhone ?? '-',
        asn: f.asn?.name ?? '-',
        opd: f.asn?.opd ?? '-',
      }),
    };
  }
  switch (event) {
    case 'accepted':
      return { text: t('un-asn-accepted', args) };
    case 'delivered':
      return { text: t('un-asn-delivered', { ...args, name: order.recipient?.name ?? '-', kelurahan: order.recipient?.kelurahan ?? '-' }) };
    case 'payment-confirmed':
      return { text: t('un-asn-payment-confirmed', args) };
    case 'accept-overdue': {
      const msg = { text: t(f.ownerLinked ? 'un-asn-overdue' : 'un-asn-overdue-unlinked', args) };
      const choices = [
        { id: overdueChoiceId('wait', order.id), label: t('un-asn-overdue-wait') },
        { id: overdueChoiceId('cancel', order.id), label: t('un-asn-overdue-cancel') },
      ];
      return withChoices(msg, choices, t('un-asn-overdue-hint', { id: order.id }));
    }
    case 'rejected': {
      // The ASN has paid: they read who returns the money and whom to ask when it does not come.
      const owner = { owner: f.umkm?.ownerName ?? umkm, ownerPhone: f.umkm ? displayPhone(f.umkm.ownerPhone) : '-' };
      const msg = { text: t('un-asn-rejected', { ...args, ...owner, reason: rejectReasonText(t, order.rejectReason) }) };
      if (!order.recipient) return msg;
      return withChoices(msg, [{ id: retryChoiceId(order.id), label: t('un-asn-retry') }], t('un-asn-retry-hint', { id: order.id }));
    }
    default:
      return null;
  }
}
