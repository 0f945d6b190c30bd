import {
  Browsers,
  fetchLatestBaileysVersion,
  makeCacheableSignalKeyStore,
  makeWASocket,
  type AnyMessageContent,
  type AuthenticationState,
  type BaileysEventMap,
  type proto,
  type WAMessage,
  type WAVersion,
} from '@whiskeysockets/baileys';
import type { Logger } from '../../logger.js';

/** The Baileys events this channel listens to. */
export type UsedEvents = Pick<BaileysEventMap, 'messages.upsert' | 'connection.update' | 'creds.update'>;

/** The part of a Baileys socket the channel uses: the real one, or a fake in tests. */
export interface WASocketLike {
  ev: {
    on<E extends keyof UsedEvents>(event: E, listener: (arg: UsedEvents[E]) => void): void;
    off<E extends keyof UsedEvents>(event: E, listener: (arg: UsedEvents[E]) => void): void;
  };
  /** the logged-in account, once connected */
  user?: { id: string } | undefined;
  sendMessage(jid: string, content: AnyMessageContent): Promise<WAMessage | proto.WebMessageInfo | undefined>;
  /** asks the sender's phone to upload expired media again (for downloadMediaMessage) */
  updateMediaMessage(msg: proto.IWebMessageInfo): Promise<proto.IWebMessageInfo>;
  requestPairingCode(phoneNumber: string): Promise<string>;
  /** marks received messages read (the sender sees blue ticks) */
  readMessages?(keys: proto.IMessageKey[]): Promise<void>;
  /** "typing…" (`composing`) in a chat, or stops it (`paused`) */
  sendPresenceUpdate?(type: 'composing' | 'paused', toJid?: string): Promise<void>;
  /** whether numbers have a WhatsApp account */
  onWhatsApp?(...jids: string[]): Promise<{ jid: string; exists: unknown }[] | undefined>;
  end(error: Error | undefined): void;
}

/** What the channel hands the socket factory on every (re)connect. */
export interface MakeSocketOptions {
  auth: AuthenticationState;
  version?: WAVersion;
  /** Baileys' own logs (already quietened and redacted) */
  logger: Logger;
}

export type MakeSocket = (opts: MakeSocketOptions) => WASocketLike | Promise<WASocketLike>;

/** Parses `WHATSAPP_VERSION` (`2.3000.1015901307`) into Baileys' tuple. */
export function parseWaVersion(v: string | undefined): WAVersion | undefined {
  if (!v) return undefined;
  const parts = v.split('.').map(Number);
  return parts.length === 3 && parts.every(Number.isInteger) ? (parts as WAVersion) : undefined;
}

/**
 * The production socket: Baileys' `makeWASocket` over the Redis auth state (signal keys behind
 * an in-memory cache), no QR printing by Baileys (the channel prints it), not marked online (so
 * the phone keeps its notifications), no history sync. Without a version it asks GitHub for the
 * current WhatsApp Web version once and falls back to the one bundled with Baileys.
 */
export function createDefaultMakeSocket(): MakeSocket {
  let fetched: WAVersion | undefined;
  return async ({ auth, version, logger }) => {
    if (!version && !fetched) {
      const latest = await fetchLatestBaileysVersion({ timeout: 5000 });
      fetched = latest.version;
      if (latest.error) logger.warn('could not fetch the current WhatsApp Web version; using the bundled one');
    }
    const sock = makeWASocket({
      auth: { creds: auth.creds, keys: makeCacheableSignalKeyStore(auth.keys, logger) },
      version: version ?? fetched,
      logger,
      printQRInTerminal: false,
      browser: Browsers.ubuntu('Chrome'),
      markOnlineOnConnect: false,
      syncFullHistory: false,
      shouldSyncHistoryMessage: () => false,
      getMessage: async () => undefined,
    });
    const like: WASocketLike = sock;
    return like;
  };
}
