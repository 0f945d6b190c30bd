/** A day of orders over several OPD and kecamatan, seeded through the store, for the recap tests. */
import type { OrderStatus, Person, Umkm } from '../../../src/domain/schemas.js';
import type { Store } from '../../../src/store/index.js';
import { RECIPIENT, UMKM } from './fixtures.js';

const person = (nip: string, name: string, opd: string, phone: string): Person => ({ nip, name, opd, phone, role: 'asn' });
export const PEOPLE = {
  A: person('198001012005011001', 'Andi Wijaya', 'Dinas Kesehatan', '+6281100000001'),
  B: person('198102022006012002', 'Bunga Lestari', 'Dinas Kesehatan', '+6281100000002'),
  C: person('198203032007011003', 'Cahyo Nugroho', 'Dinas Komunikasi dan Informatika', '+6281100000003'),
  D: person('198304042008012004', 'Dewi Anggraini', 'Bappeda', '+6281100000004'),
};
const umkm = (id: string, name: string, kecamatan: string, phone: string): Umkm => ({ ...UMKM, id, name, kecamatan, ownerPhone: phone });
export const UMKMS = {
  U1: umkm('U1', 'Keripik Tempe Bu Sri', 'Beji', '+6281200000001'),
  U2: umkm('U2', 'Batik Depok Asri', 'Beji', '+6281200000002'),
  U3: umkm('U3', 'Dodol Belimbing Pak Udin', 'Sukmajaya', '+6281200000003'),
  U4: umkm('U4', 'Anyaman Bambu Cimanggis', 'Cimanggis', '+6281200000004'),
  U5: umkm('U5', 'Kue Kering Tapos', 'Tapos', '+6281200000005'),
  U6: umkm('U6', 'Madu Hutan Sawangan', 'Sawangan', '+6281200000006'),
};

type Spec = [asn: keyof typeof PEOPLE, umkm: keyof typeof UMKMS, total: number, status: OrderStatus, postLink?: string];
/** Orders 8 and 9 are not purchases (confirmed only, rejected). */
export const DAY_ORDERS: Spec[] = [
  ['A', 'U1', 30000, 'paid'],
  ['A', 'U3', 50000, 'accepted'],
  ['B', 'U1', 20000, 'delivered'],
  ['C', 'U4', 100000, 'paid', 'https://www.instagram.com/p/C4/'],
  ['C', 'U5', 15000, 'paid'],
  ['D', 'U6', 40000, 'delivered', 'https://www.tiktok.com/@d/video/6'],
  ['D', 'U2', 25000, 'paid'],
  ['B', 'U2', 99000, 'confirmed'],
  ['A', 'U6', 70000, 'rejected'],
];

const PATH: Record<OrderStatus, OrderStatus[]> = {
  draft: [],
  confirmed: [],
  cancelled: ['cancelled'],
  paid: ['paid'],
  accepted: ['paid', 'accepted'],
  delivered: ['paid', 'accepted', 'delivered'],
  rejected: ['paid', 'rejected'],
};

/** Seeds the people, UMKM and the day's orders (created at the store's clock). */
export async function seedRecapDay(store: Store): Promise<string[]> {
  await store.roster.upsert(Object.values(PEOPLE));
  await store.catalogue.upsertUmkms(Object.values(UMKMS));
  const ids: string[] = [];
  for (const [i, [a, u, total, status, postLink]] of DAY_ORDERS.entries()) {
    const o = await store.orders.createOnce(`recap-${i}`, {
      asnNip: PEOPLE[a].nip,
      umkmId: UMKMS[u].id,
      items: [{ sku: `SKU-${u}`, name: `Produk ${UMKMS[u].name}`, price: total, qty: 1 }],
    });
    for (const step of PATH[status]) {
      const r = await store.orders.update(o.id, { status: step, ...(step === 'paid' ? { recipient: RECIPIENT, postLink } : {}) });
      if (!r.ok) throw new Error(`seed ${o.id} -> ${step}: ${r.reason}`);
    }
    ids.push(o.id);
  }
  return ids;
}
