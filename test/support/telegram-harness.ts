import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run, type RunnerHandle } from '@grammyjs/runner';
import { openAppConnection } from '../../src/queue/connection.js';
import { createApp, type App } from '../../src/app.js';
import { createTelegramBot } from '../../src/channels/telegram/bot.js';
import { POLLING_OPTIONS } from '../../src/channels/telegram/start.js';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/domain/time.js';
import { loadDemoIfEmpty } from '../../src/import/demo.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { type FakeBotApiOptions, type SentRecord, startFakeBotApi } from './fake-bot-api/index.js';
import { cleanPrefix, testRedisUrl, uniquePrefix } from './redis.js';

/** Button labels of a message the bot sent (inline keyboard or reply keyboard). */
export function buttonsOf(m: SentRecord): { text: string; data?: string; contact?: boolean }[] {
  const markup = m.reply_markup as
    { inline_keyboard?: { text: string; callback_data?: string }[][]; keyboard?: { text: string; request_contact?: boolean }[][] } | undefined;
  if (markup?.inline_keyboard) return markup.inline_keyboard.flat().map((b) => ({ text: b.text, data: b.callback_data }));
  if (markup?.keyboard) return markup.keyboard.flat().map((b) => ({ text: b.text, contact: b.request_contact }));
  return [];
}

/** What a person reads in a message: its text or caption. */
export const readable = (m: SentRecord) => m.text ?? m.caption ?? '';

/**
 * The whole Telegram stack for end-to-end tests: a fake Bot API server, the real grammY bot
 * (runner, sequentialize, auto-retry) on the real engine and flows, real Redis, real BullMQ queues.
 */
export async function startTelegramHarness(
  opts: { env?: Record<string, string>; fake?: FakeBotApiOptions; clock?: Clock; demo?: boolean; logger?: Logger } = {},
) {
  const fake = await startFakeBotApi(opts.fake);
  const prefix = uniquePrefix('tg');
  const mediaDir = mkdtempSync(path.join(tmpdir(), 'umkm-media-'));
  const config = loadConfig({
    REDIS_URL: testRedisUrl(),
    REDIS_PREFIX: prefix,
    MEDIA_DIR: mediaDir,
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.url,
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const redis = openAppConnection(testRedisUrl()); // as src/main.ts
  const logger = opts.logger ?? createLogger('silent');
  const app: App = createApp({ config, redis, redisUrl: testRedisUrl(), logger, clock: opts.clock });
  await app.ready();
  if (opts.demo !== false) await loadDemoIfEmpty(app.store, { mediaDir });
  const { bot, sender } = createTelegramBot({
    token: fake.token,
    apiRoot: fake.url,
    handler: app.engine,
    redis,
    keys: app.keys,
    chatUsers: app.store.chatUsers,
    logger,
    mediaDir,
  });
  await bot.init();
  app.bot.telegramBot = () => bot.botInfo.username; // as src/main.ts
  const runner: RunnerHandle = run(bot, POLLING_OPTIONS); // as src/channels/telegram/start.ts polls

  /** Waits for the next message to `userId` (after the ones already seen) whose text matches. */
  async function expectMessage(userId: number, pattern: RegExp, after: number, timeoutMs = 8000): Promise<SentRecord> {
    return fake.waitFor(
      () =>
        fake
          .sent(userId)
          .slice(after)
          .find((m) => pattern.test(readable(m))),
      timeoutMs,
    );
  }

  /** A chat user on the fake server, with steps that wait for the answer a person would wait for. */
  function user(id: number, firstName = 'Pengguna') {
    fake.addUser({ id, first_name: firstName });
    const seen = () => fake.sent(id).length;
    return {
      id,
      messages: () => fake.sent(id),
      last: () => fake.sent(id).at(-1),
      async command(name: string, expect: RegExp) {
        const n = seen();
        fake.sendCommand(id, name);
        return expectMessage(id, expect, n);
      },
      async say(text: string, expect: RegExp) {
        const n = seen();
        fake.sendText(id, text);
        return expectMessage(id, expect, n);
      },
      async shareContact(phone: string, expect: RegExp, own = true) {
        const n = seen();
        fake.sendContact(id, { phone_number: phone, user_id: own ? id : id + 1 });
        return expectMessage(id, expect, n);
      },
      async photo(bytes: Buffer, expect: RegExp) {
        const n = seen();
        fake.sendPhoto(id, bytes);
        return expectMessage(id, expect, n);
      },
      async document(bytes: Buffer, meta: { file_name: string; mime_type: string; caption?: string }, expect: RegExp) {
        const n = seen();
        fake.sendDocument(id, bytes, meta);
        return expectMessage(id, expect, n);
      },
      /** Presses the newest button whose label matches, as a person taps what they see. */
      async press(label: RegExp, expect: RegExp) {
        const msgs = fake.sent(id);
        for (let i = msgs.length - 1; i >= 0; i--) {
          const b = buttonsOf(msgs[i]!).find((x) => x.data && label.test(x.text));
          if (b) {
            const n = seen();
            fake.pressButton(id, msgs[i]!.message_id, b.data!);
            return expectMessage(id, expect, n);
          }
        }
        throw new Error(`no button matching ${label} in: ${JSON.stringify(msgs.slice(-3).map((m) => buttonsOf(m).map((b) => b.text)))}`);
      },
      /** Presses raw callback data on a given message (forged when it is not on its keyboard). */
      async pressData(messageId: number, data: string, expect: RegExp, forge = false) {
        const n = seen();
        fake.pressButton(id, messageId, data, { forge });
        return expectMessage(id, expect, n);
      },
      /** Presses a button that should be refused: resolves with the toast shown on it (no message is sent). */
      async pressStale(messageId: number, data: string, forge = false) {
        const n = fake.callbackAnswers().length;
        const sent = fake.sent(id).length;
        fake.pressButton(id, messageId, data, { forge });
        const answer = await fake.waitFor(() => fake.callbackAnswers()[n]);
        if (fake.sent(id).length !== sent) throw new Error(`a refused press sent a message: ${JSON.stringify(fake.sent(id).slice(sent))}`);
        return answer.text ?? '';
      },
    };
  }

  return {
    fake,
    app,
    bot,
    sender,
    redis,
    prefix,
    mediaDir,
    config,
    user,
    expectMessage,
    async close() {
      if (runner.isRunning()) await runner.stop();
      await app.close();
      await cleanPrefix(redis, prefix);
      await redis.quit();
      await fake.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
export type TelegramHarness = Awaited<ReturnType<typeof startTelegramHarness>>;
