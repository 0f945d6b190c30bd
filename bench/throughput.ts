/**
 * Part 1: the full ASN journey through grammY (ours) next to a bare session-only grammY bot, each in
 * its own child process against the same fake Bot API (rate limits off), fed by getUpdates through
 * @grammyjs/runner. N users at once, each update waiting for the previous answer, like people.
 */
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { FakeBotApi } from '../test/support/fake-bot-api/index.js';
import { actionName, type Driver, pool } from './driver.js';
import { type JourneyPerson, asnJourney, bareJourney } from './journey.js';
import { percentile } from './report.js';
import { startSubject } from './subject.js';

/** Figures of one subject. */
export interface JourneyFigures {
  subject: 'ours' | 'bare';
  users: number;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of the bot process per update (user + system) */
  cpuMsPerUpdate: number;
  /** of which the main thread's (the rest: V8's GC and compiler threads, libuv's pool); undefined off Linux */
  mainThreadCpuMsPerUpdate?: number;
  /** Redis commands and Redis server CPU per update */
  redisCommandsPerUpdate: number;
  /** writes to Redis the bot made per update (a command alone, a pipeline, a MULTI or a script: one each) */
  redisRoundTripsPerUpdate: number;
  redisCpuMsPerUpdate: number;
  /** the most frequent Redis commands, per update */
  redisMix: [string, number][];
  /** share of the measured time the bot's event loop was busy */
  loopUtilisation: number;
  /** Bot API calls the bot made per update (getUpdates not counted) */
  apiCallsPerUpdate: number;
  /** CPU of this process (fake server + simulated users) per update */
  driverCpuMsPerUpdate: number;
  /** RSS of the bot process after the run, after a forced GC */
  rssMb: number;
  /** from starting the bot process to its first getUpdates (catalogue and roster loaded lazily) */
  readyMs: number;
  /** the CPU profile of the measured window (BENCH_CPU_PROF) */
  profile?: string;
  /** latency p50 / p99 of each step of the journey (index = step), to see which steps make the tail */
  steps: { name: string; p50Ms: number; p99Ms: number }[];
}

/** Total commands (and per command name) and CPU ms of the Redis server so far. */
export async function redisCounters(redis: Redis): Promise<{ commands: number; cpuMs: number; byName: Map<string, number> }> {
  const info = await redis.info('everything');
  const num = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
  const byName = new Map<string, number>();
  for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) byName.set(m[1]!, Number(m[2]));
  return { commands: num('total_commands_processed'), cpuMs: (num('used_cpu_user') + num('used_cpu_sys')) * 1000, byName };
}

export interface JourneyRun {
  subject: 'ours' | 'bare';
  fake: FakeBotApi;
  driver: Driver;
  redis: Redis;
  redisUrl: string;
  prefix: string;
  mediaDir: string;
  /** warm-up users first (JIT, connections, caches), then the measured ones */
  warmup: JourneyPerson[];
  people: JourneyPerson[];
  /** Telegram user id of person i: firstUserId + person.index */
  firstUserId: number;
  cpuProfDir?: string;
}

/** Runs the warm-up, then every measured user at once; stops the subject. */
export async function measureJourney(r: JourneyRun): Promise<JourneyFigures> {
  const started = performance.now();
  const subject = await startSubject({
    mode: r.subject,
    redisUrl: r.redisUrl,
    prefix: r.prefix,
    apiRoot: r.fake.url,
    token: r.fake.token,
    mediaDir: r.mediaDir,
  });
  const readyMs = performance.now() - started;
  const stepsOf = r.subject === 'ours' ? asnJourney : bareJourney;
  const runUsers = async (people: JourneyPerson[], latencies: number[], byStep?: number[][]) => {
    for (const p of people) r.driver.addUser(r.firstUserId + p.index, `Uji ${p.index}`);
    await pool(people.length, people.length, (i) => r.driver.journey(r.firstUserId + people[i]!.index, stepsOf(people[i]!), latencies, byStep));
  };
  // Step names come from our journey for both bots (the bare bot's steps are the same updates).
  const names = asnJourney(r.people[0]!).map((s) => actionName(s.act));
  try {
    await runUsers(r.warmup, []);
    const latencies: number[] = [];
    const byStep: number[][] = [];
    if (r.cpuProfDir) await subject.profileStart();
    const apiCalls = () => {
      const st = r.fake.stats();
      return st.requests - (st.byMethod.getUpdates ?? 0);
    };
    const before = { cpu: await subject.usage(), redis: await redisCounters(r.redis), driver: process.cpuUsage(), api: apiCalls() };
    const t0 = performance.now();
    await runUsers(r.people, latencies, byStep);
    const seconds = (performance.now() - t0) / 1000;
    const after = { cpu: await subject.usage(), redis: await redisCounters(r.redis), driver: process.cpuUsage(before.driver), api: apiCalls() };
    const profile = r.cpuProfDir ? await subject.profileStop(r.cpuProfDir) : undefined;
    const { rssMb } = await subject.usage(true);
    const n = latencies.length;
    return {
      subject: r.subject,
      users: r.people.length,
      updates: n,
      seconds,
      updatesPerSecond: n / seconds,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      cpuMsPerUpdate: (after.cpu.cpuMs - before.cpu.cpuMs) / n,
      mainThreadCpuMsPerUpdate:
        after.cpu.mainThreadCpuMs !== undefined && before.cpu.mainThreadCpuMs !== undefined
          ? (after.cpu.mainThreadCpuMs - before.cpu.mainThreadCpuMs) / n
          : undefined,
      redisCommandsPerUpdate: (after.redis.commands - before.redis.commands) / n,
      redisRoundTripsPerUpdate: (after.cpu.redisWrites - before.cpu.redisWrites) / n,
      redisCpuMsPerUpdate: (after.redis.cpuMs - before.redis.cpuMs) / n,
      redisMix: [...after.redis.byName]
        .map(([name, calls]): [string, number] => [name, (calls - (before.redis.byName.get(name) ?? 0)) / n])
        .filter(([, perUpdate]) => perUpdate >= 0.05)
        .sort((a, b) => b[1] - a[1]),
      loopUtilisation:
        (after.cpu.loopActiveMs - before.cpu.loopActiveMs) / (after.cpu.loopActiveMs - before.cpu.loopActiveMs + after.cpu.loopIdleMs - before.cpu.loopIdleMs),
      apiCallsPerUpdate: (after.api - before.api) / n,
      driverCpuMsPerUpdate: (after.driver.user + after.driver.system) / 1000 / n,
      rssMb,
      readyMs,
      profile,
      steps: byStep.map((ms, i) => ({ name: `${i + 1} ${names[i] ?? ''}`.trim(), p50Ms: percentile(ms, 0.5), p99Ms: percentile(ms, 0.99) })),
    };
  } finally {
    await subject.stop();
  }
}
