/** Seeds a roster person, a UMKM and a paid order with a receipt photo, for the queue tests. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { type Config, loadConfig } from '../../../src/config.js';
import type { Order, Person, Recipient, Umkm } from '../../../src/domain/schemas.js';
import type { Store } from '../../../src/store/index.js';

export const ASN: Person = { nip: '198503152010011002', name: 'Budi Santoso', phone: '+6281234567890', opd: 'Dinas Kesehatan', role: 'asn' };
export const UMKM: Umkm = {
  id: 'U001',
  name: 'Keripik Tempe Bu Sri',
  ownerName: 'Sri Lestari',
  ownerPhone: '+6281298765432',
  category: 'kuliner',
  kecamatan: 'Beji',
  kelurahan: 'Kemiri Muka',
  address: 'Jl. Margonda Raya No. 1',
};
export const RECIPIENT: Recipient = {
  id: 'R1',
  name: 'Siti Wulandari',
  phone: '+6285711112222',
  address: 'Jl. Nusantara Gg. Mawar No. 7 RT 02 RW 05',
  kecamatan: 'Pancoran Mas',
  kelurahan: 'Depok Jaya',
};

/** A temp MEDIA_DIR holding one small JPEG receipt; returns its relative path and SHA-256. */
export async function makeMediaDir(): Promise<{ dir: string; rel: string; hash: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'umkm-media-'));
  const bytes = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c0ffee' } })
    .jpeg()
    .toBuffer();
  const rel = 'receipts/receipt-1.jpg';
  mkdirSync(path.join(dir, 'receipts'), { recursive: true });
  writeFileSync(path.join(dir, rel), bytes);
  return { dir, rel, hash: createHash('sha256').update(bytes).digest('hex') };
}

/** A validated config for tests (same env names as production). */
export function testConfig(env: Record<string, string | undefined>): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...env });
}

/** Seeds ASN + UMKM and a paid order; returns it. */
export async function seedPaidOrder(
  store: Store,
  opts: { token?: string; receipt?: { rel: string; hash: string }; items?: Order['items']; asn?: Person; umkm?: Umkm; postLink?: string } = {},
): Promise<Order> {
  const asn = opts.asn ?? ASN;
  const umkm = opts.umkm ?? UMKM;
  await store.roster.upsert([asn]);
  await store.catalogue.upsertUmkms([umkm]);
  const items = opts.items ?? [
    { sku: 'KT-01', name: 'Keripik Tempe 250 g', price: 15000, qty: 2 },
    { sku: 'KT-02', name: 'Rempeyek Kacang', price: 12000, qty: 1 },
  ];
  const created = await store.orders.createOnce(opts.token ?? `t-${Math.random()}`, { asnNip: asn.nip, umkmId: umkm.id, items });
  const receipt = opts.receipt ? { hash: opts.receipt.hash, path: opts.receipt.rel, mime: 'image/jpeg' } : undefined;
  const r = await store.orders.update(created.id, { status: 'paid', recipient: RECIPIENT, receipt, postLink: opts.postLink }, 'asn');
  if (!r.ok) throw new Error(`seed failed: ${r.reason}`);
  return r.order;
}
