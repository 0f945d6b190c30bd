/**
 * The update queue of the fake Bot API: getUpdates long polling (offset confirms, timeout waits,
 * allowed_updates filters, a second poll terminates the first with 409) or, once setWebhook is
 * called, delivery by POST to the webhook URL with the X-Telegram-Bot-Api-Secret-Token header,
 * in order, retrying failed deliveries. A webhook answer with a "method" is executed.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ApiError } from './errors.js';

/** A raw update (`update_id` plus one payload field). */
export type RawUpdate = Record<string, unknown> & { update_id: number };

/** What getWebhookInfo reports. */
export interface WebhookState {
  url: string;
  secret_token?: string;
  max_connections?: number;
  last_error_date?: number;
  last_error_message?: string;
}

/** Options of the queue. */
export interface UpdateQueueOptions {
  /** Pause before retrying a failed webhook delivery (ms). */
  webhookRetryMs: number;
  /** Give up one delivery attempt after this long (ms). */
  webhookTimeoutMs: number;
  /** Runs a method the webhook answered with (a "webhook reply"). */
  executeReply: (method: string, params: Record<string, unknown>) => Promise<void>;
  /** Called after each delivery attempt, for waiters. */
  onChange: () => void;
}

interface Entry {
  update: RawUpdate;
  delivered: boolean;
}
interface Waiter {
  resolve: (u: RawUpdate[]) => void;
  reject: (e: unknown) => void;
  timer: NodeJS.Timeout;
  limit: number;
}

const DEFAULT_ALLOWED = new Set([
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
]);

/** The kind of an update: its one field other than update_id. */
export function updateType(u: Record<string, unknown>): string {
  for (const k of Object.keys(u)) if (k !== 'update_id') return k;
  return '';
}

/** Queue + long polling + webhook delivery. */
export class UpdateQueue {
  private entries: Entry[] = [];
  private nextId = 100_000;
  private allowed = DEFAULT_ALLOWED;
  private waiter: Waiter | undefined;
  private hook: WebhookState | undefined;
  private delivering = false;
  private closed = false;
  private cancelDelivery: (() => void) | undefined;
  /** Number of webhook POSTs answered 2xx. */
  delivered = 0;

  constructor(private readonly opts: UpdateQueueOptions) {}

  /** Queues an update (assigning update_id when missing) and wakes the poller or the webhook. */
  push(raw: Record<string, unknown>): RawUpdate {
    const given = raw.update_id;
    const update = (typeof given === 'number' ? raw : { update_id: this.nextId, ...raw }) as RawUpdate;
    this.nextId = Math.max(this.nextId, update.update_id) + 1;
    this.entries.push({ update, delivered: false });
    if (this.hook) void this.deliver();
    else this.wake();
    return update;
  }

  /** True while a getUpdates long poll is waiting. */
  polling(): boolean {
    return this.waiter !== undefined;
  }

  /** Updates not yet confirmed. */
  pending(): number {
    return this.entries.length;
  }

  /** getUpdates: confirm below `offset`, answer at once if something is queued, else wait `timeout` s. */
  poll(params: { offset?: number; limit?: number; timeout?: number; allowed_updates?: string[] }, signal: AbortSignal): Promise<RawUpdate[]> {
    if (this.hook) {
      throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (params.allowed_updates) this.setAllowed(params.allowed_updates);
    const { offset } = params;
    if (offset !== undefined && offset < 0) this.entries = this.entries.slice(offset);
    else if (offset !== undefined) this.entries = this.entries.filter((e) => !e.delivered || e.update.update_id >= offset);
    if (this.waiter) {
      const old = this.waiter;
      this.waiter = undefined;
      clearTimeout(old.timer);
      old.reject(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    }
    const limit = Math.min(Math.max(params.limit ?? 100, 1), 100);
    const ready = this.take(limit);
    const timeout = Math.min(Math.max(params.timeout ?? 0, 0), 50);
    if (ready.length > 0 || timeout === 0 || this.closed) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        limit,
        timer: setTimeout(() => this.finish(waiter, []), timeout * 1000),
      };
      this.waiter = waiter;
      signal.addEventListener('abort', () => this.finish(waiter, []), { once: true });
      this.opts.onChange();
    });
  }

  /** setWebhook: switches to push delivery (an empty url removes the webhook). */
  setWebhook(p: { url: string; secret_token?: string; max_connections?: number; allowed_updates?: string[]; drop_pending_updates?: boolean }): void {
    if (p.drop_pending_updates) this.entries = [];
    if (p.allowed_updates) this.setAllowed(p.allowed_updates);
    if (p.url === '') {
      this.hook = undefined;
      return;
    }
    this.hook = { url: p.url };
    if (p.secret_token !== undefined) this.hook.secret_token = p.secret_token;
    if (p.max_connections !== undefined) this.hook.max_connections = p.max_connections;
    if (this.waiter) this.finish(this.waiter, []);
    void this.deliver();
  }

  /** deleteWebhook. */
  deleteWebhook(dropPending: boolean): void {
    if (dropPending) this.entries = [];
    this.hook = undefined;
  }

  /** The current webhook (undefined in polling mode). */
  webhook(): WebhookState | undefined {
    return this.hook;
  }

  /** getWebhookInfo's answer. */
  info(): Record<string, unknown> {
    const h = this.hook;
    return {
      url: h?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.entries.length,
      ...(h?.max_connections !== undefined ? { max_connections: h.max_connections } : {}),
      ...(h?.last_error_date !== undefined ? { last_error_date: h.last_error_date, last_error_message: h.last_error_message } : {}),
      ...(this.allowed !== DEFAULT_ALLOWED ? { allowed_updates: [...this.allowed] } : {}),
    };
  }

  /** Ends a pending poll (answered with []) and any webhook delivery. */
  close(): void {
    this.closed = true;
    if (this.waiter) this.finish(this.waiter, []);
    this.cancelDelivery?.();
  }

  private setAllowed(list: string[]): void {
    this.allowed = list.length === 0 ? DEFAULT_ALLOWED : new Set(list);
  }

  private take(limit: number): RawUpdate[] {
    this.entries = this.entries.filter((e) => this.allowed.has(updateType(e.update)));
    const out = this.entries.slice(0, limit);
    for (const e of out) e.delivered = true;
    return out.map((e) => e.update);
  }

  private wake(): void {
    const w = this.waiter;
    if (w) this.finish(w, this.take(w.limit));
  }

  private finish(w: Waiter, updates: RawUpdate[]): void {
    if (this.waiter !== w) return;
    this.waiter = undefined;
    clearTimeout(w.timer);
    w.resolve(updates);
  }

  private async deliver(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.hook && !this.closed) {
        this.entries = this.entries.filter((e) => this.allowed.has(updateType(e.update)));
        const entry = this.entries[0];
        if (!entry) break;
        const hook = this.hook;
        const outcome = await this.post(hook, entry.update);
        if (this.closed) break;
        if (outcome.ok) {
          this.entries = this.entries.filter((e) => e !== entry);
          this.delivered++;
          if (outcome.reply) await this.runReply(outcome.reply);
        } else {
          hook.last_error_date = Math.floor(Date.now() / 1000);
          hook.last_error_message = outcome.error;
        }
        this.opts.onChange();
        if (!outcome.ok) await this.pause(this.opts.webhookRetryMs);
      }
    } finally {
      this.delivering = false;
    }
  }

  private async runReply(body: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const { method, ...params } = parsed as Record<string, unknown>;
    if (typeof method === 'string') await this.opts.executeReply(method, params).catch(() => undefined);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.cancelDelivery = done;
    });
  }

  private post(hook: WebhookState, update: RawUpdate): Promise<{ ok: true; reply?: string } | { ok: false; error: string }> {
    return new Promise((resolve) => {
      const body = JSON.stringify(update);
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (hook.secret_token) headers['x-telegram-bot-api-secret-token'] = hook.secret_token;
      let settled = false;
      const settle = (r: { ok: true; reply?: string } | { ok: false; error: string }): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      let req: ReturnType<typeof httpRequest>;
      try {
        const send = hook.url.startsWith('https:') ? httpsRequest : httpRequest;
        req = send(hook.url, { method: 'POST', headers, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            if (status >= 200 && status < 300) settle(text ? { ok: true, reply: text } : { ok: true });
            else settle({ ok: false, error: `Wrong response from the webhook: ${status} ${res.statusMessage ?? ''}`.trim() });
          });
          res.on('error', (e) => settle({ ok: false, error: e.message }));
        });
      } catch (e) {
        resolve({ ok: false, error: (e as Error).message });
        return;
      }
      const timer = setTimeout(() => {
        settle({ ok: false, error: 'Connection timed out' });
        req.destroy();
      }, this.opts.webhookTimeoutMs);
      this.cancelDelivery = () => {
        settle({ ok: false, error: 'closed' });
        req.destroy();
      };
      req.on('error', (e) => settle({ ok: false, error: e.message }));
      req.end(body);
    });
  }
}
