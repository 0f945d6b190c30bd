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
import { type ConnectionEvent, type ConnectionState, currentLink, INITIAL_STATE, isReconnecting, nextState, sendingSocket } from './connection-state.js';
import { createInbound } from './inbound.js';
import { createPacer, type PacerDeps, type PacerOptions } from './pacer.js';
import { createPacedSender, statusCodeOf } from './sender.js';
import { createDefaultMakeSocket, type MakeSocket, type UsedEvents, type WASocketLike } from './wa-socket.js';

/**
 * What `status()` reports: `connecting` while (re)connecting or waiting to, `logged-out` until
 * someone pairs the number again, `closed` when the channel is not running (or stopping).
 */
export type WhatsAppStatus = ConnectionState['status'];

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
 * handler, replies and queued sends through one pacer. The connection is one explicit state
 * (connection-state.ts): this function makes sockets, waits and wipes; the state says what it is.
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
  /** The connection: every change goes through `dispatch` (connection-state.ts). */
  let state: ConnectionState = INITIAL_STATE;
  const dispatch = (e: ConnectionEvent) => {
    state = nextState(state, e);
  };
  /** The stored session, loaded once: Baileys keeps the creds in memory and a reconnect must reuse them (saved or not). */
  let auth: RedisAuthState | undefined;

  const paced = createPacedSender({ pacer, openSocket: () => sendingSocket(state), mediaDir: deps.mediaDir, logger });
  const download =
    deps.downloadMedia ??
    ((msg: WAMessage, s: WASocketLike) =>
      downloadMediaMessage(msg, 'buffer', {}, { logger: baileysLogger, reuploadRequest: (m) => s.updateMediaMessage(m) as Promise<WAMessage> }));
  const inbound = createInbound({
    redis: deps.redis,
    keys: deps.keys,
    logger,
    handler: deps.handler,
    sender: paced,
    download: (msg) => {
      const sock = currentLink(state)?.sock;
      if (!sock) throw new Error('WhatsApp is not connected');
      return download(msg, sock);
    },
    apology: () => ({ text: deps.i18n.t(deps.locale ?? 'id', 'wa-error') }),
    openSocket: () => sendingSocket(state),
    typingAfterMs: deps.typingAfterMs,
  });

  async function connect(): Promise<void> {
    auth ??= await useRedisAuthState(deps.redis, deps.keys);
    const a = auth;
    const s = await makeSocket({ auth: a.state, version: deps.version, logger: baileysLogger });
    if (state.status === 'closed') {
      s.end(undefined);
      return;
    }

    const onCreds = (update: UsedEvents['creds.update']) => {
      Object.assign(a.state.creds, update);
      a.saveCreds().catch((err: unknown) => logger.error({ err }, 'could not save WhatsApp creds'));
    };
    const showPairing = pairingFor(s);
    const onConnection = (u: UsedEvents['connection.update']) => {
      if (u.qr && !a.state.creds.registered) showPairing(u.qr);
      if (u.connection === 'open') {
        dispatch({ type: 'opened' });
        if (state.status === 'open') logger.info('WhatsApp connected');
      } else if (u.connection === 'close') {
        void onClose(s, statusCodeOf(u.lastDisconnect?.error));
      }
    };
    s.ev.on('creds.update', onCreds);
    s.ev.on('connection.update', onConnection);
    s.ev.on('messages.upsert', inbound.onUpsert);
    const detach = () => {
      s.ev.off('creds.update', onCreds);
      s.ev.off('connection.update', onConnection);
      s.ev.off('messages.upsert', inbound.onUpsert);
    };
    dispatch({ type: 'socket', link: { sock: s, detach } });
  }

  /** For socket `s` of an unpaired number: shows each QR, or with WHATSAPP_PAIRING_PHONE asks once for a pairing code. */
  const pairingFor = (s: WASocketLike) => {
    let codeAsked = false;
    return (qr: string): void => {
      if (!pairingDigits) {
        logger.warn('WhatsApp is not paired: scan this QR with the phone (Linked devices > Link a device)');
        (deps.printQr ?? printQrToTerminal)(qr);
        dispatch({ type: 'pairing', pairing: { by: 'qr', qr } });
        return;
      }
      if (codeAsked) return;
      codeAsked = true;
      dispatch({ type: 'pairing', pairing: { by: 'code' } });
      requestPairingCode(s, pairingDigits);
    };
  };

  function requestPairingCode(s: WASocketLike, digits: string): void {
    s.requestPairingCode(digits).then(
      (code) => {
        if (currentLink(state)?.sock === s) dispatch({ type: 'pairing', pairing: { by: 'code', code } });
        logger.warn({ pairingCode: code }, `WHATSAPP PAIRING CODE: ${code} (on the phone: Linked devices > Link a device > Link with phone number instead)`);
      },
      (err: unknown) => logger.error({ err }, 'could not request a WhatsApp pairing code'),
    );
  }

  async function onClose(s: WASocketLike, code: number | undefined): Promise<void> {
    const link = currentLink(state);
    if (link?.sock !== s) return;
    link.detach();
    const loggedOut = code === DisconnectReason.loggedOut;
    dispatch({ type: 'closed', code, loggedOut });
    if (state.status === 'closed') return;
    if (loggedOut) {
      logger.error(
        'WHATSAPP LOGGED OUT: the linked device was removed or the session expired. The stored session is wiped; pair the number again (QR or pairing code).',
      );
      try {
        await auth?.clear();
      } catch (err) {
        logger.error({ err }, 'could not wipe the WhatsApp session');
      }
    }
    const wait = code === DisconnectReason.restartRequired ? undefined : waitBeforeRetry();
    logger.warn({ code, delayMs: wait?.delayMs ?? 0 }, 'WhatsApp connection closed: reconnecting');
    await reconnect(wait);
  }

  /** Starts the backoff wait before the next attempt (exponential with equal jitter: half fixed, half random); stop() ends it early. */
  function waitBeforeRetry(): { delayMs: number; done: Promise<void> } {
    const d = Math.min(maxMs, baseMs * 2 ** (isReconnecting(state) ? state.attempt : 0));
    const delayMs = Math.round(d / 2 + random() * (d / 2));
    let wake = () => {};
    const woken = new Promise<void>((r) => (wake = r));
    dispatch({ type: 'wait', retry: { delayMs, wake } });
    return { delayMs, done: delayMs > 0 ? Promise.race([sleep(delayMs), woken]) : Promise.resolve() };
  }

  /** Connects again after `wait` (none: at once), backing off after each failed attempt, until connected or stopped. */
  async function reconnect(wait: { done: Promise<void> } | undefined): Promise<void> {
    for (let next = wait; ;) {
      if (next) await next.done;
      if (state.status === 'closed') return;
      try {
        await connect();
        return;
      } catch (err) {
        logger.error({ err }, 'WhatsApp could not connect');
        next = waitBeforeRetry();
      }
    }
  }

  /** `connecting` while (re)connecting or waiting to, `logged-out` until paired again, `closed` when not running. */
  const status = (): WhatsAppStatus => state.status;

  return {
    /** The bot's own phone number (digits) once paired: where WhatsApp invitations point. */
    ownNumber(): string | undefined {
      return /^(\d{6,16})[:@]/.exec(currentLink(state)?.sock.user?.id ?? '')?.[1];
    },
    /** Connects (pairing first if no session is stored). Resolves once the socket is made, not when it is open. */
    async start(): Promise<void> {
      if (state.status !== 'closed') return;
      if (state.reason !== 'not-started') throw new Error('a stopped WhatsApp channel cannot start again: create a new one');
      dispatch({ type: 'start' });
      await connect();
    },
    /** Stops taking messages, lets the ones in hand finish, drops queued sends, closes the socket. */
    async stop(): Promise<void> {
      if (state.status === 'closed') return;
      const link = currentLink(state);
      const retry = isReconnecting(state) ? state.retry : undefined;
      dispatch({ type: 'stop' });
      retry?.wake();
      link?.sock.ev.off('messages.upsert', inbound.onUpsert);
      await inbound.drain();
      pacer.stop();
      await pacer.idle();
      link?.detach();
      dispatch({ type: 'stopped' });
      link?.sock.end(undefined);
    },
    /** Sends for queue workers (reports to the mayor's group, notifications, broadcasts), behind user replies. */
    sender: paced.sender as ChannelSender,
    status,
    /** Resolves when every received message has been handled and its replies sent. */
    drain: () => inbound.drain(),
  };
}

export type WhatsAppChannel = ReturnType<typeof createWhatsAppChannel>;
