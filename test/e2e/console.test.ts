import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { createStore } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';

/**
 * The terminal chat as an operator uses it: `npm start` with no channel configured, in a child
 * process, one typed line at a time, each answer read up to the next "> " prompt.
 */
const demoUser = JSON.parse(readFileSync('data/demo/console-user.json', 'utf8')) as { phone: string; nip: string };
const PROMPT = '\n> ';
/** Guard so a hung child fails the test instead of jest's global timeout (not a timing assertion). */
const ANSWER_GUARD_MS = 60_000;

let redis: Redis;
let prefix: string;
let mediaDir: string;
let child: ChildProcessWithoutNullStreams | undefined;
let out = '';
let transcript = '';

beforeAll(async () => {
  redis = openRedis();
  prefix = uniquePrefix('console');
  mediaDir = await mkdtemp(path.join(tmpdir(), 'umkm-console-'));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await cleanPrefix(redis, prefix);
  await redis.quit();
  await rm(mediaDir, { recursive: true, force: true });
});

/** Resolves with everything printed up to (and without) the next prompt. */
function nextAnswer(): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const i = out.indexOf(PROMPT);
      if (i < 0) return false;
      const answer = out.slice(0, i);
      out = out.slice(i + PROMPT.length);
      cleanup();
      resolve(answer);
      return true;
    };
    const onData = () => void check();
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`the console exited (${code}) before answering. Transcript:\n${transcript}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no prompt within ${ANSWER_GUARD_MS} ms. Transcript:\n${transcript}\n--- pending:\n${out}`));
    }, ANSWER_GUARD_MS);
    const cleanup = () => {
      clearTimeout(timer);
      child!.stdout.off('data', onData);
      child!.off('exit', onExit);
    };
    if (check()) return;
    child!.stdout.on('data', onData);
    child!.once('exit', onExit);
  });
}

/** Types one line and returns the answer. */
async function type(line: string): Promise<string> {
  transcript += `> ${line}\n`;
  child!.stdin.write(`${line}\n`);
  return nextAnswer();
}

test('register, browse, buy, confirm, new recipient, /foto receipt and post link through stdin/stdout', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix, MEDIA_DIR: mediaDir, LOG_LEVEL: 'silent' };
  for (const k of ['BOT_TOKEN', 'WHATSAPP_ENABLED', 'CONSOLE', 'HTTP_PORT', 'TELEGRAM_WEBHOOK_URL', 'WORKER']) delete env[k];
  child = spawn('npx', ['tsx', 'src/main.ts'], { cwd: process.cwd(), env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr.on('data', (b: Buffer) => (transcript += `[stderr] ${b.toString()}`));
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
    transcript += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));

  // The terminal is the operator's own: the demo ASN's number counts as verified.
  const hello = await nextAnswer();
  expect(hello).toContain('Belanja UMKM Depok: obrolan terminal');
  expect(hello).toContain('Nomor Anda terdaftar atas nama:');
  expect(hello).toContain('👤 Rina Kartikasari — Dinas Kesehatan');
  expect(hello).toContain('1. ✅ Ya, benar');
  expect(hello).toContain('2. ❌ Bukan saya');

  let a = await type('1');
  expect(a).toContain('Terima kasih, akun Anda sudah terhubung. ✅');
  expect(a).toContain('Halo, Rina Kartikasari! Silakan pilih menu:');
  expect(a).toContain('1. 🛍️ Lihat katalog UMKM');

  a = await type('1');
  expect(a).toContain('Pilih kategori produk:');
  expect(a).toContain('1. 🍱 Kuliner');
  a = await type('kuliner'); // the label typed works like its number
  expect(a).toContain('Pilih kecamatan UMKM');
  a = await type('Beji');
  expect(a).toMatch(/\d+ produk \(halaman 1\/\d+\)/);
  expect(a).toContain('agar rezeki merata');
  // The list once: the numbered product lines are the choices; the numbers go on with the navigation.
  const picked = /\n1\. (.+) — (Rp [\d.]+)\/.+\n/.exec(a)!;
  const [, productName, price] = picked;
  expect(a.split(`${productName!} — `).length - 1).toBe(1);
  expect(a).toMatch(/\n6\. Berikutnya ▶️\n/);

  a = await type('1');
  expect(a).toContain(productName!);
  expect(a).toContain(`💰 ${price} / `);
  expect(a).toContain('Kec. Beji');
  expect(a).toContain('1. 🛒 Beli');

  a = await type('1');
  expect(a).toContain(`Berapa jumlah yang ingin Anda beli? ${productName} — ${price} per `);
  expect(a).toContain(`. Pilih atau ketik angka 1–99.`);
  expect(a).toContain('1 · 2 · 3 · 5 · 10'); // a typed number is the quantity, not a list position
  a = await type('abc');
  expect(a).toContain('Jumlah harus berupa angka bulat');
  a = await type('2');
  expect(a).toContain(`✅ 2 × ${productName} masuk keranjang.`);
  const unit = Number(price!.replace(/\D/g, ''));
  const total = `Rp ${(2 * unit).toLocaleString('id-ID')}`;
  expect(a).toContain(`Total: ${total}`);
  expect(a).toContain('1. ✅ Konfirmasi pesanan');

  a = await type('1');
  expect(a).toMatch(new RegExp(`✅ Pesanan ORD-\\d{8}-\\d{5} dibuat\\. Total ${total.replace(/\./g, '\\.')}\\.`));
  const orderId = /ORD-\d{8}-\d{5}/.exec(a)![0];
  expect(a).toContain('Sekarang isi data warga isoman');
  expect(a).toContain('1. ➕ Penerima baru');

  a = await type('1');
  expect(a).toContain('Nama lengkap penerima:');
  // One line is one message in the terminal: the one-message recipient is not offered here.
  expect(a).not.toContain('satu pesan');
  a = await type('Siti Aminah');
  expect(a).toContain('Nomor HP penerima');
  a = await type('0812 3456 7890');
  expect(a).toContain('Alamat lengkap penerima');
  a = await type('Jl. Melati No. 5, RT 02/RW 03');
  expect(a).toContain('Kecamatan tempat tinggal penerima:');
  a = await type('Beji');
  expect(a).toContain('Kelurahan di Kec. Beji:');
  expect(a).toMatch(/\d+\. Kukusan/);
  a = await type('Kukusan');
  expect(a).toContain('Catatan untuk pengantar');
  a = await type('1');
  expect(a).toContain('✅ Penerima pesanan ini:\n👤 Siti Aminah');
  expect(a).toContain(`Silakan lakukan pembayaran ${total}`);
  expect(a).toContain(orderId);

  a = await type('/foto /tidak/ada/struk.jpg');
  expect(a).toContain('tidak bisa membaca file /tidak/ada/struk.jpg');
  expect(a).not.toContain('kendala');
  a = await type('/foto');
  expect(a).toContain(`✅ Bukti pembayaran pesanan ${orderId} (${total}) diterima.`);
  expect(a).toContain('#ASNDepokPeduli #BeliProdukUMKMDepok');
  expect(a).toContain(productName!);
  expect(a).toContain('1. ⏭️ Tidak mengunggah');

  a = await type('https://example.com/bukan-medsos');
  expect(a).toContain('Tautan itu tidak kami kenali.');
  a = await type('https://www.instagram.com/p/DemoKonsol01/');
  expect(a).toContain(`Terima kasih! Tautan Instagram Anda untuk pesanan ${orderId} sudah kami catat dan laporkan. 🙏`);
  expect(a).toContain('Halo, Rina Kartikasari!');

  child.stdin.end();
  expect(await exited).toBe(0);
  expect(out).toContain('Sampai jumpa!');

  // What the office will read: the paid order with its post link, for the demo ASN.
  const store = createStore(redis, { keys: createKeys(prefix) });
  const orders = await store.orders.ofAsn(demoUser.nip);
  expect(orders).toHaveLength(1);
  const order = orders[0]!;
  expect(order).toMatchObject({
    id: orderId,
    asnNip: demoUser.nip,
    status: 'paid',
    total: 2 * unit,
    postLink: 'https://www.instagram.com/p/DemoKonsol01/',
    recipient: { name: 'Siti Aminah', phone: '+6281234567890', kecamatan: 'Beji', kelurahan: 'Kukusan' },
  });
  expect(order.items).toEqual([expect.objectContaining({ name: productName, qty: 2, price: unit })]);
  expect(existsSync(path.join(mediaDir, order.receipt!.path!))).toBe(true);
  expect((await store.chatUsers.get('console', 'demo'))?.phone).toBe(demoUser.phone);
}, 180_000);
