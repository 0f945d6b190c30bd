import { z } from 'zod';
import { formatRupiah } from '../src/domain/money.js';
import { OVERDUE_CHOICE_PREFIX, parseOverdueChoice } from '../src/domain/order-choices.js';
import { displayPhone } from '../src/domain/phone.js';
import type { Order } from '../src/domain/schemas.js';
import { type CommandDef, defineFlow, type FlowCtx, type GlobalChoice, goto, type InvalidResult, invalid, reply, type StepResult } from '../src/engine/flow.js';
import { canBuy } from '../src/engine/user.js';
import { ownerLinked } from './owner-linked.js';
import { choice, text } from './ui.js';

/**
 * A paid order no owner accepted within UMKM_ACCEPT_MINUTES: the ASN was told (the `accept-overdue`
 * notification, with "wait" and "cancel") and may keep waiting or cancel. A cancelled paid order
 * tells the mayor's office (the `cancelled` follow-up) and the owner, who returns the money.
 */
const OverdueDataSchema = z.object({ orderId: z.string().optional() });
type OverdueCtx = FlowCtx<z.output<typeof OverdueDataSchema>>;

/** The ASN's own paid order that was reported overdue, or why it cannot be cancelled (nothing changes). */
async function overdueOrder(ctx: FlowCtx<object>, orderId: string): Promise<{ order: Order } | { refused: InvalidResult }> {
  const nip = ctx.user.person?.nip;
  const order = orderId ? await ctx.deps.store.orders.get(orderId.trim()) : null;
  if (!order || !nip || order.asnNip !== nip) return { refused: invalid('ov-not-yours') };
  if (order.status !== 'paid') return { refused: invalid('ov-not-open', { id: order.id, status: ctx.deps.t(`order-status-${order.status}`) }) };
  if (!(await ctx.deps.store.orders.isOverdue(order.id))) {
    return { refused: invalid('ov-not-overdue', { id: order.id, minutes: ctx.deps.config.UMKM_ACCEPT_MINUTES ?? 120 }) };
  }
  return { order };
}

/** "Wait": nothing changes; the ASN hears when the owner answers, and may still cancel later. */
async function keepWaiting(ctx: FlowCtx, orderId: string): Promise<StepResult> {
  const r = await overdueOrder(ctx, orderId);
  if ('refused' in r) return r.refused;
  const umkm = await ctx.deps.store.catalogue.umkmToShow(r.order.umkmId);
  return goto('menu', 'main', { replies: [text('ov-waiting', { id: r.order.id, umkm: umkm?.name ?? r.order.umkmId })] });
}

async function startCancel(ctx: FlowCtx, orderId: string): Promise<StepResult> {
  const r = await overdueOrder(ctx, orderId);
  if ('refused' in r) return r.refused;
  return goto('order-overdue', 'cancel', { data: { orderId: r.order.id } });
}

export const orderOverdueFlow = defineFlow({
  name: 'order-overdue',
  data: OverdueDataSchema,
  steps: {
    cancel: {
      async enter(ctx: OverdueCtx) {
        const r = await overdueOrder(ctx, ctx.data.orderId ?? '');
        if ('refused' in r) return goto('menu', 'main', { replies: [{ text: r.refused.reason }] });
        const { order } = r;
        const umkm = await ctx.deps.store.catalogue.umkmToShow(order.umkmId);
        return reply(
          text(
            'ov-cancel-ask',
            {
              id: order.id,
              total: formatRupiah(order.total),
              umkm: umkm?.name ?? order.umkmId,
              owner: umkm?.ownerName ?? '-',
              ownerPhone: umkm ? displayPhone(umkm.ownerPhone) : '-',
            },
            [choice('ov:yes', 'ov-cancel-yes'), choice('ov:no', 'ov-cancel-no')],
          ),
        );
      },
      async handle(ctx: OverdueCtx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'ov:no') return keepWaiting(ctx, ctx.data.orderId ?? '');
        if (input.id !== 'ov:yes') return invalid('engine-stale-button');
        const r = await overdueOrder(ctx, ctx.data.orderId ?? '');
        if ('refused' in r) return r.refused;
        const res = await ctx.deps.store.orders.update(r.order.id, { status: 'cancelled' }, 'asn', r.order);
        if (!res.ok) {
          const now = await ctx.deps.store.orders.get(r.order.id);
          return goto('menu', 'main', { replies: [text('ov-not-open', { id: r.order.id, status: ctx.deps.t(`order-status-${now?.status ?? 'cancelled'}`) })] });
        }
        const order = res.order;
        if (order.recipient) await ctx.deps.store.recipients.forgetDelivery(order.recipient, order.id);
        const umkm = await ctx.deps.store.catalogue.umkmToShow(order.umkmId);
        const linked = await ownerLinked(ctx, order.umkmId);
        const args = {
          id: order.id,
          total: formatRupiah(order.total),
          umkm: umkm?.name ?? order.umkmId,
          owner: umkm?.ownerName ?? '-',
          ownerPhone: umkm ? displayPhone(umkm.ownerPhone) : '-',
          contact: ctx.deps.config.ADMIN_CONTACT,
        };
        return goto('menu', 'main', {
          replies: [text(linked ? 'ov-cancelled' : 'ov-cancelled-unlinked', args)],
          effects: [
            { type: 'enqueue-followup', orderId: order.id, about: 'cancelled' },
            { type: 'notify-umkm', orderId: order.id, event: 'cancelled' },
            { type: 'cancel-reminder', orderId: order.id },
          ],
        });
      },
    },
  },
});

/** The ASN's buttons on the overdue notice, from any screen. */
export const overdueGlobalChoices: GlobalChoice[] = [
  {
    prefix: OVERDUE_CHOICE_PREFIX,
    handle(ctx, id) {
      const parsed = parseOverdueChoice(id);
      if (!parsed) return invalid('engine-stale-button');
      return parsed.action === 'wait' ? keepWaiting(ctx, parsed.orderId) : startCancel(ctx, parsed.orderId);
    },
  },
];

/** The typed forms on numbered channels: `/tunggu <order id>`, `/batalkan <order id>`. */
export const overdueCommands: CommandDef[] = [
  { name: 'tunggu', allowed: canBuy, run: (ctx, args) => (args.trim() ? keepWaiting(ctx, args) : invalid('ov-need-id')) },
  { name: 'batalkan', allowed: canBuy, run: (ctx, args) => (args.trim() ? startCancel(ctx, args) : invalid('ov-need-id')) },
];
