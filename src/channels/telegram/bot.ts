import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { Bot, type Context, HttpError, type Transformer } from 'grammy';
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';
import type { ChatUsersRepo } from '../../store/chat-users-repo.js';
import type { Keys } from '../../store/keys.js';
import type { FetchMedia, HandledMessage, Input, MediaRef, MessageHandler } from '../../engine/types.js';
import { textToInput } from '../commands.js';
import { downloadFile } from './download.js';
import { grammyFetch } from './http-client.js';
import { createTelegramSender, type TelegramSender } from './sender.js';
import { LRUCache } from 'lru-cache';

/** Telegram refuses downloads above 20 MB through the public Bot API. */
const MAX_DOWNLOAD = 20 * 1024 * 1024;
/** A file download that takes longer fails (the step then says the photo could not be read). */
const DOWNLOAD_TIMEOUT_MS = 30_000;
/** Photos up to this size are downloaded as soon as their update arrives (see `fetcherFor`). */
const PREFETCH_MAX = 5 * 1024 * 1024;

export interface TelegramBotDeps {
  token: string;
  apiRoot: string;
  handler: MessageHandler;
  redis: Redis;
  keys: Keys;
  chatUsers: ChatUsersRepo;
  logger: Logger;
  mediaDir: string;
  /** retries of 429/5xx by the auto-retry plugin (tests may lower it) */
  maxRetryAttempts?: number;
  /** tries of a call that failed on the network before it counts as failed (default 3) */
  networkRetries?: number;
  /** called once per handled update, for metrics */
  onUpdate?: (kind: string) => void;
}

/**
 * A transformer that retries a Bot API call failing on the network (no HTTP answer) up to
 * `tries` more times, 0.5, 1, 2 s apart, then throws: a reply is either sent within seconds or
 * reported as not delivered, never retried for an hour.
 */
export function retryNetworkErrors(tries: number): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (!(err instanceof HttpError) || attempt >= tries || signal?.aborted) throw err;
        await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
      }
    }
  };
}

/** Converts a Telegram message into an engine input, or null for what the bot does not take. */
/** A second tap within this long on the same button of the same message is a double tap. */
export const REPEAT_TAP_MS = 3000;

/**
 * The last button each chat tapped, to tell a double tap from a new press (a new message's
 * button has another message id). In memory, bounded: a process forgets taps older than
 * REPEAT_TAP_MS, and at most `max` chats.
 */
export function createTapMemory(now: () => number = Date.now, max = 10_000) {
  const last = new LRUCache<string, { key: string; at: number }>({ max });
  return {
    isRepeat(chatId: string, key: string): boolean {
      const t = now();
      const prev = last.get(chatId);
      last.set(chatId, { key, at: t });
      return prev !== undefined && prev.key === key && t - prev.at < REPEAT_TAP_MS;
    },
  };
}

export function toInput(ctx: Context): Input | null {
  const m = ctx.message;
  if (ctx.callbackQuery?.data !== undefined) return { kind: 'choice', id: ctx.callbackQuery.data };
  if (!m) return null;
  if (m.contact) return { kind: 'contact', phone: m.contact.phone_number, own: m.contact.user_id === m.from?.id };
  if (m.photo?.length) {
    const best = m.photo[m.photo.length - 1]!;
    return { kind: 'photo', media: { ref: best.file_id, size: best.file_size, caption: m.caption } };
  }
  if (m.document) {
    const media: MediaRef = {
      ref: m.document.file_id,
      mime: m.document.mime_type,
      size: m.document.file_size,
      fileName: m.document.file_name,
      caption: m.caption,
      asDocument: true,
    };
    return m.document.mime_type?.startsWith('image/') ? { kind: 'photo', media } : { kind: 'document', media };
  }
  if (typeof m.text === 'string') return textToInput(m.text);
  // stickers, voice, location...: an empty text the current step answers politely
  return { kind: 'text', text: '' };
}

/**
 * The grammY bot: updates -> engine inputs, replies -> Telegram calls. Private chats only; each
 * update id is processed once; every callback query is answered; blocked users are marked.
 */
export function createTelegramBot(deps: TelegramBotDeps): { bot: Bot; sender: TelegramSender } {
  const bot = new Bot(deps.token, { client: { apiRoot: deps.apiRoot, fetch: grammyFetch } });
  // 429 and 5xx: auto-retry. Network errors: a few quick tries, then the failure is the caller's
  // (auto-retry alone would retry them for ever, holding the chat's later updates and shutdown).
  bot.api.config.use(autoRetry({ maxRetryAttempts: deps.maxRetryAttempts ?? 3, maxDelaySeconds: 60, rethrowHttpErrors: true }));
  bot.api.config.use(retryNetworkErrors(deps.networkRetries ?? 3));
  const sender = createTelegramSender(bot.api, { mediaDir: deps.mediaDir, redis: deps.redis, keys: deps.keys });

  const download: FetchMedia = async (media) => {
    if (media.size && media.size > MAX_DOWNLOAD) throw new Error('file too large to download');
    const file = await bot.api.getFile(media.ref);
    if (!file.file_path) throw new Error('file has no path');
    return downloadFile(`${deps.apiRoot}/file/bot${deps.token}/${file.file_path}`, { maxBytes: MAX_DOWNLOAD, timeoutMs: DOWNLOAD_TIMEOUT_MS });
  };

  /**
   * The media fetcher of one update. A photo (Telegram's compressed kind, at most PREFETCH_MAX)
   * starts downloading when the update arrives, while the turn's state is read: the step that
   * takes it (a receipt) finds the bytes there or on their way. Anything else is fetched on demand.
   */
  function fetcherFor(input: Input): FetchMedia {
    if (input.kind !== 'photo' || input.media.asDocument || !input.media.size || input.media.size > PREFETCH_MAX) return download;
    const early = { ref: input.media.ref, bytes: download(input.media) };
    early.bytes.catch(() => undefined); // a failure is the step's to see, if it asks
    return (media) => (media.ref === early.ref ? early.bytes : download(media));
  }

  const taps = createTapMemory();
  // One user's updates are handled in order, even when the runner fetches them concurrently.
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));

  bot.on('my_chat_member', async (ctx) => {
    if (ctx.chat.type !== 'private') return;
    const status = ctx.myChatMember.new_chat_member.status;
    const unreachable = status === 'kicked' || status === 'left';
    await deps.chatUsers.patch('telegram', String(ctx.chat.id), { unreachable });
  });

  bot.on(['message', 'callback_query:data'], async (ctx) => {
    if (ctx.chat?.type !== 'private' || !ctx.from) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      return;
    }
    const input = toInput(ctx);
    if (!input) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      return;
    }
    deps.onUpdate?.(input.kind);
    const chatId = String(ctx.chat.id);
    const q = ctx.callbackQuery;
    const repeatTap = q ? taps.isRepeat(chatId, `${q.message?.message_id ?? ''}:${q.data}`) : false;
    let out: HandledMessage | undefined;
    try {
      // The engine drops an update id it handled before (a redelivered webhook, a restarted poller).
      out = await deps.handler.handle({
        chat: { channel: 'telegram', chatId },
        input,
        fetchMedia: fetcherFor(input),
        updateId: String(ctx.update.update_id),
        repeatTap,
      });
    } finally {
      // The tap is acknowledged once the answer is known (the button stops spinning), with the
      // engine's notice as its toast; always, even if the update failed.
      if (ctx.callbackQuery) await ctx.answerCallbackQuery(out?.notice ? { text: out.notice } : undefined).catch(() => undefined);
    }
    for (const m of out.messages) {
      let r = await sender.send(chatId, m);
      // A photo that cannot be sent (missing file, URL Telegram refuses) must not swallow the answer.
      if (!r.ok && m.photo && !r.blocked && !r.retryAfter) {
        deps.logger.warn({ error: r.error }, 'photo not sent; answering without it');
        r = await sender.send(chatId, { ...m, photo: undefined });
      }
      if (!r.ok) {
        deps.logger.warn({ error: r.error, blocked: r.blocked }, 'reply not delivered');
        if (r.blocked) await deps.chatUsers.patch('telegram', chatId, { unreachable: true });
        break;
      }
    }
  });

  bot.catch((err) => {
    deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, 'telegram update failed');
  });

  return { bot, sender };
}
