/**
 * Message methods of the fake Bot API: sendMessage, sendPhoto, sendDocument, copyMessage,
 * forwardMessage, other send* (generic), editMessageText/Caption/ReplyMarkup, deleteMessage.
 * Sends resolve the chat (400 chat not found), refuse blocked users (403) and pass the rate
 * limiter (429 with retry_after).
 */
import { UploadedFile } from './body.js';
import type { CallContext, MethodHandler } from './context.js';
import { ApiError, badRequest } from './errors.js';
import { mimeOf, type FakeChat, type FakeMessage, type SentFile, type SentRecord, type StoredFile } from './state.js';

/** Resolves the target chat, refuses blocked users, applies rate limits when `limited`. */
export function target(ctx: CallContext, chatId: unknown, limited: boolean): FakeChat {
  const chat = ctx.state.resolveChat(chatId);
  ctx.state.assertNotBlocked(chat);
  if (limited && ctx.limiter) {
    const wait = ctx.limiter.tryTake(String(chat.id));
    if (wait > 0) {
      const s = Math.max(1, Math.ceil(wait / 1000));
      throw new ApiError(429, `Too Many Requests: retry after ${s}`, s);
    }
  }
  return chat;
}

const now = (): number => Date.now();
const isInline = (m: unknown): boolean => typeof m === 'object' && m !== null && 'inline_keyboard' in m;

function newMessage(ctx: CallContext, chat: FakeChat, params: Record<string, unknown>): FakeMessage {
  const m: FakeMessage = {
    message_id: ctx.state.nextMessageId(chat.id),
    from: ctx.state.bot,
    chat,
    date: Math.floor(now() / 1000),
  };
  if (isInline(params.reply_markup)) m.reply_markup = params.reply_markup;
  return m;
}

function commit(ctx: CallContext, method: string, m: FakeMessage, params: Record<string, unknown>, extra: Partial<SentRecord>): FakeMessage {
  ctx.state.putMessage(m);
  const rec: SentRecord = { method, chat_id: m.chat.id, message_id: m.message_id, at: now(), ...extra };
  if (params.reply_markup !== undefined) rec.reply_markup = params.reply_markup;
  if (typeof params.parse_mode === 'string') rec.parse_mode = params.parse_mode;
  ctx.state.record('sent', rec);
  return m;
}

const KIND_NAME = { photo: 'Photo', document: 'Document', other: 'File' } as const;

/** Resolves an InputFile-or-String parameter: an upload, a known file_id, or an http(s) URL. */
function media(ctx: CallContext, value: unknown, kind: 'photo' | 'document'): { file: StoredFile; sent: SentFile } {
  if (value instanceof UploadedFile) {
    if (value.data.length === 0) throw badRequest('file must be non-empty');
    const mime = value.contentType !== 'application/octet-stream' ? value.contentType : mimeOf(value.filename);
    const file = ctx.state.addFile(value.data, kind, kind === 'document' ? { file_name: value.filename, mime_type: mime } : {});
    return { file, sent: { file_id: file.file_id, source: 'upload', data: value.data, file_name: value.filename } };
  }
  const s = String(value);
  if (/^https?:\/\/\S+$/i.test(s)) {
    if (!ctx.acceptFileUrls) throw badRequest('wrong file identifier/HTTP URL specified');
    const file = ctx.state.addFile(Buffer.alloc(0), kind, { url: s, ...(kind === 'document' ? { file_name: s.split('/').pop() ?? 'file' } : {}) });
    return { file, sent: { file_id: file.file_id, source: 'url', data: file.data, url: s } };
  }
  const file = ctx.state.files.get(s);
  if (!file) throw badRequest('wrong file identifier/HTTP URL specified');
  if (file.kind !== kind) throw badRequest(`can't use file of type ${KIND_NAME[file.kind]} as ${KIND_NAME[kind]}`);
  const sent: SentFile = { file_id: s, source: 'file_id', data: file.data };
  if (file.file_name) sent.file_name = file.file_name;
  return { file, sent };
}

function documentOf(f: StoredFile): Record<string, unknown> {
  return { file_id: f.file_id, file_unique_id: f.file_unique_id, file_name: f.file_name, mime_type: f.mime_type, file_size: f.file_size };
}

function captionOf(params: Record<string, unknown>, plain: Record<string, string>): string | undefined {
  const c = plain.caption ?? (params.caption as string | undefined);
  return c === undefined || c === '' ? undefined : c;
}

const sendMessage: MethodHandler = (ctx, params, plain) => {
  const chat = target(ctx, params.chat_id, true);
  const m = newMessage(ctx, chat, params);
  m.text = plain.text ?? params.text;
  return commit(ctx, 'sendMessage', m, params, { text: params.text as string });
};

const sendPhoto: MethodHandler = (ctx, params, plain) => {
  const chat = target(ctx, params.chat_id, true);
  const { file, sent } = media(ctx, params.photo, 'photo');
  const m = newMessage(ctx, chat, params);
  m.photo = file.sizes;
  const caption = captionOf(params, plain);
  if (caption !== undefined) m.caption = caption;
  return commit(ctx, 'sendPhoto', m, params, { photo: sent, ...(params.caption !== undefined ? { caption: params.caption as string } : {}) });
};

const sendDocument: MethodHandler = (ctx, params, plain) => {
  const chat = target(ctx, params.chat_id, true);
  const { file, sent } = media(ctx, params.document, 'document');
  const m = newMessage(ctx, chat, params);
  m.document = documentOf(file);
  const caption = captionOf(params, plain);
  if (caption !== undefined) m.caption = caption;
  const rec: Partial<SentRecord> = { document: { ...sent, ...(file.mime_type ? { mime_type: file.mime_type } : {}) } };
  if (params.caption !== undefined) rec.caption = params.caption as string;
  return commit(ctx, 'sendDocument', m, params, rec);
};

function copyOrForward(method: 'copyMessage' | 'forwardMessage'): MethodHandler {
  return (ctx, params, plain) => {
    const from = ctx.state.resolveChat(params.from_chat_id);
    const source = ctx.state.getMessage(from.id, params.message_id as number);
    if (!source) throw badRequest(`message to ${method === 'copyMessage' ? 'copy' : 'forward'} not found`);
    const chat = target(ctx, params.chat_id, true);
    const { message_id: _id, from: _from, chat: _chat, date: _date, reply_markup: _markup, ...content } = source;
    const m: FakeMessage = { ...newMessage(ctx, chat, params), ...content };
    if (method === 'forwardMessage') m.forward_origin = { type: 'user', sender_user: source.from, date: source.date };
    const caption = method === 'copyMessage' ? captionOf(params, plain) : undefined;
    if (caption !== undefined) m.caption = caption;
    const rec: Partial<SentRecord> = {};
    if (typeof m.text === 'string') rec.text = m.text;
    if (typeof m.caption === 'string') rec.caption = m.caption;
    commit(ctx, method, m, params, rec);
    return method === 'copyMessage' ? { message_id: m.message_id } : m;
  };
}

/** Any other send* method returning a Message: recorded with its caption, content not simulated. */
export const genericSend =
  (method: string): MethodHandler =>
  (ctx, params, plain) => {
    const chat = target(ctx, params.chat_id, true);
    const m = newMessage(ctx, chat, params);
    const caption = captionOf(params, plain);
    if (caption !== undefined) m.caption = caption;
    return commit(ctx, method, m, params, caption !== undefined ? { caption } : {});
  };

/** Finds the bot's message an edit or deletion points at. */
function editable(ctx: CallContext, params: Record<string, unknown>, verb: 'edit' | 'delete'): FakeMessage {
  if (params.chat_id === undefined) throw badRequest('chat_id is empty');
  if (params.message_id === undefined) throw badRequest('message identifier is not specified');
  const chat = target(ctx, params.chat_id, false);
  const m = ctx.state.getMessage(chat.id, params.message_id as number);
  if (!m) throw badRequest(`message to ${verb} not found`);
  if (verb === 'edit' && m.from?.id !== ctx.state.bot.id) throw badRequest("message can't be edited");
  return m;
}

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

function applyEdit(
  ctx: CallContext,
  method: string,
  m: FakeMessage,
  params: Record<string, unknown>,
  change: { text?: string; caption?: string | undefined },
): unknown {
  if (params.inline_message_id !== undefined) return true;
  const markup = isInline(params.reply_markup) ? params.reply_markup : undefined;
  const sameText = !('text' in change) || change.text === m.text;
  const sameCaption = !('caption' in change) || change.caption === m.caption;
  if (sameText && sameCaption && JSON.stringify(markup) === JSON.stringify(m.reply_markup)) throw badRequest(NOT_MODIFIED);
  if (change.text !== undefined) m.text = change.text;
  if ('caption' in change) {
    if (change.caption === undefined) delete m.caption;
    else m.caption = change.caption;
  }
  if (markup === undefined) delete m.reply_markup;
  else m.reply_markup = markup;
  m.edit_date = Math.floor(now() / 1000);
  const rec = { method, chat_id: m.chat.id, message_id: m.message_id, at: now(), ...change };
  ctx.state.record('edit', markup === undefined ? rec : { ...rec, reply_markup: markup });
  return m;
}

const editMessageText: MethodHandler = (ctx, params, plain) => {
  if (params.inline_message_id !== undefined) return true;
  const m = editable(ctx, params, 'edit');
  if (typeof m.text !== 'string') throw badRequest('there is no text in the message to edit');
  if (params.text === undefined) throw badRequest('message text is empty');
  return applyEdit(ctx, 'editMessageText', m, params, { text: plain.text ?? (params.text as string) });
};

const editMessageCaption: MethodHandler = (ctx, params, plain) => {
  if (params.inline_message_id !== undefined) return true;
  const m = editable(ctx, params, 'edit');
  if (typeof m.text === 'string') throw badRequest('there is no caption in the message to edit');
  return applyEdit(ctx, 'editMessageCaption', m, params, { caption: captionOf(params, plain) });
};

const editMessageReplyMarkup: MethodHandler = (ctx, params) => {
  if (params.inline_message_id !== undefined) return true;
  return applyEdit(ctx, 'editMessageReplyMarkup', editable(ctx, params, 'edit'), params, {});
};

const deleteMessage: MethodHandler = (ctx, params) => {
  const m = editable(ctx, params, 'delete');
  ctx.state.messages.delete(`${m.chat.id}:${m.message_id}`);
  ctx.state.record('edit', { method: 'deleteMessage', chat_id: m.chat.id, message_id: m.message_id, at: now() });
  return true;
};

/** Handlers by canonical method name. */
export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  sendPhoto,
  sendDocument,
  copyMessage: copyOrForward('copyMessage'),
  forwardMessage: copyOrForward('forwardMessage'),
  editMessageText,
  editMessageCaption,
  editMessageReplyMarkup,
  deleteMessage,
};
