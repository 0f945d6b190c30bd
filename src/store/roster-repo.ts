import type { Redis } from 'ioredis';
import { type Person, PersonSchema } from '../domain/schemas.js';
import { applyCommands, type Cmd, hmgetChunked } from './batch.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';

/** ASN and admins of the roster, by NIP and by phone. */
export function createRosterRepo(redis: Redis, keys: Keys) {
  return {
    async byNip(nip: string): Promise<Person | null> {
      return parseStored(PersonSchema, keys.persons(), await redis.hget(keys.persons(), nip));
    },
    async byPhone(phone: string): Promise<Person | null> {
      const nip = await redis.hget(keys.personByPhone(), phone);
      return nip ? this.byNip(nip) : null;
    },
    async all(): Promise<Person[]> {
      const raw = await redis.hvals(keys.persons());
      return raw.map((r) => parseStored(PersonSchema, keys.persons(), r)!);
    },
    /** People by NIP (null where none), in order; any number, read in chunks. */
    async byNips(nips: readonly string[]): Promise<(Person | null)[]> {
      return (await hmgetChunked(redis, keys.persons(), nips)).map((r) => parseStored(PersonSchema, keys.persons(), r));
    },
    /** The NIP holding each phone (null where none), in order; any number, read in chunks. */
    async nipsOfPhones(phones: readonly string[]): Promise<(string | null)[]> {
      return hmgetChunked(redis, keys.personByPhone(), phones);
    },
    /** Upserts people; a changed phone moves the phone index. */
    async upsert(people: Person[]): Promise<void> {
      if (!people.length) return;
      const existing = await this.byNips(people.map((p) => p.nip));
      await applyCommands(redis, [...rosterUpsertCommands(keys, people, existing), ...rosterVersionCommands(keys)]);
    },
  };
}
export type RosterRepo = ReturnType<typeof createRosterRepo>;

/**
 * The writes that upsert `people` (`existing`: what is stored under their NIPs, same order). An old
 * phone is released only while the index still points to this NIP, so writes split over several
 * chunks (a phone moving from one person to another) keep every claim.
 */
export function rosterUpsertCommands(keys: Keys, people: readonly Person[], existing: readonly (Person | null)[]): Cmd[] {
  const cmds: Cmd[] = [];
  people.forEach((p, i) => {
    const old = existing[i];
    if (old && old.phone !== p.phone) cmds.push(['hdelifeq', keys.personByPhone(), old.phone, p.nip]);
  });
  for (const p of people) cmds.push(['hset', keys.persons(), p.nip, JSON.stringify(p)], ['hset', keys.personByPhone(), p.phone, p.nip]);
  return cmds;
}

/** Written once after a roster change (caches of identities compare it). */
export const rosterVersionCommands = (keys: Keys): Cmd[] => [['incr', keys.identityVersion()]];
