import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import sharp from 'sharp';
import { loadDemoIfEmpty } from '../../src/import/demo.js';
import { QUEUE_NAMES, jobIds } from '../../src/queue/jobs.js';
import { createStore } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { type FakeBotApi, type SentRecord, startFakeBotApi } from '../support/fake-bot-api/index.js';
import { startGatedProxy } from '../support/gated-proxy.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';
import { buttonsOf, readable } from '../support/telegram-harness.js';

/**
 * The bot (src/main.ts: Telegram polling, WORKER=inline) as a child process against the fake Bot API:
 * SIGTERM while a user's update and the purchase report are both in flight. The process must
 * finish both and exit 0; after a restart the conversation goes on and the report went out once.
 */
const USER = 7654321;
const MAYOR = -1009876543210;
/** Guard so a hung child fails the test instead of jest's global timeout (not a timing assertion). */
const GUARD_MS = 30_000;

let fake: FakeBotApi;
let proxy: Awaited<ReturnType<typeof startGatedProxy>>;
let redis: Redis;
let prefix: string;
let mediaDir: string;
let httpPort: number;
let child: ChildProcessWithoutNullStreams | undefined;
let log = '';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Starts `npx tsx src/main.ts`; resolves once it polls Telegram. */
async function startBot(): Promise<ChildProcessWithoutNullStreams> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: proxy.url,
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    WORKER: 'inline',
    MEDIA_DIR: mediaDir,
    MAYOR_TELEGRAM_CHAT_ID: String(MAYOR),
    HTTP_PORT: String(httpPort),
    LOG_LEVEL: 'info',
    // The test taps faster than a person (no rate limits on the fake): flood control is tested elsewhere.
    FLOOD_PER_SECOND: '100',
  };
  for (const k of ['WHATSAPP_ENABLED', 'CONSOLE', 'TELEGRAM_WEBHOOK_URL', 'DASHBOARD_PASSWORD']) delete env[k];
  // `node --import tsx` (as in the Dockerfile): npx and npm do not pass SIGTERM on to the app.
  const c = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: process.cwd(), env, stdio: ['pipe', 'pipe', 'pipe'] });
  c.stdout.on('data', (b: Buffer) => (log += b.toString()));
  c.stderr.on('data', (b: Buffer) => (log += `[stderr] ${b.toString()}`));
  child = c;
  await logged('telegram polling', log.length);
  return c;
}

/** Resolves when the child's log (after `from`) contains `text`. */
function logged(text: string, from: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`"${text}" not logged within ${GUARD_MS} ms. Log:\n${log}`)), GUARD_MS);
    const check = () => {
      if (log.indexOf(text, from) >= 0) done();
    };
    const onExit = () => done(new Error(`the bot exited before logging "${text}". Log:\n${log}`));
    const done = (err?: Error) => {
      clearTimeout(timer);
      child?.stdout.off('data', check);
      child?.off('exit', onExit);
      if (err) reject(err);
      else resolve();
    };
    child!.stdout.on('data', check);
    child!.once('exit', onExit);
    check();
  });
}

const exitCode = (c: ChildProcessWithoutNullStreams) =>
  c.exitCode !== null ? Promise.resolve(c.exitCode) : new Promise<number | null>((r) => c.once('exit', (code) => r(code)));

/** Does something as the user and waits for the bot's answer matching `expect`. */
async function act(action: () => void, expect: RegExp): Promise<SentRecord> {
  const n = fake.sent(USER).length;
  action();
  return fake.waitFor(
    () =>
      fake
        .sent(USER)
        .slice(n)
        .find((m) => expect.test(readable(m))),
    GUARD_MS,
  );
}
const say = (text: string, expect: RegExp) => act(() => fake.sendText(USER, text), expect);
function press(label: RegExp, expect: RegExp): Promise<SentRecord> {
  const msgs = fake.sent(USER);
  for (let i = msgs.length - 1; i >= 0; i--) {
    const b = buttonsOf(msgs[i]!).find((x) => x.data && label.test(x.text));
    if (b) return act(() => fake.pressButton(USER, msgs[i]!.message_id, b.data!), expect);
  }
  throw new Error(`no button ${label}`);
}

beforeAll(async () => {
  fake = await startFakeBotApi({ rateLimits: false });
  fake.addUser({ id: USER, first_name: 'Budi' });
  fake.addChat({ id: MAYOR, type: 'supergroup', title: 'Kantor Wali Kota Depok' });
  proxy = await startGatedProxy(fake.url);
  redis = openRedis();
  prefix = uniquePrefix('shutdown');
  mediaDir = await mkdtemp(path.join(tmpdir(), 'umkm-shutdown-'));
  httpPort = await freePort();
  await loadDemoIfEmpty(createStore(redis, { keys: createKeys(prefix) }), { mediaDir });
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await cleanPrefix(redis, prefix);
  await redis.quit();
  await proxy.close();
  await fake.close();
  await rm(mediaDir, { recursive: true, force: true });
});

test('SIGTERM mid-journey: the update and the report in hand finish, exit 0; after a restart the conversation goes on and the report went out once', async () => {
  let bot = await startBot();

  await act(() => fake.sendCommand(USER, 'start'), /Bagikan nomor saya/);
  await act(() => fake.sendContact(USER, { phone_number: '+62 899-0000-0002', user_id: USER }), /Budi Prasetyo/);
  await press(/Ya, benar/, /Halo, Budi Prasetyo/);
  await press(/Lihat katalog/, /Pilih kategori/);
  await press(/Kuliner/, /Pilih kecamatan/);
  const list = await press(/^Beji \(\d+\)$/, /produk \(halaman 1\//);
  const product = buttonsOf(list).find((b) => b.data?.startsWith('p:'))!;
  await act(() => fake.pressButton(USER, list.message_id, product.data!), /💰 Rp/);
  await press(/Beli/, /Berapa jumlah yang ingin Anda beli\?/);
  await say('1', /Ringkasan pesanan/);
  await press(/Konfirmasi/, /dibuat/);
  await press(/Penerima baru/, /Nama lengkap penerima/);
  await say('Siti Wulandari', /Nomor HP penerima/);
  await say('0812-3456-7890', /Alamat lengkap/);
  await say('Jl. Margonda Raya No. 100, RT 02/RW 05', /Kecamatan tempat tinggal/);
  await press(/^Beji$/, /Kelurahan di Kec\. Beji/);
  await press(/^Kukusan$/, /Catatan untuk pengantar/);
  await press(/Lewati/, /kirim foto bukti pembayaran/);

  // The report's photo to the mayor's group is held at the proxy: the job is in hand.
  const report = proxy.hold('sendPhoto', String(MAYOR));
  const receipt = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#88aa44' } })
    .jpeg()
    .toBuffer();
  await act(() => fake.sendPhoto(USER, receipt), /#ASNDepokPeduli/);
  await report.seen;

  const health = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', channels: { telegram: { ok: true, mode: 'polling' } }, queues: { reports: { active: 1 } } });
  expect(await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text()).toMatch(/belanja_updates_total\{channel="telegram",input="choice"\} \d+/);

  // The user sends the post link; the reply is held: the update is in flight.
  const reply = proxy.hold('sendMessage', String(USER));
  const before = fake.sent(USER).length;
  fake.sendText(USER, 'https://www.instagram.com/p/CxYz123/');
  await reply.seen;

  const from = log.length;
  bot.kill('SIGTERM');
  await logged('shutting down', from);
  reply.release();
  const menu = await fake.waitFor(
    () =>
      fake
        .sent(USER)
        .slice(before)
        .find((m) => /Tautan Instagram Anda untuk pesanan ORD-\d{8}-\d{5} sudah kami catat/.test(readable(m))),
    GUARD_MS,
  );
  // The user taps "my orders" on that answer while the bot is stopping: not taken now, not lost either.
  const myOrders = buttonsOf(menu).find((b) => /Pesanan saya/.test(b.text))!;
  const afterMenu = fake.sent(USER).length;
  fake.pressButton(USER, menu.message_id, myOrders.data!);
  report.release();
  expect(await exitCode(bot)).toBe(0);

  // The report in hand finished before the exit; the tap was not answered by the stopping process.
  const photos = () => fake.sent(MAYOR).filter((m) => m.method === 'sendPhoto');
  expect(photos()).toHaveLength(1);
  expect(String(photos()[0]!.caption)).toContain('Budi Prasetyo');
  expect(fake.sent(USER).slice(afterMenu)).toEqual([]);

  // After a restart the tap is answered: the update was kept by Telegram, and the button of the
  // menu shown before the restart is accepted because the session (offered buttons) is in Redis.
  bot = await startBot();
  const orders = await fake.waitFor(
    () =>
      fake
        .sent(USER)
        .slice(afterMenu)
        .find((m) => /ORD-/.test(readable(m))),
    GUARD_MS,
  );
  expect(readable(orders)).not.toMatch(/tidak berlaku/);

  const orderId = (await redis.hkeys(createKeys(prefix).orders()))[0]!;
  const queue = new Queue(QUEUE_NAMES.reports, { connection: redis, prefix: createKeys(prefix).bullPrefix() });
  const job = await queue.getJob(jobIds.report(orderId));
  expect(await job!.getState()).toBe('completed');
  expect(job!.attemptsMade).toBe(1);
  await queue.close();
  expect(photos()).toHaveLength(1);

  bot.kill('SIGTERM');
  expect(await exitCode(bot)).toBe(0);
}, 180_000);
