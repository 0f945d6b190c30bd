/**
 * A send queue that keeps a WhatsApp number looking like a person, not a cannon: one message at a
 * time, messages to one chat in order with a small random pause between them, at most
 * `perMinute` messages a minute overall and `perChatPerMinute` to one chat. Replies to what a
 * user just wrote go before broadcasts and notifications. Time is injected (`now`, `sleep`,
 * `random`) so tests run on a fake clock.
 */

/** `reply`: an answer to the user's own message; `bulk`: notifications, reports, broadcasts. */
export type SendPriority = 'reply' | 'bulk';

export interface PacerOptions {
  /** pause between two messages to the same chat, drawn uniformly from [min, max] ms */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** messages per rolling minute across all chats */
  perMinute?: number;
  /** messages per rolling minute to one chat */
  perChatPerMinute?: number;
}

export interface PacerDeps {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** uniform in [0, 1) */
  random?: () => number;
}

/** The pacer was stopped before the message went out. */
export class PacerStoppedError extends Error {
  constructor() {
    super('WhatsApp send queue stopped');
    this.name = 'PacerStoppedError';
  }
}

interface Entry {
  seq: number;
  lane: string;
  priority: number;
  task: () => Promise<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

const MINUTE = 60_000;

/** Creates a pacer; `enqueue` resolves with the task's result once it ran. */
export function createPacer(options: PacerOptions = {}, deps: PacerDeps = {}) {
  const minDelay = options.minDelayMs ?? 300;
  const maxDelay = Math.max(minDelay, options.maxDelayMs ?? 900);
  const perMinute = options.perMinute ?? 40;
  const perChat = options.perChatPerMinute ?? 20;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref()));
  const random = deps.random ?? Math.random;

  const queue: Entry[] = [];
  const sentAt: number[] = [];
  const sentAtByLane = new Map<string, number[]>();
  const nextAllowed = new Map<string, number>();
  let seq = 0;
  let running = false;
  let stopped = false;
  let wake: (() => void) | null = null;
  let idleWaiters: (() => void)[] = [];

  const prune = (times: number[], t: number) => {
    while (times.length && times[0]! <= t - MINUTE) times.shift();
  };

  /** When the entry's lane may send next (0 = now). */
  function readyAt(e: Entry, t: number): number {
    let at = nextAllowed.get(e.lane) ?? 0;
    const lane = sentAtByLane.get(e.lane) ?? [];
    prune(lane, t);
    if (lane.length >= perChat) at = Math.max(at, lane[lane.length - perChat]! + MINUTE);
    return at;
  }

  /** The next entry to send now, or the time to wait until one may go. */
  function pick(t: number): { entry: Entry } | { waitMs: number } {
    prune(sentAt, t);
    const globalAt = sentAt.length >= perMinute ? sentAt[sentAt.length - perMinute]! + MINUTE : 0;
    const heads = new Map<string, Entry>();
    for (const e of [...queue].sort((a, b) => a.priority - b.priority || a.seq - b.seq)) {
      if (!heads.has(e.lane)) heads.set(e.lane, e);
    }
    let earliest = Infinity;
    for (const e of heads.values()) {
      const at = Math.max(readyAt(e, t), globalAt);
      if (at <= t) return { entry: e };
      earliest = Math.min(earliest, at);
    }
    return { waitMs: earliest - t };
  }

  async function run() {
    running = true;
    while (queue.length && !stopped) {
      const choice = pick(now());
      if ('waitMs' in choice) {
        await Promise.race([sleep(choice.waitMs), new Promise<void>((r) => (wake = r))]);
        wake = null;
        continue;
      }
      const e = choice.entry;
      queue.splice(queue.indexOf(e), 1);
      try {
        e.resolve(await e.task());
      } catch (err) {
        e.reject(err);
      }
      const t = now();
      sentAt.push(t);
      const lane = sentAtByLane.get(e.lane) ?? [];
      lane.push(t);
      sentAtByLane.set(e.lane, lane);
      nextAllowed.set(e.lane, t + minDelay + Math.floor(random() * (maxDelay - minDelay + 1)));
    }
    running = false;
    for (const r of idleWaiters) r();
    idleWaiters = [];
  }

  return {
    /**
     * Queues one send to `lane` (a chat). Sends to one lane keep their order within a priority;
     * `reply` sends overtake `bulk` ones. Rejects with PacerStoppedError after `stop()`.
     */
    enqueue<T>(lane: string, priority: SendPriority, task: () => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(new PacerStoppedError());
      return new Promise<T>((resolve, reject) => {
        queue.push({ seq: seq++, lane, priority: priority === 'reply' ? 0 : 1, task, resolve: resolve as (v: unknown) => void, reject });
        wake?.();
        if (!running) void run();
      });
    },
    /** Messages waiting to go out. */
    size: () => queue.length,
    /** Resolves when nothing is queued or being sent. */
    idle(): Promise<void> {
      if (!running && !queue.length) return Promise.resolve();
      return new Promise((r) => idleWaiters.push(r));
    },
    /** Rejects everything still queued; the message being sent (if any) finishes. */
    stop() {
      stopped = true;
      for (const e of queue.splice(0)) e.reject(new PacerStoppedError());
      wake?.();
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
