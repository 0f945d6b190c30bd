/** What a method handler of the fake Bot API gets: the world, the update queue, the limiter. */
import type { RateLimiter } from './token-bucket.js';
import type { FakeState } from './state.js';
import type { UpdateQueue } from './updates.js';

/** Shared dependencies of all handlers. */
export interface CallContext {
  state: FakeState;
  queue: UpdateQueue;
  limiter: RateLimiter | undefined;
  /** Accept http(s) URLs as photo/document (a placeholder file is registered). */
  acceptFileUrls: boolean;
  /** Refuse webhook URLs that are not https (the real API does). */
  requireHttpsWebhook: boolean;
}

/** One method's implementation: validated params and plain text/caption in, result out. */
export type MethodHandler = (ctx: CallContext, params: Record<string, unknown>, plain: Record<string, string>, signal: AbortSignal) => unknown;
