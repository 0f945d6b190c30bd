import type { ChatUser } from '../domain/schemas.js';
import type { Store } from '../store/index.js';
import type { UserInfo } from './flow.js';

/** Resolves who a chat user is from their verified, linked phone: roster row and owned UMKM. */
export async function resolveUser(store: Store, chatUser: ChatUser | null): Promise<UserInfo> {
  const phone = chatUser?.phone;
  if (!phone) return { umkms: [], registered: false };
  const [person, umkms] = await Promise.all([store.roster.byPhone(phone), store.catalogue.umkmsOfOwner(phone)]);
  return { phone, person: person ?? undefined, umkms, registered: Boolean(person || umkms.length) };
}

/**
 * resolveUser remembered per phone in this process until the roster or the UMKM list changes
 * (every such write bumps one version counter): one GET instead of 3-4 round trips per update,
 * and never stale, also when another process (the import CLI) changed the roster.
 */
export function createUserResolver(store: Store) {
  const memo = new Map<string, { version: string; person?: UserInfo['person']; umkms: UserInfo['umkms'] }>();
  /** `knownVersion`: the identity version already read with the update's other keys, if any. */
  return async (chatUser: ChatUser | null, knownVersion?: string): Promise<UserInfo> => {
    const phone = chatUser?.phone;
    if (!phone) return { umkms: [], registered: false };
    const version = knownVersion ?? (await store.redis.get(store.keys.identityVersion())) ?? '0';
    let hit = memo.get(phone);
    if (!hit || hit.version !== version) {
      const fresh = await resolveUser(store, chatUser);
      hit = { version, person: fresh.person, umkms: fresh.umkms };
      if (memo.size > 50_000) memo.clear();
      memo.set(phone, hit);
    }
    return { phone, person: hit.person, umkms: [...hit.umkms], registered: Boolean(hit.person || hit.umkms.length) };
  };
}

/** Role checks used by menus and command guards. */
export const isAsn = (u: UserInfo) => u.registered && u.person?.role === 'asn';
export const isAdmin = (u: UserInfo) => u.registered && u.person?.role === 'admin';
/** Admins may also buy: the roster makes them civil servants too. */
export const canBuy = (u: UserInfo) => u.registered && Boolean(u.person);
export const isOwner = (u: UserInfo) => u.registered && u.umkms.length > 0;
