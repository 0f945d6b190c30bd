import path from 'node:path';
import {
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  jidDecode,
  normalizeMessageContent,
  type AnyMessageContent,
  type WAMessage,
} from '@whiskeysockets/baileys';
import { z } from 'zod';
import { normalizePhone } from '../../domain/phone.js';
import type { FetchMedia, IncomingMessage, Input } from '../../engine/types.js';
import { isPdfPath, type OutboundMessage } from '../../i18n/message.js';
import { textToInput } from '../commands.js';
import { numberedText } from '../render.js';

/** The file name a forwarded PDF receipt carries (the stored one is a content hash). */
export const PDF_RECEIPT_NAME = 'bukti-pembayaran.pdf';

/** WhatsApp shows at most this many characters of a media caption; longer text goes in its own message. */
export const CAPTION_LIMIT = 1024;

/** protobuf `Long`, number or numeric string -> number (file sizes) */
const size = z
  .unknown()
  .transform((v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
    if (v && typeof (v as { toNumber?: unknown }).toNumber === 'function') return (v as { toNumber(): number }).toNumber();
    return undefined;
  })
  .pipe(z.number().int().nonnegative().optional());

const MediaSchema = z.object({
  mimetype: z.string().nullish(),
  fileLength: size,
  caption: z.string().nullish(),
  fileName: z.string().nullish(),
});

/** The parts of a Baileys message this channel relies on. */
const IncomingSchema = z.object({
  key: z.object({
    remoteJid: z.string().min(1),
    id: z.string().min(1),
    fromMe: z.boolean().nullish(),
    /** phone JID of a sender addressed by LID (Baileys 6.7: `senderPn`; 7.x: `remoteJidAlt`) */
    senderPn: z.string().nullish(),
    remoteJidAlt: z.string().nullish(),
    participantPn: z.string().nullish(),
  }),
  broadcast: z.boolean().nullish(),
  content: z
    .object({
      conversation: z.string().nullish(),
      extendedTextMessage: z.object({ text: z.string().nullish() }).nullish(),
      imageMessage: MediaSchema.nullish(),
      documentMessage: MediaSchema.nullish(),
      // Kinds the bot cannot read; the step answers them like an empty text (what it expects).
      audioMessage: z.unknown().optional(),
      videoMessage: z.unknown().optional(),
      ptvMessage: z.unknown().optional(),
      stickerMessage: z.unknown().optional(),
      locationMessage: z.unknown().optional(),
      liveLocationMessage: z.unknown().optional(),
      contactMessage: z.unknown().optional(),
      contactsArrayMessage: z.unknown().optional(),
    })
    .nullish(),
});

/** An incoming WhatsApp message as the channel handles it. */
export interface ConvertedMessage {
  /** WhatsApp message id (dedupe key, media reference) */
  id: string;
  /** where replies to this message go: the chat it came from */
  replyJid: string;
  incoming: IncomingMessage;
}

/** `62812...@s.whatsapp.net:3` -> `62812...` when the JID is a phone JID. */
function phoneDigits(jid: string | null | undefined): string | undefined {
  const d = jid ? jidDecode(jid) : undefined;
  if (!d || (d.server !== 's.whatsapp.net' && d.server !== 'c.us')) return undefined;
  return /^\d{6,16}$/.test(d.user) ? d.user : undefined;
}

function mediaInput(kind: 'photo' | 'document', ref: string, m: z.output<typeof MediaSchema>, extra: { asDocument?: boolean; fileName?: string }): Input {
  const media = {
    ref,
    ...(m.mimetype ? { mime: m.mimetype } : {}),
    ...(m.fileLength !== undefined ? { size: m.fileLength } : {}),
    ...(m.caption ? { caption: m.caption } : {}),
    ...extra,
  };
  return { kind, media };
}

/**
 * Incoming Baileys message -> what the engine gets, or null for what the bot ignores: groups,
 * status and broadcast lists, newsletters, its own messages, and what nobody expects an answer to
 * (reactions, edits and deletions, poll votes, empty messages). Voice notes, videos, stickers,
 * locations and contact cards become an empty text, which the current step answers by saying
 * what it needs (as Telegram does).
 * The chat id is the sender's phone digits (`62812...`); a LID sender whose phone Baileys did not
 * give keeps the LID JID (`123@lid`) as chat id and has no verified phone.
 */
export function convertIncoming(msg: WAMessage, fetchMedia: FetchMedia): ConvertedMessage | null {
  const parsed = IncomingSchema.safeParse({
    key: msg.key,
    broadcast: msg.broadcast,
    content: normalizeMessageContent(msg.message),
  });
  if (!parsed.success) return null;
  const { key, broadcast, content } = parsed.data;
  const jid = key.remoteJid;
  if (key.fromMe || broadcast || isJidGroup(jid) || isJidBroadcast(jid) || isJidNewsletter(jid)) return null;

  const decoded = jidDecode(jid);
  if (!decoded) return null;
  let digits: string | undefined;
  let chatId: string;
  if (decoded.server === 'lid') {
    digits = phoneDigits(key.senderPn) ?? phoneDigits(key.remoteJidAlt) ?? phoneDigits(key.participantPn);
    chatId = digits ?? `${decoded.user}@lid`;
  } else {
    digits = phoneDigits(jid);
    if (!digits) return null;
    chatId = digits;
  }

  const input = toInput(key.id, content);
  if (!input) return null;
  return {
    id: key.id,
    replyJid: jid,
    incoming: {
      chat: { channel: 'whatsapp', chatId },
      input,
      fetchMedia,
      ...(digits ? { verifiedPhone: `+${digits}` } : {}),
    },
  };
}

function toInput(id: string, content: z.output<typeof IncomingSchema>['content']): Input | null {
  if (!content) return null;
  const text = content.conversation ?? content.extendedTextMessage?.text;
  if (text?.trim()) return textToInput(text);
  if (content.imageMessage) return mediaInput('photo', id, content.imageMessage, {});
  const doc = content.documentMessage;
  if (doc) {
    if (doc.mimetype?.startsWith('image/')) {
      return mediaInput('photo', id, doc, { asDocument: true, ...(doc.fileName ? { fileName: doc.fileName } : {}) });
    }
    return mediaInput('document', id, doc, doc.fileName ? { fileName: doc.fileName } : {});
  }
  const unreadable = [
    content.audioMessage,
    content.videoMessage,
    content.ptvMessage,
    content.stickerMessage,
    content.locationMessage,
    content.liveLocationMessage,
    content.contactMessage,
    content.contactsArrayMessage,
  ];
  if (unreadable.some((m) => m !== undefined && m !== null)) return { kind: 'text', text: '' };
  return null;
}

/**
 * A chat id from the engine or a queue job -> a JID: a full JID passes through
 * (`...@g.us` for the mayor's group, `...@lid`), a phone in any form (`+62812...`, `0812...`,
 * `62812...`) becomes `62812...@s.whatsapp.net`. Null when it is neither.
 */
export function jidForChat(chatId: string): string | null {
  if (chatId.includes('@')) return jidDecode(chatId) ? chatId : null;
  const e164 = normalizePhone(chatId);
  return e164 ? `${e164.slice(1)}@s.whatsapp.net` : null;
}

/** An outgoing message cannot be rendered (a photo outside MEDIA_DIR): no retry can fix it. */
export class WhatsAppRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WhatsAppRenderError';
  }
}

/** The pacing lane of a JID: phone digits for a phone JID (as the engine's chat id), else the JID. */
export function laneOf(jid: string): string {
  return phoneDigits(jid) ?? jid;
}

/** Options for rendering outgoing messages. */
export interface OutgoingOptions {
  /** photos given as a path must resolve inside this directory */
  mediaDir: string;
  captionLimit?: number;
}

function photoUrl(photo: NonNullable<OutboundMessage['photo']>, mediaDir: string): string {
  if (photo.path) {
    const root = path.resolve(mediaDir);
    const file = path.resolve(root, photo.path);
    const rel = path.relative(root, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) throw new WhatsAppRenderError('photo path is outside MEDIA_DIR');
    return file;
  }
  if (photo.url) return photo.url;
  throw new WhatsAppRenderError('photo has neither path nor url');
}

/**
 * One outgoing message -> the Baileys contents to send, in order. Choices become a numbered list;
 * a photo (file under MEDIA_DIR or URL) carries the text as caption unless it is too long, then
 * the text follows as its own message; a document goes as a CSV file. A contact request lists no
 * choices (its only one is Telegram's share-contact key; the text says what to do instead).
 */
export function toWhatsAppContents(msg: OutboundMessage, opts: OutgoingOptions): AnyMessageContent[] {
  const limit = opts.captionLimit ?? CAPTION_LIMIT;
  // A contact request's choice is Telegram's "share my number" keyboard: nothing to type here.
  const text = numberedText(msg.requestContact ? { ...msg, choices: undefined } : msg);
  const out: AnyMessageContent[] = [];
  let textSent = !text.trim();
  const caption = () => {
    if (textSent || text.length > limit) return {};
    textSent = true;
    return { caption: text };
  };
  if (msg.photo && isPdfPath(msg.photo.path)) {
    // a PDF receipt goes as the file it is (no EXIF here: its metadata was removed when stored)
    out.push({ document: { url: photoUrl(msg.photo, opts.mediaDir) }, mimetype: 'application/pdf', fileName: PDF_RECEIPT_NAME, ...caption() });
  } else if (msg.photo) out.push({ image: { url: photoUrl(msg.photo, opts.mediaDir) }, ...caption() });
  if (msg.document) {
    const fileName = msg.document.fileName;
    out.push({
      document: Buffer.from(msg.document.content, 'utf8'),
      fileName,
      mimetype: fileName.toLowerCase().endsWith('.csv') ? 'text/csv' : 'text/plain',
      ...caption(),
    });
  }
  if (!textSent) out.push({ text });
  return out;
}
