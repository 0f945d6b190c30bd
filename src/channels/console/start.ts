import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from 'ioredis';
import type { MessageHandler } from '../../engine/types.js';
import type { I18n, Locale } from '../../i18n/index.js';
import { DEMO_DIR, demoPersonas, linkDemoPersonas, loadDemoIfEmpty } from '../../import/demo.js';
import type { Logger } from '../../logger.js';
import { createConsoleInbox } from '../../store/console-inbox-repo.js';
import type { Store } from '../../store/index.js';
import type { Keys } from '../../store/keys.js';
import type { ChannelSender } from '../types.js';
import { runConsoleChannel } from './console.js';
import { createConsolePersonas } from './personas.js';

export interface StartConsoleDeps {
  store: Store;
  redis: Redis;
  keys: Keys;
  i18n: I18n;
  locale: Locale;
  logger: Logger;
  mediaDir: string;
  /** where the files the bot sends are written (CONSOLE_OUT_DIR) */
  outDir: string;
  clock: () => Date;
  handler: MessageHandler;
}

export interface StartedConsole {
  /** for the queue workers: messages to any demo persona are shown in the terminal and wait in that persona's chat */
  sender: ChannelSender;
  /** the chat on stdin/stdout; resolves when stdin closes */
  run(): Promise<void>;
}

/**
 * Prepares the terminal chat: the demo data (loaded into an empty store), the console user and
 * the demo personas (`/sebagai`). The chat itself starts with `run`, once everything else runs.
 */
export async function startConsole(deps: StartConsoleDeps): Promise<StartedConsole> {
  if (await loadDemoIfEmpty(deps.store, { mediaDir: deps.mediaDir })) deps.logger.info('demo data loaded');
  const user = JSON.parse(readFileSync(path.join(DEMO_DIR, 'console-user.json'), 'utf8')) as { phone: string };
  const list = await demoPersonas(deps.store, user.phone);
  await linkDemoPersonas(deps.store, list, user.phone, deps.clock());
  const personas = createConsolePersonas({
    personas: list,
    inbox: createConsoleInbox(deps.redis, deps.keys),
    i18n: deps.i18n,
    locale: deps.locale,
    write: (s) => process.stdout.write(s),
    mediaDir: deps.mediaDir,
    outDir: path.resolve(deps.outDir),
  });
  return {
    sender: personas.sender,
    run: () =>
      runConsoleChannel({
        handler: deps.handler,
        input: process.stdin,
        output: process.stdout,
        phone: user.phone,
        mediaDir: deps.mediaDir,
        personas,
        intro: deps.i18n.t(deps.locale, 'console-intro'),
      }),
  };
}
