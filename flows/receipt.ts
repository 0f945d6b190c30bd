import { MAX_IMAGE_BYTES } from '../src/media/media-store.js';
import { formatRupiah } from '../src/domain/money.js';
import { type Flow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { MediaRef } from '../src/engine/types.js';
import { menuButton, text } from './ui.js';

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
          text('receipt-ask', { total: formatRupiah(order?.total ?? 0), umkm: umkm?.name ?? '-', id: order?.id ?? '-' }, [menuButton()]),
        );
      },
      handle(ctx, input) {
        if (input.kind === 'photo') return acceptReceipt(ctx, input.media);
        if (input.kind === 'document') return invalid('receipt-not-image');
        return invalid('receipt-need-photo');
      },
    },
  },
};
