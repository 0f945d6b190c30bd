import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Clock } from '../domain/time.js';
import type { Keys } from './keys.js';
import { parseStored } from './json.js';

/** Days an owner invitation stays valid. */
export const INVITATION_DAYS = 30;
const DAY_MS = 86_400_000;
/** Records are kept a while past expiry, so an expired token is told apart from an unknown one. */
const KEEP_MS = (INVITATION_DAYS + 30) * DAY_MS;

export const InvitationSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: 'token: must be 16-64 of A-Z a-z 0-9 _ -' }),
  umkmId: z.string().min(1, { error: 'umkmId: must not be empty' }),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof InvitationSchema>;

/** What a token is worth right now. */
export type InvitationCheck = { ok: true; invitation: Invitation } | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** Whether a string can be an invitation token (what `/start <token>` carries). */
export const looksLikeToken = (s: string) => /^[A-Za-z0-9_-]{16,64}$/.test(s);

/**
 * Owner invitations: a random single-use token per UMKM, valid INVITATION_DAYS. The token alone
 * links nobody: the register flow still checks the owner's own phone against the UMKM's owner_phone.
 */
export function createInvitationsRepo(redis: Redis, keys: Keys, clock: Clock) {
  async function read(token: string): Promise<Invitation | null> {
    if (!looksLikeToken(token)) return null;
    return parseStored(InvitationSchema, keys.invitation(token), await redis.get(keys.invitation(token)));
  }
  return {
    /** The UMKM's current invitation (the same one until it is used or expires), minted when there is none. */
    async current(umkmId: string): Promise<Invitation> {
      const now = clock();
      const token = await redis.get(keys.umkmInvitation(umkmId));
      if (token) {
        const inv = await read(token);
        const used = await redis.exists(keys.invitationUsed(token));
        if (inv && !used && Date.parse(inv.expiresAt) > now.getTime() + DAY_MS) return inv;
      }
      const fresh: Invitation = {
        token: randomBytes(16).toString('base64url'),
        umkmId,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString(),
      };
      await redis
        .multi()
        .set(keys.invitation(fresh.token), JSON.stringify(InvitationSchema.parse(fresh)), 'PX', KEEP_MS)
        .set(keys.umkmInvitation(umkmId), fresh.token, 'PX', INVITATION_DAYS * DAY_MS)
        .exec();
      return fresh;
    },
    /** What `token` is worth now: valid, or unknown, expired or used. Changes nothing. */
    async check(token: string): Promise<InvitationCheck> {
      const inv = await read(token);
      if (!inv) return { ok: false, reason: 'unknown' };
      if (await redis.exists(keys.invitationUsed(token))) return { ok: false, reason: 'used' };
      if (Date.parse(inv.expiresAt) <= clock().getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, invitation: inv };
    },
    /** Spends the token once (true for the one caller that spent it). */
    async use(token: string): Promise<boolean> {
      const won = await redis.set(keys.invitationUsed(token), clock().toISOString(), 'PX', KEEP_MS, 'NX');
      return won === 'OK';
    },
  };
}
export type InvitationsRepo = ReturnType<typeof createInvitationsRepo>;
