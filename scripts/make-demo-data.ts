/**
 * Writes the demo data (deterministic: same output on every run):
 *   data/demo/roster.csv, umkm.csv, products.csv, console-user.json, photos/<sku>.jpg
 * Run: npx tsx scripts/make-demo-data.ts
 * All names are invented; phones are in the unused range +62 899 0000 xxxx.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { validateNip } from '../src/domain/nip.js';
import { normalizePhone } from '../src/domain/phone.js';
import { kelurahanOf } from '../src/domain/wilayah.js';
import { DEMO_UMKM } from './demo-catalogue.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data/demo');
/** NIP appointment months are checked against this fixed date so the output never changes. */
const NOW = new Date('2026-01-01T00:00:00Z');

const OPDS = ['Dinas Kesehatan', 'Kecamatan Beji', 'Dinas Koperasi dan UMKM', 'BKPSDM', 'Dinas Pendidikan', 'Kecamatan Sukmajaya', 'Dinas Sosial', 'Bappeda'];
/** [name, gender 1 male / 2 female] */
const ASN: [string, 1 | 2][] = [
  ['Rina Kartikasari', 2],
  ['Budi Prasetyo', 1],
  ['Dewi Lestari Ningrum', 2],
  ['Agus Firmansyah', 1],
  ['Siti Nurjanah', 2],
  ['Hendra Gunawan', 1],
  ['Maya Anggraeni', 2],
  ['Yusuf Maulana', 1],
  ['Fitri Handayani', 2],
  ['Dedi Kurniawan', 1],
  ['Ratih Purnamasari', 2],
  ['Eko Wahyudi', 1],
  ['Nurul Fadhilah', 2],
  ['Andi Saputra', 1],
  ['Lina Marlina', 2],
  ['Teguh Santoso', 1],
  ['Wulan Sari Dewi', 2],
  ['Rizky Ramadhan', 1],
  ['Intan Permata', 2],
  ['Fajar Nugroho', 1],
  ['Yuni Astuti', 2],
  ['Arif Hidayatullah', 1],
  ['Sri Rahayu Utami', 2],
  ['Bayu Aji Pamungkas', 1],
];
const ADMINS: [string, 1 | 2][] = [
  ['Hartini Susanti', 2],
  ['Joko Purnomo', 1],
];

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const fakePhone = (n: number) => `0899-0000-${pad(n, 4)}`;

/** A valid NIP from a person's index: born 1970-1995, appointed 23-27 years later (until 2020). */
function makeNip(i: number, gender: 1 | 2): string {
  const by = 1970 + ((i * 7) % 26);
  const birth = `${by}${pad(((i * 5) % 12) + 1, 2)}${pad(((i * 11) % 28) + 1, 2)}`;
  const ay = Math.min(by + 23 + (i % 5), 2020);
  const nip = `${birth}${ay}${pad(((i * 3) % 12) + 1, 2)}${gender}${pad(i + 1, 3)}`;
  const check = validateNip(nip, NOW);
  if (!check.ok) throw new Error(`demo NIP ${nip}: ${check.reason}`);
  return nip;
}

function csv(rows: (string | number | boolean)[][]): string {
  const cell = (v: string | number | boolean) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A 400x300 JPEG: solid colour with the product name (wrapped at about 22 characters). */
async function photo(file: string, title: string, colour: string): Promise<void> {
  const words = title.split(' ');
  const lines: string[] = [''];
  for (const w of words) {
    const last = lines[lines.length - 1]!;
    if (last && `${last} ${w}`.length > 22) lines.push(w);
    else lines[lines.length - 1] = last ? `${last} ${w}` : w;
  }
  const y0 = 150 - ((lines.length - 1) * 36) / 2;
  const text = lines
    .map(
      (l, i) =>
        `<text x="200" y="${y0 + i * 36}" font-family="DejaVu Sans, sans-serif" font-size="28" font-weight="bold" fill="#ffffff" text-anchor="middle" dominant-baseline="middle">${escapeXml(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="${colour}"/>${text}<text x="200" y="280" font-family="DejaVu Sans, sans-serif" font-size="14" fill="#ffffffcc" text-anchor="middle">contoh foto produk</text></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(file);
}

async function main() {
  mkdirSync(path.join(OUT, 'photos'), { recursive: true });

  const roster: (string | number)[][] = [['nip', 'name', 'phone', 'opd', 'role']];
  ASN.forEach(([name, g], i) => roster.push([makeNip(i, g), name, fakePhone(i + 1), OPDS[i % OPDS.length]!, 'asn']));
  ADMINS.forEach(([name, g], i) => roster.push([makeNip(ASN.length + i, g), name, fakePhone(901 + i), 'Dinas Koperasi dan UMKM', 'admin']));

  const umkm: (string | number)[][] = [
    ['id', 'name', 'owner_name', 'owner_phone', 'category', 'kecamatan', 'kelurahan', 'address', 'bank', 'account_number', 'account_name', 'ewallet', 'qris'],
  ];
  /**
   * Payment details (issue 12): one way to pay each (so the demo journey never asks which one):
   * a bank account, or for the last four an e-wallet instead.
   */
  const DEMO_BANKS = ['BCA', 'BRI', 'BNI', 'Mandiri', 'BSI', 'BJB'];
  const EWALLET_NAMES = ['GoPay', 'OVO', 'DANA', 'ShopeePay'];
  const EWALLET_FROM = DEMO_UMKM.length - 4;
  const products: (string | number | boolean)[][] = [['sku', 'umkm_id', 'name', 'price', 'unit', 'description', 'photo', 'available']];
  const photos: { sku: string; name: string; colour: string }[] = [];
  const colours = { kuliner: '#c0392b', fashion: '#2c3e80', kriya: '#7a5230' };
  DEMO_UMKM.forEach((u, i) => {
    const id = `UMKM-${pad(i + 1, 3)}`;
    const kels = kelurahanOf(u.kecamatan);
    const kelurahan = u.kelurahan ?? kels[i % kels.length];
    if (!kelurahan || !kels.includes(kelurahan)) throw new Error(`${u.name}: no kelurahan ${u.kelurahan} in ${u.kecamatan}`);
    umkm.push([
      id,
      u.name,
      u.owner,
      fakePhone(1001 + i),
      u.category,
      u.kecamatan,
      kelurahan,
      `${u.street} No. ${((i * 7) % 90) + 3}, RT ${pad((i % 9) + 1, 2)}/RW ${pad((i % 5) + 1, 2)}`,
      ...(i < EWALLET_FROM
        ? [DEMO_BANKS[i % DEMO_BANKS.length]!, String(1234500000 + i * 7919), u.owner, '']
        : ['', '', '', `${EWALLET_NAMES[i - EWALLET_FROM]} ${fakePhone(1001 + i)}`]),
      '',
    ]);
    u.products.forEach(([name, unit, price, description], j) => {
      const sku = `${id}-${pad(j + 1, 2)}`;
      const withPhoto = j === 0 && i % 5 === 0;
      if (withPhoto) photos.push({ sku, name, colour: colours[u.category] });
      // Prices written the way people type them: every other one with thousand dots.
      const priceText = (i + j) % 2 ? price.toLocaleString('id-ID') : String(price);
      const available = (i * 3 + j) % 17 === 5 ? 'tidak' : 'ya';
      products.push([sku, id, name, priceText, unit, description, withPhoto ? `demo/${sku}.jpg` : '', available]);
    });
  });

  writeFileSync(path.join(OUT, 'roster.csv'), csv(roster));
  writeFileSync(path.join(OUT, 'umkm.csv'), csv(umkm));
  writeFileSync(path.join(OUT, 'products.csv'), csv(products));
  const first = roster[1]!;
  writeFileSync(path.join(OUT, 'console-user.json'), `${JSON.stringify({ phone: normalizePhone(String(first[2])), nip: first[0] }, null, 2)}\n`);
  for (const p of photos) await photo(path.join(OUT, 'photos', `${p.sku}.jpg`), p.name, p.colour);
  console.log(`${roster.length - 1} people, ${umkm.length - 1} UMKM, ${products.length - 1} products, ${photos.length} photos -> ${OUT}`);
}

await main();
