/**
 * Button ids of order notifications: the contract between the `notifications` processor, which
 * puts them on messages, and the owner / ASN flows, which handle them from anywhere (GlobalChoice).
 * Telegram callback data is at most 64 bytes; order ids are about 18.
 */

/** What an owner's button does to an order. `see` opens the order without changing it. */
export const OWNER_ACTIONS = ['acc', 'rej', 'pay', 'dlv', 'see'] as const;
export type OwnerAction = (typeof OWNER_ACTIONS)[number];

/** Prefix of every UMKM owner's order button. */
export const OWNER_CHOICE_PREFIX = 'uo:';
/** Prefix of the ASN's "choose another product or UMKM" button of a rejected order. */
export const RETRY_CHOICE_PREFIX = 'ar:';
/** The longest callback data Telegram takes. */
export const MAX_CHOICE_BYTES = 64;

/** `uo:acc:ORD-20261122-00001` */
export function ownerChoiceId(action: OwnerAction, orderId: string): string {
  return `${OWNER_CHOICE_PREFIX}${action}:${orderId}`;
}

/** The action and order of an owner's button id, or null when it is not one. */
export function parseOwnerChoice(id: string): { action: OwnerAction; orderId: string } | null {
  const m = /^uo:([a-z]+):(.{1,56})$/.exec(id);
  if (!m || !(OWNER_ACTIONS as readonly string[]).includes(m[1]!)) return null;
  return { action: m[1] as OwnerAction, orderId: m[2]! };
}

/** `ar:ORD-20261122-00001` */
export function retryChoiceId(orderId: string): string {
  return `${RETRY_CHOICE_PREFIX}${orderId}`;
}

/** Prefix of the ASN's buttons on an order no owner accepted in time: `ov:wait:<id>`, `ov:cancel:<id>`. */
export const OVERDUE_CHOICE_PREFIX = 'ov:';
export type OverdueAction = 'wait' | 'cancel';

/** `ov:cancel:ORD-20261122-00001` */
export function overdueChoiceId(action: OverdueAction, orderId: string): string {
  return `${OVERDUE_CHOICE_PREFIX}${action}:${orderId}`;
}

/** The action and order of an overdue button id, or null when it is not one. */
export function parseOverdueChoice(id: string): { action: OverdueAction; orderId: string } | null {
  const m = /^ov:(wait|cancel):(.{1,50})$/.exec(id);
  return m ? { action: m[1] as OverdueAction, orderId: m[2]! } : null;
}
