import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { Redis } from 'ioredis';
import { createOpsRoutes } from '../../../src/http/ops-routes.js';
import { LOGIN_WINDOW_MS, MAX_FAILED_LOGINS } from '../../../src/http/login-guard.js';
import { startHttpServer } from '../../../src/http/server.js';
import { createMetrics } from '../../../src/metrics.js';
import { createKeys } from '../../../src/store/keys.js';
import { silentLogger } from '../../support/queue/harness.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../../support/redis.js';

const PASSWORD = 'dashboard-test-password';
const prefix = uniquePrefix('login');
const keys = createKeys(prefix);
let redis: Redis;
let server: Awaited<ReturnType<typeof startHttpServer>>;

/** GET /admin/queues from a given loopback address (127.0.0.x), with basic auth when a password is given. */
function get(from: string, password?: string): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const headers = password ? { authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` } : {};
    const req = http.request({ host: '127.0.0.1', port: server.port, path: '/admin/queues', localAddress: from, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  redis = openRedis();
  const { routes, prefixes } = await createOpsRoutes({ redis, keys, queues: [], metrics: createMetrics(), dashboardPassword: PASSWORD, logger: silentLogger });
  server = await startHttpServer({ port: 0, logger: silentLogger, routes, prefixes });
});

afterAll(async () => {
  await server.close();
  await cleanPrefix(redis, prefix);
  await redis.quit();
});

describe('the HTTP server', () => {
  it('listens on loopback only when no host is given', () => {
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1' });
  });
});

describe('dashboard login limit per address', () => {
  it(`refuses an address after ${MAX_FAILED_LOGINS} wrong passwords, even with the right one, and only that address`, async () => {
    // Asking without credentials (the browser's first request) is no failed login.
    for (let i = 0; i < 3; i++) expect((await get('127.0.0.2')).status).toBe(401);
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) expect((await get('127.0.0.2', `wrong-${i}`)).status).toBe(401);
    const refused = await get('127.0.0.2', PASSWORD);
    expect(refused.status).toBe(429);
    const seconds = Number(refused.retryAfter);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(LOGIN_WINDOW_MS / 1000);
    // Another address is not affected.
    expect((await get('127.0.0.3', PASSWORD)).status).toBe(200);
  });

  it('lets the address in again when its window is over', async () => {
    // The window ends: its count expires in Redis.
    await redis.pexpire(keys.loginFailures('127.0.0.2'), 1);
    while (await redis.exists(keys.loginFailures('127.0.0.2'))) await new Promise((r) => setImmediate(r));
    expect((await get('127.0.0.2', PASSWORD)).status).toBe(200);
  });
});
