import { OWNER_CHOICE_PREFIX, parseOwnerChoice } from '../src/domain/order-choices.js';
import type { Order, OrderStatus, Umkm } from '../src/domain/schemas.js';
import { type FlowCtx, type GlobalChoice, goto, invalid, type StepResult } from '../src/engine/flow.js';
import type { Effect } from '../src/engine/types.js';
import { handlesOrders, orderUmkms } from '../src/engine/user.js';
import { text } from './ui.js';

/** What the owner tried, for the message that says why it cannot be done (`uo-refused-<attempt>`). */
export type Attempt = 'accept' | 'reject' | 'deliver' | 'payment';
/** The moves an owner makes from an order's buttons, each told with `uo-done-<move>`. */
export type OwnerMove = Extract<OrderStatus, 'accepted' | 'delivered' | 'rejected'>;

/**
 * The order when it belongs to a UMKM the current user owns. Someone who owns no UMKM (an ASN
 * pressing a forwarded button) gets a refusal; an owner gets "not found" for a number that does not
 * exist (a typo in /antar ...) and a refusal for another UMKM's order (whose details stay hidden).
 */
export async function ownedOrder(ctx: FlowCtx, orderId: string): Promise<{ order: Order; umkm: Umkm } | { refused: StepResult }> {
  if (!handlesOrders(ctx.user)) return { refused: invalid('uo-owners-only') };
  const order = await ctx.deps.store.orders.get(orderId);
  if (!order) return { refused: invalid('uo-order-not-found', { id: orderId }) };
  const umkm = orderUmkms(ctx.user).find((u) => u.id === order.umkmId);
  if (!umkm) return { refused: invalid('uo-not-your-order') };
  return { order, umkm };
}

/** Why a move is refused, in the owner's words: already done, accept first, or not in this state. */
export function refusal(ctx: FlowCtx, order: Order, attempt: Attempt): StepResult {
  const args = { id: order.id, status: ctx.deps.t(`order-status-${order.status}`) };
  if (attempt === 'accept' && order.status === 'accepted') return invalid('uo-refused-already-accepted', args);
  if (attempt === 'deliver' && order.status === 'paid') return invalid('uo-refused-accept-first', args);
  if (attempt === 'deliver' && order.status === 'delivered') return invalid('uo-refused-already-delivered', args);
  if (attempt === 'payment' && order.paymentConfirmed) return invalid('uo-refused-already-paid', args);
  return invalid(`uo-refused-${attempt}`, args);
}

const detail = (orderId: string, replyKey: string, effects: Effect[]): StepResult =>
  goto('umkm-orders', 'order', { data: { orderId }, replies: [text(replyKey, { id: orderId })], effects });

/** Whether the ASN who ordered has a chat the bot reaches: "ASN pemesan sudah kami beri tahu" is only said then. */
async function asnReachable(ctx: FlowCtx, order: Order): Promise<boolean> {
  const asn = await ctx.deps.store.roster.byNip(order.asnNip);
  return asn ? ctx.deps.store.chatUsers.reachable(asn.phone) : false;
}

/** Moves the order's status as the UMKM (the store checks the move); tells the ASN. */
async function move(ctx: FlowCtx, order: Order, to: OwnerMove, attempt: Attempt, change: Partial<Order> = {}): Promise<StepResult> {
  const res = await ctx.deps.store.orders.update(order.id, { ...change, status: to }, 'umkm');
  if (!res.ok) {
    const now = res.reason === 'not-found' ? null : await ctx.deps.store.orders.get(order.id);
    return now ? refusal(ctx, now, attempt) : invalid('uo-order-not-found', { id: order.id });
  }
  // Delivered but not yet paid to the owner's knowledge: remind them of the one thing left.
  const done = to === 'delivered' && !res.order.paymentConfirmed ? 'uo-done-delivered-unpaid' : `uo-done-${to}`;
  // The ASN's chat is gone (blocked, never linked again): the news waits for them; say so.
  const told = (await asnReachable(ctx, order)) ? done : `${done}-unlinked`;
  return detail(order.id, told, [{ type: 'notify-asn', orderId: order.id, event: to }]);
}

/** The owner confirms the payment reached them; the report says so (a follow-up if it already went out). */
async function confirmPayment(ctx: FlowCtx, order: Order): Promise<StepResult> {
  if (order.paymentConfirmed || !['paid', 'accepted', 'delivered'].includes(order.status)) return refusal(ctx, order, 'payment');
  const res = await ctx.deps.store.orders.update(order.id, { paymentConfirmed: true });
  if (!res.ok) return invalid('uo-order-not-found', { id: order.id });
  const effects: Effect[] = [{ type: 'notify-asn', orderId: order.id, event: 'payment-confirmed' }];
  if (Object.keys(res.order.reportedTo).length) effects.push({ type: 'enqueue-followup', orderId: order.id, about: 'payment' });
  return detail(order.id, 'uo-done-payment', effects);
}

/** Marks an accepted order delivered (after the owner confirmed it); tells the ASN. */
export async function deliverOrder(ctx: FlowCtx, orderId: string): Promise<StepResult> {
  const own = await ownedOrder(ctx, orderId);
  if ('refused' in own) return own.refused;
  return move(ctx, own.order, 'delivered', 'deliver');
}

/**
 * Rejects a paid order with a picked reason code or the owner's own words; tells the ASN, and the
 * mayor's office, whose report (queued when the order was paid) counted it as a purchase.
 */
export async function rejectOrder(ctx: FlowCtx, orderId: string, reason: string): Promise<StepResult> {
  const own = await ownedOrder(ctx, orderId);
  if ('refused' in own) return own.refused;
  const result = await move(ctx, own.order, 'rejected', 'reject', { rejectReason: reason });
  if (result.kind !== 'goto') return result;
  // The household did not get this package: it no longer counts against them.
  if (own.order.recipient) await ctx.deps.store.recipients.forgetDelivery(own.order.recipient, own.order.id);
  // Only a paid order can be rejected, and paying queued its report: the follow-up waits for it.
  const effects: Effect[] = [...(result.effects ?? []), { type: 'enqueue-followup', orderId: own.order.id, about: 'rejected' }];
  return goto('umkm-orders', 'list', { replies: result.replies, effects });
}

/** Handles an owner's order button (`uo:<action>:<orderId>`) from a notification, a list or a detail. */
export async function ownerChoice(ctx: FlowCtx, id: string): Promise<StepResult> {
  const parsed = parseOwnerChoice(id);
  if (!parsed) return invalid('engine-stale-button');
  const own = await ownedOrder(ctx, parsed.orderId);
  if ('refused' in own) return own.refused;
  const { order, umkm } = own;
  ctx.session.actingUmkmId = umkm.id; // acting on an order means acting for its UMKM
  switch (parsed.action) {
    case 'see':
      return goto('umkm-orders', 'order', { data: { orderId: order.id } });
    case 'acc':
      return move(ctx, order, 'accepted', 'accept');
    case 'dlv':
      // Asked first: a slip of the thumb would tell the ASN a package arrived that did not.
      if (order.status !== 'accepted') return refusal(ctx, order, 'deliver');
      return goto('umkm-orders', 'deliver', { data: { orderId: order.id } });
    case 'pay':
      return confirmPayment(ctx, order);
    case 'rej':
      if (order.status !== 'paid') return refusal(ctx, order, 'reject');
      return goto('umkm-orders', 'reject', { data: { orderId: order.id } });
  }
}

/** The owner's buttons inside order notifications (accept, reject, payment, delivered, open). */
export const ownerGlobalChoices: GlobalChoice[] = [{ prefix: OWNER_CHOICE_PREFIX, handle: ownerChoice }];
