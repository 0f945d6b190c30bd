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
