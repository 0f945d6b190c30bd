import { z } from 'zod';
import { methodsOf, type PaymentMethod, PaymentMethodSchema } from '../src/domain/payment.js';
import { defineFlow, goto, invalid, reply } from '../src/engine/flow.js';
import { acceptReceipt, MediaRefSchema, onReceiptStep } from './receipt.js';
import { choice, menuButton, text } from './ui.js';

/** The receipt photo kept while the ASN says how they paid (as the receipt's pick step keeps it). */
const PaymentDataSchema = z.object({ media: MediaRefSchema.optional(), asPdf: z.boolean().optional() });

/** Choice id of a payment method. */
const METHOD = 'pm:';

/**
 * After the receipt photo, when the order showed several ways to pay: which one the ASN used.
 * The answer goes to the order (and the report to the mayor's office: the method, never the
 * account); then the photo is taken as the receipt, exactly as the receipt step takes it.
 */
export const paymentFlow = defineFlow({
  name: 'payment',
  data: PaymentDataSchema,
  steps: {
    method: {
      async enter(ctx) {
        const order = ctx.session.orderId ? await ctx.deps.store.orders.get(ctx.session.orderId) : null;
        if (!order || order.status !== 'confirmed' || !ctx.data.media) return goto('receipt', 'ask');
        const methods = methodsOf(order.payTo);
        return reply(text('pay-method-ask', { id: order.id }, [...methods.map((m) => choice(`${METHOD}${m}`, `pay-method-${m}`)), menuButton()]));
      },
      async handle(ctx, input) {
        if (input.kind === 'photo') return invalid('pay-method-choose');
        if (input.kind !== 'choice' || !input.id.startsWith(METHOD)) return invalid('ui-choose-button');
        const parsed = PaymentMethodSchema.safeParse(input.id.slice(METHOD.length));
        const id = ctx.session.orderId;
        const order = id ? await ctx.deps.store.orders.get(id) : null;
        if (!order || order.status !== 'confirmed') return goto('receipt', 'ask');
        if (!parsed.success || !methodsOf(order.payTo).includes(parsed.data)) return invalid('engine-stale-button');
        const method: PaymentMethod = parsed.data;
        const media = ctx.data.media;
        if (!media) return goto('receipt', 'ask');
        const res = await ctx.deps.store.orders.update(order.id, { paidWith: method }, 'asn', order);
        if (!res.ok) return goto('receipt', 'ask');
        const sendAgain = () => goto('receipt', 'ask', { replies: [text('receipt-send-again')] });
        return onReceiptStep(await acceptReceipt(ctx, media, sendAgain, ctx.data.asPdf === true));
      },
    },
  },
});
