import type { Channel } from '../domain/schemas.js';
import type { ChatRef, Input } from '../engine/types.js';
import type { OutboundMessage } from '../i18n/message.js';

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

/**
 * Which taps a channel answers with a notice on the button (Telegram: the callback query's toast)
 * instead of a message, when the button is stale or tapped twice: the engine's `tapNotice`.
 * WhatsApp and the console have no buttons to show it on.
 */
export const tapNotice = (chat: ChatRef, input: Input): boolean => chat.channel === 'telegram' && input.kind === 'choice';

/** A channel's own view of itself for /healthz: `ok`, plus what an operator wants to see. */
export type ChannelHealth = () => { ok: boolean; [detail: string]: unknown };

/**
 * What a channel's `start<Channel>()` hands back to start-up (src/main.ts): the sender the queue
 * workers use for its chats, its check for /healthz, and `stop` for the shutdown's intake phase
 * (take nothing new, finish what is in hand).
 */
export interface StartedChannel<S extends ChannelSender = ChannelSender> {
  sender: S;
  health: ChannelHealth;
  stop(): Promise<void>;
}
