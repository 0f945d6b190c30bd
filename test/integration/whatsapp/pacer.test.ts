import { createPacer, PacerStoppedError, type Booking, type PacerOptions } from '../../../src/channels/whatsapp/pacer.js';

/**
 * A clock the test moves by hand: `sleep` returns at once without moving it, so what the pacer
 * decides is read from its bookings (the send times it booked), never from waiting.
 */
function manualClock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async () => {},
    random: () => 0.5,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

function recorder(options: PacerOptions) {
  const clock = manualClock();
  const booked: Booking[] = [];
  const pacer = createPacer(options, { ...clock, onBooked: (b) => booked.push(b) });
  const order: string[] = [];
  const send = (lane: string, label: string, priority: 'reply' | 'bulk' = 'bulk') =>
    pacer.enqueue(lane, priority, async () => {
      order.push(label);
      return label;
    });
  const at = (lane: string, priority: 'reply' | 'bulk') => booked.filter((b) => b.lane === lane && b.priority === priority).map((b) => b.at);
  return { pacer, booked, order, send, clock, at };
}

test('replies to one chat keep their order, with the human-like pause between them, and no cap holds them', async () => {
  const { pacer, order, send, at } = recorder({ minDelayMs: 300, maxDelayMs: 900, perMinute: 2, perChatPerMinute: 1 });
  const sends = Array.from({ length: 30 }, (_, i) => send('a', `a${i}`, 'reply'));
  await Promise.all([...sends, send('b', 'b0', 'reply')]);
  expect(order.filter((l) => l.startsWith('a'))).toEqual(Array.from({ length: 30 }, (_, i) => `a${i}`));
  // random() = 0.5 -> 300 + floor(0.5 * 601) = 600 ms between two messages to one chat, 30 of them within 18 s
  expect(at('a', 'reply')).toEqual(Array.from({ length: 30 }, (_, i) => i * 600));
  expect(at('b', 'reply')).toEqual([0]);
  await pacer.idle();
});

test('bulk sends: one at a time with a random gap, at most perMinute in any rolling minute', async () => {
  const { booked, send } = recorder({ perMinute: 40, bulkGapMinMs: 0, bulkGapMaxMs: 0, minDelayMs: 0, maxDelayMs: 0 });
  await Promise.all(Array.from({ length: 95 }, (_, i) => send(`chat-${i}`, `m${i}`)));
  const times = booked.map((b) => b.at);
  for (const t of times) expect(times.filter((o) => o > t - 60_000 && o <= t).length).toBeLessThanOrEqual(40);
  expect(times[39]).toBe(0);
  expect(times[40]).toBe(60_000);
  expect(times[80]).toBe(120_000);

  const jitter = recorder({ bulkGapMinMs: 1000, bulkGapMaxMs: 3000 });
  await Promise.all([jitter.send('x', '1'), jitter.send('y', '2'), jitter.send('z', '3')]);
  expect(jitter.booked.map((b) => b.at)).toEqual([0, 2000, 4000]); // 1000 + floor(0.5 * 2001)
});

test('bulk: at most perChatPerMinute to one chat and perDay in a rolling day; other chats are not held up', async () => {
  const { send, at } = recorder({ perChatPerMinute: 5, bulkGapMinMs: 0, bulkGapMaxMs: 0, minDelayMs: 0, maxDelayMs: 0 });
  await Promise.all([...Array.from({ length: 7 }, (_, i) => send('busy', `x${i}`)), send('quiet', 'q')]);
  expect(at('busy', 'bulk')).toEqual([0, 0, 0, 0, 0, 60_000, 60_000]);
  expect(at('quiet', 'bulk')).toEqual([0]);

  const daily = recorder({ perDay: 3, bulkGapMinMs: 0, bulkGapMaxMs: 0 });
  await Promise.all(['a', 'b', 'c', 'd'].map((l) => daily.send(l, l)));
  expect(daily.booked.map((b) => b.at)).toEqual([0, 0, 0, 24 * 3600_000]);
});

test('a reply is never queued behind bulk sends, not even to the same chat', async () => {
  const { send, at, clock, order } = recorder({ perMinute: 2 });
  const bulk = Array.from({ length: 6 }, (_, i) => send(i % 2 ? 'user' : `c${i}`, `b${i}`));
  clock.advance(1000);
  const reply = send('user', 'reply', 'reply');
  await Promise.all([...bulk, reply]);
  expect(at('user', 'reply')).toEqual([1000]);
  // the caps push the broadcast minutes ahead; the reply went first
  expect(Math.max(...at('user', 'bulk'))).toBeGreaterThanOrEqual(60_000);
  expect(order.indexOf('reply')).toBeLessThan(order.indexOf('b5'));
});

test('a failing send rejects only its own promise', async () => {
  const pacer = createPacer({ minDelayMs: 0, maxDelayMs: 0 }, manualClock());
  const bad = pacer.enqueue('a', 'reply', async () => {
    throw new Error('socket closed');
  });
  const good = pacer.enqueue('a', 'reply', async () => 'ok');
  await expect(bad).rejects.toThrow('socket closed');
  await expect(good).resolves.toBe('ok');
});

test('stop() rejects what is still waiting for its time and refuses new sends', async () => {
  const clock = manualClock();
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
