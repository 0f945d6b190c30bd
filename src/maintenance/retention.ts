import type { Redis } from 'ioredis';
import { type Order, OrderSchema, type Recipient } from '../domain/schemas.js';
import { type Clock, systemClock } from '../domain/time.js';
import type { Logger } from '../logger.js';
import { createMediaStore, type MediaStore } from '../media/media-store.js';
import type { Store } from '../store/index.js';
import type { Keys } from '../store/keys.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * What an expired recipient becomes on its order. The values still pass RecipientSchema (orders
 * are parsed on read); kecamatan and kelurahan stay for the statistics, the note goes.
 */
export const ANONYMISED = {
  name: '(dihapus)',
  phone: '+620000000000',
  address: '(dihapus: masa simpan habis)',
} as const;

/** True when the recipient was already anonymised. */
export function isAnonymised(r: Pick<Recipient, 'name' | 'phone'>): boolean {
  return r.name === ANONYMISED.name && r.phone === ANONYMISED.phone;
}

/** The recipient without name, phone, address, note and NIP (whether it was an ASN stays, for the counts). */
export function anonymise(r: Recipient): Recipient {
  return { id: r.id, ...ANONYMISED, kecamatan: r.kecamatan, kelurahan: r.kelurahan, ...(r.asn || r.asnNip ? { asn: true } : {}) };
}

/**
 * Since when an order's recipient data is no longer needed: the delivery (the last move of a
 * delivered order, so its `updatedAt`), or the creation for an order never delivered.
 */
export function retentionStart(order: Pick<Order, 'status' | 'createdAt' | 'updatedAt'>): Date {
  return new Date(order.status === 'delivered' ? order.updatedAt : order.createdAt);
}

export interface RetentionDeps {
  redis: Redis;
  keys: Keys;
  store: Store;
  retentionDays: number;
  /** where receipt photos are stored (MEDIA_DIR) */
  mediaDir: string;
  logger: Logger;
  clock?: Clock;
}

/** What one run changed. */
export interface RetentionResult {
  ordersAnonymised: number;
  recipientsDeleted: number;
  /** orders whose receipt photo was removed: the path on the order, and the file unless an order within retention shares it */
  receiptsRemoved: number;
}

/**
 * Applies RETENTION_DAYS (UU PDP No. 27/2022: isoman status is health data): every order whose
 * delivery (or creation, when never delivered) is older gets an anonymised recipient and loses its
 * receipt photo (the file under MEDIA_DIR and its path; the hash stays), and every recipient an
 * ASN saved and has not used for as long is deleted. Safe to run again: anonymised orders without
 * a receipt path are skipped, a file already gone is no error. Logs carry counts and order ids only.
 */
export async function applyRetention(deps: RetentionDeps): Promise<RetentionResult> {
  const { redis, keys, store } = deps;
  const now = (deps.clock ?? systemClock)();
  const cutoff = now.getTime() - deps.retentionDays * DAY_MS;
  const result: RetentionResult = { ordersAnonymised: 0, recipientsDeleted: 0, receiptsRemoved: 0 };

  // First every order: which are past retention, and which receipt files orders still within it use.
  const expired = new Map<string, Order>();
  const kept = new Set<string>();
  let cursor = '0';
  do {
    const [next, flat] = await redis.hscan(keys.orders(), cursor, 'COUNT', 500);
    cursor = next;
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const id = flat[i]!;
      const parsed = OrderSchema.safeParse(safeJson(flat[i + 1]!));
      if (!parsed.success) {
        deps.logger.warn({ orderId: id }, 'retention: stored order does not parse, skipped');
        continue;
      }
      const order = parsed.data;
      // Anonymising moves `updatedAt`, so an anonymised recipient (not the clock) says "past retention".
      const past = (order.recipient !== undefined && isAnonymised(order.recipient)) || retentionStart(order).getTime() < cutoff;
      if (!past) {
        if (order.receipt?.path) kept.add(order.receipt.path);
        continue;
      }
      if ((order.recipient && !isAnonymised(order.recipient)) || order.receipt?.path) expired.set(id, order);
    }
  } while (cursor !== '0');

  const media = createMediaStore(deps.mediaDir);
  for (const [id, order] of expired) {
    const change: Partial<Order> = {};
    if (order.recipient && !isAnonymised(order.recipient)) change.recipient = anonymise(order.recipient);
    const rel = order.receipt?.path;
    if (order.receipt && rel && (await removeReceiptFile(deps, media, kept, id, rel))) {
      change.receipt = { hash: order.receipt.hash, mime: order.receipt.mime, removedAt: now.toISOString() };
    }
    if (!change.recipient && !change.receipt) continue;
    const res = await store.orders.update(id, change);
    if (!res.ok) {
      deps.logger.warn({ orderId: id, reason: res.reason }, 'retention: order not anonymised');
      continue;
    }
    if (change.recipient) result.ordersAnonymised++;
    if (change.receipt) result.receiptsRemoved++;
  }

  const base = keys.recipientsOf('');
  cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', keys.recipientsOfPattern(), 'COUNT', 500);
    cursor = next;
    for (const key of found) {
      const nip = key.slice(base.length);
      result.recipientsDeleted += await dropUnusedRecipients(deps, nip, cutoff);
    }
  } while (cursor !== '0');

  deps.logger.info({ ...result, retentionDays: deps.retentionDays }, 'retention applied');
  return result;
}

/**
 * Deletes an expired order's receipt file (and Telegram's cached id of it, which could still resend
 * it); true when it is gone. Files are named by content hash and a receipt is refused when the same
 * photo comes twice, so one file backs one order; should two share one anyway, it stays while an
 * order within retention uses it. A missing file is not an error; a failed delete is logged and
 * tried again on the next run (the order keeps the path until then).
 */
async function removeReceiptFile(
  deps: RetentionDeps,
  media: Pick<MediaStore, 'remove'>,
  kept: ReadonlySet<string>,
  orderId: string,
  rel: string,
): Promise<boolean> {
  if (kept.has(rel)) return true;
  try {
    await media.remove(rel);
  } catch (e) {
    deps.logger.warn({ orderId, code: (e as NodeJS.ErrnoException).code ?? 'error' }, 'retention: receipt file not deleted');
    return false;
  }
  await deps.redis.hdel(deps.keys.telegramFileIds(), rel);
  return true;
}

/**
 * Deletes an ASN's saved recipients last used before `cutoff`. Last use = the newest order of the
 * ASN that names the recipient; a recipient no order names counts from the ASN's newest order.
 */
async function dropUnusedRecipients(deps: RetentionDeps, nip: string, cutoff: number): Promise<number> {
  const { redis, keys, store } = deps;
  const ids = await redis.hkeys(keys.recipientsOf(nip));
  if (!ids.length) return 0;
  const orders = await store.orders.many(await redis.zrange(keys.ordersByAsn(nip), 0, -1));
  const lastUse = new Map<string, number>();
  let newest = 0;
  for (const o of orders) {
    const t = Date.parse(o.createdAt);
    newest = Math.max(newest, t);
    if (o.recipient) lastUse.set(o.recipient.id, Math.max(lastUse.get(o.recipient.id) ?? 0, t));
  }
  const expired = ids.filter((id) => (lastUse.get(id) ?? newest) < cutoff);
  if (expired.length) await redis.hdel(keys.recipientsOf(nip), ...expired);
  return expired.length;
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
