import type { WAMessage } from '@whiskeysockets/baileys';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import type { Keys } from '../../store/keys.js';
import type { FetchMedia, MessageHandler } from '../../engine/types.js';
import type { OutboundMessage } from '../../i18n/message.js';
import { convertIncoming, type ConvertedMessage } from './convert.js';
import { createLru } from './lru.js';
import { isConnectionError, type PacedSender } from './sender.js';
import type { UsedEvents, WASocketLike } from './wa-socket.js';

/** How long a message id is remembered to drop the copies Baileys sometimes emits again. */
const SEEN_TTL_SECONDS = 3 * 24 * 3600;

export interface InboundDeps {
  redis: Redis;
  keys: Keys;
  logger: Logger;
  handler: MessageHandler;
  /** replies go out through the paced sender, with reply priority */
  sender: PacedSender;
  /** downloads the media of a received message (Baileys downloadMediaMessage on the live socket) */
  download: (msg: WAMessage) => Promise<Buffer>;
  /** the localised "something went wrong" reply */
  apology: () => OutboundMessage;
  /** received messages kept for media download (default 500) */
  mediaCacheSize?: number;
  /** the socket if it is open right now (read receipts, the typing indicator) */
  openSocket?: () => WASocketLike | undefined;
  /** a step that takes longer than this shows "typing…" in the chat (default 1000 ms) */
  typingAfterMs?: number;
}

/**
 * Handles `messages.upsert`: keeps only new messages (`notify`), converts them, drops the ones
 * already seen (Redis SET NX with TTL), runs the handler one message at a time per chat and
 * sends its replies in order with reply priority. A failing message is logged and answered
 * with an apology; it never stops the others.
 */
export function createInbound(deps: InboundDeps) {
  const { logger } = deps;
  const media = createLru<string, WAMessage>(deps.mediaCacheSize ?? 500);
  const chains = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();

  const fetchMedia: FetchMedia = async (ref) => {
    const msg = media.get(ref.ref);
    if (!msg) throw new Error('the WhatsApp media is no longer cached: ask the user to send it again');
    return deps.download(msg);
  };

  async function firstTime(id: string): Promise<boolean> {
    try {
      const set = await deps.redis.set(deps.keys.seenUpdate('whatsapp', id), '1', 'EX', SEEN_TTL_SECONDS, 'NX');
      return set === 'OK';
    } catch (err) {
      // Redis unreachable: rather answer a possible duplicate than leave the person unanswered
      // (the engine then says the message was not processed).
      logger.warn({ err }, 'whatsapp dedupe unavailable; message let through');
      return true;
    }
  }

  async function reply(c: ConvertedMessage, messages: OutboundMessage[], log: Logger): Promise<void> {
    const lane = c.incoming.chat.chatId;
    if (!messages.length) return;
    try {
      await deps.sender.deliver(lane, c.replyJid, messages, 'reply');
    } catch (err) {
      log.error({ err }, 'whatsapp reply not sent');
      if (isConnectionError(err)) return;
      await deps.sender.deliver(lane, c.replyJid, deps.apology(), 'reply').catch((e: unknown) => {
        log.error({ err: e }, 'whatsapp apology not sent');
      });
    }
  }

  /** Best effort: a receipt or a presence that does not go out changes nothing else. */
  const tell = (what: string, f: ((s: WASocketLike) => Promise<void> | undefined) | undefined) => {
    const sock = deps.openSocket?.();
    if (!sock || !f) return;
    void Promise.resolve()
      .then(() => f(sock))
      .catch((err: unknown) => logger.debug({ err }, `whatsapp ${what} not sent`));
  };

  async function handleOne(c: ConvertedMessage, msg: WAMessage): Promise<void> {
    const log = logger.child({ waMessageId: c.id, input: c.incoming.input.kind });
    // "typing…" only when the step is slow (a photo being checked, Redis busy), not on every answer.
    let typing = false;
    const timer = setTimeout(() => {
      typing = true;
      tell('typing', (s) => s.sendPresenceUpdate?.('composing', c.replyJid));
    }, deps.typingAfterMs ?? 1000);
    let messages: OutboundMessage[];
    try {
      messages = (await deps.handler.handle(c.incoming)).messages;
    } catch (err) {
      log.error({ err }, 'whatsapp message failed');
      messages = [deps.apology()];
    } finally {
      clearTimeout(timer);
    }
    // Handled: the sender sees it read (blue ticks), as from a person who answers.
    tell('read receipt', (s) => s.readMessages?.([msg.key]));
    await reply(c, messages, log);
    if (typing) tell('typing', (s) => s.sendPresenceUpdate?.('paused', c.replyJid));
  }

  async function accept(msg: WAMessage): Promise<void> {
    const c = convertIncoming(msg, fetchMedia);
    if (!c || !(await firstTime(c.id))) return;
    media.set(c.id, msg);
    const chatId = c.incoming.chat.chatId;
    const next = (chains.get(chatId) ?? Promise.resolve()).then(() => handleOne(c, msg));
    chains.set(chatId, next);
    await next;
    if (chains.get(chatId) === next) chains.delete(chatId);
  }

  return {
    /** The `messages.upsert` listener. */
    onUpsert(event: UsedEvents['messages.upsert']): void {
      if (event.type !== 'notify') return;
      for (const msg of event.messages) {
        const p = accept(msg).catch((err: unknown) => logger.error({ err }, 'whatsapp message failed'));
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }
    },
    /** Resolves when every received message has been handled and its replies sent (or failed). */
    async drain(): Promise<void> {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
    fetchMedia,
  };
}

export type Inbound = ReturnType<typeof createInbound>;
