import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { pidAlive, sharedRedisPaths } from '../../src/store/shared-redis.js';

/**
 * One redis-server per data directory, with real processes: each child attaches to (or starts)
 * the server of its directory; the server stops when the last one leaves; a stale lock is cleared.
 */
const root = process.cwd();
const child = path.join(root, 'test/support/store/redis-user-child.ts');
const tsx = path.join(root, 'node_modules/.bin/tsx');

interface User {
  info: { started: boolean; url: string; serverPid: number; pid: number };
  ask(line: string): Promise<string>;
  proc: ChildProcessWithoutNullStreams;
  stderr: () => string;
}

async function user(dir: string): Promise<User> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const r = await lines.next();
    if (r.done) throw new Error(`user process ended: ${err}`);
    return r.value;
  };
  const info = JSON.parse(await next()) as User['info'];
  return {
    info,
    proc,
    stderr: () => err,
    async ask(line) {
      proc.stdin.write(`${line}\n`);
      return next();
    },
  };
}

function gone(p: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));
}

/** A pid that surely runs no process: one of a child that has exited. */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => p.once('exit', r));
  return p.pid!;
}

const dirs: string[] = [];
const procs: ChildProcessWithoutNullStreams[] = [];
function dataDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'umkm-data-'));
  dirs.push(d);
  return d;
}

afterEach(async () => {
  for (const p of procs.splice(0)) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  // A server a failed test left behind: stop it by its pid file (only servers of our temp dirs).
  for (const d of dirs.splice(0)) {
    const paths = sharedRedisPaths(path.join(d, 'redis'));
    if (existsSync(paths.socket)) {
      const r = new Redis(paths.socket, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
      r.on('error', () => undefined);
      await r.connect().then(
        () => r.call('SHUTDOWN').catch(() => undefined),
        () => undefined,
      );
      r.disconnect();
    }
    rmSync(d, { recursive: true, force: true });
  }
});

test('a second process attaches to the first one’s server; the server stops when the last one leaves', async () => {
  const dir = path.join(dataDir(), 'redis');
  const a = await user(dir);
  procs.push(a.proc);
  const b = await user(dir);
  procs.push(b.proc);
  expect(a.info.started).toBe(true);
  expect(b.info.started).toBe(false);
  expect(b.info.url).toBe(a.info.url);
  expect(b.info.serverPid).toBe(a.info.serverPid);

  // What one writes the other reads: one server, not two on the same AOF files.
  expect(await a.ask('set order:ORD-1 confirmed')).toBe('ok');
  expect(await b.ask('get order:ORD-1')).toBe('confirmed');

  // The first leaves (it started the server): the second still works.
  expect(await a.ask('leave')).toBe('left {"stopped":false}');
  await gone(a.proc);
  expect(pidAlive(a.info.serverPid)).toBe(true);
  expect(await b.ask('set order:ORD-2 confirmed')).toBe('ok');

  // The last one leaves: the server stops, and what was written survives in the AOF.
  expect(await b.ask('leave')).toBe('left {"stopped":true}');
  await gone(b.proc);
  expect(pidAlive(b.info.serverPid)).toBe(false);
  const c = await user(dir);
  procs.push(c.proc);
  expect(c.info.started).toBe(true);
  expect(await c.ask('get order:ORD-1')).toBe('confirmed');
  expect(await c.ask('get order:ORD-2')).toBe('confirmed');
  expect(await c.ask('leave')).toBe('left {"stopped":true}');
}, 60_000);

test('a stale lock (dead pid) is cleared; a killed user leaves the server to the next one, who stops it on leaving', async () => {
  const dir = path.join(dataDir(), 'redis');
  const paths = sharedRedisPaths(dir);
  mkdirSync(dir, { recursive: true });
  const dead = await deadPid();
  writeFileSync(paths.lock, `${dead}\n`);

  const a = await user(dir);
  procs.push(a.proc);
  expect(a.info.started).toBe(true);
  expect(a.stderr()).toContain(`cleared a stale lock ${paths.lock} (pid ${dead} is not running)`);
  expect(existsSync(paths.lock)).toBe(false);
  expect(await a.ask('set import:roster done')).toBe('ok');

  a.proc.kill('SIGKILL'); // cannot stop the server: it keeps running with no user
  await gone(a.proc);
  expect(pidAlive(a.info.serverPid)).toBe(true);

  const b = await user(dir);
  procs.push(b.proc);
  expect(b.info.started).toBe(false);
  expect(b.info.serverPid).toBe(a.info.serverPid);
  expect(await b.ask('get import:roster')).toBe('done');
  expect(await b.ask('leave')).toBe('left {"stopped":true}'); // the killed one's lease died with it
  expect(pidAlive(a.info.serverPid)).toBe(false);
}, 60_000);

test('two processes starting at the same moment: one starts the server, the other attaches to it', async () => {
  const dir = path.join(dataDir(), 'redis');
  const [a, b] = await Promise.all([user(dir), user(dir)]);
  procs.push(a.proc, b.proc);
  expect([a.info.started, b.info.started].sort()).toEqual([false, true]);
  expect(a.info.serverPid).toBe(b.info.serverPid);
  expect((await a.ask('leave')).startsWith('left')).toBe(true);
  expect(await b.ask('leave')).toBe('left {"stopped":true}');
}, 60_000);

test('a lock whose holder stopped refreshing it (a reused pid) is cleared too', async () => {
  const dir = path.join(dataDir(), 'redis');
  const paths = sharedRedisPaths(dir);
  mkdirSync(dir, { recursive: true });
  // A running pid (this test process) that never refreshes the lock: as after a reboot reused it.
  writeFileSync(paths.lock, `${process.pid}\n`);
  const old = new Date(Date.now() - 60_000);
  utimesSync(paths.lock, old, old);
  const a = await user(dir);
  procs.push(a.proc);
  expect(a.info.started).toBe(true);
  expect(a.stderr()).toMatch(new RegExp(`cleared a stale lock .* \\(no heartbeat from pid ${process.pid} for \\d+ s\\)`));
  expect(await a.ask('leave')).toBe('left {"stopped":true}');
}, 60_000);

test('`npm run import` while the bot runs writes into the bot’s server, and leaves it running', async () => {
  const cwd = dataDir();
  const dir = path.join(cwd, 'data/redis');
  const bot = await user(dir); // stands for `npm start` in the same working directory
  procs.push(bot.proc);
  const csv = path.join(cwd, 'roster.csv');
  writeFileSync(csv, 'nip,name,phone,opd,role\n198503122010011002,Budi Santoso,0899-0000-0001,Dinas Kesehatan,asn\n');
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, REDIS_PREFIX: 'shared-test:' };
  const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(tsx, [path.join(root, 'src/cli/import.ts'), 'roster', csv], { cwd, env }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
  expect(r).toMatchObject({ code: 0, stdout: 'roster: 1 added, 0 updated, 0 unchanged\n' });
  expect(pidAlive(bot.info.serverPid)).toBe(true);
  // The bot's process sees the imported row at once, on its own connection.
  expect(Number(await bot.ask('count shared-test:*'))).toBeGreaterThan(0);
  expect(await bot.ask('leave')).toBe('left {"stopped":true}');
}, 60_000);
