import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { wibDay } from '../domain/time.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';
import { defineScript } from './scripts.js';
import {
  type Broadcast,
  BroadcastSchema,
  type BroadcastState,
  BroadcastStateSchema,
  type Outcome,
  type RecipientRef,
  recipientKey,
} from '../domain/broadcast.js';

/** How long a finished broadcast's records are kept. */
export const BROADCAST_RETENTION_S = 90 * 24 * 3600;

/**
 * Records an outcome once per (broadcast, recipient) and counts it in the same step:
 * HSETNX the outcome, and only when it is new, HINCRBY its counter and the channel's done counter.
 */
const RECORD_OUTCOME = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  return 1
end
return 0`;

/**
 * Claims the start of a broadcast, in one step against "cancel": a broadcast still scheduled
 * becomes running, unless a cancel came first (then it is cancelled and leaves the open list).
 */
const BEGIN_START = `
local s = redis.call('HGET', KEYS[1], 'status')
if s == 'running' then return 'started' end
if s == 'done' or s == 'cancelled' then return 'finished' end
if redis.call('HEXISTS', KEYS[1], 'cancelRequestedAt') == 1 then
  redis.call('HSET', KEYS[1], 'status', 'cancelled')
  redis.call('HSETNX', KEYS[1], 'finishedAt', ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[2])
  return 'cancelled'
end
redis.call('HSET', KEYS[1], 'status', 'running')
return 'started'`;

/** Sets the cancel flag of a broadcast not finished yet; returns the state hash as it was before (flat). */
const REQUEST_CANCEL = `
local before = redis.call('HGETALL', KEYS[1])
local s = redis.call('HGET', KEYS[1], 'status')
if s ~= 'done' and s ~= 'cancelled' then redis.call('HSETNX', KEYS[1], 'cancelRequestedAt', ARGV[1]) end
return before`;

/** What claiming the start found: go on, a cancel came first, or it is over already. */
export type StartClaim = 'started' | 'cancelled' | 'finished';

/** An open broadcast (scheduled or running) with its state and when it starts or started. */
export interface OpenBroadcast {
  broadcast: Broadcast;
  state: BroadcastState;
  startsAt: Date;
}

/** A new broadcast id for an instant: `BC-20261122-a1b2c3`. */
export function newBroadcastId(now: Date): string {
  return `BC-${wibDay(now).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** Broadcasts in Redis: the record (written once), its state hash, delivery records and recipients. */
export function createBroadcastRepo(redis: Redis, keys: Keys) {
  const recordOutcome = defineScript(redis, 'recordBroadcastOutcome', 2, RECORD_OUTCOME); // one call per recipient
  const doneField = (r: RecipientRef) => (r.channel === 'telegram' ? 'doneTelegram' : r.channel === 'whatsapp' ? 'doneWhatsapp' : 'doneConsole');

  return {
    /** Stores a broadcast unless one with its id exists (a double tap on "send"); true when stored now. */
    async createOnce(b: Broadcast): Promise<boolean> {
      const record = BroadcastSchema.parse(b);
      const created = await redis.set(keys.broadcast(b.id), JSON.stringify(record), 'NX');
      if (!created) return false;
      const startsAt = Date.parse(b.scheduledAt ?? b.createdAt);
      await redis
        .multi()
        .hset(keys.broadcastState(b.id), { status: 'scheduled' })
        .zadd(keys.broadcastsOpen(), Number.isNaN(startsAt) ? 0 : startsAt, b.id)
        .exec();
      return true;
    },
    async get(id: string): Promise<Broadcast | null> {
      const key = keys.broadcast(id);
      return parseStored(BroadcastSchema, key, await redis.get(key));
    },
    async state(id: string): Promise<BroadcastState> {
      return BroadcastStateSchema.parse(await redis.hgetall(keys.broadcastState(id)));
    },
    async setState(id: string, fields: Partial<Record<keyof BroadcastState, string | number>>): Promise<void> {
      if (Object.keys(fields).length) await redis.hset(keys.broadcastState(id), fields);
    },
    /** Sets a state field only if it is not set yet; true when this call set it (one winner). */
    async claimState(id: string, field: keyof BroadcastState, value: string): Promise<boolean> {
      return (await redis.hsetnx(keys.broadcastState(id), field, value)) === 1;
    },
    /** The recorded outcome for a recipient, if any: checked before every send. */
    async outcomeOf(id: string, r: RecipientRef): Promise<Outcome | null> {
      return (await redis.hget(keys.broadcastOutcomes(id), recipientKey(r))) as Outcome | null;
    },
    /** Records what happened to a recipient once; true when this call recorded it (and counted it). */
    async recordOutcome(id: string, r: RecipientRef, outcome: Outcome): Promise<boolean> {
      const n = await recordOutcome(keys.broadcastOutcomes(id), keys.broadcastState(id), recipientKey(r), outcome, doneField(r));
      return n === 1;
    },
    /** Stores the recipient list and the totals (re-running it after a crash adds nothing twice). */
    async setRecipients(id: string, list: RecipientRef[]): Promise<void> {
      const key = keys.broadcastRecipients(id);
      for (let i = 0; i < list.length; i += 1000) {
        const chunk = list.slice(i, i + 1000).map(recipientKey);
        if (chunk.length) await redis.sadd(key, ...chunk);
      }
      // Totals from the set: a second run after a crash adds to it, and counts what is there.
      const all = await redis.smembers(key);
      const tg = all.filter((r) => r.startsWith('telegram:')).length;
      const wa = all.filter((r) => r.startsWith('whatsapp:')).length;
      await redis.hset(keys.broadcastState(id), { total: all.length, totalTelegram: tg, totalWhatsapp: wa });
    },
    async recipients(id: string): Promise<string[]> {
      return redis.smembers(keys.broadcastRecipients(id));
    },
    /** True once an admin pressed "stop". */
    async isCancelled(id: string): Promise<boolean> {
      return (await redis.hexists(keys.broadcastState(id), 'cancelRequestedAt')) === 1;
    },
    /**
     * Asks a broadcast to stop; returns the state before (a finished one is left as it was). One
     * step in Redis, so against a start claimed at the same moment exactly one of the two wins:
     * `status` before is `scheduled` only when the start will see the flag and send nothing.
     */
    async requestCancel(id: string, now: Date): Promise<BroadcastState> {
      const flat = (await redis.eval(REQUEST_CANCEL, 1, keys.broadcastState(id), now.toISOString())) as string[];
      const before: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) before[flat[i]!] = flat[i + 1]!;
      return BroadcastStateSchema.parse(before);
    },
    /** Claims the start (the `start` job): see BEGIN_START. */
    async beginStart(id: string, now: Date): Promise<StartClaim> {
      return (await redis.eval(BEGIN_START, 2, keys.broadcastState(id), keys.broadcastsOpen(), now.toISOString(), id)) as StartClaim;
    },
    /** Takes a finished or cancelled broadcast off the open list. */
    async unlist(id: string): Promise<void> {
      await redis.zrem(keys.broadcastsOpen(), id);
    },
    /**
     * Broadcasts not finished yet, the earliest start first (at most `max` looked at); entries
     * found finished, cancelled or expired are taken off the list on the way.
     */
    async listOpen(max = 50): Promise<OpenBroadcast[]> {
      const flat = await redis.zrange(keys.broadcastsOpen(), 0, max - 1, 'WITHSCORES');
      const out: OpenBroadcast[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const id = flat[i]!;
        const [b, st] = await Promise.all([this.get(id), this.state(id)]);
        if (!b || st.status === 'done' || st.status === 'cancelled') await this.unlist(id);
        else out.push({ broadcast: b, state: st, startsAt: new Date(Number(flat[i + 1])) });
      }
      return out;
    },
    /** Lets a finished broadcast's records expire after the retention time. */
    async expire(id: string): Promise<void> {
      const all = [keys.broadcast(id), keys.broadcastState(id), keys.broadcastOutcomes(id), keys.broadcastRecipients(id)];
      await Promise.all(all.map((k) => redis.expire(k, BROADCAST_RETENTION_S)));
    },
  };
}
export type BroadcastRepo = ReturnType<typeof createBroadcastRepo>;
