import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { startConsole } from '../support/console-driver.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';

/**
 * A flyer broadcast from the terminal's admin persona reaches the terminal's demo personas: printed
 * under each one's header as it happens, and waiting in their chat after a switch.
 */
let redis: Redis;
let prefix: string;
let dir: string;
let konsol: ReturnType<typeof startConsole> | undefined;

beforeAll(async () => {
  redis = openRedis();
  prefix = uniquePrefix('console-bc');
  dir = await mkdtemp(path.join(tmpdir(), 'umkm-console-bc-'));
});
afterAll(async () => {
  konsol?.kill();
  await cleanPrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

const OWNER_SARI = '── pesan untuk Sari Rahmawati (UMKM Dapur Bu Sari) ──';
const OWNER_SITI = '── pesan untuk Siti Hasanah (UMKM Keripik Tempe Mak Nah) ──';

test('admin persona broadcasts to the UMKM owners: each owner persona gets the flyer', async () => {
  const c = (konsol = startConsole({
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    MEDIA_DIR: path.join(dir, 'media'),
    CONSOLE_OUT_DIR: path.join(dir, 'out'),
    LOG_LEVEL: 'silent',
  }));
  await c.nextAnswer();
  await c.type('1');
  await c.type('/sebagai 6');
  await c.type('/siaran');
  let a = await c.type('Bazar UMKM Depok hari Sabtu di Balai Kota');
  expect(a).toContain('3. Semua pemilik UMKM');
  a = await c.type('3');
  // the preview counts the terminal's personas as what they are, not as Telegram or WhatsApp chats
  expect(a).toContain('Akan dikirim ke 2 akun chat (Telegram 0, WhatsApp 0, orang demo di terminal ini 2).');
  a = await c.type('1'); // Kirim sekarang
  const id = /BC-\d{8}-[0-9a-f]{6}/.exec(a)![0];

  // Printed where it happens, under each owner's header; the ASN personas are not in this audience.
  const flyer = 'Bazar UMKM Depok hari Sabtu di Balai Kota\n\nℹ️ Tidak ingin menerima info seperti ini lagi? Ketik /berhenti.';
  await c.waitFor(`${OWNER_SARI}\n${flyer}`);
  await c.waitFor(`${OWNER_SITI}\n${flyer}`);
  // The admin's summary counts them as sent.
  await c.waitFor(`✅ Siaran ${id} selesai.\nPenerima: 2\nTerkirim: 2`);
  expect(c.output()).not.toContain('── pesan untuk Rina Kartikasari');

  // Waiting in the owner's chat after a switch; she can opt out there like anyone else.
  a = await c.type('/sebagai 4');
  expect(a).toContain('📬 1 pesan menunggu:');
  expect(a).toContain(flyer);
  a = await c.type('/berhenti');
  expect(a).toContain('Anda tidak akan menerima info/brosur siaran lagi');

  // A second flyer skips the owner who opted out and reaches the other.
  await c.type('/sebagai 6');
  await c.type('/siaran');
  await c.type('Pelatihan foto produk gratis');
  a = await c.type('3');
  expect(a).toContain('Akan dikirim ke 1 akun chat (Telegram 0, WhatsApp 0, orang demo di terminal ini 1).');
  expect(a).toContain('Tidak dikirim: 1 berhenti berlangganan');
  await c.type('1');
  await c.waitFor(`${OWNER_SITI}\nPelatihan foto produk gratis`);
  expect(c.output()).not.toContain(`${OWNER_SARI}\nPelatihan foto produk gratis`);
  c.end();
  expect(await c.exited).toBe(0);
}, 240_000);
