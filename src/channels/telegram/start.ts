import { run } from '@grammyjs/runner';
import { Api, webhookCallback } from 'grammy';
import type { TelegramConfig } from '../../config.js';
import type { Handler } from '../../http/server.js';
import { createWebhookGate } from '../../http/webhook-gate.js';
import type { I18n } from '../../i18n/index.js';
import { drainRunner } from '../../shutdown.js';
import type { StartedChannel } from '../types.js';
import { createTelegramBot, type TelegramBotDeps } from './bot.js';
import { registerCommandMenu } from './command-menu.js';
import { grammyFetch } from './http-client.js';
import { createTelegramSender, type TelegramSender } from './sender.js';

export interface StartTelegramDeps extends Pick<TelegramBotDeps, 'handler' | 'redis' | 'keys' | 'chatUsers' | 'logger' | 'mediaDir'> {
  /** Telegram's settings when it is on: polling, or a webhook with its URL and secret */
  telegram: Exclude<TelegramConfig, { mode: 'off' }>;
  i18n: I18n;
  /** English aliases of the Indonesian commands, for the command menu */
  englishCommands: Readonly<Record<string, string>>;
}

export interface StartedTelegram extends StartedChannel<TelegramSender> {
  /** the bot's username (getMe): owner invitations link to it */
  username: string;
  /** webhook mode: the route Telegram POSTs updates to (empty when polling) */
  routes: Map<string, Handler>;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/**
 * Updates handled at once when polling (grammY runner's default is 500; Telegram sends a webhook
 * at most 40 at a time by default). Under load the rest wait at Telegram, not half-handled in
 * memory: with 200 chats at once in the benchmark, every update in flight outlived two young
 * garbage collections and was copied into the old generation; with 64 at once the bot's CPU per
 * update fell by about 7% (its GC threads' by 12%), and more than 64 never kept the CPU busier
 * (an update usually waits on Redis or Telegram for a few milliseconds; a slow file download
 * holds one place for up to its 30 s timeout).
 */
export const POLLING_CONCURRENCY = 64;

/** How the runner polls: the updates this bot takes, at most POLLING_CONCURRENCY at once. */
export const POLLING_OPTIONS = {
  runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } },
  sink: { concurrency: POLLING_CONCURRENCY },
};

/**
 * Starts the Telegram bot: getMe, the command menu, then updates by webhook (a route for the HTTP
 * server; the webhook is set at Telegram) or by long polling (grammY runner). The queue workers'
 * sender is a plain Api without auto-retry: their queues handle 429 and retries themselves, so a
 * broadcast pauses its whole queue for retry_after instead of one call sleeping.
 */
export async function startTelegram(deps: StartTelegramDeps): Promise<StartedTelegram> {
  const { telegram, logger } = deps;
  const { bot } = createTelegramBot({
    token: telegram.token,
    apiRoot: telegram.apiRoot,
    handler: deps.handler,
    redis: deps.redis,
    keys: deps.keys,
    chatUsers: deps.chatUsers,
    logger,
    mediaDir: deps.mediaDir,
  });
  await bot.init();
  const sender = createTelegramSender(new Api(telegram.token, { apiRoot: telegram.apiRoot, fetch: grammyFetch }), {
    mediaDir: deps.mediaDir,
    redis: deps.redis,
    keys: deps.keys,
  });
  await registerCommandMenu(bot.api, deps.i18n, deps.englishCommands).catch((err) => logger.warn({ err }, 'command menu not set'));
  const username = bot.botInfo.username;

  if (telegram.mode === 'webhook') {
    // Telegram POSTs updates to our HTTP server; the secret header is checked by grammY. On
    // shutdown the gate answers 503 (Telegram delivers again later) and waits for the updates in hand.
    const gate = createWebhookGate(webhookCallback(bot, 'http', { secretToken: telegram.secret }));
    const routes = new Map([[new URL(telegram.url).pathname, gate.handler]]);
    await bot.api.setWebhook(telegram.url, { secret_token: telegram.secret, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ bot: username }, 'telegram webhook set');
    return {
      sender,
      username,
      routes,
      health: () => ({ ok: gate.isOpen(), mode: 'webhook', inFlight: gate.inFlight() }),
      stop: () => gate.close(),
    };
  }

  // Polling needs no webhook set; a Bot API server that refuses the call is no reason not to start.
  await bot.api.deleteWebhook().catch((err: unknown) => logger.warn({ err }, 'deleteWebhook failed; polling anyway'));
  const runner = run(bot, POLLING_OPTIONS);
  logger.info({ bot: username }, 'telegram polling');
  return {
    sender,
    username,
    routes: new Map(),
    health: () => ({ ok: runner.isRunning(), mode: 'polling', inFlight: runner.size() }),
    stop: () => drainRunner(runner),
  };
}
