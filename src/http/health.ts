import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Handler } from './server.js';

/** One part of the health report: `ok` plus what an operator wants to see. */
export interface PartHealth {
  ok: boolean;
  [detail: string]: unknown;
}

/** A running channel's own view of itself. */
export type ChannelCheck = () => PartHealth;

export interface HealthDeps {
  /** the main connection: PING */
  redis: Redis;
  /** channels running in this process, e.g. telegram (runner running / webhook mounted), whatsapp (socket open) */
  channels?: Record<string, ChannelCheck>;
  /** queues to reach (counts of waiting and failed jobs) */
  queues?: Queue[];
  /** true once shutdown began: the instance reports 503 so a load balancer stops sending to it */
  draining?: () => boolean;
  /** a check that takes longer fails (default 2000 ms) */
  timeoutMs?: number;
}

/** What GET /healthz answers. `failing` names each part that is not ok. */
export interface HealthReport {
  status: 'ok' | 'failing' | 'draining';
  failing: string[];
  redis: PartHealth;
  channels: Record<string, PartHealth>;
  queues: Record<string, PartHealth>;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Checks Redis, each channel and each queue (in parallel, each with a timeout). */
export async function checkHealth(deps: HealthDeps): Promise<HealthReport> {
  const ms = deps.timeoutMs ?? 2000;
  const redisCheck = withTimeout(deps.redis.ping(), ms).then(
    (pong): PartHealth => ({ ok: pong === 'PONG' }),
    (err): PartHealth => ({ ok: false, error: reason(err) }),
  );
  const queueChecks = (deps.queues ?? []).map(async (q): Promise<[string, PartHealth]> => {
    try {
      const c = await withTimeout(q.getJobCounts('waiting', 'delayed', 'active', 'failed'), ms);
      return [q.name, { ok: true, waiting: c.waiting ?? 0, delayed: c.delayed ?? 0, active: c.active ?? 0, failed: c.failed ?? 0 }];
    } catch (err) {
      return [q.name, { ok: false, error: reason(err) }];
    }
  });
  const channels: Record<string, PartHealth> = {};
  for (const [name, check] of Object.entries(deps.channels ?? {})) {
    try {
      channels[name] = check();
    } catch (err) {
      channels[name] = { ok: false, error: reason(err) };
    }
  }
  const redis = await redisCheck;
  const queues = Object.fromEntries(await Promise.all(queueChecks));
  const failing = [
    ...(redis.ok ? [] : ['redis']),
    ...Object.entries(channels).flatMap(([n, h]) => (h.ok ? [] : [n])),
    ...Object.entries(queues).flatMap(([n, h]) => (h.ok ? [] : [`queue:${n}`])),
  ];
  const status = deps.draining?.() ? 'draining' : failing.length ? 'failing' : 'ok';
  return { status, failing, redis, channels, queues };
}

/** GET /healthz: 200 with the report when every part is ok, 503 naming the failing parts otherwise (or while draining). */
export function healthRoute(deps: HealthDeps): Handler {
  return async (_req, res) => {
    const report = await checkHealth(deps);
    res.writeHead(report.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(report));
  };
}
