/**
 * What a person reads, before and after localisation: a `Reply` (message ids and arguments) is what
 * flows and the engine produce; `renderReply` (./render.ts) turns it into an `OutboundMessage` for a
 * channel to send. Below the engine and the channels, so both point down to it.
 */
import { z } from 'zod';

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

/** A photo to send: a stored file under MEDIA_DIR or an https URL; a stored receipt may be a PDF (`path` ending in `.pdf`): channels send that as a document. */
export const PhotoOutSchema = z.object({ path: z.string().optional(), url: z.string().optional() });
export type PhotoOut = z.infer<typeof PhotoOutSchema>;

/** A stored file under MEDIA_DIR that is a PDF (a receipt), not a picture. */
export const isPdfPath = (p: string | undefined): boolean => Boolean(p?.toLowerCase().endsWith('.pdf'));

export const DocumentOutSchema = z.object({
  fileName: z.string(),
  /** UTF-8 content (CSV) */
  content: z.string(),
});
export type DocumentOut = z.infer<typeof DocumentOutSchema>;

export interface Reply {
  /** the text (or the photo caption) */
  text: Msg;
  /** short notices shown above the text in the same message ("saved", "that was not a number") */
  prefix?: Msg[];
  /** short notes shown below the text in the same message, above its choices (a shortcut: "or send it all at once") */
  suffix?: Msg[];
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

/**
 * A reply after localisation: what a person reads. Channels turn it into platform calls. One
 * schema for the type and for every place a message crosses a boundary (the WhatsApp outbox's
 * jobs), so the two cannot drift.
 */
export const OutboundMessageSchema = z.object({
  text: z.string(),
  /** buttons: id (callback data / choice id) and the localised label */
  choices: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  /** buttons per row on Telegram */
  columns: z.number().optional(),
  photo: PhotoOutSchema.optional(),
  document: DocumentOutSchema.optional(),
  requestContact: z.boolean().optional(),
  /** the user is expected to type a number: numbered channels list choices without numbers */
  expectsNumber: z.boolean().optional(),
  /** literal parts of the text to copy (account numbers): Telegram marks them as code */
  code: z.array(z.string()).optional(),
  /** the first `listed` choices are already listed, numbered, in the text (numbered channels skip them) */
  listed: z.number().int().nonnegative().optional(),
  /** a message of its own (a caption to copy): never joined with the others of its turn */
  standalone: z.boolean().optional(),
  /**
   * The same for every send of one message (a report to one destination): a sender that can drop
   * a repeat (the WhatsApp outbox, a durable queue) keys on it instead of the content, so a send
   * retried after a crash, even with a "sent again" note, is queued once.
   */
  idempotencyKey: z.string().optional(),
});
export type OutboundMessage = z.infer<typeof OutboundMessageSchema>;
