import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { register as globalRegistry } from 'prom-client';
import { startHttpServer } from '../../../src/http/server.js';
import { createOpsRoutes, queuesOf } from '../../../src/http/ops-routes.js';
import { healthRoute } from '../../../src/http/health.js';
import { createMetrics } from '../../../src/metrics.js';
import { QUEUE_NAMES } from '../../../src/queue/jobs.js';
import { startWorkers } from '../../../src/workers/index.js';
import { FAKE_BOT_TOKEN, type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api/index.js';
import { makeMediaDir, seedPaidOrder, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, i18n, settled, silentLogger } from '../../support/queue/harness.js';

const CHAT = '-1001234567890';
const PASSWORD = 'dashboard-test-password';

let h: ReturnType<typeof createHarness>;
let bot: FakeBotApi;
let server: Awaited<ReturnType<typeof startHttpServer>>;
let base: string;
let waStatus = 'open';
let draining = false;
const metrics = createMetrics();

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const basic = (user: string, pw: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${pw}`).toString('base64')}` });

beforeAll(async () => {
  const media = await makeMediaDir();
  bot = await startFakeBotApi({ rateLimits: false });
  bot.addChat({ id: Number(CHAT), type: 'supergroup', title: 'Kantor Wali Kota Depok' });
  const config = testConfig({ BOT_TOKEN: FAKE_BOT_TOKEN, TELEGRAM_API_ROOT: bot.url, MAYOR_TELEGRAM_CHAT_ID: CHAT, MEDIA_DIR: media.dir });
  h = createHarness(config);
  const { routes, prefixes } = await createOpsRoutes({
    redis: h.redis,
    keys: h.keys,
    queues: queuesOf(h.queues),
    metrics,
    channels: {
      telegram: () => ({ ok: true, mode: 'polling' }),
      whatsapp: () => ({ ok: waStatus === 'open', status: waStatus }),
    },
    draining: () => draining,
    dashboardPassword: PASSWORD,
    logger: silentLogger,
  });
  server = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silentLogger, routes, prefixes });
  base = `http://127.0.0.1:${server.port}`;

  // One report delivered by the real worker (metrics hook), one waiting job, one failed job.
  const workers = await startWorkers({
    connection: h.redis,
    redis: h.redis,
    keys: h.keys,
    store: h.store,
    config,
    logger: silentLogger,
    i18n,
    senders: { telegram: h.telegramSender() },
    queues: h.queues,
    scheduleRecap: false,
    scheduleMaintenance: false,
    hooks: { onReportDelivery: metrics.onReportDelivery, onBroadcastSend: metrics.onBroadcastSend },
  });
  const order = await seedPaidOrder(h.store, { receipt: media });
  await h.queues.performEffects([{ type: 'enqueue-report', orderId: order.id }]);
  expect(await (await settled(h.queues.reports, order.id)).getState()).toBe('completed');
  await workers.close();
  await h.queues.recaps.add('recap', { day: '2026-11-23' }, { jobId: 'recap.2026-11-23' });
  const failing = new Worker(
    QUEUE_NAMES.broadcastWhatsapp,
    async () => {
      throw new UnrecoverableError('not delivered: Bad Request: chat not found');
    },
    { connection: h.redis, prefix: h.keys.bullPrefix() },
  );
  await h.queues.broadcastWhatsapp.add(
    'deliver',
    { broadcastId: 'BC-20261123-abc123', channel: 'whatsapp', chatId: '6281234567890@s.whatsapp.net' },
    { jobId: 'bc.1' },
  );
  await settled(h.queues.broadcastWhatsapp, 'bc.1');
  await failing.close();
});

afterAll(async () => {
  await server.close();
  await h.close();
  await bot.close();
});

describe('/healthz', () => {
  it('200 with Redis, each channel and each queue (waiting and failed counts)', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({ status: 'ok', failing: [], redis: { ok: true } });
    expect(body.channels).toEqual({ telegram: { ok: true, mode: 'polling' }, whatsapp: { ok: true, status: 'open' } });
    expect(body.queues.recaps).toMatchObject({ ok: true, waiting: 1, failed: 0 });
    expect(body.queues['broadcast-whatsapp']).toMatchObject({ ok: true, failed: 1 });
    expect(Object.keys(body.queues)).toEqual(expect.arrayContaining(['reports', 'notifications', 'reminders', 'maintenance']));
  });

  it('503 naming WhatsApp when its socket is not open, and while draining', async () => {
    waStatus = 'connecting';
    let res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'failing', failing: ['whatsapp'], channels: { whatsapp: { ok: false, status: 'connecting' } } });
    waStatus = 'open';
    draining = true;
    res = await get('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'draining', failing: [] });
    draining = false;
  });

  it('503 naming Redis when Redis does not answer', async () => {
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on('error', () => undefined);
    const s = await startHttpServer({
      port: 0,
      host: '127.0.0.1',
      logger: silentLogger,
      routes: new Map([['/healthz', healthRoute({ redis: dead, timeoutMs: 500 })]]),
    });
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as Record<string, any>;
      expect(body).toMatchObject({ status: 'failing', failing: ['redis'], redis: { ok: false } });
    } finally {
      await s.close();
      dead.disconnect();
    }
  });
});

describe('/metrics', () => {
  it('counts updates, step latency, report deliveries, broadcast sends and reads queue depth and failures', async () => {
    const handler = metrics.countUpdates({ handle: async () => ({ messages: [] }) });
    await handler.handle({ chat: { channel: 'telegram', chatId: '1' }, input: { kind: 'text', text: 'halo' }, fetchMedia: async () => Buffer.alloc(0) });
    await handler.handle({ chat: { channel: 'whatsapp', chatId: '2' }, input: { kind: 'choice', id: 'x' }, fetchMedia: async () => Buffer.alloc(0) });
    metrics.onStep('menu', 'main', 42);
    metrics.onBroadcastSend('telegram');
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('belanja_updates_total{channel="telegram",input="text"} 1');
    expect(text).toContain('belanja_updates_total{channel="whatsapp",input="choice"} 1');
    expect(text).toContain('belanja_flow_step_seconds_bucket{le="0.05",flow="menu",step="main"} 1');
    expect(text).toContain('belanja_report_deliveries_total{destination="telegram",kind="report"} 1');
    expect(text).toContain('belanja_broadcast_sends_total{channel="telegram"} 1');
    expect(text).toContain('belanja_queue_jobs{queue="recaps",state="waiting"} 1');
    expect(text).toContain('belanja_queue_jobs{queue="broadcast-whatsapp",state="failed"} 1');
    expect(text).toContain('belanja_queue_up{queue="reports"} 1');
    // Nothing lands on prom-client's global registry.
    expect(globalRegistry.getMetricsAsArray().filter((m) => m.name.startsWith('belanja_'))).toEqual([]);
  });
});

describe('/admin/queues', () => {
  it('asks for basic auth and refuses a wrong password', async () => {
    let res = await get('/admin/queues');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    res = await get('/admin/queues', basic('admin', 'wrong-password'));
    expect(res.status).toBe(401);
    res = await get('/admin/queues/api/queues', basic('root', PASSWORD));
    expect(res.status).toBe(401);
  });

  it('shows the dashboard, every queue with its counts, and failed jobs with phone numbers masked', async () => {
    const auth = basic('admin', PASSWORD);
    const page = await get('/admin/queues', auth);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('<title>Belanja UMKM</title>');
    expect(html).toContain('<base href="/admin/queues/" />');
    const css = /href="(static\/css\/[^"]+)"/.exec(html)![1]!;
    expect((await get(`/admin/queues/${css}`, auth)).status).toBe(200);

    const res = await get('/admin/queues/api/queues?activeQueue=broadcast-whatsapp&status=failed&page=1&jobsPerPage=10', auth);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: { name: string; counts: Record<string, number>; readOnlyMode: boolean; jobs: Record<string, any>[] }[] };
    const names = body.queues.map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['reports', 'notifications', 'reminders', 'recaps', 'broadcasts', 'broadcast-whatsapp', 'maintenance']));
    const wa = body.queues.find((q) => q.name === 'broadcast-whatsapp')!;
    expect(wa.counts.failed).toBe(1);
    expect(wa.readOnlyMode).toBe(true);
    expect(wa.jobs[0]!.failedReason).toMatch(/chat not found/);
    expect(JSON.stringify(wa.jobs)).not.toContain('6281234567890');
    expect(wa.jobs[0]!.data).toMatchObject({ broadcastId: 'BC-20261123-abc123', chatId: '<phone>@s.whatsapp.net' });
  });

  it('is read-only: an action is refused', async () => {
    const res = await fetch(`${base}/admin/queues/api/queues/reports/empty`, { method: 'PUT', headers: basic('admin', PASSWORD) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await h.queues.reports.getJobCounts('completed')).toMatchObject({ completed: 1 });
  });
});

describe('without DASHBOARD_PASSWORD', () => {
  it('has no dashboard', async () => {
    const { routes, prefixes } = await createOpsRoutes({ redis: h.redis, keys: h.keys, queues: [], metrics: createMetrics(), logger: silentLogger });
    const s = await startHttpServer({ port: 0, host: '127.0.0.1', logger: silentLogger, routes, prefixes });
    try {
      expect((await fetch(`http://127.0.0.1:${s.port}/admin/queues`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${s.port}/healthz`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
