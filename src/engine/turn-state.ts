import { type ChatUser, ChatUserSchema } from '../domain/schemas.js';
import type { Store } from '../store/index.js';
import { parseStored } from '../store/json.js';
import { parseSession, type Session } from './session.js';

/** What every update needs before its step runs: who the chat is, its session, the roster version. */
export interface TurnState {
  chatUser: ChatUser | null;
  session: Session | null;
  identityVersion: string;
  /** the stored session as read (to restore it when a step fails) */
  rawSession: string | null;
  /** the update was handled before (only when a seen key was given) */
  seen: boolean;
}

/**
 * Reads the chat user, the session, the identity version and (given its key) whether this update
 * was handled before, in one MGET: the hot path of every update.
 */
export async function loadTurnState(store: Store, channel: string, chatId: string, seenKey?: string): Promise<TurnState> {
  const userKey = store.keys.chatUser(channel, chatId);
  const sessionKey = store.keys.session(channel, chatId);
  const keys = [userKey, sessionKey, store.keys.identityVersion()];
  if (seenKey) keys.push(seenKey);
  const [rawUser, rawSession, version, seen] = await store.redis.mget(...keys);
  return {
    chatUser: parseStored(ChatUserSchema, userKey, rawUser),
    session: parseSession(sessionKey, rawSession),
    rawSession: rawSession ?? null,
    identityVersion: version ?? '0',
    seen: seen !== null && seen !== undefined,
  };
}
