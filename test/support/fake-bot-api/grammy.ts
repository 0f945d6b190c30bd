/** grammY conveniences for tests that run against the fake Bot API. */
import { Api, Bot, GrammyError } from 'grammy';
import type { FakeBotApi } from './index.js';

/** Awaits a call that must fail with a Bot API error and returns that error (throws otherwise). */
export async function apiErrorOf(call: Promise<unknown>): Promise<GrammyError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof GrammyError) return e;
    throw e;
  }
  throw new Error('expected the Bot API call to fail, but it succeeded');
}

/** A grammY Api pointed at the fake. */
export function fakeApi(fake: FakeBotApi): Api {
  return new Api(fake.token, { apiRoot: fake.url });
}

/** A grammY Bot pointed at the fake (botInfo preset, so no getMe); handler errors stop the bot loudly. */
export function fakeBot(fake: FakeBotApi): Bot {
  const bot = new Bot(fake.token, { client: { apiRoot: fake.url }, botInfo: fake.botInfo });
  bot.catch((err) => {
    throw err.error;
  });
  return bot;
}
