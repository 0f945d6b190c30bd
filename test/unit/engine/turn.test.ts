import { createApp } from '../../../src/app.js';
import type { IncomingMessage } from '../../../src/engine/types.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { createTestApp, DEMO, type TestApp } from '../../support/engine-driver.js';
import { openRedis, testRedisUrl, uniquePrefix } from '../../support/redis.js';

/** One turn of the engine: an update id handled once, a failed step, Redis unreachable. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'update-once' });
});
afterAll(async () => {
  await t.close();
});

const fetchMedia = async () => Buffer.alloc(0);
const chat = { channel: 'telegram' as const, chatId: '88001' };
const send = (input: IncomingMessage['input'], updateId?: string) => t.app.rawEngine.handle({ chat, input, fetchMedia, updateId });

test('the same update id twice: answered once, the conversation moves once', async () => {
  expect((await send({ kind: 'command', name: 'start', args: '' }, '5001')).messages[0]?.text).toContain('Bagikan nomor saya');
  const first = await send({ kind: 'contact', phone: DEMO.asn2.phone, own: true }, '5002');
  expect(first.messages[0]?.text).toContain('Apakah data ini benar?');
  const again = await send({ kind: 'contact', phone: DEMO.asn2.phone, own: true }, '5002');
  expect(again.messages).toEqual([]);
  const session = await t.app.sessions.get(chat.channel, chat.chatId);
  expect(session?.step).toBe('confirm');
  // A new update id, and inputs without one (the console), are handled as usual.
  expect((await send({ kind: 'text', text: 'Ya, benar' }, '5003')).messages[0]?.text).toContain('Halo, Budi Prasetyo');
  expect((await send({ kind: 'command', name: 'menu', args: '' })).messages[0]?.text).toContain('Halo, Budi Prasetyo');
  expect((await send({ kind: 'command', name: 'menu', args: '' })).messages[0]?.text).toContain('Halo, Budi Prasetyo');
});

test('a step that fails answers politely and leaves the conversation where it was', async () => {
  const c = { channel: 'telegram' as const, chatId: '88002' };
  const say = (input: IncomingMessage['input']) => t.app.rawEngine.handle({ chat: c, input, fetchMedia });
  await say({ kind: 'command', name: 'start', args: '' });
  await say({ kind: 'contact', phone: DEMO.asn.phone, own: true });
  await say({ kind: 'text', text: 'Ya, benar' });
  await say({ kind: 'text', text: 'Lihat katalog UMKM' });
  await say({ kind: 'text', text: 'Kuliner' });
  const before = await t.app.sessions.get(c.channel, c.chatId);
  const catalogue = t.app.store.catalogue;
  // the catalogue read the list makes fails
  const listings = catalogue.listings;
  catalogue.listings = async () => {
    throw new Error('Redis went away');
  };
  try {
    const out = await say({ kind: 'text', text: 'Semua kecamatan' });
    expect(out.messages[0]?.text).toContain('Mohon maaf, ada kendala');
  } finally {
    catalogue.listings = listings;
  }
  expect(await t.app.sessions.get(c.channel, c.chatId)).toEqual(before);
  const retry = await say({ kind: 'text', text: 'Semua kecamatan' }); // the same button works again
  expect(retry.messages[0]?.text).toMatch(/produk \(halaman 1\//);
});

test('with Redis unreachable, the person is told the message was not processed, and nothing throws', async () => {
  const conn = openRedis();
  const config = loadConfig({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: uniquePrefix('no-redis'), MEDIA_DIR: t.mediaDir });
  const app = createApp({ config, redis: conn, redisUrl: testRedisUrl(), logger: createLogger('silent') });
  await app.ready();
  conn.disconnect(); // as if Redis went away
  const out = await app.rawEngine.handle({
    chat: { channel: 'telegram', chatId: '88003' },
    input: { kind: 'text', text: 'halo' },
    fetchMedia,
    updateId: '7001',
  });
  expect(out.messages.map((m) => m.text)).toEqual([
    'Mohon maaf, layanan sedang mengalami gangguan dan pesan Anda belum kami proses. Silakan kirim lagi beberapa saat lagi.',
  ]);
  const flooded = await app.engine.handle({ chat: { channel: 'telegram', chatId: '88003' }, input: { kind: 'command', name: 'menu', args: '' }, fetchMedia });
  expect(flooded.messages[0]?.text).toContain('belum kami proses'); // flood control lets it through to the same answer
  await app.close().catch(() => undefined);
});

/** A second bot instance on the same Redis and prefix (its own memory of what it wrote and read). */
async function secondInstance() {
  const conn = openRedis();
  const config = loadConfig({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: t.prefix, MEDIA_DIR: t.mediaDir });
  const app = createApp({ config, redis: conn, redisUrl: testRedisUrl(), logger: createLogger('silent') });
  await app.ready();
  return {
    app,
    async close() {
      await app.close();
      await conn.quit();
    },
  };
}

test('an update id is dropped however many updates came after it, and by another instance too', async () => {
  const c = { channel: 'telegram' as const, chatId: '88004' };
  const say = (input: IncomingMessage['input'], updateId: string) => t.app.rawEngine.handle({ chat: c, input, fetchMedia, updateId });
  await say({ kind: 'command', name: 'start', args: '' }, '6001');
  await say({ kind: 'contact', phone: DEMO.asn.phone, own: true }, '6002');
  await say({ kind: 'text', text: 'Ya, benar' }, '6003');
  for (let i = 4; i <= 12; i++) await say({ kind: 'command', name: 'menu', args: '' }, `60${String(i).padStart(2, '0')}`);
  expect((await say({ kind: 'text', text: 'Ya, benar' }, '6003')).messages).toEqual([]);
  const other = await secondInstance();
  try {
    const again = await other.app.rawEngine.handle({ chat: c, input: { kind: 'command', name: 'start', args: '' }, fetchMedia, updateId: '6001' });
    expect(again.messages).toEqual([]);
    const fresh = await other.app.rawEngine.handle({ chat: c, input: { kind: 'command', name: 'menu', args: '' }, fetchMedia, updateId: '6013' });
    expect(fresh.messages[0]?.text).toContain('Halo, Rina');
  } finally {
    await other.close();
  }
});

test('a failed update sent again is dropped, and the conversation stays where it was', async () => {
  const c = { channel: 'telegram' as const, chatId: '88005' };
  const say = (input: IncomingMessage['input'], updateId: string) => t.app.rawEngine.handle({ chat: c, input, fetchMedia, updateId });
  await say({ kind: 'command', name: 'start', args: '' }, '6101');
  await say({ kind: 'contact', phone: DEMO.asn.phone, own: true }, '6102');
  await say({ kind: 'text', text: 'Ya, benar' }, '6103');
  await say({ kind: 'text', text: 'Lihat katalog UMKM' }, '6104');
  await say({ kind: 'text', text: 'Kuliner' }, '6105');
  const before = await t.app.sessions.get(c.channel, c.chatId);
  const catalogue = t.app.store.catalogue;
  const listings = catalogue.listings;
  catalogue.listings = async () => {
    throw new Error('Redis went away');
  };
  try {
    expect((await say({ kind: 'text', text: 'Semua kecamatan' }, '6106')).messages[0]?.text).toContain('Mohon maaf, ada kendala');
  } finally {
    catalogue.listings = listings;
  }
  expect((await say({ kind: 'text', text: 'Semua kecamatan' }, '6106')).messages).toEqual([]);
  const after = await t.app.sessions.get(c.channel, c.chatId);
  expect({ ...after, seen: undefined }).toEqual({ ...before, seen: undefined });
  expect((await say({ kind: 'text', text: 'Semua kecamatan' }, '6107')).messages[0]?.text).toMatch(/produk \(halaman 1\//);
});

test('two instances take turns on one chat: each reads what the other wrote (session and language)', async () => {
  const c = { channel: 'telegram' as const, chatId: '88006' };
  const other = await secondInstance();
  const by = (engine: typeof t.app.rawEngine) => async (input: IncomingMessage['input']) =>
    (await engine.handle({ chat: c, input, fetchMedia })).messages.map((m) => m.text).join('\n');
  const a = by(t.app.rawEngine);
  const b = by(other.app.rawEngine);
  try {
    await a({ kind: 'command', name: 'start', args: '' });
    await a({ kind: 'contact', phone: DEMO.asn.phone, own: true });
    expect(await b({ kind: 'text', text: 'Ya, benar' })).toContain('Halo, Rina');
    expect(await a({ kind: 'text', text: 'Lihat katalog UMKM' })).toContain('Pilih kategori');
    expect(await b({ kind: 'text', text: 'Kuliner' })).toContain('Pilih kecamatan');
    // the language changed by the other instance
    await b({ kind: 'command', name: 'bahasa', args: '' });
    expect(await b({ kind: 'text', text: 'English' })).toContain('The language is now English.');
    expect(await a({ kind: 'command', name: 'menu', args: '' })).toContain('Hello, Rina');
  } finally {
    await other.close();
  }
});

test('a stored session changed by hand into something that is not a session starts afresh (at the main menu)', async () => {
  const c = { channel: 'telegram' as const, chatId: '88007' };
  const say = async (input: IncomingMessage['input']) => (await t.app.rawEngine.handle({ chat: c, input, fetchMedia })).messages.map((m) => m.text).join('\n');
  await say({ kind: 'command', name: 'start', args: '' });
  await say({ kind: 'contact', phone: DEMO.asn.phone, own: true });
  await say({ kind: 'text', text: 'Ya, benar' });
  expect(await say({ kind: 'text', text: 'Lihat katalog UMKM' })).toContain('Pilih kategori');
  // the same length as what this instance wrote, different text: validated, and refused
  const key = t.app.store.keys.session(c.channel, c.chatId);
  const raw = (await t.redis.get(key))!;
  await t.redis.set(key, JSON.stringify({ flow: 7 }).padEnd(raw.length, ' '), 'EX', 3600);
  // from the main menu a typed word is a search (the category step would have asked for a kecamatan)
  const out = await say({ kind: 'text', text: 'Kuliner' });
  expect(out).toMatch(/produk \(halaman 1\//);
  expect(out).not.toContain('Pilih kecamatan');
});

test('queue jobs that cannot be added: the person hears of a problem, the conversation stays where it was, and works once the queue is back', async () => {
  const conn = openRedis();
  const config = loadConfig({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: t.prefix, MEDIA_DIR: t.mediaDir });
  let queueDown = false;
  const added: string[] = [];
  const app = createApp({
    config,
    redis: conn,
    redisUrl: testRedisUrl(),
    logger: createLogger('silent'),
    effects: async (effects) => {
      // as a queue whose Redis went away fails, a moment after the session write went out
      await new Promise((r) => setTimeout(r, 20));
      if (queueDown) throw new Error('queue unreachable');
      added.push(...effects.map((e) => e.type));
    },
  });
  await app.ready();
  try {
    const c = { channel: 'telegram' as const, chatId: '88016' };
    const say = (input: IncomingMessage['input']) => app.rawEngine.handle({ chat: c, input, fetchMedia });
    // A notification waits for this phone: linking delivers it (an effect).
    await app.store.waiting.park(DEMO.asn2.phone, { jobId: 'job-88016', orderId: 'ORD-20260101-00001', target: 'asn', event: 'accepted' });
    await say({ kind: 'command', name: 'start', args: '' });
    await say({ kind: 'contact', phone: DEMO.asn2.phone, own: true });
    const before = await app.sessions.get(c.channel, c.chatId);
    queueDown = true;
    expect((await say({ kind: 'text', text: 'Ya, benar' })).messages[0]?.text).toContain('Mohon maaf, ada kendala');
    expect(await app.sessions.get(c.channel, c.chatId)).toEqual(before);
    expect(added).toEqual([]);
    queueDown = false;
    expect((await say({ kind: 'text', text: 'Ya, benar' })).messages[0]?.text).toContain('Halo, Budi Prasetyo');
    expect(added).toEqual(['deliver-waiting']);
  } finally {
    await app.close();
    await conn.quit();
  }
});
