import { type ChatUser, ChatUserSchema } from '../domain/schemas.js';
import type { Store } from '../store/index.js';
import { parseStored } from '../store/json.js';
import { parseSession, type Session } from './session.js';

/** What every update needs before its step runs: who the chat is, its session, the roster version. */
export interface TurnState {
  chatUser: ChatUser | null;
  session: Session | null;
  identityVersion: string;
}

/**
 * Reads the chat user, the session and the identity version in one MGET: the hot path of every
 * update.
 */
export async function loadTurnState(store: Store, channel: string, chatId: string): Promise<TurnState> {
  const userKey = store.keys.chatUser(channel, chatId);
  const sessionKey = store.keys.session(channel, chatId);
  const [rawUser, rawSession, version] = await store.redis.mget(userKey, sessionKey, store.keys.identityVersion());
  return {
    chatUser: parseStored(ChatUserSchema, userKey, rawUser),
    session: parseSession(sessionKey, rawSession),
    identityVersion: version ?? '0',
  };
}
