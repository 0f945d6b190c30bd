import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { startPrivateRedis } from '../../../src/store/redis-server.js';
import { makeMediaDir, seedPaidOrder, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, settled } from '../../support/queue/harness.js';
import { startWebhookReceiver } from '../../support/queue/stub-servers.js';
import { startGatedProxy } from '../../support/gated-proxy.js';
import { FAKE_BOT_TOKEN, startFakeBotApi } from '../../support/fake-bot-api/index.js';
import { testRedisUrl } from '../../support/redis.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const childScript = path.join(root, 'test/support/queue/worker-child.ts');
const SECRET = 'test-webhook-secret-0123456789';
const MAYOR_CHAT = -1001234567890;

async function fakeBot() {
  const bot = await startFakeBotApi({ rateLimits: false });
  bot.addChat({ id: MAYOR_CHAT, type: 'supergroup', title: 'Kantor Wali Kota Depok' });
  return bot;
}

function envFor(botUrl: string, hookUrl: string, mediaDir: string) {
  return {
    BOT_TOKEN: FAKE_BOT_TOKEN,
    TELEGRAM_API_ROOT: botUrl,
    MAYOR_TELEGRAM_CHAT_ID: String(MAYOR_CHAT),
    REPORT_WEBHOOK_URL: hookUrl,
    REPORT_WEBHOOK_SECRET: SECRET,
    MEDIA_DIR: mediaDir,
  };
}

/** Spawns a worker process (node + tsx loader, so SIGKILL reaches the worker itself). */
function spawnWorker(arg: object): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, JSON.stringify(arg)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
  });
}

describe('reports survive crashes', () => {
  it('a worker killed mid-job (SIGKILL): a new worker finishes the report and nothing is sent twice', async () => {
    const media = await makeMediaDir();
    const bot = await fakeBot();
    let inWebhook!: () => void;
    const webhookReached = new Promise<void>((r) => (inWebhook = r));
    // The first webhook request is never answered: the worker is killed while waiting for it.
    const hook = await startWebhookReceiver(
      (n) => (n === 1 ? 'hang' : undefined),
      () => inWebhook(),
    );
    const env = envFor(bot.url, hook.url, media.dir);
    const h = createHarness(testConfig(env));
    const children: ChildProcess[] = [];
    try {
      const order = await seedPaidOrder(h.store, { receipt: media });
      await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
      const arg = { redisUrl: testRedisUrl(), prefix: h.keys.prefix, env };

      const first = await spawnWorker(arg);
      children.push(first);
      await webhookReached;
      expect(await h.redis.hexists(h.keys.reportDeliveries(order.id, 'report'), 'telegram')).toBe(1);
      first.kill('SIGKILL');
      await killed(first);

      const second = await spawnWorker(arg);
      children.push(second);
      const job = await settled(h.queues.reports, order.id, 25_000);
      expect(await job.getState()).toBe('completed');
      expect(bot.calls('sendPhoto')).toHaveLength(1);
      expect(bot.sent()).toHaveLength(1);
      expect(hook.accepted()).toHaveLength(1);
      expect(hook.hits).toHaveLength(2); // the unanswered one of the killed worker, then the delivery
      // The second call says it is a repeat of the cut one: same report id, event and key.
      const [cut, again] = hook.hits.map((x) => ({ body: JSON.parse(x.body), key: x.headers['idempotency-key'] }));
      expect(again!.key).toBe(`RPT-${order.id}:purchase.reported`);
      expect(again!.key).toBe(cut!.key);
      expect([cut!.body.resent, again!.body.resent]).toEqual([undefined, true]);
      expect(again!.body.report_id).toBe(cut!.body.report_id);
      const order2 = await h.store.orders.get(order.id);
      expect(Object.keys(order2!.reportedTo).sort()).toEqual(['telegram', 'webhook']);

      second.kill('SIGTERM');
      await killed(second);
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await h.close().finally(async () => {
        await bot.close();
        await hook.close();
      });
    }
  }, 40_000);

  it('a worker killed while its Telegram send is in flight: the next worker sends it marked "dikirim ulang" with the same report id', async () => {
    const media = await makeMediaDir();
    const bot = await fakeBot();
    const proxy = await startGatedProxy(bot.url);
    const hook = await startWebhookReceiver();
    const env = envFor(proxy.url, hook.url, media.dir);
    const h = createHarness(testConfig(env));
    const children: ChildProcess[] = [];
    try {
      const order = await seedPaidOrder(h.store, { receipt: media });
      const held = proxy.hold('sendPhoto', String(MAYOR_CHAT));
      await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
      const arg = { redisUrl: testRedisUrl(), prefix: h.keys.prefix, env };
      const first = await spawnWorker(arg);
      children.push(first);
      await held.seen; // the photo is on its way: whether it arrives is unknown to the worker
      first.kill('SIGKILL');
      await killed(first);
      held.release();

      const second = await spawnWorker(arg);
      children.push(second);
      const job = await settled(h.queues.reports, order.id, 25_000);
      expect(await job.getState()).toBe('completed');
      const photos = bot.sent(MAYOR_CHAT).filter((m) => m.method === 'sendPhoto');
      expect(photos).toHaveLength(1);
      expect(photos[0]!.caption).toMatch(new RegExp(`^🔁 DIKIRIM ULANG — laporan RPT-${order.id}:`));
      expect(photos[0]!.caption).toContain(`— ${order.id}`);
      // The webhook call was never started before the crash: it goes out once, not marked.
      expect(hook.accepted()).toHaveLength(1);
      expect(JSON.parse(hook.accepted()[0]!.body).resent).toBeUndefined();
      second.kill('SIGTERM');
      await killed(second);
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      await h.close().finally(async () => {
        await proxy.close();
        await bot.close();
        await hook.close();
      });
    }
  }, 40_000);

  it('a Redis restart (AOF) between enqueue and processing: the report still goes out, once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'umkm-restart-redis-'));
    let server = await startPrivateRedis({ dir });
    const media = await makeMediaDir();
    const bot = await fakeBot();
    const hook = await startWebhookReceiver();
    const h = createHarness(testConfig(envFor(bot.url, hook.url, media.dir)), { redisUrl: server.url });
    try {
      const order = await seedPaidOrder(h.store, { receipt: media });
      await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
      await server.stop();
      server = await startPrivateRedis({ dir, port: server.port });
      // The producer connection fails fast while reconnecting (by design): wait until it is back.
      await h.reconnected();
      await h.start({ telegram: h.telegramSender() });
      const job = await settled(h.queues.reports, order.id);
      expect(await job.getState()).toBe('completed');
      expect(bot.sent().map((m) => m.method)).toEqual(['sendPhoto']);
      expect(hook.accepted()).toHaveLength(1);
    } finally {
      await h.close().finally(async () => {
        await server.stop();
        await bot.close();
        await hook.close();
      });
    }
  });
});
