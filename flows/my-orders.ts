import { formatRupiah } from '../src/domain/money.js';
import type { Order } from '../src/domain/schemas.js';
import { formatWib } from '../src/domain/time.js';
import { z } from 'zod';
import { defineFlow, type FlowCtx, goto, gotoRef, invalid, reply, type StepRef } from '../src/engine/flow.js';
import type { Choice } from '../src/i18n/message.js';
import { keyChoices, MENU_ENTRY } from './choice-ids.js';
import { choice, literal, menuButton, text } from './ui.js';

/** Where an unfinished order resumes: recipient, receipt or post link. */
export function resumeStep(order: Order): StepRef | null {
  if (order.status === 'confirmed') return order.recipient ? { flow: 'receipt', step: 'ask' } : { flow: 'recipient', step: 'start' };
  if (['paid', 'accepted', 'delivered'].includes(order.status) && !order.postLink && !order.postSkipped) return { flow: 'social-post', step: 'ask' };
  return null;
}

/** How many of the ASN's newest orders are looked through for those waiting for a receipt or a link. */
const WAITING_SCAN = 20;

/** The ASN's orders (newest first) that resume at `flow`: 'receipt' (a payment proof) or 'social-post' (a link). */
export async function ordersWaitingFor(ctx: FlowCtx, flow: 'receipt' | 'social-post'): Promise<Order[]> {
  const nip = ctx.user.person?.nip;
  if (!nip) return [];
  return (await ctx.deps.store.orders.ofAsn(nip, WAITING_SCAN)).filter((o) => resumeStep(o)?.flow === flow);
}

/** A button naming an order as the ASN knows it (id, UMKM, total), for "which order is this for?". */
export async function orderButton(ctx: FlowCtx, id: string, o: Order): Promise<Choice> {
  const umkm = (await ctx.deps.store.catalogue.umkmToShow(o.umkmId))?.name ?? o.umkmId;
  return literal(id, ctx.deps.t('order-pick-label', { id: o.id, umkm, total: formatRupiah(o.total) }));
}

function reportLine(ctx: FlowCtx, o: Order): string {
  if (o.status === 'confirmed' || o.status === 'cancelled') return '';
  return Object.keys(o.reportedTo ?? {}).length ? ctx.deps.t('orders-report-sent') : ctx.deps.t('orders-report-pending');
}

/** Button id of "continue this order" (its recipient, receipt or post link). */
const RESUME = keyChoices('mo:', 'an unfinished order to continue (my-orders)', 56);

/** The ASN's orders, newest first, with status and whether the report went out. */
export const myOrdersFlow = defineFlow({
  name: 'my-orders',
  data: z.object({}),
  steps: {
    list: {
      async enter(ctx) {
        const nip = ctx.user.person?.nip;
        if (!nip) return goto('menu', 'main');
        const orders = await ctx.deps.store.orders.ofAsn(nip, 10);
        if (!orders.length) return reply(text('orders-none', {}, [choice(MENU_ENTRY.pack('browse'), 'menu-browse'), menuButton()]));
        const names = new Map<string, string>();
        for (const o of orders) {
          if (!names.has(o.umkmId)) names.set(o.umkmId, (await ctx.deps.store.catalogue.umkmToShow(o.umkmId))?.name ?? o.umkmId);
        }
        const lines = orders.map((o) =>
          ctx.deps.t('orders-line', {
            id: o.id,
            date: formatWib(new Date(o.createdAt)),
            umkm: names.get(o.umkmId)!,
            total: formatRupiah(o.total),
            status: ctx.deps.t(o.status === 'confirmed' && !o.recipient ? 'order-status-needs-recipient' : `order-status-${o.status}`),
            report: reportLine(ctx, o),
            items: o.items.map((i) => `${i.qty} × ${i.name}`).join(', '),
            recipient: o.recipient ? `\n${ctx.deps.t('orders-recipient', { name: o.recipient.name, kelurahan: o.recipient.kelurahan })}` : '',
          }),
        );
        const resumable = orders.filter((o) => resumeStep(o));
        return reply(
          text('orders-list', { items: lines.join('\n\n') }, [
            ...resumable.slice(0, 5).map((o) => literal(RESUME.pack(o.id), ctx.deps.t('orders-resume', { id: o.id }))),
            menuButton(),
          ]),
        );
      },
      async handle(ctx, input) {
        if (input.kind === 'choice' && MENU_ENTRY.parse(input.id) === 'browse') return goto('browse', 'category');
        const orderId = input.kind === 'choice' ? RESUME.parse(input.id) : null;
        if (!orderId) return invalid('ui-choose-button');
        const order = await ctx.deps.store.orders.get(orderId);
        const step = order && order.asnNip === ctx.user.person?.nip ? resumeStep(order) : null;
        if (!order || !step) return invalid('engine-stale-button');
        ctx.session.orderId = order.id;
        return gotoRef(step);
      },
    },
  },
});
