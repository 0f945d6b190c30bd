import { DEMO_UMKM } from '../../../scripts/demo-catalogue.js';
import type { Listing } from '../../../src/domain/ranking.js';
import { createCatalogueSearch, spreadUmkm } from '../../../src/domain/search.js';

/** The demo catalogue (every product available) as search listings. */
function demoListings(): Listing[] {
  return DEMO_UMKM.flatMap((u, i) => {
    const id = `UMKM-${String(i + 1).padStart(3, '0')}`;
    const umkm = {
      id,
      name: u.name,
      ownerName: u.owner,
      ownerPhone: '+6289900001000',
      category: u.category,
      kecamatan: u.kecamatan,
      kelurahan: u.kelurahan ?? u.kecamatan,
      address: u.street,
    };
    return u.products.map(([name, unit, price, description], j) => ({
      umkm,
      product: { sku: `${id}-${j}`, umkmId: id, name, unit, price, description, available: true },
    }));
  });
}

const index = createCatalogueSearch(demoListings());
const names = (query: string) => index.search(query, { monthLoad: {}, seed: '2026-12-05', pageSize: 5 }).map((l) => l.product.name);

/** [query, products that must be found, products that must not be] */
const RELEVANCE: [string, string[], string[]][] = [
  ['keripik', ['Keripik Tempe Original', 'Keripik Singkong Balado'], ['Cangkir Keramik', 'Vas Bunga Keramik', 'Pot Tanaman Terakota']],
  ['kripik', ['Keripik Tempe Original', 'Keripik Singkong Asin'], ['Cangkir Keramik', 'Vas Bunga Keramik']],
  ['KERIPIK', ['Keripik Tempe Toples'], ['Cangkir Keramik']],
  ['kéripik', ['Keripik Tempe Toples'], ['Cangkir Keramik']],
  ['mau beli keripik dong', ['Keripik Tempe Original'], ['Cangkir Keramik']],
  ['keramik', ['Cangkir Keramik', 'Vas Bunga Keramik'], ['Keripik Tempe Original', 'Keripik Singkong Balado']],
  ['baso', ['Bakso Urat Frozen', 'Paket Bakso Malang Komplit'], ['Kaos Polos Katun', 'Beras Pandan Wangi']],
  ['bakso', ['Bakso Urat Frozen', 'Paket Bakso Malang Komplit'], ['Kaos Polos Katun']],
  ['sambel', ['Sambal Bawang Original', 'Sambal Teri Medan', 'Sambal Cumi Asin'], ['Sarung Bordir']],
  ['sambal', ['Sambal Bawang Original', 'Nasi Box Ayam Bakar'], ['Sarung Bordir']],
  ['batik', ['Kemeja Batik Tulis Pria', 'Kain Batik Tulis', 'Sarung Batik Cap', 'Masker Kain Motif Batik'], ['Bakso Urat Frozen']],
  ['btik', ['Kain Batik Tulis'], ['Keripik Tempe Original']],
  ['bati', ['Kain Batik Tulis', 'Daster Batik Rayon'], ['Bakso Urat Frozen']],
  ['masker batik', ['Masker Kain Motif Batik'], ['Kemeja Batik Tulis Pria', 'Masker Anak Karakter']],
  // Dendeng Balado is found through its UMKM "Rendang Uni Ratna"; "Kue Basah Bu Endang" is no typo of rendang
  ['rendang', ['Rendang Daging Sapi', 'Rendang Paru', 'Dendeng Balado'], ['Empal Gentong Daging', 'Nagasari Pisang']],
  ['rendag', ['Rendang Daging Sapi'], ['Nagasari Pisang', 'Empal Gentong Daging']],
  ['rendangg', ['Rendang Paru'], ['Nagasari Pisang', 'Kue Lapis Pelangi']],
  ['madu', ['Madu Hutan Asli', 'Madu Kelengkeng', 'Sari Lemon Madu'], ['Jamu Kunyit Asam']],
  ['honey', ['Madu Hutan Asli'], ['Kopi Bubuk Robusta']],
  ['kopi', ['Kopi Bubuk Robusta', 'Kopi Gula Aren Literan'], ['Peci Rajut', 'Cangkir Keramik']],
  ['coffee', ['Kopi Bubuk Arabika Gayo'], ['Peci Rajut']],
  ['☕', ['Kopi Bubuk Robusta'], ['Cangkir Keramik']],
  ['mie', ['Paket Sembako Isoman'], ['Paket Sembako Hemat']],
  ['🍜', ['Paket Sembako Isoman'], ['Paket Sembako Hemat']],
  ['jilbab', ['Hijab Instan Jersey'], ['Kaos Polos Katun']],
  ['kerudung', ['Hijab Instan Jersey'], ['Sarung Bordir']],
  ['kaus', ['Kaos Sablon Depok Peduli', 'Kaos Polos Katun'], ['Kaftan Batik']],
  ['telor', ['Telur Asin Brebes', 'Telur Ayam Negeri'], ['Tekwan Frozen']],
  ['beji', ['Nasi Box Ayam Bakar', 'Paket Lauk Isoman 3 Hari'], ['Rendang Daging Sapi']],
  ['keripik sukmajaya', ['Keripik Tempe Original', 'Keripik Tempe Toples'], ['Rendang Daging Sapi']],
  ['dapur bu sari', ['Nasi Box Ayam Bakar', 'Nasi Box Ikan Nila Goreng'], ['Keripik Tempe Original']],
  ['mak nah', ['Keripik Tempe Original', 'Keripik Tempe Toples'], ['Keripik Singkong Balado']],
  ['pedas', ['Keripik Tempe Pedas Daun Jeruk', 'Pentol Bakar Pedas'], ['Keripik Tempe Original']],
  ['pedes', ['Keripik Tempe Pedas Daun Jeruk', 'Pentol Bakar Pedas'], ['Keripik Tempe Original']],
  ['risol', ['Risol Mayo Frozen', 'Risoles Ragout Ayam'], ['Rendang Paru']],
  ['risoles', ['Risol Mayo Frozen', 'Risoles Ragout Ayam'], ['Rendang Paru']],
  ['siomai', ['Siomay Ikan Tenggiri Frozen'], ['Sate Maranggi']],
  ['empek-empek', ['Pempek Kapal Selam', 'Pempek Lenjer Kecil'], ['Siomay Ikan Tenggiri Frozen']],
  ['beku', ['Bakso Urat Frozen', 'Dimsum Ayam Frozen'], ['Bubur Ayam Komplit']],
  ['kerajinan', ['Tampah Bambu', 'Cangkir Keramik'], ['Nasi Box Ayam Bakar', 'Kain Batik Tulis']],
  ['ayam goreng', ['Nasi Uduk Ayam Goreng'], ['Rendang Daging Sapi', 'Sup Ayam Jahe']],
  ['nasi box', ['Nasi Box Ayam Bakar', 'Nasi Box Menu Sehat'], ['Bubur Ayam Komplit', 'Kaos Polos Katun']],
  ['nastar', ['Nastar Keju'], ['Lapis Legit Original']],
  ['coklat', ['Roti Sobek Cokelat'], ['Bolu Pandan']],
  ['singkong', ['Keripik Singkong Balado', 'Opak Singkong'], ['Keripik Tempe Original']],
  ['kunir', ['Jamu Kunyit Asam'], ['Jamu Beras Kencur']],
  ['satay', ['Sate Maranggi'], ['Soto Betawi Daging']],
  ['jahe', ['Jahe Merah Instan', 'Sup Ayam Jahe'], ['Jamu Kunyit Asam']],
  ['tas rajut', ['Tas Rajut Tali Kur', 'Dompet Rajut'], ['Tas Anyaman Eceng Gondok', 'Peci Rajut']],
  ['xyzqwv', [], ['Keripik Tempe Original']],
];

describe('search relevance (demo catalogue)', () => {
  test(`the set has at least 40 queries`, () => {
    expect(RELEVANCE.length).toBeGreaterThanOrEqual(40);
  });
  test.each(RELEVANCE)('"%s" finds what it must, and not what it must not', (query, must, mustNot) => {
    const found = names(query);
    expect(found).toEqual(expect.arrayContaining(must));
    for (const n of mustNot) expect(found).not.toContain(n);
    if (!must.length) expect(found).toEqual([]);
  });
  test('"sepatu" (nothing like it in the catalogue) finds nothing', () => {
    expect(names('sepatu')).toEqual([]);
  });
});

/** Listings of invented UMKM for the ordering rules. */
function shop(id: string, products: [string, string?][], name = `Toko ${id}`): Listing[] {
  const umkm = { id, name, ownerName: 'X', ownerPhone: '+6289900001000', category: 'kuliner' as const, kecamatan: 'Beji', kelurahan: 'Beji', address: 'Jl. A' };
  return products.map(([n, description], i) => ({
    umkm,
    product: { sku: `${id}-${i}`, umkmId: id, name: n, unit: 'pcs', price: 10000 + i, description: description ?? '', available: true },
  }));
}

describe('search ordering', () => {
  const opts = { monthLoad: {}, seed: 'd', pageSize: 5 };

  test('exact matches before prefix matches; a word the catalogue has is not also matched with typos', () => {
    const s = createCatalogueSearch([...shop('A', [['Batok Kelapa']]), ...shop('B', [['Kain Batik']]), ...shop('C', [['Batiknya Bagus']])]);
    // C received the least this month: first among equals, but its match is only a prefix
    const found = (q: string) => s.search(q, { ...opts, monthLoad: { A: 0, B: 500_000, C: 0 } }).map((l) => l.product.name);
    expect(found('batik')).toEqual(['Kain Batik', 'Batiknya Bagus']);
    // a word it lacks is matched with the typos its length allows
    expect(found('batk')).toEqual(['Batok Kelapa', 'Kain Batik']);
    expect(found('bat')).toEqual(['Batok Kelapa', 'Batiknya Bagus', 'Kain Batik']);
  });

  test('a match in the product name comes before one in the description or the UMKM name', () => {
    const s = createCatalogueSearch([...shop('A', [['Kopi Susu', 'enak dengan keripik']], 'Keripik Mak A'), ...shop('B', [['Keripik Pisang']])]);
    const found = s.search('keripik', { ...opts, monthLoad: { A: 0, B: 1_000_000 } }).map((l) => l.product.name);
    expect(found).toEqual(['Keripik Pisang', 'Kopi Susu']);
  });

  test('equally relevant products follow the fairness order: the UMKM that received less this month first', () => {
    const s = createCatalogueSearch([...shop('A', [['Keripik Tempe']]), ...shop('B', [['Keripik Talas']])]);
    const first = (load: Record<string, number>) => s.search('keripik', { ...opts, monthLoad: load })[0]!.umkm.id;
    expect(first({ A: 100_000, B: 0 })).toBe('B');
    expect(first({ A: 0, B: 100_000 })).toBe('A');
  });

  test('one UMKM with many matches does not fill the first page while others match too', () => {
    const many = shop(
      'A',
      Array.from({ length: 10 }, (_, i): [string] => [`Batik Tulis ${i + 1}`]),
    );
    const others = ['B', 'C', 'D'].flatMap((id) => shop(id, [['Kemeja Batik']]));
    const s = createCatalogueSearch([...many, ...others]);
    const page1 = s.search('batik', { ...opts, monthLoad: { A: 0, B: 1, C: 2, D: 3 } }).slice(0, 5);
    expect(page1.filter((l) => l.umkm.id === 'A')).toHaveLength(2);
    expect(new Set(page1.map((l) => l.umkm.id))).toEqual(new Set(['A', 'B', 'C', 'D']));
  });

  test('the page spread fills a page with the one UMKM left when no other has more', () => {
    const list = [...shop('A', [['a1'], ['a2'], ['a3'], ['a4']]), ...shop('B', [['b1']])];
    expect(spreadUmkm(list, 5).map((l) => l.product.name)).toEqual(['a1', 'a2', 'b1', 'a3', 'a4']);
  });
});
