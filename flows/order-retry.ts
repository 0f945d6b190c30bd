import { RETRY_CHOICE_PREFIX } from '../src/domain/order-choices.js';
import type { Order, Recipient } from '../src/domain/schemas.js';
import { type FlowCtx, type GlobalChoice, goto, invalid, type StepResult } from '../src/engine/flow.js';
import { text } from './ui.js';

/** Choice id of "send to the same recipient" on the recipient step. */
export const RETRY_RECIPIENT = 'rc:retry';

/** The order that replaced a rejected one, unless it was cancelled before it was paid. */
async function replacement(ctx: FlowCtx, order: Order): Promise<Order | null> {
  const by = order.replacedBy ? await ctx.deps.store.orders.get(order.replacedBy) : null;
  return by && by.status !== 'cancelled' ? by : null;
}

/**
 * On confirming an order after "choose another": records it as the rejected order's replacement
 * (`replacedBy`), so the recipient offer is made for this order only. When another order replaced
 * it already (the old button pressed twice), the offer is dropped.
 */
export async function claimReplacement(ctx: FlowCtx, orderId: string): Promise<void> {
  const id = ctx.session.retryOf;
  const nip = ctx.user.person?.nip;
  if (!id) return;
  const rejected = await ctx.deps.store.orders.get(id);
  const ok = !!nip && rejected?.asnNip === nip && (await ctx.deps.store.orders.markReplaced(id, orderId)).ok;
  if (!ok) ctx.session.retryOf = undefined;
}

/** The ASN's "choose another product or UMKM" for a rejected order: browse, then reuse its recipient. */
export async function retryRejected(ctx: FlowCtx, orderId: string): Promise<StepResult> {
  const nip = ctx.user.person?.nip;
  if (!nip) return invalid('ar-asn-only');
  const order = await ctx.deps.store.orders.get(orderId.trim());
  if (!order || order.asnNip !== nip) return invalid('ar-not-yours');
  if (order.status !== 'rejected' || !order.recipient) return invalid('ar-not-rejected', { id: order.id });
  // One replacement per rejected order: the button is spent once a replacement was confirmed.
  const by = await replacement(ctx, order);
  if (by) return invalid('ar-already-replaced', { id: order.id, newId: by.id });
  ctx.session.retryOf = order.id;
  return goto('browse', 'category', { replies: [text('ar-pick-other', { id: order.id, name: order.recipient.name })] });
}

/**
 * The recipient of the rejected order the ASN chose to replace (session.retryOf), while it is
 * still theirs and rejected and the order being filled in is its replacement; the recipient step
 * offers it first.
 */
export async function retryRecipient(ctx: FlowCtx): Promise<{ order: Order; recipient: Recipient } | null> {
  const id = ctx.session.retryOf;
  const nip = ctx.user.person?.nip;
  if (!id || !nip) return null;
  const order = await ctx.deps.store.orders.get(id);
  if (!order || order.asnNip !== nip || order.status !== 'rejected' || !order.recipient) return null;
  if (!ctx.session.orderId || order.replacedBy !== ctx.session.orderId) return null;
  return { order, recipient: order.recipient };
}

/** The ASN's button in a rejection message, and the typed `/ulang <order id>` on numbered channels. */
export const retryGlobalChoices: GlobalChoice[] = [
  { prefix: RETRY_CHOICE_PREFIX, handle: (ctx, id) => retryRejected(ctx, id.slice(RETRY_CHOICE_PREFIX.length)) },
];
