import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { startConsole } from '../support/console-driver.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';

/**
 * The terminal demo as a newcomer plays it: buy as the demo ASN, switch to the UMKM owner and
 * accept the order, switch back and see it accepted; the mayor's office reads the report.
 */
let redis: Redis;
let prefix: string;
let dir: string;
let konsol: ReturnType<typeof startConsole> | undefined;

beforeAll(async () => {
  redis = openRedis();
  prefix = uniquePrefix('personas');
  dir = await mkdtemp(path.join(tmpdir(), 'umkm-personas-'));
});
afterAll(async () => {
  konsol?.kill();
  await cleanPrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

const OWNER_HEADER = '── pesan untuk Sari Rahmawati (UMKM Dapur Bu Sari) ──';
const BUYER_HEADER = '── pesan untuk Rina Kartikasari (ASN Dinas Kesehatan) ──';
const MAYOR_HEADER = '── pesan untuk Kantor Wali Kota (hanya membaca laporan) ──';

test('buyer -> owner -> buyer through /sebagai: each sees their own chat and what was sent to them', async () => {
  const outDir = path.join(dir, 'out');
  const c = (konsol = startConsole({
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    MEDIA_DIR: path.join(dir, 'media'),
    CONSOLE_OUT_DIR: outDir,
    LOG_LEVEL: 'silent',
  }));
  const hello = await c.nextAnswer();
  expect(hello).toContain('Ketik /sebagai untuk menjadi orang demo lain');
  let a = await c.type('1');
  expect(a).toContain('Halo, Rina Kartikasari!');

  // The buyer: /cari with the words lists at once.
  a = await c.type('/cari nasi box ayam bakar');
  expect(a).toMatch(/1\. Nasi Box Ayam Bakar — Rp 25\.000/); // the list once: its numbers are the choices
  await c.type('1');
  await c.type('1'); // Beli
  await c.type('1'); // quantity 1
  a = await c.type('1'); // confirm
  const orderId = /ORD-\d{8}-\d{5}/.exec(a)![0];
  await c.type('1'); // new recipient
  await c.type('Siti Aminah');
  await c.type('0812 3456 7890');
  await c.type('Jl. Melati No. 5, RT 02/RW 03');
  await c.type('Beji');
  await c.type('Kukusan');
  a = await c.type('1'); // no courier note
  expect(a).toContain(`pesanan ${orderId}`);
  a = await c.type('/foto');
  expect(a).toContain(`✅ Bukti pembayaran pesanan ${orderId}`);

  // The owner's order notification is printed where it happens, under the owner's name.
  await c.waitFor(OWNER_HEADER);
  await c.waitFor(MAYOR_HEADER);
  a = await c.type('/sebagai');
  expect(a).toContain('1. Rina Kartikasari (ASN Dinas Kesehatan)  ← Anda sekarang');
  expect(a).toContain('2. Budi Prasetyo (ASN Kecamatan Beji)');
  expect(a).toContain('4. Sari Rahmawati (UMKM Dapur Bu Sari)');
  expect(a).toContain('6. Hartini Susanti (Admin Dinas Koperasi dan UMKM)');
  expect(a).toContain('7. Kantor Wali Kota (hanya membaca laporan)');

  // The owner: the order waits in her chat; she accepts it.
  a = await c.type('4');
  expect(a).toContain('Sekarang Anda: Sari Rahmawati (UMKM Dapur Bu Sari).');
  expect(a).toContain('📬 1 pesan menunggu:');
  expect(a).toContain(`🔔 Pesanan baru untuk Dapur Bu Sari!\n🧾 Pesanan ${orderId}`);
  expect(a).toContain('Halo, Sari Rahmawati! Silakan pilih menu:');
  expect(a).not.toContain('Rina Kartikasari!'); // not the buyer's screen
  // the receipt photo of the notification was written under the out directory
  const photo = new RegExp(`\\[foto: (${outDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^\\]]+\\.jpg)\\]`).exec(c.output());
  expect(photo).not.toBeNull();
  expect(existsSync(photo![1]!)).toBe(true);
  a = await c.type(`/terima ${orderId}`);
  expect(a).toContain(orderId);
  expect(a).toMatch(/diterima/);

  // The buyer hears of it: printed under her name, and waiting in her chat after the switch.
  await c.waitFor(BUYER_HEADER);
  a = await c.type('/as 1');
  expect(a).toContain('You are now: Rina Kartikasari (ASN Dinas Kesehatan).');
  expect(a).toContain(`✅ Pesanan ${orderId} sudah diterima oleh Dapur Bu Sari dan sedang disiapkan.`);
  expect(a).toContain('Your last screen:');
  expect(a).toContain(`✅ Bukti pembayaran pesanan ${orderId}`); // her own screen, as she left it
  a = await c.type('/riwayat');
  expect(a).toContain(orderId);

  // The mayor's office reads the report and can type nothing into the chat.
  a = await c.type('/sebagai 7');
  expect(a).toContain('Sekarang Anda: Kantor Wali Kota (hanya membaca laporan).');
  expect(a).toContain(`Laporan Pembelian Produk UMKM oleh ASN — ${orderId}`);
  a = await c.type('halo');
  expect(a).toContain('Kantor Wali Kota hanya membaca laporan di sini.');
  a = await c.type('/sebagai siapa-saja');
  expect(a).toContain('Tidak ada orang demo "siapa-saja"');

  c.end();
  expect(await c.exited).toBe(0);
}, 240_000);
