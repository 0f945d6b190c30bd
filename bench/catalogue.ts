/**
 * Catalogues of a city and of a province for the benchmark (`BENCH_CATALOGUE=city|province`):
 * UMKM spread over Depok's kecamatan and kelurahan, products with the names people search for, and
 * roster people of many OPD. Deterministic: the same size gives the same catalogue.
 */
import type { Category, Person, Product, Umkm } from '../src/domain/schemas.js';
import { KECAMATAN, kelurahanOf } from '../src/domain/wilayah.js';
import type { Store } from '../src/store/index.js';
import { benchNip } from './seed.js';

export const CATALOGUE_SIZES = {
  demo: { umkm: 0, products: 0, asn: 0 },
  city: { umkm: 1_490, products: 15_000, asn: 10_000 },
  province: { umkm: 15_000, products: 150_000, asn: 100_000 },
} as const;
export type CatalogueSize = keyof typeof CATALOGUE_SIZES;

const NAMES: Record<Category, { words: string[]; units: string[] }> = {
  kuliner: {
    words: [
      'Keripik Singkong',
      'Kripik Pisang',
      'Nasi Box',
      'Sambal Bawang',
      'Rendang',
      'Bakso Sapi',
      'Dimsum',
      'Brownies',
      'Kopi Bubuk',
      'Madu Hutan',
      'Kue Lapis',
      'Rempeyek',
      'Abon Sapi',
      'Kue Kering',
      'Pempek',
    ],
    units: ['bungkus', 'box', 'toples', 'porsi', 'botol'],
  },
  fashion: {
    words: ['Batik Tulis', 'Kemeja Batik', 'Hijab Voal', 'Kaos Sablon', 'Tas Rajut', 'Masker Kain', 'Daster', 'Sarung Tenun'],
    units: ['helai', 'buah', 'pcs'],
  },
  kriya: {
    words: ['Vas Keramik', 'Anyaman Bambu', 'Lukisan Kanvas', 'Tempat Tisu', 'Gantungan Kunci', 'Pot Terakota', 'Tas Anyaman', 'Miniatur Kayu'],
    units: ['buah', 'set', 'pcs'],
  },
};
const CATEGORIES: Category[] = ['kuliner', 'fashion', 'kriya'];
const OPDS = [
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'Dinas Perhubungan',
  'Dinas Sosial',
  'BAPPEDA',
  'Satpol PP',
  'Dinas Koperasi dan UMKM',
  'Sekretariat Daerah',
];

/** A small deterministic generator (mulberry32): the same catalogue on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function cityUmkm(i: number): Umkm {
  const kecamatan = KECAMATAN[i % KECAMATAN.length]!;
  const kel = kelurahanOf(kecamatan);
  const category = CATEGORIES[i % CATEGORIES.length]!;
  return {
    id: `C${String(i).padStart(5, '0')}`,
    name: `UMKM ${NAMES[category].words[i % NAMES[category].words.length]!.split(' ')[0]} ${i}`,
    ownerName: `Pemilik ${i}`,
    ownerPhone: `+62857${String(10_000_000 + i)}`,
    category,
    kecamatan,
    kelurahan: kel[i % kel.length]!,
    address: `Jl. Uji No. ${i}`,
  };
}

export function cityProducts(umkm: Umkm, index: number, count: number, rnd: () => number): Product[] {
  const { words, units } = NAMES[umkm.category];
  return Array.from({ length: count }, (_, j) => {
    const word = words[Math.floor(rnd() * words.length)]!;
    return {
      sku: `${umkm.id}-${j}`,
      umkmId: umkm.id,
      name: `${word} ${['Original', 'Pedas', 'Spesial', 'Mini', 'Jumbo', 'Premium'][j % 6]}`,
      price: 5_000 + Math.floor(rnd() * 60) * 1_000,
      unit: units[(index + j) % units.length]!,
      description: `${word} buatan ${umkm.name}, Kec. ${umkm.kecamatan}`,
      available: rnd() > 0.05,
    };
  });
}

/** Writes the catalogue and roster of `size` (in chunks), after the demo data. */
export async function seedCatalogue(store: Store, size: CatalogueSize, firstPersonIndex: number): Promise<void> {
  const s = CATALOGUE_SIZES[size];
  if (!s.umkm) return;
  const rnd = random(510378);
  const perUmkm = Math.floor(s.products / s.umkm);
  let extra = s.products - perUmkm * s.umkm;
  for (let i = 0; i < s.umkm; i += 500) {
    const umkms = Array.from({ length: Math.min(500, s.umkm - i) }, (_, j) => cityUmkm(i + j));
    await store.catalogue.upsertUmkms(umkms);
    // Every UMKM of the seeded city can be paid (a bank account), so the buyers' journeys can check out.
    await Promise.all(
      umkms.map((u, j) => store.payments.set(u.id, { bank: { bank: 'BRI', number: String(300_000_000_000 + i + j), holder: u.ownerName } }, 'import')),
    );
    const products: Product[] = [];
    for (const [j, u] of umkms.entries()) {
      products.push(...cityProducts(u, i + j, perUmkm + (extra > 0 ? 1 : 0), rnd));
      if (extra > 0) extra--;
    }
    for (let k = 0; k < products.length; k += 2_000) await store.catalogue.upsertProducts(products.slice(k, k + 2_000));
  }
  for (let i = 0; i < s.asn; i += 1_000) {
    const people: Person[] = [];
    for (let j = i; j < Math.min(s.asn, i + 1_000); j++) {
      const n = firstPersonIndex + j;
      people.push({ nip: benchNip(n), name: `ASN Kota ${j}`, phone: `+62858${String(10_000_000 + j)}`, opd: OPDS[j % OPDS.length]!, role: 'asn' });
    }
    await store.roster.upsert(people);
  }
}
