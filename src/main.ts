import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '@grammyjs/runner';
import { Queue } from 'bullmq';
import { Api, webhookCallback } from 'grammy';
import { ENGLISH_COMMANDS } from '../flows/index.js';
import { createApp } from './app.js';
import { runConsoleChannel } from './channels/console/console.js';
import { type ConsolePersonas, createConsolePersonas } from './channels/console/personas.js';
import { WA_OUTBOX_QUEUE, startWhatsAppOutboxWorker } from './channels/whatsapp/outbox.js';
import type { WhatsAppChannel } from './channels/whatsapp/socket.js';
import { openAppConnection, openWorkerConnection } from './queue/connection.js';
import { startWorkers, type WorkerSenders } from './workers/index.js';
import { createTelegramBot } from './channels/telegram/bot.js';
import { registerCommandMenu } from './channels/telegram/command-menu.js';
import { createTelegramSender } from './channels/telegram/sender.js';
import type { ChannelCheck } from './http/health.js';
import { createOpsRoutes, queuesOf } from './http/ops-routes.js';
import { type Handler, startHttpServer } from './http/server.js';
import { createWebhookGate } from './http/webhook-gate.js';
import { configOrExit } from './boot.js';
import { DEMO_DIR, demoPersonas, linkDemoPersonas, loadDemoIfEmpty } from './import/demo.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createShutdown, drainRunner } from './shutdown.js';
import { createConsoleInbox } from './store/console-inbox-repo.js';
import { REDIS_INSTALL_HINT, hasRedisServer } from './store/redis-server.js';
import { type SharedRedis, attachSharedRedis } from './store/shared-redis.js';

/**
 * Entry point: starts the channels named in the config (Telegram when BOT_TOKEN is set, the
 * terminal chat when nothing is configured) and the queue workers when WORKER=inline.
 * Without REDIS_URL the data directory's private redis-server (AOF on, unix socket
 * ./data/redis/redis.sock) is used: started when none runs, shared with any other process of the
 * app on the same directory, stopped when the last one leaves (src/store/shared-redis.ts).
 * With HTTP_PORT: the webhook, /healthz, /metrics and /admin/queues. SIGTERM/SIGINT: a graceful
 * shutdown (src/shutdown.ts), exit 0.
 */
async function main(): Promise<void> {
  const config = configOrExit(1);
  // In the terminal chat, logs go to a file so they do not mix with the conversation.
  let logDest;
  if (config.consoleEnabled) {
    mkdirSync('data', { recursive: true });
    logDest = createWriteStream(path.resolve('data/console.log'), { flags: 'a' });
  }
  const logger = createLogger(config.LOG_LEVEL, logDest);

  let privateRedis: SharedRedis | undefined;
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    if (!hasRedisServer()) {
      console.error(REDIS_INSTALL_HINT);
      process.exit(1);
    }
    privateRedis = await attachSharedRedis({ dir: './data/redis', log: (msg) => logger.info(msg) });
    redisUrl = privateRedis.url;
    logger.info({ started: privateRedis.started }, `private redis-server of ./data/redis: ${privateRedis.started ? 'started' : 'attached'}`);
  }
  const redis = openAppConnection(redisUrl, logger);
  const metrics = createMetrics({ processMetrics: true });
  const app = createApp({ config, redis, redisUrl, logger, onStep: metrics.onStep, onFloodDrop: metrics.onFloodDrop });
  await app.ready();
  // Every channel gets the engine behind flood control, counted per channel for /metrics.
  const handler = metrics.countUpdates(app.engine);

  // SIGTERM/SIGINT: stop taking updates and finish the ones in hand, close HTTP, let the workers
  // finish their jobs in hand, close the connections; then exit 0 (src/shutdown.ts).
  const shutdown = createShutdown(logger);
  shutdown.add('connections', 'app', () => app.close());
  shutdown.add('connections', 'redis', async () => void (await redis.quit()));
  if (privateRedis) shutdown.add('connections', 'private redis-server', async () => void (await privateRedis.release()));
  shutdown.onSignals();

  const senders: WorkerSenders = {};
  const channels: Record<string, ChannelCheck> = {};
  // The terminal chat's demo personas (/sebagai): messages the workers address to any of them
  // are shown in the terminal and wait in that persona's chat.
  let personas: ConsolePersonas | undefined;
  let consoleUser: { phone: string } | undefined;
  if (config.consoleEnabled) {
    if (await loadDemoIfEmpty(app.store, { mediaDir: config.MEDIA_DIR })) logger.info('demo data loaded');
    consoleUser = JSON.parse(readFileSync(path.join(DEMO_DIR, 'console-user.json'), 'utf8')) as { phone: string };
    const list = await demoPersonas(app.store, consoleUser.phone);
    await linkDemoPersonas(app.store, list, consoleUser.phone, app.clock());
    personas = createConsolePersonas({
      personas: list,
      inbox: createConsoleInbox(redis, app.keys),
      i18n: app.i18n,
      locale: config.DEFAULT_LOCALE,
      write: (s) => process.stdout.write(s),
      mediaDir: config.MEDIA_DIR,
      outDir: path.resolve(config.CONSOLE_OUT_DIR),
    });
  }
  const routes = new Map<string, Handler>();

  let whatsapp: WhatsAppChannel | undefined;
  if (config.WHATSAPP_ENABLED) {
    // Loaded only when WhatsApp runs: Baileys alone is about 70 MB and a second of start-up.
    const { createWhatsAppChannel } = await import('./channels/whatsapp/socket.js');
    const { parseWaVersion } = await import('./channels/whatsapp/wa-socket.js');
    const wa = createWhatsAppChannel({
      redis,
      keys: app.keys,
      logger,
      handler,
      i18n: app.i18n,
      locale: config.DEFAULT_LOCALE,
      mediaDir: config.MEDIA_DIR,
      version: parseWaVersion(config.WHATSAPP_VERSION),
      pairingPhone: config.WHATSAPP_PAIRING_PHONE,
      pacer: {
        perMinute: config.WHATSAPP_BULK_PER_MINUTE,
        perChatPerMinute: config.WHATSAPP_BULK_PER_CHAT_PER_MINUTE,
        perDay: config.WHATSAPP_BULK_PER_DAY,
        // the gap is drawn from [gap, 3 x gap]: jitter, so bulk sends never tick like a clock
        bulkGapMinMs: config.WHATSAPP_BULK_GAP_MS,
        bulkGapMaxMs: 3 * config.WHATSAPP_BULK_GAP_MS,
      },
    });
    whatsapp = wa;
    await wa.start();
    // Owner invitations point at the paired number (click-to-chat links).
    app.bot.whatsappNumber = () => wa.ownNumber() ?? (config.WHATSAPP_PAIRING_PHONE || undefined);
    // Worker processes (npm run worker) hand WhatsApp sends to this process through the outbox.
    const outboxRedis = openWorkerConnection(redisUrl, logger);
    const outbox = startWhatsAppOutboxWorker({ connection: outboxRedis, keys: app.keys, sender: wa.sender, logger });
    shutdown.add('intake', 'whatsapp', async () => {
      await outbox.close();
      outboxRedis.disconnect();
      await wa.stop(); // stops taking messages, finishes the ones in hand
    });
    channels.whatsapp = () => ({ ok: wa.status() === 'open', status: wa.status() });
    logger.info('whatsapp channel started');
  }

  if (config.telegramEnabled) {
    const { bot } = createTelegramBot({
      token: config.BOT_TOKEN!,
      apiRoot: config.TELEGRAM_API_ROOT,
      handler,
      redis,
      keys: app.keys,
      chatUsers: app.store.chatUsers,
      logger,
      mediaDir: config.MEDIA_DIR,
    });
    await bot.init();
    // Owner invitations link to the bot by its username (getMe, read by init).
    app.bot.telegramBot = () => bot.botInfo.username;
    // Workers get a plain Api (no auto-retry): their queues handle 429 and retries themselves,
    // so a broadcast pauses its whole queue for retry_after instead of one call sleeping.
    senders.telegram = createTelegramSender(new Api(config.BOT_TOKEN!, { apiRoot: config.TELEGRAM_API_ROOT }), {
      mediaDir: config.MEDIA_DIR,
      redis,
      keys: app.keys,
    });
    await registerCommandMenu(bot.api, app.i18n, ENGLISH_COMMANDS).catch((err) => logger.warn({ err }, 'command menu not set'));
    if (config.TELEGRAM_WEBHOOK_URL) {
      // Webhook: Telegram POSTs updates to our HTTP server; the secret header is checked by grammY.
      // On shutdown the gate answers 503 (Telegram delivers again later) and waits for the updates in hand.
      const hookPath = new URL(config.TELEGRAM_WEBHOOK_URL).pathname;
      const gate = createWebhookGate(webhookCallback(bot, 'http', { secretToken: config.TELEGRAM_WEBHOOK_SECRET }));
      routes.set(hookPath, gate.handler);
      shutdown.add('intake', 'telegram webhook', () => gate.close());
      channels.telegram = () => ({ ok: gate.isOpen(), mode: 'webhook', inFlight: gate.inFlight() });
      await bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL, {
        secret_token: config.TELEGRAM_WEBHOOK_SECRET,
        allowed_updates: ['message', 'callback_query', 'my_chat_member'],
      });
      logger.info({ bot: bot.botInfo.username }, 'telegram webhook set');
    } else {
      // Polling needs no webhook set; a Bot API server that refuses the call is no reason not to start.
      await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'deleteWebhook failed; polling anyway'));
      const runner = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query', 'my_chat_member'] } } });
      shutdown.add('intake', 'telegram polling', () => drainRunner(runner));
      channels.telegram = () => ({ ok: runner.isRunning(), mode: 'polling', inFlight: runner.size() });
      logger.info({ bot: bot.botInfo.username }, 'telegram polling');
    }
  }

  if (whatsapp) senders.whatsapp = whatsapp.sender;
  if (personas) senders.console = personas.sender;
  if (config.workerInline) {
    const workerRedis = openWorkerConnection(redisUrl, logger);
    const workers = await startWorkers({
      connection: workerRedis,
      redis,
      keys: app.keys,
      store: app.store,
      config,
      logger,
      i18n: app.i18n,
      senders,
      queues: app.queues,
      hooks: { onReportDelivery: metrics.onReportDelivery, onBroadcastSend: metrics.onBroadcastSend },
    });
    shutdown.add('workers', 'queue workers', async () => {
      await workers.close(); // waits for the jobs in hand
      workerRedis.disconnect();
    });
    logger.info('queue workers running in this process (WORKER=inline)');
  }

  if (config.HTTP_PORT) {
    const queues = queuesOf(app.queues);
    if (config.WHATSAPP_ENABLED) queues.push(new Queue(WA_OUTBOX_QUEUE, { connection: redis, prefix: app.keys.bullPrefix() }));
    const ops = await createOpsRoutes({
      redis,
      keys: app.keys,
      queues,
      metrics,
      channels,
      draining: shutdown.draining,
      dashboardPassword: config.DASHBOARD_PASSWORD,
      logger,
    });
    for (const [path, h] of ops.routes) routes.set(path, h);
    const http = await startHttpServer({ port: config.HTTP_PORT, host: config.HTTP_HOST, logger, routes, prefixes: ops.prefixes });
    shutdown.add('http', 'http server', () => http.close());
    logger.info({ port: http.port }, 'http server listening (/healthz, /metrics)');
  }

  if (personas && consoleUser) {
    await runConsoleChannel({
      handler,
      input: process.stdin,
      output: process.stdout,
      phone: consoleUser.phone,
      mediaDir: config.MEDIA_DIR,
      personas,
      intro: app.i18n.t(config.DEFAULT_LOCALE, 'console-intro'),
    });
    // Let queued work (the report of a purchase just made) finish before leaving.
    process.exit(await shutdown.run('stdin closed'));
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
