import type { Redis } from 'ioredis';
import type { WhatsAppConfig } from '../../config.js';
import type { MessageHandler } from '../../engine/types.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { openWorkerConnection } from '../../queue/connection.js';
import type { Keys } from '../../store/keys.js';
import type { StartedChannel } from '../types.js';
import { startWhatsAppOutboxWorker } from './outbox.js';

export interface StartWhatsAppDeps {
  /** WhatsApp's settings when it is on: pairing and the caps on bulk sends */
  whatsapp: Extract<WhatsAppConfig, { mode: 'on' }>;
  redis: Redis;
  /** for the outbox worker's own connection */
  redisUrl: string;
  keys: Keys;
  logger: Logger;
  handler: MessageHandler;
  i18n: { t(locale: Locale, key: string): string };
  locale: Locale;
  mediaDir: string;
}

export interface StartedWhatsApp extends StartedChannel {
  /** the paired number (digits), or the pairing phone as configured: where invitations point */
  ownNumber(): string | undefined;
}

/**
 * Starts the WhatsApp channel (one Baileys socket, connecting in the background) and the outbox
 * worker that delivers the sends other processes (`npm run worker`) queue for this one. Baileys is
 * loaded only here: alone it is about 70 MB and a second of start-up.
 */
export async function startWhatsApp(deps: StartWhatsAppDeps): Promise<StartedWhatsApp> {
  const { whatsapp, logger } = deps;
  const { createWhatsAppChannel } = await import('./socket.js');
  const { parseWaVersion } = await import('./wa-socket.js');
  const wa = createWhatsAppChannel({
    redis: deps.redis,
    keys: deps.keys,
    logger,
    handler: deps.handler,
    i18n: deps.i18n,
    locale: deps.locale,
    mediaDir: deps.mediaDir,
    version: parseWaVersion(whatsapp.version),
    pairingPhone: whatsapp.pairingPhone,
    pacer: {
      perMinute: whatsapp.bulk.perMinute,
      perChatPerMinute: whatsapp.bulk.perChatPerMinute,
      perDay: whatsapp.bulk.perDay,
      // the gap is drawn from [gap, 3 x gap]: jitter, so bulk sends never tick like a clock
      bulkGapMinMs: whatsapp.bulk.gapMs,
      bulkGapMaxMs: 3 * whatsapp.bulk.gapMs,
    },
  });
  await wa.start();
  // Worker processes hand their WhatsApp sends to this process through the outbox.
  const outboxRedis = openWorkerConnection(deps.redisUrl, logger);
  const outbox = startWhatsAppOutboxWorker({ connection: outboxRedis, keys: deps.keys, sender: wa.sender, logger });
  logger.info('whatsapp channel started');
  return {
    sender: wa.sender,
    ownNumber: () => wa.ownNumber() ?? whatsapp.pairingPhone,
    health: () => ({ ok: wa.status() === 'open', status: wa.status() }),
    async stop() {
      await outbox.close();
      outboxRedis.disconnect();
      await wa.stop(); // stops taking messages, finishes the ones in hand
    },
  };
}
