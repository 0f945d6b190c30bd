import { createRequire } from 'node:module';
import { DisconnectReason, downloadMediaMessage, type WAMessage, type WAVersion } from '@whiskeysockets/baileys';
import type { Redis } from 'ioredis';
import { normalizePhone } from '../../domain/phone.js';
import type { Locale } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import type { Keys } from '../../store/keys.js';
import type { ChannelSender } from '../types.js';
import type { MessageHandler } from '../../engine/types.js';
import { useRedisAuthState, type RedisAuthState } from './auth-state.js';
import { createInbound } from './inbound.js';
import { createPacer, type PacerDeps, type PacerOptions } from './pacer.js';
import { createOutbox, statusCodeOf } from './sender.js';
import { createDefaultMakeSocket, type MakeSocket, type UsedEvents, type WASocketLike } from './wa-socket.js';

/**
 * What `status()` reports: `connecting` while (re)connecting or waiting to, `logged-out` until
 * someone pairs the number again, `closed` when the channel is not running.
 */
export type WhatsAppStatus = 'connecting' | 'open' | 'closed' | 'logged-out';

export interface WhatsAppChannelDeps {
  redis: Redis;
  keys: Keys;
  logger: Logger;
  handler: MessageHandler;
  /** localises the apology sent when a message fails (`wa-error`) */
  i18n: { t(locale: Locale, key: string): string };
  locale?: Locale;
  /** photos given as a path are read from here */
  mediaDir: string;
  /** the Baileys socket factory (tests pass a fake) */
  makeSocket?: MakeSocket;
  /** WhatsApp Web version (`WHATSAPP_VERSION`) */
  version?: WAVersion;
  /** pair with an 8-character code for this phone instead of a QR (`WHATSAPP_PAIRING_PHONE`) */
  pairingPhone?: string;
  pacer?: PacerOptions;
  /** time for the pacer and the reconnect backoff (tests pass a fake clock) */
  clock?: PacerDeps;
  /** reconnect backoff: base and cap in ms (default 1 s and 60 s), doubled per failed attempt, with jitter */
  reconnect?: { baseMs?: number; maxMs?: number };
  /** shows a QR to scan (default: qrcode-terminal on stdout) */
  printQr?: (qr: string) => void;
  /** downloads received media (default: Baileys downloadMediaMessage with re-upload) */
  downloadMedia?: (msg: WAMessage, sock: WASocketLike) => Promise<Buffer>;
  /** a step slower than this shows "typing…" (default 1000 ms) */
  typingAfterMs?: number;
  /** Baileys' own log level (default warn: it is chatty) */
  baileysLogLevel?: string;
}

/** Prints a QR code in the terminal for an operator to scan. */
export function printQrToTerminal(qr: string): void {
  const require = createRequire(import.meta.url);
  const qrcode = require('qrcode-terminal') as { generate(s: string, o: { small: boolean }, cb: (out: string) => void): void };
  qrcode.generate(qr, { small: true }, (out) => process.stdout.write(`${out}\n`));
}

/**
 * The WhatsApp channel: one Baileys socket kept connected (reconnect with exponential backoff and
 * jitter; a logged-out session is wiped and pairing starts again), incoming messages to the
 * handler, replies and queued sends through one pacer.
 */
export function createWhatsAppChannel(deps: WhatsAppChannelDeps) {
  const logger = deps.logger.child({ channel: 'whatsapp' });
  const baileysLogger = logger.child({ module: 'baileys' }, { level: deps.baileysLogLevel ?? 'warn' });
  const makeSocket = deps.makeSocket ?? createDefaultMakeSocket();
  const sleep = deps.clock?.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref()));
  const random = deps.clock?.random ?? Math.random;
  const baseMs = deps.reconnect?.baseMs ?? 1000;
  const maxMs = deps.reconnect?.maxMs ?? 60_000;
  const pairingDigits = deps.pairingPhone ? normalizePhone(deps.pairingPhone)?.slice(1) : undefined;
  if (deps.pairingPhone && !pairingDigits) logger.error('WHATSAPP_PAIRING_PHONE is not a valid phone number: showing a QR instead');

  const pacer = createPacer(deps.pacer, deps.clock);
  let sock: WASocketLike | undefined;
  let open = false;
  let needsPairing = false;
  let stopped = true;
  let finished = false;
  let attempts = 0;
  let auth: RedisAuthState | undefined;
  let wakeStop: (() => void) | undefined;
  let detach: (() => void) | undefined;

  const outbox = createOutbox({ pacer, openSocket: () => (open ? sock : undefined), mediaDir: deps.mediaDir, logger });
  const download =
    deps.downloadMedia ??
    ((msg: WAMessage, s: WASocketLike) =>
      downloadMediaMessage(msg, 'buffer', {}, { logger: baileysLogger, reuploadRequest: (m) => s.updateMediaMessage(m) as Promise<WAMessage> }));
  const inbound = createInbound({
    redis: deps.redis,
    keys: deps.keys,
    logger,
    handler: deps.handler,
    outbox,
    download: (msg) => {
      if (!sock) throw new Error('WhatsApp is not connected');
      return download(msg, sock);
    },
    apology: () => ({ text: deps.i18n.t(deps.locale ?? 'id', 'wa-error') }),
    openSocket: () => (open ? sock : undefined),
    typingAfterMs: deps.typingAfterMs,
  });

  async function connect(): Promise<void> {
    // loaded once: Baileys keeps the creds in memory and a reconnect must reuse them (saved or not)
    auth ??= await useRedisAuthState(deps.redis, deps.keys);
    const a = auth;
    const s = await makeSocket({ auth: a.state, version: deps.version, logger: baileysLogger });
    if (stopped) {
      s.end(undefined);
      return;
    }
    sock = s;
    open = false;
    let pairingRequested = false;

    const onCreds = (update: UsedEvents['creds.update']) => {
      Object.assign(a.state.creds, update);
      a.saveCreds().catch((err: unknown) => logger.error({ err }, 'could not save WhatsApp creds'));
    };
    const onConnection = (u: UsedEvents['connection.update']) => {
      if (u.qr && !a.state.creds.registered) {
        if (pairingDigits) {
          if (!pairingRequested) {
            pairingRequested = true;
            s.requestPairingCode(pairingDigits).then(
              (code) =>
                logger.warn(
                  { pairingCode: code },
                  `WHATSAPP PAIRING CODE: ${code} (on the phone: Linked devices > Link a device > Link with phone number instead)`,
                ),
              (err: unknown) => logger.error({ err }, 'could not request a WhatsApp pairing code'),
            );
          }
        } else {
          logger.warn('WhatsApp is not paired: scan this QR with the phone (Linked devices > Link a device)');
          (deps.printQr ?? printQrToTerminal)(u.qr);
        }
      }
      if (u.connection === 'open') {
        open = true;
        needsPairing = false;
        attempts = 0;
        logger.info('WhatsApp connected');
      } else if (u.connection === 'close') {
        void onClose(s, statusCodeOf(u.lastDisconnect?.error));
      }
    };
    s.ev.on('creds.update', onCreds);
    s.ev.on('connection.update', onConnection);
    s.ev.on('messages.upsert', inbound.onUpsert);
    detach = () => {
      s.ev.off('creds.update', onCreds);
      s.ev.off('connection.update', onConnection);
      s.ev.off('messages.upsert', inbound.onUpsert);
    };
  }

  async function onClose(s: WASocketLike, code: number | undefined): Promise<void> {
    if (s !== sock) return;
    open = false;
    detach?.();
    sock = undefined;
    if (stopped) return;
    if (code === DisconnectReason.loggedOut) {
      logger.error(
        'WHATSAPP LOGGED OUT: the linked device was removed or the session expired. The stored session is wiped; pair the number again (QR or pairing code).',
      );
      needsPairing = true;
      try {
        await auth?.clear();
      } catch (err) {
        logger.error({ err }, 'could not wipe the WhatsApp session');
      }
    }
    const delay = code === DisconnectReason.restartRequired ? 0 : backoff();
    logger.warn({ code, delayMs: delay }, 'WhatsApp connection closed: reconnecting');
    await reconnectAfter(delay);
  }

  /** Exponential backoff with equal jitter: half fixed, half random. */
  function backoff(): number {
    const d = Math.min(maxMs, baseMs * 2 ** attempts++);
    return Math.round(d / 2 + random() * (d / 2));
  }

  async function reconnectAfter(delay: number): Promise<void> {
    if (delay > 0) await Promise.race([sleep(delay), new Promise<void>((r) => (wakeStop = r))]);
    if (stopped) return;
    try {
      await connect();
    } catch (err) {
      logger.error({ err }, 'WhatsApp could not connect');
      await reconnectAfter(backoff());
    }
  }

  const status = (): WhatsAppStatus => {
    if (open) return 'open';
    if (needsPairing) return 'logged-out';
    return stopped ? 'closed' : 'connecting';
  };

  return {
    /** The bot's own phone number (digits) once paired: where WhatsApp invitations point. */
    ownNumber(): string | undefined {
      return /^(\d{6,16})[:@]/.exec(sock?.user?.id ?? '')?.[1];
    },
    /** Connects (pairing first if no session is stored). Resolves once the socket is made, not when it is open. */
    async start(): Promise<void> {
      if (finished) throw new Error('a stopped WhatsApp channel cannot start again: create a new one');
      if (!stopped) return;
      stopped = false;
      await connect();
    },
    /** Stops taking messages, lets the ones in hand finish, drops queued sends, closes the socket. */
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      finished = true;
      wakeStop?.();
      const s = sock;
      s?.ev.off('messages.upsert', inbound.onUpsert);
      await inbound.drain();
      pacer.stop();
      await pacer.idle();
      detach?.();
      open = false;
      sock = undefined;
      s?.end(undefined);
    },
    /** Sends for queue workers (reports to the mayor's group, notifications, broadcasts), behind user replies. */
    sender: outbox.sender as ChannelSender,
    status,
    /** Resolves when every received message has been handled and its replies sent. */
    drain: () => inbound.drain(),
  };
}

export type WhatsAppChannel = ReturnType<typeof createWhatsAppChannel>;
