import path from 'node:path';
import { type Api, GrammyError, HttpError, InputFile } from 'grammy';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup } from 'grammy/types';
import type { Redis } from 'ioredis';
import { type OutboundMessage, type PhotoOut, isPdfPath } from '../../i18n/message.js';
import type { Keys } from '../../store/keys.js';
import type { ChannelSender, SendResult } from '../types.js';
import { TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT, cutText, splitText } from './split-text.js';

/** A message for Telegram: the common model plus an optional message to reply to. */
export type TelegramOutbound = OutboundMessage & {
  /** message_id (as a string) this message answers; the first part is sent as a reply to it */
  replyTo?: string;
};

/** The Telegram ChannelSender; `send` also takes `replyTo`. */
export interface TelegramSender extends ChannelSender {
  readonly channel: 'telegram';
  send(chatId: string, msg: TelegramOutbound): Promise<SendResult>;
  edit(chatId: string, messageId: string, msg: Pick<OutboundMessage, 'text' | 'choices' | 'columns'>): Promise<SendResult>;
}

export interface TelegramSenderOptions {
  /** root of stored media; `photo.path` is relative to it */
  mediaDir: string;
  /** where uploaded photos' file_ids are cached (upload once, resend by id); no cache without it */
  redis?: Redis;
  keys?: Keys;
}

/** Label of the contact button when the message gives none (as its first choice). */
export const DEFAULT_CONTACT_LABEL = '📱 Kirim nomor HP';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A text with its copyable parts (`code`) as Telegram HTML: everything escaped, each part in
 * `<code>` (one tap copies it). Without such parts the text goes as plain text, no parse_mode.
 */
export function withCodeSpans(text: string, code: string[] | undefined): { text: string; parse_mode?: 'HTML' } {
  const parts = (code ?? []).filter((c) => c && text.includes(c));
  if (!parts.length) return { text };
  const html = escapeHtml(text);
  // At each place the earliest part found, the longest when several start there, each occurrence
  // once: a number inside another is not wrapped twice. (Found with indexOf: a regular expression
  // built from this message's own parts was compiled anew for every message, ~25 µs each.)
  const wanted = [...new Set(parts.map(escapeHtml))];
  let out = '';
  let from = 0;
  for (;;) {
    let at = -1;
    let hit = '';
    for (const p of wanted) {
      const i = html.indexOf(p, from);
      if (i >= 0 && (at < 0 || i < at || (i === at && p.length > hit.length))) {
        at = i;
        hit = p;
      }
    }
    if (at < 0) break;
    out += `${html.slice(from, at)}<code>${hit}</code>`;
    from = at + hit.length;
  }
  return { text: out + html.slice(from), parse_mode: 'HTML' };
}

/** Sorts a failed Bot API call into what the caller should do next. */
export function toSendFailure(err: unknown): Extract<SendResult, { ok: false }> {
  if (err instanceof GrammyError) {
    const error = `${err.method}: ${err.error_code} ${err.description}`;
    if (err.error_code === 403) return { ok: false, blocked: true, permanent: true, error };
    if (err.error_code === 429) return { ok: false, retryAfter: err.parameters.retry_after ?? 1, error };
    if (err.error_code >= 500) return { ok: false, error };
    return { ok: false, permanent: true, error }; // 400 and any other 4xx: the request itself is wrong
  }
  if (err instanceof HttpError) return { ok: false, error: `network: ${err.message}` };
  return { ok: false, error: err instanceof Error ? err.message : String(err) };
}

type Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup;

/** Inline keyboard of the choices (`columns` per row), or the one-time contact keyboard. */
export function telegramMarkup(msg: OutboundMessage): Markup | undefined {
  if (msg.requestContact) {
    const text = msg.choices?.[0]?.label ?? DEFAULT_CONTACT_LABEL;
    return { keyboard: [[{ text, request_contact: true }]], one_time_keyboard: true, resize_keyboard: true };
  }
  if (!msg.choices?.length) return undefined;
  const columns = Math.max(1, msg.columns ?? 1);
  const rows: { text: string; callback_data: string }[][] = [];
  msg.choices.forEach((c, i) => {
    if (i % columns === 0) rows.push([]);
    rows[rows.length - 1]!.push({ text: c.label, callback_data: c.id });
  });
  return { inline_keyboard: rows };
}

/** A sent photo's message id and the file id of its largest size. */
const withFileId = (sent: { message_id: number; photo: { file_id: string }[] }) => ({
  message_id: sent.message_id,
  fileId: sent.photo[sent.photo.length - 1]?.file_id,
});

/**
 * Sends the common message model to Telegram through a grammY `Api` (the bot's replies and the
 * queue workers' messages alike): long texts split at 4096, a photo's caption cut at 1024 with the
 * rest as a reply to the photo, a document (CSV) from its content, choices as an inline keyboard,
 * a contact request as a one-time reply keyboard. The keyboard goes on the last message.
 * Never throws: failures come back sorted (403 blocked, 400 permanent, 429 retryAfter, else retry).
 */
export function createTelegramSender(api: Api, opts: TelegramSenderOptions): TelegramSender {
  const root = path.resolve(opts.mediaDir);
  const cache = opts.redis && opts.keys ? { redis: opts.redis, key: opts.keys.telegramFileIds() } : undefined;

  function resolveMedia(p: string): string {
    const abs = path.resolve(root, p);
    if (abs !== root && !abs.startsWith(root + path.sep)) throw new Error('photo path escapes MEDIA_DIR');
    return abs;
  }

  async function sendPhoto(chatId: string, photo: PhotoOut, other: Record<string, unknown>): Promise<{ message_id: number; fileId?: string }> {
    if (photo.url) return withFileId(await api.sendPhoto(chatId, photo.url, other));
    if (!photo.path) throw new Error('photo without path or url');
    if (isPdfPath(photo.path)) {
      // a PDF receipt goes as a document (its metadata was removed when it was stored)
      const sent = await api.sendDocument(chatId, new InputFile(resolveMedia(photo.path), 'bukti-pembayaran.pdf'), other);
      return { message_id: sent.message_id, fileId: sent.document.file_id };
    }
    const cached = cache ? await cache.redis.hget(cache.key, photo.path) : null;
    if (cached) {
      try {
        return withFileId(await api.sendPhoto(chatId, cached, other));
      } catch (e) {
        // A file_id Telegram no longer knows: forget it and upload again.
        if (!(e instanceof GrammyError && e.error_code === 400 && /file/i.test(e.description))) throw e;
        await cache!.redis.hdel(cache!.key, photo.path);
      }
    }
    const sent = await api.sendPhoto(chatId, new InputFile(resolveMedia(photo.path)), other);
    const best = sent.photo[sent.photo.length - 1];
    if (cache && best) await cache.redis.hset(cache.key, photo.path, best.file_id);
    return withFileId(sent);
  }

  async function send(chatId: string, msg: TelegramOutbound): Promise<SendResult> {
    const markup = telegramMarkup(msg);
    let replyTo = msg.replyTo ? Number(msg.replyTo) : undefined;
    let firstId: number | undefined;
    let fileId: string | undefined;
    const remember = (id: number) => {
      firstId ??= id;
    };
    const replyParams = () => (replyTo !== undefined ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {});
    try {
      let text = msg.text;
      if (msg.photo) {
        const [caption, rest] = cutText(text, TELEGRAM_CAPTION_LIMIT);
        const formatted = withCodeSpans(caption, msg.code);
        const sent = await sendPhoto(chatId, msg.photo, {
          caption: formatted.text,
          ...(formatted.parse_mode ? { parse_mode: formatted.parse_mode } : {}),
          ...replyParams(),
          ...(rest || msg.document ? {} : { reply_markup: markup }),
        });
        fileId = sent.fileId;
        remember(sent.message_id);
        replyTo ??= sent.message_id; // the rest of a long caption answers the photo
        text = rest;
      }
      if (msg.document) {
        const [caption, rest] = text.length <= TELEGRAM_CAPTION_LIMIT ? [text, ''] : ['', text];
        if (rest) {
          for (const part of splitText(rest)) remember((await api.sendMessage(chatId, part, replyParams())).message_id);
        }
        const doc = new InputFile(Buffer.from(msg.document.content, 'utf8'), msg.document.fileName);
        const sent = await api.sendDocument(chatId, doc, {
          ...(caption ? { caption } : {}),
          ...replyParams(),
          ...(markup ? { reply_markup: markup } : {}),
        });
        remember(sent.message_id);
        return { ok: true, messageId: String(firstId), fileId: sent.document.file_id };
      }
      if (text) {
        const parts = splitText(text);
        for (const [i, part] of parts.entries()) {
          const last = i === parts.length - 1;
          const formatted = withCodeSpans(part, msg.code);
          const sent = await api.sendMessage(chatId, formatted.text, {
            ...(formatted.parse_mode ? { parse_mode: formatted.parse_mode } : {}),
            ...replyParams(),
            ...(last && markup ? { reply_markup: markup } : {}),
          });
          remember(sent.message_id);
        }
      }
      return { ok: true, messageId: firstId !== undefined ? String(firstId) : undefined, fileId };
    } catch (e) {
      return toSendFailure(e);
    }
  }

  /** Edits a text message: its text (cut at 4096) and inline keyboard (none when no choices). */
  async function edit(chatId: string, messageId: string, msg: Pick<OutboundMessage, 'text' | 'choices' | 'columns'>): Promise<SendResult> {
    const markup = telegramMarkup({ text: msg.text, choices: msg.choices, columns: msg.columns });
    try {
      const [text] = cutText(msg.text, TELEGRAM_TEXT_LIMIT);
      await api.editMessageText(chatId, Number(messageId), text, markup && 'inline_keyboard' in markup ? { reply_markup: markup } : {});
      return { ok: true, messageId };
    } catch (e) {
      return toSendFailure(e);
    }
  }

  return { channel: 'telegram', send, edit };
}
