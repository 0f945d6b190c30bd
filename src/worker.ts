/**
 * Entry of `npm run worker`: the BullMQ workers only (reports, reminders, recaps). Run as many as
 * you like against one Redis. Without REDIS_URL it attaches to the data directory's shared
 * redis-server (./data/redis, the one `npm start` uses; started when none runs). WhatsApp
 * messages need the WhatsApp socket, which lives in the app: a separate worker queues them on the
 * `wa-outbox` queue that the app delivers.
 * With HTTP_PORT it serves /healthz and /metrics (and the dashboard with DASHBOARD_PASSWORD).
 * SIGTERM/SIGINT: the jobs in hand finish, then it exits 0.
 */
import { Api } from 'grammy';
import { grammyFetch } from './channels/telegram/http-client.js';
import { createTelegramSender } from './channels/telegram/sender.js';
import { createWhatsAppOutboxSender, openOutboxQueue } from './channels/whatsapp/outbox.js';
import { configOrExit } from './boot.js';
import { createOpsRoutes, queuesOf } from './http/ops-routes.js';
import { startHttpServer } from './http/server.js';
import { createI18n } from './i18n/index.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { openWorkerConnection } from './queue/connection.js';
import { startWorkers } from './workers/index.js';
import { createStore } from './store/index.js';
import { attachSharedRedis } from './store/shared-redis.js';
import { createKeys } from './store/keys.js';
import { createShutdown } from './shutdown.js';

async function main(): Promise<void> {
  const config = configOrExit(2);
  const logger = createLogger(config.LOG_LEVEL);
  const shared = config.REDIS_URL ? undefined : await attachSharedRedis({ dir: './data/redis', log: (msg) => logger.info(msg) });
  const redis = openWorkerConnection(config.REDIS_URL ?? shared!.url, logger);
  const keys = createKeys(config.REDIS_PREFIX);
  const store = createStore(redis, { keys });
  const tg = config.telegram;
  const telegram =
    tg.mode === 'off'
      ? undefined
      : createTelegramSender(new Api(tg.token, { apiRoot: tg.apiRoot, timeoutSeconds: 60, fetch: grammyFetch }), { mediaDir: config.MEDIA_DIR, redis, keys });

  // WhatsApp allows one socket per number: it lives in the app process; sends go through its outbox.
  const whatsapp = config.whatsapp.mode === 'on' ? createWhatsAppOutboxSender(redis, keys) : undefined;
  const metrics = createMetrics({ processMetrics: true });
  const handle = await startWorkers({
    connection: redis,
    redis,
    keys,
    store,
    config,
    logger,
    i18n: createI18n(),
    senders: { telegram, whatsapp },
    hooks: { onReportDelivery: metrics.onReportDelivery, onBroadcastSend: metrics.onBroadcastSend },
  });

  // SIGTERM/SIGINT: the workers finish the jobs in hand (BullMQ close), then the connections close.
  const shutdown = createShutdown(logger);
  shutdown.add('workers', 'queue workers', () => handle.close());
  shutdown.add('connections', 'whatsapp outbox', async () => whatsapp?.close());
  shutdown.add('connections', 'redis', async () => void (await redis.quit()));
  if (shared) shutdown.add('connections', 'private redis-server', async () => void (await shared.release()));
  shutdown.onSignals();

  if (config.HTTP_PORT) {
    // /healthz and /metrics of this worker (report deliveries and broadcast sends are counted here).
    const queues = queuesOf(handle.queues);
    if (config.whatsapp.mode === 'on') queues.push(openOutboxQueue(redis, keys));
    const { routes, prefixes } = await createOpsRoutes({
      redis,
      keys: keys,
      queues,
      metrics,
      draining: shutdown.draining,
      dashboardPassword: config.DASHBOARD_PASSWORD,
      logger,
    });
    const http = await startHttpServer({ port: config.HTTP_PORT, host: config.HTTP_HOST, logger, routes, prefixes });
    shutdown.add('http', 'http server', () => http.close());
    logger.info({ port: http.port }, 'worker http server listening (/healthz, /metrics)');
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
