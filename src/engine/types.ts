import type { Channel } from '../domain/schemas.js';

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

/** A localised text: a Fluent message id and its arguments. */
export interface Msg {
  key: string;
  args?: Record<string, string | number>;
}

export interface Choice {
  /** stable id, at most 60 bytes (Telegram callback_data limit is 64) */
  id: string;
  label: Msg;
}

/** A photo to send: a stored file under MEDIA_DIR, an https URL, or a channel file id cached earlier. */
/** A photo to send; a stored receipt may be a PDF (`path` ending in `.pdf`): channels send that as a document. */
export interface PhotoOut {
  path?: string;
  url?: string;
}

/** A stored file under MEDIA_DIR that is a PDF (a receipt), not a picture. */
export const isPdfPath = (p: string | undefined): boolean => Boolean(p?.toLowerCase().endsWith('.pdf'));

export interface DocumentOut {
  fileName: string;
  /** UTF-8 content (CSV) */
  content: string;
}

export interface Reply {
  /** the text (or the photo caption) */
  text: Msg;
  /** short notices shown above the text in the same message ("saved", "that was not a number") */
  prefix?: Msg[];
  /** keep as a message of its own (a caption to copy), never merged with the next one */
  standalone?: boolean;
  /** buttons (Telegram inline keyboard) or a numbered list (WhatsApp, console) */
  choices?: Choice[];
  /** choices per keyboard row on Telegram (default 1) */
  columns?: number;
  photo?: PhotoOut;
  document?: DocumentOut;
  /** ask the user to share their phone (Telegram: request_contact keyboard) */
  requestContact?: boolean;
  /** the step takes a typed number: numbered channels must not number the choices */
  expectsNumber?: boolean;
  /**
   * Literal parts of the text a person copies (an account number): Telegram shows them as code,
   * copied with one tap; other channels show the text as it is.
   */
  code?: string[];
  /**
   * The first `listed` choices are the items the text already lists, numbered 1..listed in that
   * order: numbered channels do not list them again (the text's numbers pick them), Telegram
   * still shows them as buttons.
   */
  listed?: number;
}

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
