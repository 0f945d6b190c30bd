import { createPacer, PacerStoppedError, type PacerOptions } from '../../../src/channels/whatsapp/pacer.js';

/** A fake clock: `sleep` moves time forward at once, so the pacer never waits for real. */
function fakeClock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
    random: () => 0.5,
  };
}

function recorder(options: PacerOptions) {
  const clock = fakeClock();
  const pacer = createPacer(options, clock);
  const log: { label: string; lane: string; at: number }[] = [];
  const send = (lane: string, label: string, priority: 'reply' | 'bulk' = 'bulk') =>
    pacer.enqueue(lane, priority, async () => {
      log.push({ label, lane, at: clock.now() });
      return label;
    });
  return { pacer, log, send, clock };
}

test('messages to one chat keep their order, with the random pause between them', async () => {
  const { pacer, log, send } = recorder({ minDelayMs: 300, maxDelayMs: 900 });
  const results = await Promise.all([send('a', 'a1'), send('a', 'a2'), send('b', 'b1'), send('a', 'a3'), send('b', 'b2')]);
  expect(results).toEqual(['a1', 'a2', 'b1', 'a3', 'b2']);
  const a = log.filter((e) => e.lane === 'a');
  const b = log.filter((e) => e.lane === 'b');
  expect(a.map((e) => e.label)).toEqual(['a1', 'a2', 'a3']);
  expect(b.map((e) => e.label)).toEqual(['b1', 'b2']);
  // random() = 0.5 -> 300 + floor(0.5 * 601) = 600 ms between two sends to one chat
  expect(a.map((e) => e.at)).toEqual([0, 600, 1200]);
  expect(b.map((e) => e.at)).toEqual([0, 600]);
  await pacer.idle();
});

test('never more than perMinute sends in any rolling minute across chats', async () => {
  const { log, send } = recorder({ perMinute: 40, minDelayMs: 0, maxDelayMs: 0 });
  await Promise.all(Array.from({ length: 95 }, (_, i) => send(`chat-${i}`, `m${i}`)));
  expect(log).toHaveLength(95);
  for (const e of log) {
    const inWindow = log.filter((o) => o.at > e.at - 60_000 && o.at <= e.at).length;
    expect(inWindow).toBeLessThanOrEqual(40);
  }
  expect(log[39]!.at).toBe(0);
  expect(log[40]!.at).toBe(60_000);
  expect(log[80]!.at).toBe(120_000);
});

test('one chat gets at most perChatPerMinute messages a minute, others are not held up', async () => {
  const { log, send } = recorder({ perChatPerMinute: 5, minDelayMs: 0, maxDelayMs: 0 });
  await Promise.all([...Array.from({ length: 7 }, (_, i) => send('busy', `x${i}`)), send('quiet', 'q')]);
  const busy = log.filter((e) => e.lane === 'busy');
  expect(busy.slice(0, 5).every((e) => e.at === 0)).toBe(true);
  expect(busy[5]!.at).toBe(60_000);
  expect(log.find((e) => e.lane === 'quiet')!.at).toBe(0);
});

test('a reply overtakes queued broadcast sends', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const clock = fakeClock();
  const pacer = createPacer({ minDelayMs: 0, maxDelayMs: 0 }, clock);
  const order: string[] = [];
  const first = pacer.enqueue('c1', 'bulk', async () => {
    order.push('b1');
    await gate;
  });
  const rest = [2, 3, 4].map((i) => pacer.enqueue(`c${i}`, 'bulk', async () => void order.push(`b${i}`)));
  const reply = pacer.enqueue('user', 'reply', async () => void order.push('reply'));
  release();
  await Promise.all([first, reply, ...rest]);
  expect(order).toEqual(['b1', 'reply', 'b2', 'b3', 'b4']);
});

test('a failing send rejects only its own promise', async () => {
  const clock = fakeClock();
  const pacer = createPacer({ minDelayMs: 0, maxDelayMs: 0 }, clock);
  const bad = pacer.enqueue('a', 'reply', async () => {
    throw new Error('socket closed');
  });
  const good = pacer.enqueue('a', 'reply', async () => 'ok');
  await expect(bad).rejects.toThrow('socket closed');
  await expect(good).resolves.toBe('ok');
});

test('stop() rejects what is still queued and refuses new sends', async () => {
  const clock = fakeClock();
  const pacer = createPacer({ perMinute: 1, minDelayMs: 0, maxDelayMs: 0 }, { ...clock, sleep: () => new Promise(() => {}) });
  const sent = pacer.enqueue('a', 'bulk', async () => 'first');
  const waiting = pacer.enqueue('b', 'bulk', async () => 'second');
  await expect(sent).resolves.toBe('first');
  pacer.stop();
  await expect(waiting).rejects.toThrow(PacerStoppedError);
  await expect(pacer.enqueue('c', 'reply', async () => 'late')).rejects.toThrow(PacerStoppedError);
  await pacer.idle();
  expect(pacer.size()).toBe(0);
});
