/**
 * The simulated world of the fake Bot API: users, chats, blocked chats, messages (per-chat ids),
 * files (bytes, file_id, file_path) and the logs tests read (sent messages, edits, callback answers).
 */
import { EventEmitter } from 'node:events';
import { ApiError, badRequest } from './errors.js';

/** A Telegram user as the fake knows it. */
export interface FakeUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** A chat: private (id = user id, positive) or group/supergroup/channel (negative ids). */
export interface FakeChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

/** A stored message (Telegram's Message shape, loosely typed). */
export type FakeMessage = Record<string, unknown> & { message_id: number; date: number; chat: FakeChat; from?: FakeUser };

/** A file the fake holds: uploaded by the bot, sent by a simulated user, or registered by a test. */
export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  kind: 'photo' | 'document' | 'other';
  data: Buffer;
  file_size: number;
  file_name?: string;
  mime_type?: string;
  url?: string;
  /** For photos: the PhotoSize array this file belongs to. */
  sizes?: PhotoSize[];
}

/** Telegram's PhotoSize. */
export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

/** How a sent photo or document was given. */
export interface SentFile {
  file_id: string;
  source: 'upload' | 'file_id' | 'url';
  data: Buffer;
  file_name?: string;
  mime_type?: string;
  url?: string;
}

/** One message the bot sent (sendMessage, sendPhoto, sendDocument, copyMessage, ...). */
export interface SentRecord {
  method: string;
  chat_id: number;
  message_id: number;
  text?: string;
  caption?: string;
  parse_mode?: string;
  reply_markup?: unknown;
  photo?: SentFile;
  document?: SentFile;
  at: number;
}

/** One edit (text, caption or markup) or deletion the bot made. */
export interface EditRecord {
  method: string;
  chat_id: number;
  message_id: number;
  text?: string;
  caption?: string;
  reply_markup?: unknown;
  at: number;
}

/** One answerCallbackQuery call. */
export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
  at: number;
}

const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf', 'text/csv': 'csv' };
const MIME: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf', csv: 'text/csv', txt: 'text/plain' };

/** Guesses a MIME type from a file name's extension. */
export function mimeOf(fileName: string | undefined): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';
  return MIME[ext] ?? 'application/octet-stream';
}

/** The mutable state; emits 'change' after anything tests may wait for. */
export class FakeState extends EventEmitter {
  readonly users = new Map<number, FakeUser>();
  readonly chats = new Map<number, FakeChat>();
  readonly blocked = new Set<number>();
  readonly messages = new Map<string, FakeMessage>();
  readonly files = new Map<string, StoredFile>();
  readonly filesByPath = new Map<string, StoredFile>();
  readonly sentLog: SentRecord[] = [];
  readonly editLog: EditRecord[] = [];
  readonly answers: CallbackAnswer[] = [];
  readonly openQueries = new Map<string, { from: number; at: number }>();
  readonly commands = new Map<string, unknown[]>();
  private readonly counters = new Map<number, number>();
  private fileSeq = 0;

  /** @param bot the bot's own user (from the token). */
  constructor(readonly bot: FakeUser) {
    super();
    this.setMaxListeners(0);
  }

  /** Registers (or updates) a user and their private chat. */
  addUser(u: Omit<FakeUser, 'is_bot'> & { is_bot?: boolean }): FakeUser {
    const user: FakeUser = { is_bot: false, ...u };
    this.users.set(user.id, user);
    const chat: FakeChat = { id: user.id, type: 'private', first_name: user.first_name };
    if (user.last_name) chat.last_name = user.last_name;
    if (user.username) chat.username = user.username;
    this.chats.set(user.id, chat);
    return user;
  }

  /** Registers a group, supergroup or channel (negative id). */
  addChat(c: FakeChat): FakeChat {
    if (c.type === 'private') throw new Error('use addUser for private chats');
    this.chats.set(c.id, { ...c });
    return c;
  }

  /** The user with this id, or throws (a helper misused by a test). */
  user(id: number): FakeUser {
    const u = this.users.get(id);
    if (!u) throw new Error(`fake Bot API: user ${id} is unknown; call addUser first`);
    return u;
  }

  /** Resolves a chat_id parameter (number or @username) to a known chat, else 400 chat not found. */
  resolveChat(chatId: unknown): FakeChat {
    let chat: FakeChat | undefined;
    if (typeof chatId === 'number') chat = this.chats.get(chatId);
    else if (typeof chatId === 'string' && chatId.startsWith('@')) {
      const name = chatId.slice(1).toLowerCase();
      for (const c of this.chats.values()) if (c.type !== 'private' && c.username?.toLowerCase() === name) chat = c;
    }
    if (!chat) throw badRequest('chat not found');
    return chat;
  }

  /** Throws 403 when the user blocked the bot. */
  assertNotBlocked(chat: FakeChat): void {
    if (this.blocked.has(chat.id)) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
  }

  /** The next message id in a chat (ids increase per chat, shared by the bot and the users). */
  nextMessageId(chatId: number): number {
    const n = (this.counters.get(chatId) ?? 0) + 1;
    this.counters.set(chatId, n);
    return n;
  }

  /** Stores a message under chat + id. */
  putMessage(m: FakeMessage): void {
    this.messages.set(`${m.chat.id}:${m.message_id}`, m);
  }

  /** A stored message, if any. */
  getMessage(chatId: number, messageId: number): FakeMessage | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Registers bytes as a file; photos get a PhotoSize array of three sizes sharing the bytes. */
  addFile(data: Buffer, kind: StoredFile['kind'], meta: { file_name?: string; mime_type?: string; url?: string } = {}): StoredFile {
    const make = (): StoredFile => {
      const n = ++this.fileSeq;
      const prefix = kind === 'photo' ? 'AgACAgUAAx' : kind === 'document' ? 'BQACAgUAAx' : 'CAACAgUAAx';
      const ext = kind === 'photo' ? 'jpg' : (/\.([a-z0-9]+)$/i.exec(meta.file_name ?? '')?.[1] ?? EXT[meta.mime_type ?? ''] ?? 'dat');
      const file: StoredFile = {
        file_id: `${prefix}${n.toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`,
        file_unique_id: `AQAD${n.toString(36).padStart(6, '0')}`,
        file_path: `${kind === 'photo' ? 'photos' : 'documents'}/file_${n}.${ext}`,
        kind,
        data,
        file_size: data.length,
        ...meta,
      };
      this.files.set(file.file_id, file);
      this.filesByPath.set(file.file_path, file);
      return file;
    };
    if (kind !== 'photo') return make();
    const sizes: PhotoSize[] = [];
    let last: StoredFile | undefined;
    for (const side of [90, 320, 800]) {
      last = make();
      sizes.push({ file_id: last.file_id, file_unique_id: last.file_unique_id, width: side, height: side, file_size: data.length });
    }
    for (const s of sizes) this.files.get(s.file_id)!.sizes = sizes;
    return last!;
  }

  /** Appends to a log and tells waiters. */
  record(kind: 'sent', r: SentRecord): void;
  record(kind: 'edit', r: EditRecord): void;
  record(kind: 'answer', r: CallbackAnswer): void;
  record(kind: 'sent' | 'edit' | 'answer', r: SentRecord | EditRecord | CallbackAnswer): void {
    if (kind === 'sent') this.sentLog.push(r as SentRecord);
    else if (kind === 'edit') this.editLog.push(r as EditRecord);
    else this.answers.push(r as CallbackAnswer);
    this.emit('change');
  }

  /** Learns users and chats from an update pushed by a test (so the bot may answer them). */
  learnFrom(update: Record<string, unknown>): void {
    for (const [key, payload] of Object.entries(update)) {
      if (key === 'update_id' || typeof payload !== 'object' || payload === null) continue;
      const p = payload as { from?: FakeUser; chat?: FakeChat; message?: { chat?: FakeChat } };
      if (p.from && typeof p.from.id === 'number' && !this.users.has(p.from.id)) this.addUser(p.from);
      const chat = p.chat ?? p.message?.chat;
      if (chat && typeof chat.id === 'number' && !this.chats.has(chat.id)) {
        if (chat.type === 'private') this.addUser({ id: chat.id, first_name: chat.first_name ?? 'User' });
        else this.chats.set(chat.id, chat);
      }
    }
  }
}
