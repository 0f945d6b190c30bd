import { type ChatUser, ChatUserSchema } from '../domain/schemas.js';
import type { Store } from '../store/index.js';
import { parseStored } from '../store/json.js';
import { defineScript } from '../store/scripts.js';
import { FLOOD_COUNT_LUA } from './flood.js';
import { parseSession, type Session } from './session.js';

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

/**
 * Reads the chat user, the session, the identity and catalogue versions and (given their keys)
 * whether this update was handled before and the chat's flood count, in one round trip: the hot
 * path of every update.
 */
export function createTurnLoader(store: Store) {
  const countAndRead = defineScript(store.redis, 'turnCountAndRead', null, COUNT_AND_READ);
  return async (channel: string, chatId: string, opts: { floodKey?: string } = {}): Promise<TurnState> => {
    const userKey = store.keys.chatUser(channel, chatId);
    const sessionKey = store.keys.session(channel, chatId);
    const keys = [userKey, sessionKey, store.keys.identityVersion(), store.keys.catalogueVersion()];
    let floodCount: number | undefined;
    let rawUser: string | null, rawSession: string | null, version: string | null, catalogueVersion: string | null;
    if (opts.floodKey) {
      const reply = (await countAndRead(keys.length + 1, opts.floodKey, ...keys)) as [number, ...(string | null)[]];
      [floodCount, rawUser = null, rawSession = null, version = null, catalogueVersion = null] = reply;
    } else {
      [rawUser = null, rawSession = null, version = null, catalogueVersion = null] = await store.redis.mget(...keys);
    }
    return {
      chatUser: parseStored(ChatUserSchema, userKey, rawUser),
      session: parseSession(sessionKey, rawSession),
      rawSession: rawSession ?? null,
      identityVersion: version ?? '0',
      catalogueVersion: catalogueVersion ?? null,
      floodCount,
    };
  };
}
