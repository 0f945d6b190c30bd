import type { Redis } from 'ioredis';
import type { ChatRef, HandledMessage, IncomingMessage, MessageHandler } from '../../../src/engine/types.js';
import { createFloodPolicy, type FloodControlOptions } from '../../../src/engine/flood.js';
import { createTurnLoader } from '../../../src/engine/turn-state.js';
import { createStore } from '../../../src/store/index.js';
import { createKeys } from '../../../src/store/keys.js';
import { createTestApp, type TestApp } from '../../support/engine-driver.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../../support/redis.js';

/** An inner handler that answers "ok <n>" and remembers what reached it. */
function echo() {
  const seen: IncomingMessage[] = [];
  const handler: MessageHandler = {
    async handle(msg) {
      seen.push(msg);
      return { messages: [{ text: `ok ${seen.length}` }] };
    },
  };
  return { handler, seen };
}

const NOTICE = 'Mohon maaf, pesan Anda terlalu cepat.';
const msg = (chatId: string, channel: ChatRef['channel'] = 'telegram'): IncomingMessage => ({
  chat: { channel, chatId },
  input: { kind: 'text', text: 'halo' },
  fetchMedia: async () => Buffer.alloc(0),
});
const texts = (outs: HandledMessage[]) => outs.map((o) => o.messages.map((m) => m.text).join(' | '));

/** The flood policy in front of `inner`, counted as the engine counts (in its turn read). */
function withFloodControl(inner: MessageHandler, opts: FloodControlOptions): MessageHandler {
  const policy = createFloodPolicy(opts);
  const load = createTurnLoader(createStore(opts.redis, { keys: opts.keys }));
  return {
    async handle(msg) {
      const floodKey = policy.keyOf(msg.chat);
      if (floodKey) {
        const turn = await load(msg.chat.channel, msg.chat.chatId, { floodKey });
        const instead = await policy.verdict(msg.chat, turn.floodCount!);
        if (instead) return instead;
      }
      return inner.handle(msg);
    },
  };
}

describe('the flood policy, counted in the turn read, on a real Redis', () => {
  let redis: Redis;
  let redis2: Redis;
  let prefix: string;
  let now: Date;
  beforeAll(() => {
    redis = openRedis();
    redis2 = openRedis();
    prefix = uniquePrefix('flood');
  });
  afterAll(async () => {
    await cleanPrefix(redis, prefix);
    await redis.quit();
    await redis2.quit();
  });
  beforeEach(() => {
    now = new Date(Date.UTC(2026, 10, 22, 3, 0, Math.floor(Math.random() * 50), 100));
  });
  const wrap = (inner: MessageHandler, conn = redis) =>
    withFloodControl(inner, { redis: conn, keys: createKeys(prefix), limit: 5, clock: () => now, notice: async () => ({ text: NOTICE }) });

  test('beyond 5 a second: one polite notice, the rest dropped; other chats unaffected', async () => {
    const { handler, seen } = echo();
    const flood = wrap(handler);
    const outs: HandledMessage[] = [];
    for (let i = 0; i < 12; i++) outs.push(await flood.handle(msg('7001')));
    expect(texts(outs)).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4', 'ok 5', NOTICE, '', '', '', '', '', '']);
    expect(seen).toHaveLength(5);

    // Another chat in the same second is answered as usual.
    expect(texts([await flood.handle(msg('7002'))])).toEqual(['ok 6']);
  });

  test('the next second the chat is answered again, without a second notice in the same minute', async () => {
    const { handler } = echo();
    const flood = wrap(handler);
    const first: HandledMessage[] = [];
    for (let i = 0; i < 7; i++) first.push(await flood.handle(msg('7003')));
    expect(texts(first).filter((t) => t === NOTICE)).toHaveLength(1);

    now = new Date(now.getTime() + 1000);
    expect(texts([await flood.handle(msg('7003'))])).toEqual(['ok 6']);
    const again: HandledMessage[] = [];
    for (let i = 0; i < 6; i++) again.push(await flood.handle(msg('7003')));
    expect(texts(again)).toEqual(['ok 7', 'ok 8', 'ok 9', 'ok 10', '', '']);
  });

  test('the count is shared by two instances (two connections)', async () => {
    const a = echo();
    const b = echo();
    const one = wrap(a.handler);
    const two = wrap(b.handler, redis2);
    const outs: HandledMessage[] = [];
    for (let i = 0; i < 3; i++) outs.push(await one.handle(msg('7004')), await two.handle(msg('7004')));
    expect(a.seen.length + b.seen.length).toBe(5);
    expect(texts(outs).at(-1)).toBe(NOTICE);
  });

  test('the terminal chat is never limited', async () => {
    const { handler, seen } = echo();
    const flood = wrap(handler);
    for (let i = 0; i < 8; i++) await flood.handle(msg('operator', 'console'));
    expect(seen).toHaveLength(8);
  });
});

describe('flood control in createApp', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ name: 'flood-app' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** 11 updates at once: whatever second boundary falls between them, one second holds at least 6. */
  async function burst(chatId: string) {
    const outs = await Promise.all(
      Array.from({ length: 11 }, () =>
        t.app.engine.handle({
          chat: { channel: 'telegram', chatId },
          input: { kind: 'command', name: 'bantuan', args: '' },
          fetchMedia: async () => Buffer.alloc(0),
        }),
      ),
    );
    return outs.flatMap((o) => o.messages.map((m) => m.text));
  }

  test('app.engine answers a burst with one localised notice (Indonesian by default, English when chosen)', async () => {
    const id = await burst('8101');
    expect(id.filter((x) => x.startsWith(NOTICE))).toHaveLength(1);
    expect(id.length).toBeLessThanOrEqual(11);
    expect(id.filter((x) => !x.startsWith(NOTICE)).length).toBeLessThanOrEqual(10);

    await t.app.store.chatUsers.patch('telegram', '8102', { locale: 'en' });
    const en = await burst('8102');
    expect(en.filter((x) => x.startsWith('Sorry, your messages are coming in too fast.'))).toHaveLength(1);
  });

  test('rawEngine is not limited', async () => {
    const outs = await Promise.all(
      Array.from({ length: 11 }, () =>
        t.app.rawEngine.handle({
          chat: { channel: 'telegram', chatId: '8103' },
          input: { kind: 'command', name: 'bantuan', args: '' },
          fetchMedia: async () => Buffer.alloc(0),
        }),
      ),
    );
    expect(outs.every((o) => o.messages.length > 0 && !o.messages[0]!.text.startsWith(NOTICE))).toBe(true);
  });
});
