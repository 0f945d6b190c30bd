import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { Keys } from '../store/keys.js';
import type { Metrics } from '../metrics.js';
import { createQueueDashboard, DASHBOARD_PATH } from './dashboard.js';
import { type ChannelCheck, healthRoute } from './health.js';
import { createLoginGuard } from './login-guard.js';
import type { Handler } from './server.js';

/** Every BullMQ queue among an object's values (e.g. `createQueues(...)`), so new queues are watched too. */
export function queuesOf(obj: object): Queue[] {
  return Object.values(obj).filter((v): v is Queue => v instanceof Queue);
}

export interface OpsRoutesDeps {
  redis: Redis;
  /** where failed dashboard logins are counted */
  keys: Keys;
  queues: Queue[];
  metrics: Metrics;
  channels?: Record<string, ChannelCheck>;
  draining?: () => boolean;
  /** DASHBOARD_PASSWORD: the dashboard is mounted only when set */
  dashboardPassword?: string;
  logger: Logger;
}

/** GET /metrics: the Prometheus text exposition of this process. */
export function metricsRoute(metrics: Metrics): Handler {
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET' }).end();
      return;
    }
    const body = await metrics.scrape();
    res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : body);
  };
}

/**
 * The operations routes of a process (the app or a worker): `/healthz`, `/metrics`, and the queue
 * dashboard at `/admin/queues` when DASHBOARD_PASSWORD is set. Routes for `startHttpServer`.
 */
export async function createOpsRoutes(deps: OpsRoutesDeps): Promise<{ routes: Map<string, Handler>; prefixes: Map<string, Handler> }> {
  deps.metrics.trackQueues(deps.queues);
  const routes = new Map<string, Handler>([
    ['/healthz', healthRoute({ redis: deps.redis, channels: deps.channels, queues: deps.queues, draining: deps.draining })],
    ['/metrics', metricsRoute(deps.metrics)],
  ]);
  const prefixes = new Map<string, Handler>();
  if (deps.dashboardPassword) {
    prefixes.set(
      DASHBOARD_PATH,
      await createQueueDashboard({ queues: deps.queues, password: deps.dashboardPassword, guard: createLoginGuard(deps.redis, deps.keys) }),
    );
    deps.logger.info({ path: DASHBOARD_PATH }, 'queue dashboard on (basic auth, user admin)');
  }
  return { routes, prefixes };
}
