import { spawn } from 'node:child_process';
import net from 'node:net';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';

/** `src/worker.ts` told to serve HTTP on a port another process holds: one line naming the variable, exit 1. */
test('a port already in use ends the process with one line naming HTTP_PORT, no stack trace', async () => {
  const holder = net.createServer();
  await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
  const port = (holder.address() as net.AddressInfo).port;
  const prefix = uniquePrefix('port-in-use');
  const redis = openRedis();
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix, HTTP_PORT: String(port), LOG_LEVEL: 'silent' };
    for (const k of ['BOT_TOKEN', 'WHATSAPP_ENABLED', 'DASHBOARD_PASSWORD', 'HTTP_HOST']) delete env[k];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.resume();
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(guard);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([`HTTP server: port ${port} on 127.0.0.1 is already in use (another copy running?): set HTTP_PORT to a free port`]);
  } finally {
    await new Promise((r) => holder.close(r));
    await cleanPrefix(redis, prefix);
    await redis.quit();
  }
}, 40_000);
