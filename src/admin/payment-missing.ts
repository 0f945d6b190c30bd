import type { Umkm } from '../domain/schemas.js';
import type { Store } from '../store/index.js';

/** The UMKM that cannot sell yet: no bank account, e-wallet or QRIS given (sorted by id). */
export async function umkmWithoutPayment(store: Store): Promise<Umkm[]> {
  const [all, paid] = await Promise.all([store.catalogue.allUmkms(), store.payments.umkmIdsWithDetails()]);
  return all.filter((u) => !paid.has(u.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** `UMKM-003, UMKM-007 and 12 more`-style list of ids, at most `max` named. */
export function idList(list: Umkm[], max = 10): { ids: string; more: number } {
  return {
    ids: list
      .slice(0, max)
      .map((u) => u.id)
      .join(', '),
    more: Math.max(0, list.length - max),
  };
}
