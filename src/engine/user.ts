import type { ChatUser, Umkm } from '../domain/schemas.js';
import type { Store } from '../store/index.js';
import type { Identity, UserInfo } from './flow.js';

/** Who a phone is: its roster row and the UMKM it owns, read from Redis. */
async function lookupPhone(store: Store, phone: string): Promise<Identity> {
  const [person, umkms, members] = await Promise.all([
    store.roster.byPhone(phone),
    store.catalogue.umkmsOfOwner(phone),
    store.catalogue.umkmsOfKoperasi(phone),
  ]);
  const koperasi = members.filter((m) => !umkms.some((u) => u.id === m.id));
  return { person: person ?? undefined, umkms, ...(koperasi.length ? { koperasi } : {}) };
}

/** The user a linked, verified phone makes: registered when it is on the roster or owns a UMKM. */
export const asUser = (phone: string, id: Identity): UserInfo => ({
  phone,
  person: id.person,
  umkms: [...id.umkms],
  koperasi: id.koperasi?.length ? [...id.koperasi] : undefined,
  registered: Boolean(id.person || id.umkms.length || id.koperasi?.length),
});

/** A chat not linked to a phone yet (the same fields as `asUser`'s, so users share one shape in V8). */
const unlinked = (): UserInfo => ({ phone: undefined, person: undefined, umkms: [], koperasi: undefined, registered: false });

/**
 * Phone lookups remembered in this process until the roster or the UMKM list changes (every such
 * write bumps one version counter): one GET instead of 3-4 round trips per update, and never
 * stale, also when another process (the import CLI) changed the roster. Registration looks the
 * same phone up on three updates in a row; they share one read.
 */
export function createUserResolver(store: Store) {
  const memo = new Map<string, { version: string; identity: Identity }>();
  /** `knownVersion`: the identity version already read with the update's other keys, if any. */
  async function lookup(phone: string, knownVersion?: string): Promise<Identity> {
    const version = knownVersion ?? (await store.redis.get(store.keys.identityVersion())) ?? '0';
    const hit = memo.get(phone);
    if (hit && hit.version === version) return hit.identity;
    const identity = await lookupPhone(store, phone);
    if (memo.size > 50_000) memo.clear();
    memo.set(phone, { version, identity });
    return identity;
  }
  return {
    lookup,
    async user(chatUser: ChatUser | null, knownVersion?: string): Promise<UserInfo> {
      const phone = chatUser?.phone;
      if (!phone) return unlinked();
      return asUser(phone, await lookup(phone, knownVersion));
    },
  };
}

/** Role checks used by menus and command guards. */
export const isAsn = (u: UserInfo) => u.registered && u.person?.role === 'asn';
export const isAdmin = (u: UserInfo) => u.registered && u.person?.role === 'admin';
/** A coordinator (head of OPD, camat, lurah) with a unit on the roster. */
export const isCoordinator = (u: UserInfo) => u.registered && u.person?.role === 'koordinator' && Boolean(u.person.scope);
/** Admins may also buy: the roster makes them civil servants too. */
export const canBuy = (u: UserInfo) => u.registered && Boolean(u.person);
export const isOwner = (u: UserInfo) => u.registered && u.umkms.length > 0;
/** The UMKM whose orders this user handles: their own, then those of their cooperative's members. */
export const orderUmkms = (u: UserInfo): Umkm[] => [...u.umkms, ...(u.koperasi ?? [])];
/** An owner, or a cooperative acting for its member UMKM: the order screens and moves. */
export const handlesOrders = (u: UserInfo) => u.registered && orderUmkms(u).length > 0;
