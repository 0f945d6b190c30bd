import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Keys } from '../../store/keys.js';

/** The signal key types Baileys 6.7 stores; `clear()` wipes these (and any other type it has written). */
const KEY_TYPES: readonly string[] = ['pre-key', 'session', 'sender-key', 'sender-key-memory', 'app-state-sync-key', 'app-state-sync-version'];

const bytes = z.instanceof(Uint8Array, { error: 'must be bytes' });
const keyPair = z.object({ public: bytes, private: bytes });

/**
 * The part of stored Baileys credentials we rely on: without these no session can resume.
 * Other fields pass through untouched (Baileys owns their shape).
 */
const StoredCredsSchema = z.looseObject({
  noiseKey: keyPair,
  pairingEphemeralKeyPair: keyPair,
  signedIdentityKey: keyPair,
  signedPreKey: z.looseObject({ keyPair, signature: bytes, keyId: z.number().int() }),
  registrationId: z.number().int(),
  advSecretKey: z.string(),
  registered: z.boolean().optional(),
});

/** The stored WhatsApp session is unreadable: an operator must wipe it and pair again. */
export class WhatsAppAuthError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WhatsAppAuthError';
  }
}

/** A Baileys auth state kept in Redis, plus the two operations the channel needs. */
export interface RedisAuthState {
  /** pass to makeWASocket (wrapped in makeCacheableSignalKeyStore) */
  state: AuthenticationState;
  /** writes `state.creds` (call on every `creds.update`) */
  saveCreds(): Promise<void>;
  /** deletes the stored session (creds and every signal key) and resets `state.creds` to fresh ones */
  clear(): Promise<void>;
}

const encode = (value: unknown): string => JSON.stringify(value, BufferJSON.replacer);
const decode = (raw: string): unknown => JSON.parse(raw, BufferJSON.reviver);

/** Reads the stored credentials: null when none, WhatsAppAuthError when they are unreadable. */
async function loadCreds(redis: Redis, keys: Keys): Promise<AuthenticationCreds | null> {
  const raw = await redis.get(keys.waCreds());
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = decode(raw);
  } catch (cause) {
    throw new WhatsAppAuthError('stored WhatsApp creds are not valid JSON', { cause });
  }
  const r = StoredCredsSchema.safeParse(parsed);
  if (!r.success) {
    const fields = r.error.issues.map((i) => i.path.join('.') || '(root)').join(', ');
    throw new WhatsAppAuthError(`stored WhatsApp creds are incomplete (${fields}): wipe them and pair again`);
  }
  return parsed as AuthenticationCreds;
}

/**
 * A Baileys `AuthenticationState` stored in Redis: creds as one JSON string (`keys.waCreds()`),
 * signal keys as one hash per type (`keys.waKeysOfType(type)`, field = key id), every value
 * serialised with `BufferJSON` so Buffers survive. Setting a key to null deletes it.
 */
export async function useRedisAuthState(redis: Redis, keys: Keys): Promise<RedisAuthState> {
  const types = new Set<string>(KEY_TYPES);
  const state: AuthenticationState = {
    creds: (await loadCreds(redis, keys)) ?? initAuthCreds(),
    keys: createKeyStore(redis, keys, types),
  };
  return {
    state,
    async saveCreds() {
      await redis.set(keys.waCreds(), encode(state.creds));
    },
    async clear() {
      await redis.del(keys.waCreds(), ...[...types].map((t) => keys.waKeysOfType(t)));
      state.creds = initAuthCreds();
    },
  };
}

function createKeyStore(redis: Redis, keys: Keys, types: Set<string>): SignalKeyStore {
  return {
    async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
      const out: { [id: string]: SignalDataTypeMap[T] } = {};
      if (!ids.length) return out;
      const raws = await redis.hmget(keys.waKeysOfType(type), ...ids);
      ids.forEach((id, i) => {
        const raw = raws[i];
        if (raw === null || raw === undefined) return;
        let value = decode(raw);
        if (type === 'app-state-sync-key' && value) {
          value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
        }
        out[id] = value as SignalDataTypeMap[T];
      });
      return out;
    },
    async set(data: SignalDataSet) {
      const tx = redis.multi();
      let ops = 0;
      for (const [type, byId] of Object.entries(data)) {
        types.add(type);
        const hash = keys.waKeysOfType(type);
        const toSet: string[] = [];
        const toDelete: string[] = [];
        for (const [id, value] of Object.entries(byId ?? {})) {
          if (value === null || value === undefined) toDelete.push(id);
          else toSet.push(id, encode(value));
        }
        if (toSet.length) tx.hset(hash, ...toSet);
        if (toDelete.length) tx.hdel(hash, ...toDelete);
        ops += toSet.length + toDelete.length;
      }
      if (!ops) return;
      const results = (await tx.exec()) ?? [];
      const failed = results.find(([err]) => err);
      if (failed?.[0]) throw new WhatsAppAuthError('could not store signal keys', { cause: failed[0] });
    },
  };
}
