import type { Redis } from 'ioredis';
import { ADMIN_GLOBAL_DOCUMENTS } from '../flows/admin.js';
import { COMMANDS, ENGINE_POLICIES, FLOWS, GLOBAL_CHOICES, STRAY_INPUTS } from '../flows/index.js';
import { createAdminJobs } from './queue/admin-jobs.js';
import type { BotAddresses } from './admin/invitation-card.js';
import type { Config } from './config.js';
import { type Clock, systemClock } from './domain/time.js';
import { createEngine, type EngineDeps } from './engine/engine.js';
import { createFloodPolicy } from './engine/flood.js';
import { createSessionStore } from './engine/session.js';
import type { ChatRef, Effect } from './engine/types.js';
import { createI18n, type I18n } from './i18n/index.js';
import type { Logger } from './logger.js';
import { createMediaStore } from './media/media-store.js';
import { renderReply } from './i18n/render.js';
import { tapNotice } from './channels/types.js';
import { openProducerConnection } from './queue/connection.js';
import { createQueues, type Queues } from './queue/queues.js';
import { createStore } from './store/index.js';
import { createKeys } from './store/keys.js';

export interface AppDeps {
  config: Config;
  /** the main connection (commands of the store and sessions) */
  redis: Redis;
  /** URL for extra connections (queue producers) */
  redisUrl: string;
  logger: Logger;
  clock?: Clock;
  /** override where effects go (tests that have no queues) */
  effects?: (effects: Effect[]) => Promise<void>;
  onStep?: EngineDeps['onStep'];
  /** called for each update dropped by flood control, for metrics */
  onFloodDrop?: (chat: ChatRef) => void;
}

/**
 * Builds the application core shared by every entry point: store, sessions, i18n, media,
 * queues and the engine. Channels and workers are attached by main.ts / worker.ts.
 */
export function createApp(deps: AppDeps) {
  const { config, redis, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const keys = createKeys(config.REDIS_PREFIX);
  const store = createStore(redis, { keys, clock });
  const i18n: I18n = createI18n();
  const media = createMediaStore(config.MEDIA_DIR);
  const sessions = createSessionStore(redis, keys, config.SESSION_TTL_HOURS * 3600);
  const producer = openProducerConnection(deps.redisUrl, logger);
  const queues: Queues = createQueues({ connection: producer, keys, config, clock, logger });
  // Per-chat flood control (FLOOD_PER_SECOND, counted in Redis in the engine's turn read).
  const flood = createFloodPolicy({
    redis,
    keys,
    limit: config.FLOOD_PER_SECOND,
    logger,
    onDrop: deps.onFloodDrop,
    async notice(chat) {
      const locale = (await store.chatUsers.get(chat.channel, chat.chatId).catch(() => null))?.locale ?? config.DEFAULT_LOCALE;
      return renderReply(i18n, locale, { text: { key: 'flood-notice' } }, chat.channel);
    },
  });
  // Filled in by main (or a test harness) once the channels know their addresses (getMe, pairing).
  const bot: BotAddresses = {};
  const engineDeps: EngineDeps = {
    store,
    clock,
    config,
    media,
    i18n,
    sessions,
    logger,
    flows: FLOWS,
    policies: ENGINE_POLICIES,
    tapNotice,
    commands: COMMANDS,
    globalChoices: GLOBAL_CHOICES,
    strayInputs: STRAY_INPUTS,
    globalDocuments: ADMIN_GLOBAL_DOCUMENTS,
    effects: deps.effects ?? ((e) => queues.performEffects(e)),
    admin: createAdminJobs(queues, clock),
    onStep: deps.onStep,
    bot,
  };
  const engine = createEngine({ ...engineDeps, flood });
  const rawEngine = createEngine(engineDeps);
  return {
    config,
    redis,
    keys,
    store,
    i18n,
    media,
    sessions,
    queues,
    /** the bot's addresses for owner invitations: set `telegramBot` / `whatsappNumber` once known */
    bot,
    /** the engine behind flood control: what channels use */
    engine,
    /** the engine without flood control (benchmarks, tests that drive it faster than a person) */
    rawEngine,
    clock,
    logger,
    /** Resolves when the producer connection is up (it fails fast instead of buffering). */
    async ready() {
      if (producer.status !== 'ready')
        await new Promise((resolve, reject) => {
          producer.once('ready', resolve);
          producer.once('error', reject);
        });
    },
    async close() {
      await queues.close();
      producer.disconnect();
    },
  };
}
export type App = ReturnType<typeof createApp>;
