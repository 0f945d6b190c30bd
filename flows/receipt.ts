import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from '../src/media/media-store.js';
import { formatRupiah } from '../src/domain/money.js';
import { methodsOf } from '../src/domain/payment.js';
import { z } from 'zod';
import { defineFlow, type FlowCtx, goto, invalid, reply, type StepResult, type StrayInput } from '../src/engine/flow.js';
import type { MediaRef } from '../src/engine/types.js';
import { keyChoices } from './choice-ids.js';
import { orderButton, ordersWaitingFor } from './my-orders.js';
import { paymentReplies } from './pay-details.js';
import { ownerLinked } from './owner-linked.js';
import { choice, menuButton, text } from './ui.js';

/**
 * Takes the photo as the receipt of the session's order: sniffed, EXIF-stripped, stored, claimed
 * once, the order paid. `lost` answers when the photo can no longer be fetched (one kept in the
 * session while the ASN chose the order: WhatsApp keeps received media for a while only).
 */
export async function acceptReceipt(ctx: FlowCtx, media: MediaRef, lost?: () => StepResult, asPdf = false): Promise<StepResult> {
  const orderId = ctx.session.orderId;
  if (!orderId) return goto('menu', 'main');
  const order = await ctx.deps.store.orders.get(orderId);
  if (!order || order.asnNip !== ctx.user.person?.nip) return goto('menu', 'main');
  if (order.status !== 'confirmed') return goto('social-post', 'ask');
  // Several ways to pay were shown: the ASN says which one they used (the report tells the office).
  const methods = methodsOf(order.payTo);
  const paidWith = order.paidWith ?? (methods.length === 1 ? methods[0] : undefined);
  if (methods.length > 1 && !paidWith) return goto('payment', 'method', { data: { media, asPdf } });
  if (media.size && media.size > MAX_IMAGE_BYTES) return invalid('receipt-too-large');
  // Asked now, answered while the photo is fetched and stored (its answer is read only on success).
  const linked = ownerLinked(ctx, order.umkmId);
  linked.catch(() => undefined);
  let bytes: Buffer;
  try {
    bytes = await ctx.fetchMedia(media);
  } catch (err) {
    if (!lost) throw err;
    return lost();
  }
  // A PDF (what many banking apps share) is checked by its bytes and kept without its metadata.
  // A photo's file is written before the order that names it is paid.
  const prepared = asPdf ? await ctx.deps.media.storePdf(bytes, 'receipts') : await ctx.deps.media.prepareImage(bytes, 'receipts');
  if (!prepared.ok) {
    const key = prepared.reason === 'too-large' ? 'receipt-too-large' : prepared.reason === 'too-many-pixels' ? 'receipt-too-many-pixels' : 'receipt-not-image';
    return invalid(key, { megapixels: MAX_IMAGE_PIXELS / 1_000_000 });
  }
  const stored = 'stored' in prepared ? prepared.stored : prepared;
  if ('stored' in prepared) await ctx.deps.media.commit(prepared);
  // The order is paid and the receipt's hash claimed in one step (refused when it backs another order).
  const res = await ctx.deps.store.orders.update(
    order.id,
    { status: 'paid', receipt: { hash: stored.hash, path: stored.path, mime: stored.mime }, ...(paidWith ? { paidWith } : {}) },
    'asn',
    order,
    { receiptHash: stored.hash },
  );
  if (!res.ok && res.reason === 'receipt-used') {
    // The file is the other order's; once retention removed it there, this copy would be kept forever.
    if ((await ctx.deps.store.orders.get(res.usedBy))?.receipt?.removedAt) await ctx.deps.media.remove(stored.path);
    return invalid('receipt-duplicate');
  }
  if (!res.ok) return invalid('receipt-order-closed');
  // "UMKM sudah diberi tahu" only when the owner has a chat; else the order waits for them to link.
  const [, ownerHasChat] = await Promise.all([order.recipient && ctx.deps.store.recipients.recordDelivery(order.recipient, order.id), linked]);
  const thanks = ownerHasChat ? 'receipt-thanks' : 'receipt-thanks-unlinked';
  return goto('social-post', 'ask', {
    replies: [text(thanks, { id: order.id, total: formatRupiah(order.total) })],
    effects: [
      { type: 'enqueue-report', orderId: order.id },
      { type: 'notify-umkm', orderId: order.id, event: 'paid' },
      { type: 'schedule-reminder', orderId: order.id },
    ],
  });
}

/**
 * Where a receipt sent from another screen lands when it was refused (too large, used before):
 * on that order's receipt step, which names the order, with the reason above it.
 */
export function onReceiptStep(r: StepResult): StepResult {
  return r.kind === 'invalid' ? goto('receipt', 'ask', { replies: [{ text: r.reason }] }) : r;
}

/** Choice id of "this photo is for order X" on the pick step. */
const PICK = keyChoices('rp:', 'the order a receipt photo is for (receipt pick step)', 56);

/** A photo of the chat, as the channel refers to it (kept while the ASN picks the order, or says how they paid). */
export const MediaRefSchema = z.object({
  ref: z.string(),
  mime: z.string().optional(),
  size: z.number().optional(),
  asDocument: z.boolean().optional(),
  fileName: z.string().optional(),
  caption: z.string().optional(),
}) satisfies z.ZodType<MediaRef>;

/** The receipt flow's data: the photo (or PDF) sent elsewhere, kept by the pick step. */
const ReceiptDataSchema = z.object({ media: MediaRefSchema.optional(), asPdf: z.boolean().optional() });

/** A file that says it is a PDF (what banking apps share as a receipt); its bytes are checked when it is stored. */
const isPdfFile = (m: MediaRef): boolean => m.mime === 'application/pdf' || /\.pdf$/i.test(m.fileName ?? '');

/**
 * A photo, or a PDF receipt, sent on a screen that takes none, while the ASN owes a receipt: with
 * one order waiting, it is that order's receipt, taken exactly as the receipt step takes it; with
 * several, the file is kept (its reference, in the session) while the ASN picks the order.
 */
export const strayReceipt: StrayInput = async (ctx, input) => {
  const asPdf = input.kind === 'document' && isPdfFile(input.media);
  if ((input.kind !== 'photo' && !asPdf) || !ctx.user.person) return null;
  const waiting = await ordersWaitingFor(ctx, 'receipt');
  // A photo sent as a receipt (`/foto` in the terminal) with no order waiting for one: said so
  // (a PDF with nothing waiting is any file: the screen's own answer stands).
  if (!waiting.length) return asPdf ? null : invalid('receipt-none-waiting');
  if (waiting.length > 1) return goto('receipt', 'pick', { data: { media: input.media, asPdf } });
  ctx.session.orderId = waiting[0]!.id;
  return onReceiptStep(await acceptReceipt(ctx, input.media, undefined, asPdf));
};

/**
 * The payment proof: a photo (or an image sent as a file), sniffed, EXIF-stripped, stored by hash;
 * or a PDF, sniffed and stored without its metadata.
 */
export const receiptFlow = defineFlow({
  name: 'receipt',
  data: ReceiptDataSchema,
  steps: {
    ask: {
      async enter(ctx) {
        const order = ctx.session.orderId ? await ctx.deps.store.orders.get(ctx.session.orderId) : null;
        if (!order) return goto('menu', 'main');
        const umkm = await ctx.deps.store.catalogue.umkmToShow(order.umkmId);
        // The UMKM's bank account, e-wallet and QRIS (issue 12), with the buttons on the last message.
        return {
          kind: 'reply',
          replies: await paymentReplies(ctx, order, umkm, [
            choice('rx:recipient', 'receipt-change-recipient'),
            choice('rx:cancel', 'receipt-cancel-order'),
            menuButton(),
          ]),
        };
      },
      handle(ctx, input) {
        if (input.kind === 'photo') return acceptReceipt(ctx, input.media);
        if (input.kind === 'document') return acceptReceipt(ctx, input.media, undefined, true);
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
    /** A photo sent elsewhere while several orders wait for a receipt: which order is it for? */
    pick: {
      async enter(ctx) {
        const waiting = await ordersWaitingFor(ctx, 'receipt');
        if (!waiting.length || !ctx.data.media) return goto('menu', 'main');
        const buttons = await Promise.all(waiting.slice(0, 8).map((o) => orderButton(ctx, PICK.pack(o.id), o)));
        return reply(text(ctx.data.asPdf ? 'receipt-pick-order-pdf' : 'receipt-pick-order', {}, [...buttons, menuButton()]));
      },
      async handle(ctx, input) {
        const media = ctx.data.media;
        const id = input.kind === 'choice' ? PICK.parse(input.id) : null;
        if (!id || !media) return invalid('ui-choose-button');
        if (!(await ordersWaitingFor(ctx, 'receipt')).some((o) => o.id === id)) return invalid('engine-stale-button');
        ctx.session.orderId = id;
        const sendAgain = () => goto('receipt', 'ask', { replies: [text('receipt-send-again')] });
        return onReceiptStep(await acceptReceipt(ctx, media, sendAgain, ctx.data.asPdf === true));
      },
    },
  },
});
