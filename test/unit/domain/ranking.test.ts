import type { Product, Umkm } from '../../../src/domain/schemas.js';
import { type Listing, rankListings, rankListingsKept } from '../../../src/domain/ranking.js';

/** `umkms` UMKM with `each` products each, prices falling with the product number. */
function listings(umkms: number, each: number): Listing[] {
  const out: Listing[] = [];
  for (let i = 0; i < umkms; i++) {
    const id = `UMKM-${String(i).padStart(3, '0')}`;
    const umkm: Umkm = {
      id,
      name: `Usaha ${i}`,
      ownerName: 'Pemilik',
      ownerPhone: '+6289900001000',
      category: 'kuliner',
      kecamatan: 'Beji',
      kelurahan: 'Beji',
      address: 'Jl. Uji',
    };
    for (let j = 0; j < each; j++) {
      const product: Product = {
        sku: `${id}-${j}`,
        umkmId: id,
        name: `Produk ${j}`,
        unit: 'box',
        price: 10_000 + 1000 * (each - j),
        description: '',
        available: true,
      };
      out.push({ umkm, product });
    }
  }
  return out;
}
const skus = (l: readonly Listing[]) => l.map((x) => x.product.sku);

describe('rankListingsKept (the ranked order kept per shared list)', () => {
  test('gives the same order as ranking anew, for every sort order', () => {
    const all = listings(12, 4);
    for (const order of ['fair', 'price-asc', 'price-desc'] as const) {
      expect(skus(rankListingsKept(all, order, { 'UMKM-003': 5000 }, '2026-12-05', { 'UMKM-007': 2 }))).toEqual(
        skus(rankListings(all, order, { 'UMKM-003': 5000 }, '2026-12-05', { 'UMKM-007': 2 })),
      );
    }
  });

  test('a UMKM that was paid this month moves behind the others on the next look (the figures are part of the key)', () => {
    const all = listings(5, 2);
    const before = rankListingsKept(all, 'fair', {}, '2026-12-05');
    const top = before[0]!.umkm.id;
    const after = rankListingsKept(all, 'fair', { [top]: 25_000 }, '2026-12-05');
    expect(after[0]!.umkm.id).not.toBe(top);
    expect(after[after.length - 1]!.umkm.id).toBe(top);
  });

  test('the next day rotates the ties anew; the same day and figures keep the order', () => {
    const all = listings(30, 1);
    const day1 = skus(rankListingsKept(all, 'fair', {}, '2026-12-05'));
    expect(skus(rankListingsKept(all, 'fair', {}, '2026-12-05'))).toEqual(day1);
    expect(skus(rankListingsKept(all, 'fair', {}, '2026-12-06'))).toEqual(skus(rankListings(all, 'fair', {}, '2026-12-06')));
    expect(skus(rankListingsKept(all, 'fair', {}, '2026-12-06'))).not.toEqual(day1);
  });

  test('a new catalogue version (a new list) is ranked from its own products', () => {
    const all = listings(4, 3);
    rankListingsKept(all, 'price-asc', {}, '2026-12-05');
    const fewer = all.filter((l) => l.product.sku !== 'UMKM-000-2'); // the cheapest product sold out
    const ranked = skus(rankListingsKept(fewer, 'price-asc', {}, '2026-12-05'));
    expect(ranked).not.toContain('UMKM-000-2');
    expect(ranked).toHaveLength(11);
  });
});
