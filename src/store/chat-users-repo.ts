import type { Redis } from 'ioredis';
import { type Channel, type ChatUser, ChatUserSchema } from '../domain/schemas.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';

/** Chat accounts on each channel, linked to a verified phone. */
export function createChatUsersRepo(redis: Redis, keys: Keys) {
  return {
    async get(channel: Channel, chatId: string): Promise<ChatUser | null> {
      const key = keys.chatUser(channel, chatId);
      return parseStored(ChatUserSchema, key, await redis.get(key));
    },
    /** Saves a chat user; `old`: the record as just read (null: none), else it is read first. */
    async save(u: ChatUser, old?: ChatUser | null): Promise<void> {
      const key = keys.chatUser(u.channel, u.chatId);
      if (old === undefined) old = parseStored(ChatUserSchema, key, await redis.get(key));
      const tx = redis.multi().set(key, JSON.stringify(ChatUserSchema.parse(u)));
      if (old?.phone && old.phone !== u.phone) tx.srem(keys.chatsOfPhone(old.phone), `${u.channel}:${u.chatId}`);
      if (u.phone) tx.sadd(keys.chatsOfPhone(u.phone), `${u.channel}:${u.chatId}`);
      await tx.exec();
    },
    async patch(channel: Channel, chatId: string, change: Partial<ChatUser>): Promise<ChatUser> {
      const old = await this.get(channel, chatId);
      const next = { ...(old ?? ChatUserSchema.parse({ channel, chatId })), ...change, channel, chatId };
      await this.save(next, old);
      return next;
    },
    /** Every chat (on any channel) linked to a phone: where to reach a person. */
    async chatsOfPhone(phone: string): Promise<ChatUser[]> {
      const refs = await redis.smembers(keys.chatsOfPhone(phone));
      const out: ChatUser[] = [];
      for (const ref of refs) {
        const i = ref.indexOf(':');
        const u = await this.get(ref.slice(0, i) as Channel, ref.slice(i + 1));
        if (u && u.phone === phone) out.push(u);
      }
      return out;
    },
    /** Whether a phone has a linked chat the bot can still reach (a notification would arrive). */
    async reachable(phone: string): Promise<boolean> {
      return (await this.chatsOfPhone(phone)).some((u) => !u.unreachable);
    },
  };
}
export type ChatUsersRepo = ReturnType<typeof createChatUsersRepo>;
