import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** One line telling an operator how to get a redis-server binary. */
export const REDIS_INSTALL_HINT =
  'redis-server not found on PATH: install it (Debian/Ubuntu: `sudo apt-get install redis-server`; ' +
  'macOS: `brew install redis`; Docker: `docker run -p 6379:6379 redis:7 --appendonly yes`) or set REDIS_URL.';

/** A redis-server child process owned by this program. */
export interface PrivateRedis {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** True when a `redis-server` binary is on PATH. */
export function hasRedisServer(): boolean {
  const r = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return r.status === 0;
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let buf = '';
    sock.setTimeout(500);
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('PONG')) {
        sock.destroy();
        resolve(true);
      } else if (buf.includes('LOADING') || buf.startsWith('-')) {
        sock.destroy();
        resolve(false);
      }
    });
    sock.on('timeout', () => {
      sock.destroy();
      resolve(false);
    });
    sock.on('error', () => resolve(false));
  });
}

/**
 * What every redis-server of ours runs with: data of record in `dir` (AOF fsynced every second,
 * no RDB snapshots), no eviction, in the foreground, warnings only.
 */
export function dataOfRecordArgs(dir: string): string[] {
  return [
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--save',
    '',
    '--maxmemory-policy',
    'noeviction',
    '--daemonize',
    'no',
    '--logfile',
    '',
    '--loglevel',
    'warning',
  ];
}

/**
 * Starts a private redis-server with AOF (`appendonly yes`, `appendfsync everysec`) and
 * `maxmemory-policy noeviction` under `dir`, waits until it answers PING.
 */
export async function startPrivateRedis(opts: { dir: string; port?: number }): Promise<PrivateRedis> {
  if (!hasRedisServer()) throw new Error(REDIS_INSTALL_HINT);
  const dir = path.resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', ...dataOfRecordArgs(dir)], { stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const deadline = Date.now() + 15_000;
  while (!(await ping(port))) {
    if (exited) throw new Error(`redis-server exited at start (port ${port}, dir ${dir})`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${port} within 15 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
