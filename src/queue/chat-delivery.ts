import type { Redis } from 'ioredis';
import type { ChannelSender } from '../channels/types.js';
import type { OutboundMessage } from '../i18n/message.js';
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
 * Each send is marked started (`<chat>.started`) first; a mark found on a later run means a crash
 * cut that send with its outcome unknown, so it goes again with `repeatNote(chat)` on top.
 */
export async function sendOncePerChat(
  deps: ChatDeliveryDeps,
  record: string,
  chats: ChatUser[],
  what: string,
  build: (chat: ChatUser) => OutboundMessage | null,
  repeatNote?: (chat: ChatUser) => string,
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
    const built = build(chat);
    if (!built) continue;
    const again = (await redis.hsetnx(record, `${field}.started`, deps.clock().toISOString())) === 0;
    const msg = again && repeatNote ? { ...built, text: `${repeatNote(chat)}\n\n${built.text}` } : built;
    if (again) log.warn({ channel: chat.channel }, `${what}: an earlier send was cut off; sending again, marked as such`);
    const r = await sender.send(chat.chatId, msg);
    if (r.ok) {
      await redis.multi().hsetnx(record, field, deps.clock().toISOString()).hdel(record, `${field}.started`).exec();
      sent++;
      continue;
    }
    // A refusal or a 429 is an answer: nothing reached the chat, so the next send is no repeat.
    if (r.blocked || r.permanent || r.retryAfter !== undefined) await redis.hdel(record, `${field}.started`);
    if (r.blocked) {
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
