import type { Redis } from 'ioredis';
import { createBroadcastRepo } from './broadcasts-repo.js';
import { type Clock, systemClock } from '../domain/time.js';
import { createCatalogueRepo } from './catalogue-repo.js';
import { createChatUsersRepo } from './chat-users-repo.js';
import { createInvitationsRepo } from './invitations-repo.js';
import { createKeys, type Keys } from './keys.js';
import { createNudgesRepo } from './nudges-repo.js';
import { createOrdersRepo } from './orders-repo.js';
import { createPaymentsRepo } from './payments-repo.js';
import { createRecipientsRepo } from './recipients-repo.js';
import { createRosterRepo } from './roster-repo.js';
import { createUploadsRepo } from './uploads-repo.js';
import { createWaitingRepo } from './waiting-repo.js';

/** All repositories over one Redis connection and one key prefix. */
export function createStore(redis: Redis, opts: { keys?: Keys; clock?: Clock; catalogueCacheMs?: number } = {}) {
  const keys = opts.keys ?? createKeys();
  const clock = opts.clock ?? systemClock;
  return {
    redis,
    keys,
    clock,
    roster: createRosterRepo(redis, keys),
    catalogue: createCatalogueRepo(redis, keys, { cacheMs: opts.catalogueCacheMs, now: () => clock().getTime() }),
    orders: createOrdersRepo(redis, keys, clock),
    recipients: createRecipientsRepo(redis, keys, clock),
    chatUsers: createChatUsersRepo(redis, keys),
    payments: createPaymentsRepo(redis, keys, clock),
    invitations: createInvitationsRepo(redis, keys, clock),
    waiting: createWaitingRepo(redis, keys, clock),
    broadcasts: createBroadcastRepo(redis, keys),
    uploads: createUploadsRepo(redis, keys),
    nudges: createNudgesRepo(redis, keys),
  };
}
export type Store = ReturnType<typeof createStore>;
