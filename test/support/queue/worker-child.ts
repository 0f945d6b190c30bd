/**
 * A worker process for the crash tests: `node --import tsx worker-child.ts '<json>'` with
 * { redisUrl, prefix, env, whatsappOutbox?, reportConcurrency?, lockDuration?, stalledInterval? }.
 * Starts the real workers (short locks so a killed worker's job is taken over quickly) and prints
 * "ready" once they listen. With `whatsappOutbox` its WhatsApp sends go to the `wa-outbox` queue
 * (as in `npm run worker`), delivered by the process holding the socket (the test).
 */
import { Api } from 'grammy';
import { Redis } from 'ioredis';
import { createTelegramSender } from '../../../src/channels/telegram/sender.js';
import { createWhatsAppOutboxSender } from '../../../src/channels/whatsapp/outbox.js';
import { loadConfig } from '../../../src/config.js';
import { createI18n } from '../../../src/i18n/index.js';
import { createLogger } from '../../../src/logger.js';
import { startWorkers } from '../../../src/workers/index.js';
import { createStore } from '../../../src/store/index.js';
import { createKeys } from '../../../src/store/keys.js';

const arg = JSON.parse(process.argv[2] ?? '{}') as {
  redisUrl: string;
  prefix: string;
  env: Record<string, string>;
  whatsappOutbox?: boolean;
  reportConcurrency?: number;
  lockDuration?: number;
  stalledInterval?: number;
};
const config = loadConfig({ LOG_LEVEL: 'silent', ...arg.env });
const redis = new Redis(arg.redisUrl, { maxRetriesPerRequest: null });
const keys = createKeys(arg.prefix);
const store = createStore(redis, { keys });
if (config.telegram.mode === 'off') throw new Error('the worker child needs BOT_TOKEN (the fake Bot API token)');
const api = new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot });
const handle = await startWorkers({
  connection: redis,
  redis,
  keys,
  store,
  config,
  logger: createLogger(config.LOG_LEVEL),
  i18n: createI18n(),
  senders: {
    telegram: createTelegramSender(api, { mediaDir: config.MEDIA_DIR, redis, keys }),
    whatsapp: arg.whatsappOutbox ? createWhatsAppOutboxSender(redis, keys) : undefined,
  },
  backoffMs: 20,
  scheduleRecap: false,
  scheduleMaintenance: false,
  concurrency: arg.reportConcurrency ? { reports: arg.reportConcurrency } : undefined,
  workerOptions: { lockDuration: arg.lockDuration ?? 1000, stalledInterval: arg.stalledInterval ?? 300 },
});
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void handle.close().then(() => redis.quit());
});
