/**
 * Drives simulated users against the fake Bot API like people: one action, then wait for the
 * bot's answer, then the next. One watcher serves every user: on each change of the fake it
 * looks (O(1) per waiting user) at the next message ids of their chats, so thousands of users
 * cost no scans of the fake's logs. Latency = from the update being queued on the fake to the
 * answer being recorded there (both seen in this process, performance.now()).
 */
import { performance } from 'node:perf_hooks';
import type { FakeBotApi, FakeMessage } from '../test/support/fake-bot-api/index.js';

/** What a simulated user does in one step. */
export type Action =
  | { kind: 'command'; name: string }
  | { kind: 'text'; text: string }
  | { kind: 'contact'; phone: string; own: boolean }
  | { kind: 'photo'; bytes: Buffer }
  /** the newest inline button whose label (or callback data) matches; `forge`: any data on the last bot message */
  | { kind: 'press'; label?: RegExp; data?: RegExp; forge?: string };

/** A short name of an action, for tables: `press Konfirmasi`, `text`, `photo`. */
export function actionName(a: Action): string {
  if (a.kind === 'press')
    return a.label
      ? `press ${a.label.source
          .replace(/\\[dsw]|\[[^\]]*\]|[\\^$()+*?]/g, '')
          .trim()
          .slice(0, 16)}`
      : 'press';
  return a.kind === 'command' ? `/${a.name}` : a.kind;
}

/** One step: an action and the answer a person waits for. */
export interface Step {
  act: Action;
  expect: RegExp;
}

interface Chat {
  /** the next message id of the chat not looked at yet */
  scan: number;
  /** the bot's newest messages with an inline keyboard (newest last) */
  keyboards: FakeMessage[];
  lastBot?: FakeMessage;
}

interface Waiter {
  chatId: number;
  pattern: RegExp;
  resolve: (at: number) => void;
}

type Button = { text: string; callback_data?: string };
const buttons = (m: FakeMessage): Button[] => ((m.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard ?? []).flat();
const readable = (m: FakeMessage) => String(m.text ?? m.caption ?? '');

/** The driver over one fake server. */
export function createDriver(fake: FakeBotApi, opts: { timeoutMs?: number } = {}) {
  const botId = fake.botInfo.id;
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const chats = new Map<number, Chat>();
  const waiting = new Set<Waiter>();
  let closed = false;

  const chatOf = (id: number): Chat => {
    let c = chats.get(id);
    if (!c) chats.set(id, (c = { scan: 1, keyboards: [] }));
    return c;
  };

  /** Looks at the new messages of a waiter's chat; resolves it at the first bot message that matches. */
  function check(w: Waiter, now: number): void {
    const c = chatOf(w.chatId);
    for (let m = fake.message(w.chatId, c.scan); m; m = fake.message(w.chatId, c.scan)) {
      c.scan++;
      if (m.from?.id !== botId) continue;
      c.lastBot = m;
      if (buttons(m).length) {
        c.keyboards.push(m);
        if (c.keyboards.length > 4) c.keyboards.shift();
      }
      if (w.pattern.test(readable(m))) {
        waiting.delete(w);
        w.resolve(now);
        return;
      }
    }
  }

  // One never-satisfied predicate, re-run by the fake synchronously on every change.
  fake
    .waitFor(
      () => {
        const now = performance.now();
        for (const w of waiting) check(w, now);
        return false;
      },
      2 ** 31 - 1,
    )
    .catch(() => undefined);

  function act(userId: number, a: Action): void {
    switch (a.kind) {
      case 'command':
        fake.sendCommand(userId, a.name);
        return;
      case 'text':
        fake.sendText(userId, a.text);
        return;
      case 'contact':
        fake.sendContact(userId, { phone_number: a.phone, user_id: a.own ? userId : userId + 1 });
        return;
      case 'photo':
        fake.sendPhoto(userId, a.bytes);
        return;
      case 'press': {
        const c = chatOf(userId);
        if (a.forge !== undefined) {
          if (!c.lastBot) throw new Error(`user ${userId}: no bot message to press on`);
          fake.pressButton(userId, c.lastBot.message_id, a.forge, { forge: true });
          return;
        }
        for (let i = c.keyboards.length - 1; i >= 0; i--) {
          const m = c.keyboards[i]!;
          const b = buttons(m).find((x) => x.callback_data && (a.label ? a.label.test(x.text) : a.data!.test(x.callback_data)));
          if (b) {
            fake.pressButton(userId, m.message_id, b.callback_data!);
            return;
          }
        }
        throw new Error(`user ${userId}: no button matching ${String(a.label ?? a.data)} (last: ${readable(c.lastBot ?? ({} as FakeMessage)).slice(0, 80)})`);
      }
    }
  }

  /** Does one step: acts, waits for the answer; resolves with the latency in ms. */
  function step(userId: number, s: Step): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      if (closed) return reject(new Error('driver closed'));
      let queuedAt = 0;
      const w: Waiter = {
        chatId: userId,
        pattern: s.expect,
        resolve: (at) => {
          clearTimeout(timer);
          resolve(at - queuedAt);
        },
      };
      const timer = setTimeout(() => {
        waiting.delete(w);
        const last = readable(chatOf(userId).lastBot ?? ({} as FakeMessage)).slice(0, 120);
        reject(new Error(`user ${userId}: no answer matching ${s.expect} within ${timeoutMs} ms; last: ${last}`));
      }, timeoutMs);
      queuedAt = performance.now();
      try {
        act(userId, s.act); // queues the update on the fake synchronously
      } catch (e) {
        clearTimeout(timer);
        return reject(e as Error);
      }
      waiting.add(w);
      check(w, performance.now());
    });
  }

  return {
    /** Registers the user on the fake (so the bot may answer them). */
    addUser(id: number, firstName: string) {
      fake.addUser({ id, first_name: firstName });
      chatOf(id);
    },
    /** Runs a user's steps in order; pushes each latency to `latencies` (and to `byStep[i]` for step i, when given). */
    async journey(userId: number, steps: Step[], latencies: number[], byStep?: number[][]): Promise<void> {
      for (const [i, s] of steps.entries()) {
        const ms = await step(userId, s);
        latencies.push(ms);
        if (byStep) (byStep[i] ??= []).push(ms);
      }
    },
    close() {
      closed = true;
    },
  };
}
export type Driver = ReturnType<typeof createDriver>;

/** Runs `tasks` with at most `concurrency` at a time; rejects on the first failure. */
export async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
