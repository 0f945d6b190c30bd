import { type ChatUser, ChatUserSchema } from '../domain/schemas.js';
import { fingerprint } from '../store/catalogue-repo.js';
import type { Store } from '../store/index.js';
import { parseStored } from '../store/json.js';
import { defineScript } from '../store/scripts.js';
import { FLOOD_COUNT_LUA } from './flood.js';
import { parseSession, type Session, type SessionStore } from './session.js';

/** What every update needs before its step runs: who the chat is, its session, the roster version. */
export interface TurnState {
  chatUser: ChatUser | null;
  session: Session | null;
  identityVersion: string;
  /** the catalogue's version (src/store/catalogue-repo.ts), null before the first write */
  catalogueVersion: string | null;
  /** the stored session as read (to restore it when a step fails) */
  rawSession: string | null;
  /** the chat's updates this second, this one included (only when a flood key was given) */
  floodCount?: number;
}

/** Lua: the flood count (KEYS[1]), then the MGET of the other keys, in one reply. */
const COUNT_AND_READ = `${FLOOD_COUNT_LUA}
local values = redis.call('MGET', unpack(KEYS, 2))
table.insert(values, 1, n)
return values`;

/** Chat users kept parsed in this process; beyond this many the memory starts afresh. */
const CHAT_USERS_MAX = 50_000;

/**
 * Reads the chat user, the session, the identity and catalogue versions and (given their keys)
 * whether this update was handled before and the chat's flood count, in one round trip: the hot
 * path of every update. A chat user whose stored text did not change since it was last parsed
 * here is not parsed again; a session this process wrote itself neither (`sessions.parse`).
 */
export function createTurnLoader(store: Store, sessions?: Pick<SessionStore, 'parse'>) {
  const countAndRead = defineScript(store.redis, 'turnCountAndRead', null, COUNT_AND_READ);
  const chatUsers = new Map<string, { print: number; chatUser: ChatUser }>();
  /** The chat user stored at `key` (validated once per stored text; shared: callers only read it). */
  function chatUserOf(key: string, raw: string | null | undefined): ChatUser | null {
    if (raw == null) return null;
    const print = fingerprint(raw);
    const hit = chatUsers.get(key);
    if (hit && hit.print === print) return hit.chatUser;
    const chatUser = parseStored(ChatUserSchema, key, raw)!;
    if (chatUsers.size >= CHAT_USERS_MAX) chatUsers.clear();
    chatUsers.set(key, { print, chatUser });
    return chatUser;
  }
  const parseSessionAt = sessions?.parse ?? parseSession;
  return async (channel: string, chatId: string, opts: { floodKey?: string } = {}): Promise<TurnState> => {
    const userKey = store.keys.chatUser(channel, chatId);
    const sessionKey = store.keys.session(channel, chatId);
    const keys = [userKey, sessionKey, store.keys.identityVersion(), store.keys.catalogueVersion()];
    let floodCount: number | undefined;
    let values: (string | null)[];
    if (opts.floodKey) {
      const reply = (await countAndRead(keys.length + 1, opts.floodKey, ...keys)) as [number, ...(string | null)[]];
      floodCount = reply[0];
      values = reply.slice(1) as (string | null)[];
    } else {
      values = await store.redis.mget(...keys);
    }
    const [rawUser, rawSession, version, catalogueVersion] = values;
    return {
      chatUser: chatUserOf(userKey, rawUser),
      session: parseSessionAt(sessionKey, rawSession),
      rawSession: rawSession ?? null,
      identityVersion: version ?? '0',
      catalogueVersion: catalogueVersion ?? null,
      floodCount,
    };
  };
}
