import type { Channel } from '../domain/schemas.js';
import type { OutboundMessage, Reply } from '../i18n/message.js';

/**
 * The message model between the engine and the channels. Channels convert platform updates into
 * `Input`s and render `Reply`s; they hold no business rule. Flows never see a platform object.
 */

/** A media file the channel can fetch on demand (Telegram file_id, WhatsApp message, console path). */
export interface MediaRef {
  /** channel-specific reference, opaque to flows */
  ref: string;
  /** declared MIME type, if the platform gave one (never trusted: bytes are sniffed) */
  mime?: string;
  /** declared size in bytes, if known */
  size?: number;
  /** true when the image came as a document/file rather than a compressed photo */
  asDocument?: boolean;
  /** the file name, for documents (e.g. a CSV import) */
  fileName?: string;
  /** caption sent along with the media */
  caption?: string;
}

export type Input =
  | { kind: 'text'; text: string }
  | { kind: 'choice'; id: string }
  | { kind: 'photo'; media: MediaRef }
  | { kind: 'document'; media: MediaRef }
  | { kind: 'contact'; phone: string; own: boolean }
  | { kind: 'command'; name: string; args: string };

/** A chat account as the engine sees it. */
export interface ChatRef {
  channel: Channel;
  chatId: string;
}

/** Messages for someone else than the current user, performed by the engine through the queue. */
export type Effect =
  | { type: 'enqueue-report'; orderId: string }
  /** a follow-up to the report: the post link (default) or the UMKM's payment confirmation */
  | { type: 'enqueue-followup'; orderId: string; about?: 'post-link' | 'payment' | 'rejected' | 'cancelled' }
  | { type: 'notify-umkm'; orderId: string; event: string }
  | { type: 'notify-asn'; orderId: string; event: string }
  | { type: 'schedule-reminder'; orderId: string }
  | { type: 'cancel-reminder'; orderId: string }
  /** a person just linked a chat: deliver the notifications that waited for their phone */
  | { type: 'deliver-waiting'; phone: string };

/** What one engine step produced for the current user, plus effects for others. */
export interface StepOutput {
  replies: Reply[];
  effects: Effect[];
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
