import { createApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { openRedis, testRedisUrl, uniquePrefix } from '../../support/redis.js';
import { createWaDriver } from '../../support/wa-driver.js';

test('WhatsApp with Redis gone: the person is told the message was not processed', async () => {
  const conn = openRedis();
  const prefix = uniquePrefix('wa-down');
  const config = loadConfig({ REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix, MEDIA_DIR: '/tmp/wa-down-media' });
  const app = createApp({ config, redis: conn, redisUrl: testRedisUrl(), logger: createLogger('silent') });
  await app.ready();
  const wa = await createWaDriver({ handler: app.engine, redis: conn, keys: app.keys });
  try {
    conn.disconnect(); // Redis goes away while the socket stays open
    wa.say('+6281234000111', 'halo');
    const [reply] = await wa.waitForReplies('+6281234000111', 1);
    expect(reply).toContain('pesan Anda belum kami proses');
  } finally {
    await wa.close().catch(() => undefined);
    await app.close().catch(() => undefined);
  }
});
