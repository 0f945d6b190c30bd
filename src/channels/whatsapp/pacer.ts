/**
 * The send scheduler of the WhatsApp number. Every send is booked a time when it is queued:
 *
 * - `reply` (an answer to what a person just wrote): at once, or after the short human-like pause
 *   (0.3-0.9 s) behind the previous message to that chat. No cap holds a reply, and a reply never
 *   waits for a bulk send: replies to one chat go one after another, in order; replies to
 *   different chats and bulk sends go side by side.
 * - `bulk` (what the bot starts itself: notifications, reports, reminders, recaps, broadcasts):
 *   in order per chat, with a random gap between two bulk sends (jitter), at most `perMinute` in
 *   any rolling minute, `perChatPerMinute` to one chat and `perDay` in a rolling day. A chat held
 *   by its own cap does not hold the others (its message is booked later, the others go first).
 *
 * Time is injected (`now`, `sleep`, `random`); `onBooked` reports each booking, so tests assert
 * booked send times instead of waiting for them.
 */

/** `reply`: an answer to the user's own message; `bulk`: notifications, reports, broadcasts. */
export type SendPriority = 'reply' | 'bulk';

export interface PacerOptions {
  /** pause between two messages to the same chat, drawn uniformly from [min, max] ms */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** bulk messages per rolling minute across all chats */
  perMinute?: number;
  /** bulk messages per rolling minute to one chat */
  perChatPerMinute?: number;
  /** bulk messages per rolling 24 hours across all chats */
  perDay?: number;
  /** gap between two bulk sends, drawn uniformly from [min, max] ms */
  bulkGapMinMs?: number;
  bulkGapMaxMs?: number;
}

/** One booked send, as `onBooked` reports it. */
export interface Booking {
  lane: string;
  priority: SendPriority;
  /** when it was queued */
  queuedAt: number;
  /** when it may go out */
  at: number;
}

export interface PacerDeps {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** uniform in [0, 1) */
  random?: () => number;
  /** called with every booking (tests, metrics) */
  onBooked?: (b: Booking) => void;
}

/** The pacer was stopped before the message went out. */
export class PacerStoppedError extends Error {
  constructor() {
    super('WhatsApp send queue stopped');
    this.name = 'PacerStoppedError';
  }
}

const MINUTE = 60_000;
const DAY = 24 * 3600_000;

/** Defaults; the README's WhatsApp section says where each comes from. */
export const PACER_DEFAULTS = {
  minDelayMs: 300,
  maxDelayMs: 900,
  perMinute: 30,
  perChatPerMinute: 6,
  perDay: 2000,
  bulkGapMinMs: 1000,
  bulkGapMaxMs: 3000,
} as const;

interface LaneState {
  /** earliest time of the next reply to this chat */
  replyFree: number;
  /** earliest time of the next bulk send to this chat */
  bulkFree: number;
  /** bulk booking times to this chat in the last minute */
  bulkTimes: number[];
  /** the last reply / bulk send of this chat (the next of its kind waits for it to finish) */
  replyChain: Promise<void>;
  bulkChain: Promise<void>;
}

/** The earliest time >= t at which fewer than `cap` of the sorted `times` lie in (time - window, time]. */
function underCap(times: number[], cap: number, window: number, t: number): number {
  for (;;) {
    const inWindow = times.filter((x) => x > t - window && x <= t);
    if (inWindow.length < cap) return t;
    t = inWindow[inWindow.length - cap]! + window;
  }
}

/** Creates a pacer; `enqueue` resolves with the task's result once it ran. */
export function createPacer(options: PacerOptions = {}, deps: PacerDeps = {}) {
  const o = { ...PACER_DEFAULTS, ...options };
  const maxDelay = Math.max(o.minDelayMs, o.maxDelayMs);
  const maxGap = Math.max(o.bulkGapMinMs, o.bulkGapMaxMs);
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref()));
  const random = deps.random ?? Math.random;

  const lanes = new Map<string, LaneState>();
  /** bulk booking times in the last day (ascending) */
  const bulkTimes: number[] = [];
  /** earliest time of the next bulk send (the gap after the last one on the common cursor) */
  let bulkFree = 0;
  let stopped = false;
  let pending = 0;
  let idleWaiters: (() => void)[] = [];
  const stopWaiters = new Set<() => void>();

  const pause = () => o.minDelayMs + Math.floor(random() * (maxDelay - o.minDelayMs + 1));
  const gap = () => o.bulkGapMinMs + Math.floor(random() * (maxGap - o.bulkGapMinMs + 1));
  const laneOf = (lane: string): LaneState => {
    let s = lanes.get(lane);
    if (!s) lanes.set(lane, (s = { replyFree: 0, bulkFree: 0, bulkTimes: [], replyChain: Promise.resolve(), bulkChain: Promise.resolve() }));
    return s;
  };
  /** the earliest time >= t within both overall caps */
  const overallCaps = (t: number) => {
    for (;;) {
      const next = underCap(bulkTimes, o.perDay, DAY, underCap(bulkTimes, o.perMinute, MINUTE, t));
      if (next === t) return t;
      t = next;
    }
  };

  function book(lane: string, priority: SendPriority): number {
    const t = now();
    const s = laneOf(lane);
    if (priority === 'reply') {
      const at = Math.max(t, s.replyFree);
      s.replyFree = at + pause();
      return at;
    }
    while (bulkTimes.length && bulkTimes[0]! <= t - DAY) bulkTimes.shift();
    while (s.bulkTimes.length && s.bulkTimes[0]! <= t - MINUTE) s.bulkTimes.shift();
    // The chat's own limits first, then the common cursor; a send held by its chat's cap is
    // booked at that later time off the cursor, so the next chats' sends are not held behind it.
    const own = underCap(s.bulkTimes, o.perChatPerMinute, MINUTE, Math.max(t, s.bulkFree, s.replyFree));
    const common = overallCaps(Math.max(t, bulkFree));
    const at = own <= common ? common : overallCaps(own);
    if (at === common) bulkFree = at + gap();
    const later = bulkTimes.findIndex((x) => x > at);
    bulkTimes.splice(later < 0 ? bulkTimes.length : later, 0, at);
    s.bulkTimes.push(at);
    s.bulkFree = at + pause();
    return at;
  }

  /** Sleeps until `at` (now() when it is due); false when the pacer stopped meanwhile. */
  async function waitUntil(at: number): Promise<boolean> {
    const ms = at - now();
    if (ms > 0 && !stopped) {
      let wake!: () => void;
      const woken = new Promise<void>((r) => (wake = r));
      stopWaiters.add(wake);
      await Promise.race([sleep(ms), woken]);
      stopWaiters.delete(wake);
    }
    return !stopped;
  }

  function settle() {
    if (--pending > 0) return;
    for (const r of idleWaiters) r();
    idleWaiters = [];
  }

  return {
    /**
     * Queues one send to `lane` (a chat). Replies to one lane keep their order; bulk sends keep
     * theirs; a reply never waits for a bulk send. Rejects with PacerStoppedError after `stop()`.
     */
    enqueue<T>(lane: string, priority: SendPriority, task: () => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(new PacerStoppedError());
      const queuedAt = now();
      const at = book(lane, priority);
      deps.onBooked?.({ lane, priority, queuedAt, at });
      pending++;
      const s = laneOf(lane);
      const previous = priority === 'reply' ? s.replyChain : s.bulkChain;
      const run = previous.then(async () => {
        if (!(await waitUntil(at))) throw new PacerStoppedError();
        return task();
      });
      const done = run.then(
        () => undefined,
        () => undefined,
      );
      if (priority === 'reply') s.replyChain = done;
      else s.bulkChain = done;
      void done.then(settle);
      return run;
    },
    /** Messages queued or being sent. */
    size: () => pending,
    /** Resolves when nothing is queued or being sent. */
    idle(): Promise<void> {
      if (!pending) return Promise.resolve();
      return new Promise((r) => idleWaiters.push(r));
    },
    /** Rejects everything still waiting for its time; a message being sent (if any) finishes. */
    stop() {
      stopped = true;
      for (const w of stopWaiters) w();
      stopWaiters.clear();
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
