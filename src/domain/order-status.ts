import type { OrderStatus } from './schemas.js';

/** Who may cause a status move. */
export type Actor = 'asn' | 'umkm' | 'system';

const MOVES: Record<OrderStatus, Partial<Record<OrderStatus, Actor[]>>> = {
  draft: { confirmed: ['asn'] },
  confirmed: { paid: ['asn'], cancelled: ['asn', 'system'] },
  // paid -> cancelled: the ASN, once no owner accepted within UMKM_ACCEPT_MINUTES (the flow checks that)
  paid: { accepted: ['umkm'], rejected: ['umkm'], cancelled: ['asn'] },
  accepted: { delivered: ['umkm'] },
  rejected: {},
  delivered: {},
  cancelled: {},
};

/**
 * Moves only the named actor may make, never the system: cancelling a paid order is the ASN's
 * decision after no owner accepted in time (a timeout must never cancel an order someone paid).
 */
const NOT_FOR_SYSTEM: ReadonlySet<string> = new Set(['paid>cancelled']);

export type TransitionResult = { ok: true; to: OrderStatus } | { ok: false; reason: 'illegal-move' | 'not-allowed' };

/** Pure rule: may `actor` move an order from `from` to `to`? Rejects illegal moves. */
export function transition(from: OrderStatus, to: OrderStatus, actor: Actor): TransitionResult {
  const allowed = MOVES[from][to];
  if (!allowed) return { ok: false, reason: 'illegal-move' };
  if (!allowed.includes(actor) && (actor !== 'system' || NOT_FOR_SYSTEM.has(`${from}>${to}`))) return { ok: false, reason: 'not-allowed' };
  return { ok: true, to };
}

/** Statuses in which an order is still open for the UMKM owner. */
export const OPEN_FOR_UMKM: OrderStatus[] = ['paid', 'accepted'];

/**
 * Whether an order still waits for its UMKM owner: open (to accept or deliver), or delivered with
 * the payment not confirmed yet (the report waits for that confirmation).
 */
export function waitsForOwner(order: { status: OrderStatus; paymentConfirmed?: boolean }): boolean {
  return OPEN_FOR_UMKM.includes(order.status) || (order.status === 'delivered' && !order.paymentConfirmed);
}
