import { spawn } from 'node:child_process';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { REDIS_INSTALL_HINT, dataOfRecordArgs, hasRedisServer } from './redis-server.js';

/**
 * One private redis-server per data directory, shared by every process of the app that runs
 * without REDIS_URL (`npm start`, a second `npm start`, `npm run import`, `npm run worker`).
 *
 * - Known address: the unix socket `<dir>/redis.sock` (no TCP port). AOF files live in `<dir>`.
 * - The first process starts redis-server there, detached (it belongs to no terminal or parent);
 *   later ones find it answering on the socket and attach.
 * - Each process holds one "lease" connection named `umkm-user:<pid>` while it runs; the OS
 *   closes it when the process dies, however it dies. A process that leaves counts the leases
 *   of the others and, when none is left, shuts the server down (SHUTDOWN: AOF flushed).
 * - Starting and leaving happen under the lock file `<dir>/redis.lock` (the holder's pid and a
 *   heartbeat), so a newcomer never attaches to a server being shut down and two starters never
 *   start two servers. A lock whose pid is dead, or whose heartbeat stopped, is stale: cleared.
 * - A killed last user cannot stop the server: it keeps running with no lease until the next
 *   process attaches and leaves (or `redis-cli -s <dir>/redis.sock shutdown`).
 */
export interface SharedRedis {
  /** what ioredis takes: the absolute path of the unix socket */
  url: string;
  socket: string;
  dir: string;
  /** true when this process started the server, false when it attached to a running one */
  started: boolean;
  /** pid of the redis-server */
  serverPid: number | undefined;
  /** Leaves: closes the lease and stops the server when no other process holds one. */
  release(): Promise<{ stopped: boolean }>;
}

export const LEASE_PREFIX = 'umkm-user:';
/** A lock file whose heartbeat is older than this is stale (its holder refreshes it every 2 s). */
export const LOCK_STALE_MS = 15_000;
const HEARTBEAT_MS = 2000;
const SOCKET_PATH_MAX = 100; // sun_path is 108 bytes on Linux, 104 on macOS

export function sharedRedisPaths(dir: string) {
  const abs = path.resolve(dir);
  return { dir: abs, socket: path.join(abs, 'redis.sock'), lock: path.join(abs, 'redis.lock'), pidfile: path.join(abs, 'redis-server.pid') };
}

/** True when a process with this pid exists (EPERM: it exists, owned by someone else). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Answers PING on the unix socket (not while loading the AOF). */
export function pingSocket(socket: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(socket);
    let buf = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs);
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      buf += d.toString();
      if (buf.includes('PONG')) done(true);
      else if (buf.startsWith('-')) done(false);
    });
    sock.on('timeout', () => done(false));
    sock.on('error', () => done(false));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readLockPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Why a lock file is stale, or undefined when its holder looks alive. */
function staleReason(file: string): string | undefined {
  let mtime: number;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    return undefined; // gone already
  }
  const pid = readLockPid(file);
  if (pid === undefined) return Date.now() - mtime > 1000 ? 'no pid in it' : undefined; // being written
  if (!pidAlive(pid)) return `pid ${pid} is not running`;
  if (Date.now() - mtime > LOCK_STALE_MS) return `no heartbeat from pid ${pid} for ${Math.round((Date.now() - mtime) / 1000)} s`;
  return undefined;
}

/**
 * Clears a stale lock without removing a fresh one that replaced it meanwhile: the file is moved
 * aside (atomic), checked again, and put back (link: never over a newer lock) when it was live.
 */
function clearStale(file: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // someone else cleared it
  }
  if (staleReason(aside) === undefined) {
    try {
      linkSync(aside, file);
    } catch {
      // a newer lock is there: it stays
    }
  }
  unlinkSync(aside);
}

/** Runs `fn` holding `<dir>/redis.lock`; waits while a live process holds it. */
export async function withDirLock<T>(lockFile: string, fn: () => Promise<T>, opts: { waitMs?: number; onStale?: (why: string) => void } = {}): Promise<T> {
  const until = Date.now() + (opts.waitMs ?? 60_000);
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (fd !== undefined) {
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const beat = setInterval(() => {
        try {
          const now = new Date();
          utimesSync(lockFile, now, now);
        } catch {
          // the file is gone: nothing to refresh
        }
      }, HEARTBEAT_MS);
      beat.unref();
      try {
        return await fn();
      } finally {
        clearInterval(beat);
        if (readLockPid(lockFile) === process.pid) unlinkSync(lockFile);
      }
    }
    const why = staleReason(lockFile);
    if (why) {
      opts.onStale?.(why);
      clearStale(lockFile);
      continue;
    }
    if (Date.now() > until) {
      throw new Error(`${lockFile} is held by running pid ${readLockPid(lockFile) ?? '?'}: wait for it, or remove the file if that is not this app`);
    }
    await sleep(50);
  }
}

function startServer(p: ReturnType<typeof sharedRedisPaths>): number | undefined {
  const child = spawn(
    'redis-server',
    ['--port', '0', '--unixsocket', p.socket, '--unixsocketperm', '700', '--pidfile', p.pidfile, ...dataOfRecordArgs(p.dir)],
    // Its own session: a Ctrl-C in the terminal of the process that started it does not reach it.
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  return child.pid;
}

function serverPid(p: ReturnType<typeof sharedRedisPaths>): number | undefined {
  return readLockPid(p.pidfile);
}

async function waitUntil(cond: () => Promise<boolean> | boolean, limitMs: number, what: string): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(what);
    await sleep(50);
  }
}

/**
 * Attaches to the data directory's redis-server, starting it when none answers. See the module
 * comment for the rules. `log` gets one line on a start or a stale lock.
 */
export async function attachSharedRedis(opts: { dir: string; log?: (msg: string) => void; startLimitMs?: number }): Promise<SharedRedis> {
  const p = sharedRedisPaths(opts.dir);
  if (Buffer.byteLength(p.socket) > SOCKET_PATH_MAX) {
    throw new Error(`the data directory path is too long for a unix socket (${p.socket}): use a shorter path, or set REDIS_URL`);
  }
  mkdirSync(p.dir, { recursive: true });
  const log = opts.log ?? (() => undefined);
  let started = false;
  const lease = await withDirLock(
    p.lock,
    async () => {
      if (!(await pingSocket(p.socket))) {
        if (!hasRedisServer()) throw new Error(REDIS_INSTALL_HINT);
        const pid = startServer(p);
        started = true;
        await waitUntil(
          async () => {
            if (pid !== undefined && !pidAlive(pid)) throw new Error(`redis-server exited at start (dir ${p.dir}); see its AOF files there`);
            return pingSocket(p.socket);
          },
          opts.startLimitMs ?? 60_000,
          `redis-server did not answer on ${p.socket}`,
        );
        log(`started redis-server on ${p.socket}`);
      }
      const conn = new Redis(p.socket, {
        connectionName: `${LEASE_PREFIX}${process.pid}`,
        maxRetriesPerRequest: null,
        autoResendUnfulfilledCommands: false, // never a SHUTDOWN sent again to a later server
        lazyConnect: true,
      });
      conn.on('error', () => undefined); // the app's own connections report Redis problems
      await conn.connect();
      return conn;
    },
    { onStale: (why) => log(`cleared a stale lock ${p.lock} (${why})`) },
  );

  let released: Promise<{ stopped: boolean }> | undefined;
  return {
    url: p.socket,
    socket: p.socket,
    dir: p.dir,
    started,
    serverPid: serverPid(p),
    release() {
      released ??= withDirLock(p.lock, async () => {
        let stopped = false;
        try {
          const me = String(await lease.client('ID'));
          const list = String(await lease.client('LIST'));
          const others = list.split('\n').filter((line) => line.includes(`name=${LEASE_PREFIX}`) && !line.startsWith(`id=${me} `)).length;
          if (others === 0) {
            const pid = serverPid(p);
            // No answer comes (the connection closes under it): wait for the process instead.
            void lease.call('SHUTDOWN').catch(() => undefined);
            await waitUntil(async () => (pid ? !pidAlive(pid) : !(await pingSocket(p.socket, 200))), 20_000, 'redis-server did not stop');
            stopped = true;
            log(`stopped redis-server on ${p.socket} (last user left)`);
          } else {
            // Renamed before the lock is let go: the next to leave does not count this lease,
            // whose connection the server may not have closed yet.
            await lease.client('SETNAME', `umkm-left:${process.pid}`);
          }
        } finally {
          lease.disconnect();
        }
        return { stopped };
      });
      return released;
    },
  };
}
