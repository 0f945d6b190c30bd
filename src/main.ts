import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ENGLISH_COMMANDS } from '../flows/index.js';
import { type App, createApp } from './app.js';
import { configOrExit } from './boot.js';
import { startConsole, type StartedConsole } from './channels/console/start.js';
import { startTelegram } from './channels/telegram/start.js';
import type { StartedChannel } from './channels/types.js';
import { openOutboxQueue } from './channels/whatsapp/outbox.js';
import { startWhatsApp } from './channels/whatsapp/start.js';
import type { Config } from './config.js';
import type { ChannelCheck } from './http/health.js';
import { createOpsRoutes, queuesOf } from './http/ops-routes.js';
import { type Handler, startHttpServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics, type Metrics } from './metrics.js';
import { openAppConnection, openWorkerConnection } from './queue/connection.js';
import { startWorkers, type WorkerSenders } from './workers/index.js';
import { createShutdown, type Shutdown } from './shutdown.js';
import { REDIS_INSTALL_HINT, hasRedisServer } from './store/redis-server.js';
import { attachSharedRedis } from './store/shared-redis.js';

/**
 * Entry point: starts the channels named in the config (Telegram when BOT_TOKEN is set, WhatsApp
 * when WHATSAPP_ENABLED, the terminal chat when nothing is configured) and the queue workers when
 * WORKER=inline. Without REDIS_URL the data directory's private redis-server (AOF on, unix socket
 * ./data/redis/redis.sock) is used: started when none runs, shared with any other process of the
 * app on the same directory, stopped when the last one leaves (src/store/shared-redis.ts).
 * With HTTP_PORT: the webhook, /healthz, /metrics and /admin/queues. SIGTERM/SIGINT: a graceful
 * shutdown (src/shutdown.ts), exit 0.
 *
 * Read top-down: config, logger, redis, app and the shutdown it joins, channels, workers, HTTP,
 * then the terminal chat if it runs. Each channel starts in its own `start<Channel>()`.
 */
async function main(): Promise<void> {
  const config = configOrExit(1);
  const logger = appLogger(config);
  const shutdown = createShutdown(logger);
  const { redisUrl, releaseRedis } = await redisFor(config, logger);
  const redis = openAppConnection(redisUrl, logger);
  const metrics = createMetrics({ processMetrics: true });
  const app = createApp({ config, redis, redisUrl, logger, onStep: metrics.onStep, onFloodDrop: metrics.onFloodDrop });
  await app.ready();

  // SIGTERM/SIGINT: stop taking updates and finish the ones in hand, close HTTP, let the workers
  // finish their jobs in hand, close the connections; then exit 0 (src/shutdown.ts).
  shutdown.add('connections', 'app', () => app.close());
  shutdown.add('connections', 'redis', async () => void (await redis.quit()));
  if (releaseRedis) shutdown.add('connections', 'private redis-server', releaseRedis);
  shutdown.onSignals();

  const { senders, health, routes, terminal } = await startChannels(config, app, redisUrl, metrics, shutdown);
  if (config.workerInline) await startInlineWorkers(config, app, redisUrl, senders, metrics, shutdown);
  if (config.HTTP_PORT) await startHttp(config, app, metrics, health, routes, shutdown);

  if (terminal) {
    await terminal.run();
    // Let queued work (the report of a purchase just made) finish before leaving.
    process.exit(await shutdown.run('stdin closed'));
  }
}

/** In the terminal chat, logs go to a file so they do not mix with the conversation. */
function appLogger(config: Config): Logger {
  if (!config.consoleEnabled) return createLogger(config.LOG_LEVEL);
  mkdirSync('data', { recursive: true });
  return createLogger(config.LOG_LEVEL, createWriteStream(path.resolve('data/console.log'), { flags: 'a' }));
}

/** REDIS_URL, or the data directory's private redis-server (attached, or started) and how to let it go. */
async function redisFor(config: Config, logger: Logger): Promise<{ redisUrl: string; releaseRedis?: () => Promise<void> }> {
  if (config.REDIS_URL) return { redisUrl: config.REDIS_URL };
  if (!hasRedisServer()) {
    console.error(REDIS_INSTALL_HINT);
    process.exit(1);
  }
  const shared = await attachSharedRedis({ dir: './data/redis', log: (msg) => logger.info(msg) });
  logger.info({ started: shared.started }, `private redis-server of ./data/redis: ${shared.started ? 'started' : 'attached'}`);
  return { redisUrl: shared.url, releaseRedis: async () => void (await shared.release()) };
}

/**
 * Starts the channels the config names, each behind flood control and counted per channel for
 * /metrics, each stopped in the shutdown's intake phase. Returns the senders the queue workers
 * use, the health checks and HTTP routes (the Telegram webhook), and the terminal chat to run last.
 */
async function startChannels(config: Config, app: App, redisUrl: string, metrics: Metrics, shutdown: Shutdown) {
  const handler = metrics.countUpdates(app.engine);
  const senders: WorkerSenders = {};
  const health: Record<string, ChannelCheck> = {};
  const routes = new Map<string, Handler>();
  const onShutdown = (name: string, channel: StartedChannel) => shutdown.add('intake', name, () => channel.stop());
  const common = { redis: app.redis, keys: app.keys, logger: app.logger, handler, i18n: app.i18n, mediaDir: config.MEDIA_DIR };

  // The terminal chat's demo personas (/sebagai): messages the workers address to any of them
  // are shown in the terminal and wait in that persona's chat.
  let terminal: StartedConsole | undefined;
  if (config.consoleEnabled) {
    terminal = await startConsole({ ...common, store: app.store, locale: config.DEFAULT_LOCALE, outDir: config.CONSOLE_OUT_DIR, clock: app.clock });
    senders.console = terminal.sender;
  }

  if (config.whatsapp.mode === 'on') {
    const whatsapp = await startWhatsApp({ ...common, whatsapp: config.whatsapp, redisUrl, locale: config.DEFAULT_LOCALE });
    // Owner invitations point at the paired number (click-to-chat links).
    app.bot.whatsappNumber = whatsapp.ownNumber;
    onShutdown('whatsapp', whatsapp);
    health.whatsapp = whatsapp.health;
    senders.whatsapp = whatsapp.sender;
  }

  if (config.telegram.mode !== 'off') {
    const telegram = await startTelegram({ ...common, telegram: config.telegram, chatUsers: app.store.chatUsers, englishCommands: ENGLISH_COMMANDS });
    // Owner invitations link to the bot by its username.
    app.bot.telegramBot = () => telegram.username;
    onShutdown(`telegram ${config.telegram.mode}`, telegram);
    health.telegram = telegram.health;
    senders.telegram = telegram.sender;
    for (const [p, h] of telegram.routes) routes.set(p, h);
  }
  return { senders, health, routes, terminal };
}

/** The queue workers in this process (WORKER=inline), on a connection of their own. */
async function startInlineWorkers(config: Config, app: App, redisUrl: string, senders: WorkerSenders, metrics: Metrics, shutdown: Shutdown) {
  const workerRedis = openWorkerConnection(redisUrl, app.logger);
  const workers = await startWorkers({
    connection: workerRedis,
    redis: app.redis,
    keys: app.keys,
    store: app.store,
    config,
    logger: app.logger,
    i18n: app.i18n,
    senders,
    queues: app.queues,
    hooks: { onReportDelivery: metrics.onReportDelivery, onBroadcastSend: metrics.onBroadcastSend },
  });
  shutdown.add('workers', 'queue workers', async () => {
    await workers.close(); // waits for the jobs in hand
    workerRedis.disconnect();
  });
  app.logger.info('queue workers running in this process (WORKER=inline)');
}

/** HTTP_PORT: the Telegram webhook, /healthz, /metrics and the dashboard. */
async function startHttp(config: Config, app: App, metrics: Metrics, channels: Record<string, ChannelCheck>, routes: Map<string, Handler>, shutdown: Shutdown) {
  const queues = queuesOf(app.queues);
  if (config.whatsapp.mode === 'on') queues.push(openOutboxQueue(app.redis, app.keys));
  const ops = await createOpsRoutes({
    redis: app.redis,
    keys: app.keys,
    queues,
    metrics,
    channels,
    draining: shutdown.draining,
    dashboardPassword: config.DASHBOARD_PASSWORD,
    logger: app.logger,
  });
  for (const [p, h] of ops.routes) routes.set(p, h);
  const http = await startHttpServer({ port: config.HTTP_PORT, host: config.HTTP_HOST, logger: app.logger, routes, prefixes: ops.prefixes });
  shutdown.add('http', 'http server', () => http.close());
  app.logger.info({ port: http.port }, 'http server listening (/healthz, /metrics)');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
