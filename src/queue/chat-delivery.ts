import type { Redis } from 'ioredis';
import type { ChannelSender, OutboundMessage } from '../channels/types.js';
import type { Channel, ChatUser } from '../domain/schemas.js';
import type { Clock } from '../domain/time.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';

export interface ChatDeliveryDeps {
  redis: Redis;
  store: Store;
  senders: Partial<Record<Channel, ChannelSender>>;
  clock: Clock;
  log: Logger;
}

/**
 * Sends one message to each chat at most once: every chat that got it is recorded in the hash
 * `record` right after the send, so a retried or re-run job sends only to the chats still missing.
 * A chat that blocked the bot is marked unreachable; a refused send (400/403) is logged and not
 * retried; other failures are returned so the job throws and BullMQ retries it.
 * `build` returns null when there is nothing to send to that chat.
 */
export async function sendOncePerChat(
  deps: ChatDeliveryDeps,
  record: string,
  chats: ChatUser[],
  what: string,
  build: (chat: ChatUser) => OutboundMessage | null,
): Promise<{ sent: number; failures: string[] }> {
  const { redis, store, log } = deps;
  let sent = 0;
  const failures: string[] = [];
  for (const chat of chats) {
    const field = `${chat.channel}:${chat.chatId}`;
    if (await redis.hexists(record, field)) {
      sent++;
      continue;
    }
    const sender = deps.senders[chat.channel];
    if (!sender) {
      log.info({ channel: chat.channel }, `channel not running here: ${what} not sent on it`);
      continue;
    }
    const msg = build(chat);
    if (!msg) continue;
    const r = await sender.send(chat.chatId, msg);
    if (r.ok) {
      await redis.hsetnx(record, field, deps.clock().toISOString());
      sent++;
    } else if (r.blocked) {
      await store.chatUsers.patch(chat.channel, chat.chatId, { unreachable: true });
      log.info({ channel: chat.channel }, 'chat blocked the bot: marked unreachable');
    } else if (r.permanent) {
      log.warn({ channel: chat.channel, error: r.error }, `${what} refused`);
    } else {
      failures.push(`${chat.channel}: ${r.error}`);
    }
  }
  return { sent, failures };
}
