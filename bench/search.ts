/**
 * Part 5: search at catalogue scale. Generates a catalogue of `products` products (10 per UMKM,
 * names, descriptions, UMKM names and kecamatan from word lists like the demo's), builds the
 * search index once, as the bot does per catalogue version, and times queries typed the way
 * people type them (exact words, spelling variants, typos, prefixes, several words, kecamatan,
 * UMKM names, emoji, words nothing matches), each ranked with a month of income per UMKM.
 */
import { performance } from 'node:perf_hooks';
import { PAGE_SIZE } from '../flows/browse.js';
import type { Listing } from '../src/domain/ranking.js';
import type { Category } from '../src/domain/schemas.js';
import { createCatalogueSearch } from '../src/domain/search.js';
import { KECAMATAN } from '../src/domain/wilayah.js';
import { percentile, seededRandom } from './report.js';

const WORDS: Record<Category, { kinds: string[]; extras: string[]; shops: string[] }> = {
  kuliner: {
    kinds: [
      'Keripik',
      'Nasi Box',
      'Bakso',
      'Sambal',
      'Rendang',
      'Kue',
      'Risoles',
      'Pempek',
      'Soto',
      'Sate',
      'Madu',
      'Jamu',
      'Kopi',
      'Roti',
      'Bolu',
      'Nugget',
      'Siomay',
      'Mie',
      'Kerupuk',
      'Telur Asin',
    ],
    extras: [
      'Ayam',
      'Sapi',
      'Tempe',
      'Singkong',
      'Pedas',
      'Original',
      'Balado',
      'Keju',
      'Cokelat',
      'Pandan',
      'Ikan',
      'Udang',
      'Jahe',
      'Frozen',
      'Isoman',
      'Komplit',
      'Manis',
      'Gurih',
    ],
    shops: ['Dapur', 'Warung', 'Kedai', 'Catering', 'Rumah Makan', 'Pawon'],
  },
  fashion: {
    kinds: ['Kemeja Batik', 'Kaos', 'Hijab', 'Mukena', 'Sarung', 'Peci', 'Daster', 'Masker Kain', 'Baju Koko', 'Celana'],
    extras: ['Katun', 'Rayon', 'Bordir', 'Tulis', 'Cap', 'Anak', 'Dewasa', 'Motif', 'Polos', 'Jersey'],
    shops: ['Butik', 'Konveksi', 'Batik', 'Griya'],
  },
  kriya: {
    kinds: ['Tas Rajut', 'Cangkir Keramik', 'Vas Bunga', 'Tampah Bambu', 'Dompet', 'Keranjang', 'Tatakan Gelas', 'Pot Terakota'],
    extras: ['Anyaman', 'Eceng Gondok', 'Bambu', 'Rotan', 'Kecil', 'Besar', 'Lukis', 'Warna'],
    shops: ['Kriya', 'Sanggar', 'Galeri'],
  },
};
const OWNERS = [
  'Sari',
  'Nah',
  'Ratna',
  'Endang',
  'Ani',
  'Darto',
  'Yem',
  'Lastri',
  'Ida',
  'Rafa',
  'Dian',
  'Budi',
  'Wati',
  'Joko',
  'Tuti',
  'Agus',
  'Rina',
  'Yanti',
  'Hasan',
  'Uci',
];
const FILLER = ['tanpa pengawet', 'dikirim hangat', 'tahan 3 hari', 'cocok untuk keluarga', 'buatan rumah', 'kemasan rapat', 'bahan pilihan', 'harga hemat'];

/** A catalogue of `count` available products, 10 per UMKM: 70% kuliner, 20% fashion, 10% kriya. */
export function generateCatalogue(count: number, seed = 15): Listing[] {
  const rnd = seededRandom(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const out: Listing[] = [];
  for (let u = 0; out.length < count; u++) {
    const r = rnd();
    const category: Category = r < 0.7 ? 'kuliner' : r < 0.9 ? 'fashion' : 'kriya';
    const w = WORDS[category];
    const id = `U${u}`;
    const kecamatan = pick(KECAMATAN);
    const umkm = {
      id,
      name: `${pick(w.shops)} ${pick(w.kinds).split(' ')[0]} Bu ${pick(OWNERS)} ${u}`,
      ownerName: 'Pemilik',
      ownerPhone: '+6289900001000',
      category,
      kecamatan,
      kelurahan: kecamatan,
      address: 'Jl. Raya',
    };
    for (let i = 0; i < 10 && out.length < count; i++) {
      const name = `${pick(w.kinds)} ${pick(w.extras)}${rnd() < 0.4 ? ` ${pick(w.extras)}` : ''}`;
      const description = `${pick(w.extras)} ${pick(w.extras).toLowerCase()}, ${pick(FILLER)}`;
      out.push({
        umkm,
        product: { sku: `${id}-${i}`, umkmId: id, name, unit: 'pcs', price: 10_000 + Math.floor(rnd() * 90) * 1000, description, available: true },
      });
    }
  }
  return out;
}

/** Queries as typed: exact, variants, typos, prefixes, several words, places, shops, emoji, misses. */
const QUERIES = [
  'keripik',
  'kripik',
  'keripik pedas',
  'kerpik',
  'kri',
  'nasi box',
  'nasi box ayam',
  'baso',
  'bakso sapi',
  'sambel',
  'rendang',
  'rendag',
  'kue keju',
  'risol',
  'empek-empek',
  'soto ayam',
  'satay',
  'madu',
  'jamu jahe',
  'coffee',
  'roti cokelat',
  'coklat',
  'nuget',
  'siomai',
  'mie',
  '🍜',
  'telor asin',
  'batik',
  'kemeja batik tulis',
  'btik',
  'kaus',
  'jilbab',
  'mukena anak',
  'tas rajut',
  'keramik',
  'tampah bambu',
  'beji',
  'keripik sukmajaya',
  'dapur bu sari',
  'mau beli keripik dong',
  'frozen',
  'isoman',
  'zzqxw',
  'sepatu',
  'ayam',
  'pedas',
  'ma',
  'dompet anyaman eceng gondok',
];

/** Query cost in ms: wall clock, and CPU time of this process (less disturbed by other load on the machine). */
export type Quantiles = { p50: number; p99: number; max: number };
export type SearchFigures = { products: number; umkm: number; buildMs: number; queries: number; wall: Quantiles; cpu: Quantiles; meanHits: number };

function quantiles(xs: number[]): Quantiles {
  return { p50: percentile(xs, 0.5), p99: percentile(xs, 0.99), max: Math.max(...xs) };
}

/**
 * Every query is timed on a fresh index of the same catalogue (`rounds` indexes), so each
 * measurement is the first time that query is typed in that catalogue version (no cache helps).
 */
export function measureSearch(products: number, rounds = 8): SearchFigures {
  const listings = generateCatalogue(products);
  const rnd = seededRandom(7);
  const monthLoad: Record<string, number> = {};
  const counts: Record<string, number> = {};
  for (const l of listings) {
    if (rnd() < 0.3) monthLoad[l.umkm.id] = Math.floor(rnd() * 2_000_000);
    if (rnd() < 0.3) counts[l.umkm.id] = Math.floor(rnd() * 20);
  }
  const opts = { monthLoad, tieBreak: counts, seed: '2026-12-05', pageSize: PAGE_SIZE };
  const wall: number[] = [];
  const cpu: number[] = [];
  const builds: number[] = [];
  let hits = 0;
  for (let r = 0; r <= rounds; r++) {
    const t0 = performance.now();
    const index = createCatalogueSearch(listings);
    builds.push(performance.now() - t0);
    for (const q of QUERIES) {
      const w = performance.now();
      const c = process.cpuUsage();
      const found = index.search(q, opts).length;
      const used = process.cpuUsage(c);
      // round 0 warms the JIT up and is not counted
      if (r === 0) continue;
      cpu.push((used.user + used.system) / 1000);
      wall.push(performance.now() - w);
      hits += found;
    }
  }
  return {
    products: listings.length,
    umkm: new Set(listings.map((l) => l.umkm.id)).size,
    buildMs: quantiles(builds.slice(1)).p50,
    queries: wall.length,
    wall: quantiles(wall),
    cpu: quantiles(cpu),
    meanHits: hits / wall.length,
  };
}
