import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { openProducerConnection } from '../../src/queue/connection.js';
import { jobIds } from '../../src/queue/jobs.js';
import { createQueues } from '../../src/queue/queues.js';
import { createStore } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { FAKE_BOT_TOKEN, type FakeBotApi, startFakeBotApi } from '../support/fake-bot-api/index.js';
import { startGatedProxy } from '../support/gated-proxy.js';
import { makeMediaDir, seedPaidOrder, testConfig } from '../support/queue/fixtures.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';

/**
 * `src/worker.ts` as a child process: SIGTERM while the purchase report is being sent (its
 * sendPhoto held at a proxy in front of the fake Bot API). The worker finishes the job, exits 0,
 * and the mayor's office got the report once.
 */
const MAYOR = -1007770001111;
const GUARD_MS = 30_000;

test('a worker told to stop finishes the report in hand and exits 0', async () => {
  const fake: FakeBotApi = await startFakeBotApi({ rateLimits: false });
  fake.addChat({ id: MAYOR, type: 'supergroup', title: 'Kantor Wali Kota Depok' });
  const proxy = await startGatedProxy(fake.url);
  const redis = openRedis();
  const producer = openProducerConnection(testRedisUrl());
  const keys = createKeys(uniquePrefix('worker-stop'));
  const media = await makeMediaDir();
  const queues = createQueues({ connection: producer, keys, config: testConfig({}) });
  let child: ChildProcessWithoutNullStreams | undefined;
  let log = '';
  try {
    const order = await seedPaidOrder(createStore(redis, { keys }), { receipt: media });
    const held = proxy.hold('sendPhoto', String(MAYOR));

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      REDIS_URL: testRedisUrl(),
      REDIS_PREFIX: keys.prefix,
      BOT_TOKEN: FAKE_BOT_TOKEN,
      TELEGRAM_API_ROOT: proxy.url,
      MAYOR_TELEGRAM_CHAT_ID: String(MAYOR),
      MEDIA_DIR: media.dir,
      LOG_LEVEL: 'info',
    };
    for (const k of ['WHATSAPP_ENABLED', 'HTTP_PORT', 'DASHBOARD_PASSWORD']) delete env[k];
    child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], { cwd: process.cwd(), env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => (log += b.toString()));
    child.stderr.on('data', (b: Buffer) => (log += `[stderr] ${b.toString()}`));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    const guard = setTimeout(() => child?.kill('SIGKILL'), GUARD_MS);

    await queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
    await Promise.race([held.seen, exited.then(() => Promise.reject(new Error(`worker exited early:\n${log}`)))]);
    child.kill('SIGTERM');
    while (!log.includes('shutting down')) {
      if (child.exitCode !== null) throw new Error(`worker exited before shutting down:\n${log}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    held.release();
    const code = await exited;
    clearTimeout(guard);

    expect(code).toBe(0);
    expect(fake.sent(MAYOR).filter((m) => m.method === 'sendPhoto')).toHaveLength(1);
    const job = await queues.reports.getJob(jobIds.report(order.id));
    expect(await job!.getState()).toBe('completed');
    expect(await redis.hget(keys.reportDeliveries(order.id, 'report'), 'telegram')).toBeTruthy();
  } finally {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await queues.close();
    producer.disconnect();
    await cleanPrefix(redis, keys.prefix);
    await redis.quit();
    await proxy.close();
    await fake.close();
    await rm(media.dir, { recursive: true, force: true });
  }
}, 60_000);
