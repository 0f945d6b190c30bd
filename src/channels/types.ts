import type { Channel } from '../domain/schemas.js';
import type { ChatRef, DocumentOut, Input, MediaRef, PhotoOut } from '../engine/types.js';

/** A reply after localisation: what a person reads. Channels turn it into platform calls. */
export interface OutboundMessage {
  text: string;
  /** buttons: id (callback data / choice id) and the localised label */
  choices?: { id: string; label: string }[];
  /** buttons per row on Telegram */
  columns?: number;
  photo?: PhotoOut;
  document?: DocumentOut;
  requestContact?: boolean;
  /** the user is expected to type a number: numbered channels list choices without numbers */
  expectsNumber?: boolean;
  /** literal parts of the text to copy (account numbers): Telegram marks them as code */
  code?: string[];
  /** the first `listed` choices are already listed, numbered, in the text (numbered channels skip them) */
  listed?: number;
  /** a message of its own (a caption to copy): never joined with the others of its turn */
  standalone?: boolean;
  /**
   * The same for every send of one message (a report to one destination): a sender that can drop
   * a repeat (the WhatsApp outbox, a durable queue) keys on it instead of the content, so a send
   * retried after a crash, even with a "sent again" note, is queued once.
   */
  idempotencyKey?: string;
}

/** The outcome of one send, sorted by what the caller should do next. */
export type SendResult =
  | { ok: true; messageId?: string; fileId?: string }
  | {
      ok: false;
      /** the user blocked the bot or left (Telegram 403): mark unreachable, never retry */
      blocked?: boolean;
      /** rate limited: retry after this many seconds */
      retryAfter?: number;
      /** no retry can fix it (400, 403) */
      permanent?: boolean;
      error: string;
    };

/** Sends messages to chats of one platform (used by the engine's channel and the queue workers). */
export interface ChannelSender {
  readonly channel: Channel;
  send(chatId: string, msg: OutboundMessage): Promise<SendResult>;
  /**
   * Replaces the text (and inline buttons) of a message sent earlier, where the platform can
   * (Telegram). Absent on channels that cannot edit (WhatsApp): callers send a new message.
   */
  edit?(chatId: string, messageId: string, msg: Pick<OutboundMessage, 'text' | 'choices' | 'columns'>): Promise<SendResult>;
}

/** Fetches the bytes of a media reference (Telegram getFile, WhatsApp downloadMediaMessage, a console path). */
export type FetchMedia = (media: MediaRef) => Promise<Buffer>;

/** What a channel hands the engine for one incoming message. */
export interface IncomingMessage {
  chat: ChatRef;
  input: Input;
  fetchMedia: FetchMedia;
  /**
   * A phone number the platform itself verified for this sender (WhatsApp: the sender's JID).
   * Telegram leaves it empty: there the user shares their own contact.
   */
  verifiedPhone?: string;
  /**
   * The platform's id of this update (Telegram `update_id`). The engine drops one it handled
   * before (a redelivered webhook, a restarted poller) and marks it handled in the same write as
   * the session, so a process killed mid-update gets it again instead of losing it.
   */
  updateId?: string;
  /**
   * A second tap on the same button of the same message moments after the first (Telegram): the
   * engine answers it with a notice and does not act on it again.
   */
  repeatTap?: boolean;
}

/** What the engine returns to a channel for one incoming message, already localised. */
export interface HandledMessage {
  messages: OutboundMessage[];
  /**
   * A short notice shown on the tapped button instead of a message (Telegram: the callback
   * query's toast), e.g. for a tap on an old button: the screen stays as it was.
   */
  notice?: string;
}

/** The engine as channels see it. */
export interface MessageHandler {
  handle(msg: IncomingMessage): Promise<HandledMessage>;
}

/**
 * Which taps a channel answers with a notice on the button (Telegram: the callback query's toast)
 * instead of a message, when the button is stale or tapped twice: the engine's `tapNotice`.
 * WhatsApp and the console have no buttons to show it on.
 */
export const tapNotice = (chat: ChatRef, input: Input): boolean => chat.channel === 'telegram' && input.kind === 'choice';
