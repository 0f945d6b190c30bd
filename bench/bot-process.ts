/**
 * A child process of the benchmark running one subject against the fake Bot API, so its CPU time
 * and memory are its own (the fake server and the simulated users live in the parent):
 * - `ours`: the real bot (createTelegramBot + createApp, Redis sessions, real queues), run(bot) as
 *   src/channels/telegram/start.ts polls (at most POLLING_CONCURRENCY updates at once);
 * - `bare`: a grammY bot that only reads/writes its session (RedisAdapter) and replies, run(bot)
 *   with the same concurrency;
 * - `broadcast`: the broadcast workers (src/broadcast) with the Telegram sender.
 * Settings come as JSON in argv[2]; commands over IPC: `usage` (CPU, memory; `gc` first), `stop`,
 * `profile-start` / `profile-stop` (a V8 CPU profile of just the measured window, as --cpu-prof writes).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { run, type RunnerHandle, sequentialize } from '@grammyjs/runner';
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { Worker } from 'bullmq';
import { Api, Bot, type Context, type SessionFlavor, session } from 'grammy';
import { Redis } from 'ioredis';
import { createApp } from '../src/app.js';
import { startBroadcastWorkers } from '../src/broadcast/workers.js';
import { createTelegramBot } from '../src/channels/telegram/bot.js';
import { POLLING_CONCURRENCY, POLLING_OPTIONS } from '../src/channels/telegram/start.js';
import { grammyFetch } from '../src/channels/telegram/http-client.js';
import { createTelegramSender } from '../src/channels/telegram/sender.js';
import { loadConfig } from '../src/config.js';
import { createI18n } from '../src/i18n/index.js';
import { createLogger } from '../src/logger.js';
import { openAppConnection, openProducerConnection, openWorkerConnection } from '../src/queue/connection.js';
import { createQueues } from '../src/queue/queues.js';
import { createStore } from '../src/store/index.js';
import { createKeys } from '../src/store/keys.js';

/** What the parent passes. */
export interface SubjectSettings {
  mode: 'ours' | 'bare' | 'broadcast';
  redisUrl: string;
  prefix: string;
  apiRoot: string;
  token: string;
  mediaDir: string;
  /** broadcast: BROADCAST_TELEGRAM_PER_SECOND */
  perSecond?: number;
}

/** The answer to `usage`. */
export interface Usage {
  cpuMs: number;
  /** event loop busy and idle time since start (ms) */
  loopActiveMs: number;
  loopIdleMs: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** memory of Buffers and other objects outside the V8 heap */
  externalMb: number;
  maxRssMb: number;
  /** CPU of the main thread alone (Linux; undefined elsewhere) */
  mainThreadCpuMs?: number;
  /** writes handed to the system on Redis sockets so far: round trips */
  redisWrites: number;
}

type Closer = () => Promise<void>;
const settings = JSON.parse(process.argv[2] ?? '{}') as SubjectSettings;

// Redis round trips: every write a socket to the Redis port hands to the system counts one (a
// command sent alone, a pipeline, a MULTI block, a script call, or all the writes of one turn
// gathered by src/queue/connection.ts `coalesceWrites`). Node's sockets do each such write in
// `_writeGeneric` (one chunk, or a writev of several).
const redisPort = Number(new URL(settings.redisUrl ?? 'redis://127.0.0.1:6379').port || 6379);
const counted = { redisWrites: 0 };
type GenericWrite = (this: net.Socket, ...args: unknown[]) => unknown;
const socketProto = net.Socket.prototype as unknown as { _writeGeneric: GenericWrite };
const originalWrite = socketProto._writeGeneric;
socketProto._writeGeneric = function (...args) {
  if (this.remotePort === redisPort) counted.redisWrites++;
  return originalWrite.apply(this, args);
};
const logger = createLogger('error');

async function startOurs(): Promise<Closer> {
  const config = loadConfig({
    REDIS_URL: settings.redisUrl,
    REDIS_PREFIX: settings.prefix,
    MEDIA_DIR: settings.mediaDir,
    BOT_TOKEN: settings.token,
    TELEGRAM_API_ROOT: settings.apiRoot,
    // Simulated users answer faster than people: flood control stays in the path but never drops.
    FLOOD_PER_SECOND: '1000',
    LOG_LEVEL: 'error',
  });
  const redis = openAppConnection(settings.redisUrl); // as src/main.ts
  const app = createApp({ config, redis, redisUrl: settings.redisUrl, logger });
  await app.ready();
  const { bot } = createTelegramBot({
    token: settings.token,
    apiRoot: settings.apiRoot,
    handler: app.engine,
    redis,
    keys: app.keys,
    chatUsers: app.store.chatUsers,
    logger,
    mediaDir: settings.mediaDir,
  });
  await bot.init();
  const runner: RunnerHandle = run(bot, POLLING_OPTIONS); // as src/channels/telegram/start.ts
  return async () => {
    if (runner.isRunning()) await runner.stop();
    await app.close();
    await redis.quit();
  };
}

type BareContext = Context & SessionFlavor<{ n: number }>;

async function startBare(): Promise<Closer> {
  const redis = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
  const bot = new Bot<BareContext>(settings.token, { client: { apiRoot: settings.apiRoot } });
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
  bot.use(
    session({
      initial: () => ({ n: 0 }),
      storage: new RedisAdapter<{ n: number }>({ instance: redis, ttl: 72 * 3600 }),
      getSessionKey: (ctx) => (ctx.chat ? `${settings.prefix}bare:${ctx.chat.id}` : undefined),
    }),
  );
  bot.on(['message', 'callback_query:data'], async (ctx) => {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    ctx.session.n++;
    await ctx.reply(`ok ${ctx.session.n}`);
  });
  bot.catch((err) => logger.error({ err: err.error }, 'bare bot update failed'));
  await bot.init();
  // The same number of updates at once as ours (POLLING_CONCURRENCY; runner's default is 500): no setting of ours the bare bot lacks.
  const runner = run(bot, { sink: { concurrency: POLLING_CONCURRENCY } });
  return async () => {
    if (runner.isRunning()) await runner.stop();
    await redis.quit();
  };
}

async function startBroadcast(): Promise<Closer> {
  const config = loadConfig({
    REDIS_URL: settings.redisUrl,
    REDIS_PREFIX: settings.prefix,
    MEDIA_DIR: settings.mediaDir,
    BOT_TOKEN: settings.token,
    TELEGRAM_API_ROOT: settings.apiRoot,
    BROADCAST_TELEGRAM_PER_SECOND: String(settings.perSecond ?? 25),
    LOG_LEVEL: 'error',
  });
  const redis = openWorkerConnection(settings.redisUrl);
  const conn = openWorkerConnection(settings.redisUrl);
  const producer = openProducerConnection(settings.redisUrl);
  const keys = createKeys(config.REDIS_PREFIX);
  const store = createStore(redis, { keys });
  const queues = createQueues({ connection: producer, keys, config, logger });
  // As src/worker.ts builds it for production.
  const api = new Api(settings.token, { apiRoot: settings.apiRoot, timeoutSeconds: 60, fetch: grammyFetch });
  const telegram = createTelegramSender(api, { mediaDir: settings.mediaDir, redis, keys });
  const workers: Worker[] = startBroadcastWorkers({ connection: conn, redis, keys, store, config, logger, i18n: createI18n(), senders: { telegram }, queues });
  for (const w of workers) w.on('error', (err) => logger.error({ err }, 'worker error'));
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  return async () => {
    await Promise.all(workers.map((w) => w.close()));
    await queues.close();
    conn.disconnect();
    producer.disconnect();
    await redis.quit();
  };
}

function usage(gc: boolean): Usage {
  const g = (globalThis as { gc?: () => void }).gc;
  if (gc && g) {
    g();
    g();
  }
  const cpu = process.cpuUsage();
  const mem = process.memoryUsage();
  const loop = performance.eventLoopUtilization();
  return {
    cpuMs: (cpu.user + cpu.system) / 1000,
    loopActiveMs: loop.active,
    loopIdleMs: loop.idle,
    rssMb: mem.rss / 2 ** 20,
    heapUsedMb: mem.heapUsed / 2 ** 20,
    heapTotalMb: mem.heapTotal / 2 ** 20,
    externalMb: mem.external / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    mainThreadCpuMs: mainThreadCpuMs(),
    ...counted,
  };
}

/**
 * CPU time of the main thread alone (JavaScript, and what V8 does there), from Linux's per-thread
 * counters: the rest of the process's CPU is V8's helper threads (garbage collection, the
 * optimising compiler) and libuv's pool. Undefined where /proc is not there.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
/** Linux's USER_HZ, the unit of /proc's CPU times. */
const CLOCK_TICKS = 100;

let inspector: Session | undefined;

async function profile(cmd: 'profile-start' | 'profile-stop', dir?: string): Promise<string | undefined> {
  if (cmd === 'profile-start') {
    inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 250 });
    await inspector.post('Profiler.start');
    // BENCH_HEAP_PROF=1: where the measured window allocates; =promoted: only what outlived a young-generation GC.
    if (process.env.BENCH_HEAP_PROF)
      await inspector.post('HeapProfiler.startSampling', {
        samplingInterval: 1024,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: process.env.BENCH_HEAP_PROF !== 'promoted',
      } as never);
    return undefined;
  }
  if (!inspector || !dir) return undefined;
  const { profile: p } = await inspector.post('Profiler.stop');
  mkdirSync(dir, { recursive: true });
  if (process.env.BENCH_HEAP_PROF) {
    const { profile: h } = await inspector.post('HeapProfiler.stopSampling');
    writeFileSync(path.join(dir, `${settings.mode}-${process.pid}.heapprofile`), JSON.stringify(h));
  }
  inspector.disconnect();
  const file = path.join(dir, `${settings.mode}-${process.pid}.cpuprofile`);
  writeFileSync(file, JSON.stringify(p));
  return file;
}

async function main(): Promise<void> {
  const start = settings.mode === 'ours' ? startOurs : settings.mode === 'bare' ? startBare : startBroadcast;
  const close = await start();
  process.on('message', (msg: { cmd: string; gc?: boolean; dir?: string }) => {
    if (msg.cmd === 'usage') process.send!({ type: 'usage', usage: usage(Boolean(msg.gc)) });
    if (msg.cmd === 'profile-start' || msg.cmd === 'profile-stop') {
      void profile(msg.cmd, msg.dir).then((file) => process.send!({ type: msg.cmd, file }));
    }
    if (msg.cmd === 'stop') {
      void close()
        .catch((err: unknown) => logger.error({ err }, 'close failed'))
        .finally(() => {
          process.send!({ type: 'stopped' }, () => process.exit(0));
        });
    }
  });
  process.send!({ type: 'ready' });
}

main().catch((err: unknown) => {
  console.error('bench subject failed:', err);
  process.exit(1);
});
