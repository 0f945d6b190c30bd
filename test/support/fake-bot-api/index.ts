/**
 * # Fake Telegram Bot API server (for end-to-end tests and the benchmark)
 *
 * A plain node:http server on 127.0.0.1 that grammY talks to through `client: { apiRoot: fake.url }`
 * (the same way the app honours TELEGRAM_API_ROOT). It refuses what the real Bot API refuses:
 * - `/bot<token>/<method>`, GET or POST, JSON / urlencoded / multipart (file uploads); wrong token
 *   → 401 Unauthorized; unknown method → 404 "Not Found: method not found".
 * - Parameters checked against the Bot API 10.1 spec (test/fixtures/telegram-bot-api-10.1.json):
 *   missing, unknown (unless `strictParams: false`), wrong type, nested objects (reply_markup),
 *   length limits (text 1-4096 / caption 0-1024 UTF-16 units after parse_mode, callback_data
 *   1-64 bytes, answerCallbackQuery text <= 200), parse_mode HTML/MarkdownV2/Markdown syntax → 400.
 * - Unknown chat → 400 "chat not found"; blocked user → 403; unknown file_id → 400; rate limits
 *   (per chat burst 3 then 1/s, 30/s overall) → 429 with retry_after; `failNext` injects faults.
 *
 * Usage:
 * ```ts
 * const fake = await startFakeBotApi();
 * fake.addUser({ id: 42, first_name: 'Sari' });
 * const bot = new Bot(fake.token, { client: { apiRoot: fake.url } });
 * fake.sendCommand(42, 'start');                      // an update for getUpdates / the webhook
 * void bot.start();
 * const [reply] = await fake.waitForMessages(42, 1);  // what the bot sent, recorded
 * fake.pressButton(42, reply!.message_id, 'menu');    // only data on that keyboard, unless { forge: true }
 * await bot.stop(); await fake.close();
 * ```
 * State: `sent(chatId?)`, `edits(chatId?)`, `message(chatId, id)`, `callbackAnswers()`, `calls()`,
 * `stats()`, `file(fileId)`, `registerFile(bytes, kind)`, `commands()`, `webhook()`.
 * Waiting: `waitFor(predicate, timeoutMs)` and `waitForMessages(chatId, count, timeoutMs)` react to
 * events (no polling sleeps) and reject on timeout or on `close()`.
 */
import type { UserFromGetMe } from 'grammy/types';
import { Dispatcher, listen, type CallRecord, type FakeStats, type Fault } from './server.js';
import { loadSpecIndex } from './spec-index.js';
import { FakeState, type CallbackAnswer, type EditRecord, type FakeChat, type FakeMessage, type FakeUser, type SentRecord, type StoredFile } from './state.js';
import { createRateLimiter, type Clock, type RateLimitOptions } from './token-bucket.js';
import { UpdateQueue, type WebhookState } from './updates.js';
import { createUserSimulator, type UserSimulator } from './simulate.js';

export type { CallRecord, FakeStats, Fault } from './server.js';
export type { CallbackAnswer, EditRecord, FakeChat, FakeMessage, FakeUser, SentFile, SentRecord, StoredFile } from './state.js';
export type { RateLimitOptions } from './token-bucket.js';
export type { InChat, UserSimulator } from './simulate.js';

/** Options of `startFakeBotApi`. */
export interface FakeBotApiOptions {
  /** The only token accepted (default "123456:TEST-abcdefghijklmnopqrstuvwxyz"); the bot id is its prefix. */
  token?: string;
  /** The bot's own first_name / username (getMe). */
  bot?: { first_name?: string; username?: string };
  /** Per-chat and global limits; `false` disables both, `{ perChat: false }` one. */
  rateLimits?: RateLimitOptions | false;
  /** Clock (ms) used by the rate limiter; default Date.now. */
  now?: Clock;
  /** Refuse parameters the method does not have (default true; the real API ignores them). */
  strictParams?: boolean;
  /** Accept http(s) URLs for photos/documents as placeholder files (default true). */
  acceptFileUrls?: boolean;
  /** Refuse non-https webhook URLs like the real API (default false, so tests can use http). */
  requireHttpsWebhook?: boolean;
  /** Pause between webhook delivery retries (default 200 ms) and one attempt's timeout (default 10 s). */
  webhookRetryMs?: number;
  webhookTimeoutMs?: number;
  /** Port to listen on (default a free one). */
  port?: number;
  /** Another spec file (default the 10.1 fixture). */
  specPath?: string;
}

/** A running fake server plus the handles tests use. */
export interface FakeBotApi extends UserSimulator {
  /** The apiRoot for grammY, e.g. "http://127.0.0.1:41234". */
  readonly url: string;
  readonly token: string;
  /** The bot's own user (getMe). */
  readonly botInfo: UserFromGetMe;
  /** Registers a user (and their private chat) so the bot may message them. */
  addUser(user: { id: number; first_name: string; last_name?: string; username?: string; language_code?: string }): FakeUser;
  /** Registers a group/supergroup/channel (negative id). */
  addChat(chat: FakeChat): FakeChat;
  /** Messages the bot sent, in order (to one chat when given). */
  sent(chatId?: number): SentRecord[];
  /** Edits and deletions the bot made. */
  edits(chatId?: number): EditRecord[];
  /** The current state of a message (after edits), if it exists. */
  message(chatId: number, messageId: number): FakeMessage | undefined;
  /** answerCallbackQuery calls. */
  callbackAnswers(): CallbackAnswer[];
  /** Every call, with its status (for `method` only when given). */
  calls(method?: string): CallRecord[];
  /** Call counts: per method, per status, 429s. */
  stats(): FakeStats;
  /** The next `count` calls of `method` answer with `fault` (e.g. status 500). */
  failNext(method: string, count: number, fault: Fault): void;
  /** A file by file_id (bytes included). */
  file(fileId: string): StoredFile | undefined;
  /** Registers bytes as an existing file (e.g. a flyer the bot sends by file_id). */
  registerFile(data: Buffer, kind: 'photo' | 'document', meta?: { file_name?: string; mime_type?: string }): StoredFile;
  /** Commands set with setMyCommands (default scope and language unless given). */
  commands(scope?: Record<string, unknown>, languageCode?: string): unknown[];
  /** The webhook set by setWebhook, if any. */
  webhook(): WebhookState | undefined;
  /** True while a getUpdates long poll is waiting (the bot is ready for updates). */
  polling(): boolean;
  /** Updates queued and not yet confirmed / delivered. */
  pendingUpdates(): number;
  /** Resolves with the predicate's first truthy value, re-checked after every change. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  /** Resolves with the chat's sent messages once there are at least `count`. */
  waitForMessages(chatId: number, count: number, timeoutMs?: number): Promise<SentRecord[]>;
  /** Stops everything: pending polls answered, webhook delivery aborted, waiters rejected, sockets closed. */
  close(): Promise<void>;
}

/** The token tests use by default. */
export const FAKE_BOT_TOKEN = '123456:TEST-abcdefghijklmnopqrstuvwxyz';

/** Starts a fake Bot API server on 127.0.0.1. */
export async function startFakeBotApi(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = opts.token ?? FAKE_BOT_TOKEN;
  const spec = loadSpecIndex(opts.specPath);
  const botInfo = {
    id: Number(token.split(':')[0]) || 123456,
    is_bot: true,
    first_name: opts.bot?.first_name ?? 'Test Bot',
    username: opts.bot?.username ?? 'test_bot',
  };
  const state = new FakeState(botInfo);
  const changed = (): boolean => state.emit('change');
  const queue = new UpdateQueue({
    webhookRetryMs: opts.webhookRetryMs ?? 200,
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 10_000,
    executeReply: async (method, params) => {
      await dispatcher.execute(method, { params, files: new Map(), form: false }, new AbortController().signal);
    },
    onChange: changed,
  });
  const limits = opts.rateLimits ?? {};
  const limiter = limits === false || (limits.perChat === false && limits.global === false) ? undefined : createRateLimiter(limits, opts.now);
  const dispatcher: Dispatcher = new Dispatcher({
    token,
    spec,
    strictParams: opts.strictParams ?? true,
    maxBodyBytes: 50 * 1024 * 1024,
    ctx: {
      state,
      queue,
      limiter,
      acceptFileUrls: opts.acceptFileUrls ?? true,
      requireHttpsWebhook: opts.requireHttpsWebhook ?? false,
    },
    onCall: changed,
  });
  const { server, url } = await listen(dispatcher.listener, opts.port);
  const waits = new Set<(e: Error) => void>();
  let closed = false;

  const byChat = <R extends { chat_id: number }>(list: R[], chatId?: number): R[] =>
    chatId === undefined ? [...list] : list.filter((r) => r.chat_id === chatId);

  const waitFor = <T>(predicate: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new Error('fake Bot API is closed'));
      const cleanup = (): void => {
        clearTimeout(timer);
        state.off('change', check);
        waits.delete(fail);
      };
      const fail = (e: Error): void => {
        cleanup();
        reject(e);
      };
      function check(): void {
        let v: T | undefined | null | false;
        try {
          v = predicate();
        } catch (e) {
          return fail(e as Error);
        }
        if (v) {
          cleanup();
          resolve(v);
        }
      }
      const timer = setTimeout(() => {
        const last = state.sentLog.slice(-5).map((r) => `${r.method}→${r.chat_id}: ${r.text ?? r.caption ?? ''}`);
        fail(new Error(`fake Bot API: waitFor timed out after ${timeoutMs} ms; last sent: ${JSON.stringify(last)}`));
      }, timeoutMs);
      waits.add(fail);
      state.on('change', check);
      check();
    });

  return {
    url,
    token,
    botInfo: {
      ...botInfo,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
    } as UserFromGetMe,
    ...createUserSimulator(state, queue),
    addUser: (u) => state.addUser(u),
    addChat: (c) => state.addChat(c),
    sent: (chatId) => byChat(state.sentLog, chatId),
    edits: (chatId) => byChat(state.editLog, chatId),
    message: (chatId, messageId) => state.getMessage(chatId, messageId),
    callbackAnswers: () => [...state.answers],
    calls: (method) => (method === undefined ? [...dispatcher.calls] : dispatcher.calls.filter((c) => c.method === method)),
    stats: () => structuredClone(dispatcher.stats),
    failNext: (method, count, fault) => dispatcher.failNext(method, count, fault),
    file: (fileId) => state.files.get(fileId),
    registerFile: (data, kind, meta) => state.addFile(data, kind, meta),
    commands: (scope, lang) => state.commands.get(`${JSON.stringify(scope ?? { type: 'default' })}|${lang ?? ''}`) ?? [],
    webhook: () => queue.webhook(),
    polling: () => queue.polling(),
    pendingUpdates: () => queue.pending(),
    waitFor,
    waitForMessages: (chatId, count, timeoutMs) =>
      waitFor(() => {
        const list = byChat(state.sentLog, chatId);
        return list.length >= count ? list : undefined;
      }, timeoutMs),
    async close() {
      if (closed) return;
      closed = true;
      queue.close();
      for (const fail of [...waits]) fail(new Error('fake Bot API is closed'));
      await new Promise((resolve) => setImmediate(resolve)); // let answered polls flush
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
