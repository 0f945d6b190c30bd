import { MAX_IMAGE_BYTES } from '../src/media/media-store.js';
import { formatRupiah } from '../src/domain/money.js';
import { displayPhone } from '../src/domain/phone.js';
import { type Flow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { MediaRef } from '../src/engine/types.js';
import { choice, menuButton, text } from './ui.js';

async function acceptReceipt(ctx: FlowCtx, media: MediaRef): Promise<StepResult> {
  const orderId = ctx.session.orderId;
  if (!orderId) return goto('menu', 'main');
  const order = await ctx.deps.store.orders.get(orderId);
  if (!order || order.asnNip !== ctx.user.person?.nip) return goto('menu', 'main');
  if (order.status !== 'confirmed') return goto('social-post', 'ask');
  if (media.size && media.size > MAX_IMAGE_BYTES) return invalid('receipt-too-large');
  const bytes = await ctx.fetchMedia(media);
  const stored = await ctx.deps.media.storeImage(bytes, 'receipts');
  if (!stored.ok) return invalid(stored.reason === 'too-large' ? 'receipt-too-large' : 'receipt-not-image');
  const other = await ctx.deps.store.orders.claimReceipt(stored.hash, order.id);
  if (other) {
    // The file is the other order's; once retention removed it there, this copy would be kept forever.
    if ((await ctx.deps.store.orders.get(other))?.receipt?.removedAt) await ctx.deps.media.remove(stored.path);
    return invalid('receipt-duplicate');
  }
  const res = await ctx.deps.store.orders.update(
    order.id,
    { status: 'paid', receipt: { hash: stored.hash, path: stored.path, mime: stored.mime } },
    'asn',
    order,
  );
  if (!res.ok) return invalid('receipt-order-closed');
  if (order.recipient) await ctx.deps.store.recipients.recordDelivery(order.recipient, order.id);
  return goto('social-post', 'ask', {
    replies: [text('receipt-thanks', { id: order.id, total: formatRupiah(order.total) })],
    effects: [
      { type: 'enqueue-report', orderId: order.id },
      { type: 'notify-umkm', orderId: order.id, event: 'paid' },
      { type: 'schedule-reminder', orderId: order.id },
    ],
  });
}

/** The payment proof: a photo (or an image sent as a file), sniffed, EXIF-stripped, stored by hash. */
export const receiptFlow: Flow = {
  name: 'receipt',
  steps: {
    ask: {
      async enter(ctx) {
        const order = ctx.session.orderId ? await ctx.deps.store.orders.get(ctx.session.orderId) : null;
        const umkm = order ? await ctx.deps.store.catalogue.umkmToShow(order.umkmId) : null;
        return reply(
          text(
            'receipt-ask',
            {
              total: formatRupiah(order?.total ?? 0),
              umkm: umkm?.name ?? '-',
              id: order?.id ?? '-',
              // the seller's contact: the buyer asks there for the account number or QRIS
              owner: umkm?.ownerName ?? '-',
              phone: umkm ? displayPhone(umkm.ownerPhone) : '-',
            },
            [
              choice('rx:recipient', 'receipt-change-recipient'),
              choice('rx:cancel', 'receipt-cancel-order'),
              menuButton(),
            ],
          ),
        );
      },
      handle(ctx, input) {
        if (input.kind === 'photo') return acceptReceipt(ctx, input.media);
        if (input.kind === 'document') return invalid('receipt-not-image');
        if (input.kind === 'choice' && input.id === 'rx:recipient') return goto('recipient', 'start');
        if (input.kind === 'choice' && input.id === 'rx:cancel') return goto('receipt', 'cancel');
        return invalid('receipt-need-photo');
      },
    },
    // Not paid yet: the ASN may call the order off (it was confirmed by mistake, or the UMKM cannot be reached).
    cancel: {
      async enter(ctx) {
        const order = ctx.session.orderId ? await ctx.deps.store.orders.get(ctx.session.orderId) : null;
        if (!order || order.status !== 'confirmed') return goto('menu', 'main', { replies: [text('receipt-order-closed')] });
        const umkm = await ctx.deps.store.catalogue.umkmToShow(order.umkmId);
        return reply(
          text('receipt-cancel-ask', { id: order.id, total: formatRupiah(order.total), umkm: umkm?.name ?? '-' }, [
            choice('rx:cancel-yes', 'receipt-cancel-yes'),
            choice('rx:cancel-no', 'receipt-cancel-no'),
          ]),
        );
      },
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'rx:cancel-no') return goto('receipt', 'ask');
        if (input.id !== 'rx:cancel-yes') return invalid('engine-stale-button');
        const id = ctx.session.orderId;
        const res = id ? await ctx.deps.store.orders.update(id, { status: 'cancelled' }, 'asn') : null;
        if (!res?.ok) return goto('menu', 'main', { replies: [text('receipt-order-closed')] });
        ctx.session.orderId = undefined;
        return goto('menu', 'main', { replies: [text('receipt-cancelled', { id: res.order.id })] });
      },
    },
  },
};
