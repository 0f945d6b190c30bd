import type { Redis } from 'ioredis';
import { type Person, PersonSchema } from '../domain/schemas.js';
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
    /** Upserts people; a changed phone moves the phone index. */
    async upsert(people: Person[]): Promise<void> {
      if (!people.length) return;
      const existing = await redis.hmget(keys.persons(), ...people.map((p) => p.nip));
      const tx = redis.multi();
      // Release every old phone before claiming the new ones, so two people swapping phones in
      // one batch keep both index entries.
      people.forEach((p, i) => {
        const old = parseStored(PersonSchema, keys.persons(), existing[i]);
        if (old && old.phone !== p.phone) tx.hdel(keys.personByPhone(), old.phone);
      });
      for (const p of people) {
        tx.hset(keys.persons(), p.nip, JSON.stringify(p));
        tx.hset(keys.personByPhone(), p.phone, p.nip);
      }
      tx.incr(keys.identityVersion());
      await tx.exec();
    },
  };
}
export type RosterRepo = ReturnType<typeof createRosterRepo>;
