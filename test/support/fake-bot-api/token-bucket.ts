/**
 * A pure token bucket: `capacity` tokens, refilled continuously at `perSecond` tokens a second.
 * Time comes from an injected clock (milliseconds), so the rules are unit-testable without sleeps.
 */

/** A clock in milliseconds, `Date.now` in production. */
export type Clock = () => number;

/** Options of one bucket. */
export interface TokenBucketOptions {
  /** Most tokens the bucket holds (the burst). */
  capacity: number;
  /** Tokens added per second (the sustained rate). */
  perSecond: number;
  /** Source of time in ms; defaults to `Date.now`. */
  now?: Clock;
}

/** A token bucket; `waitMs()` peeks, `take()` consumes. */
export interface TokenBucket {
  /** Milliseconds until one token is available (0 when one is available now). */
  waitMs(): number;
  /** Takes one token if available; returns 0 on success, else the ms to wait (nothing taken). */
  take(): number;
  /** Tokens currently available (fractional). */
  available(): number;
}

/** Creates a token bucket that starts full. */
export function createTokenBucket(opts: TokenBucketOptions): TokenBucket {
  if (!(opts.capacity >= 1)) throw new RangeError('capacity must be >= 1');
  if (!(opts.perSecond > 0)) throw new RangeError('perSecond must be > 0');
  const now = opts.now ?? Date.now;
  // Kept in thousandths of a token, so whole-ms clocks and integer rates add up exactly.
  const full = opts.capacity * 1000;
  let milli = full;
  let last = now();

  const refill = (): void => {
    const t = now();
    if (t > last) {
      milli = Math.min(full, milli + (t - last) * opts.perSecond);
      last = t;
    }
  };
  const waitMs = (): number => {
    refill();
    return milli >= 1000 ? 0 : Math.ceil((1000 - milli) / opts.perSecond);
  };
  return {
    waitMs,
    take() {
      const wait = waitMs();
      if (wait === 0) milli -= 1000;
      return wait;
    },
    available() {
      refill();
      return milli / 1000;
    },
  };
}

/** Limits of the fake server: per chat and over all chats; `false` disables one. */
export interface RateLimitOptions {
  /** Per chat: a burst, then `perSecond` sustained (Telegram: about 1/s). */
  perChat?: { burst: number; perSecond: number } | false;
  /** Over all chats (Telegram: about 30/s); burst defaults to `perSecond`. */
  global?: { perSecond: number; burst?: number } | false;
}

/** Per-chat plus global limiter; `tryTake(chat)` consumes from both or from neither. */
export interface RateLimiter {
  /** 0 when the send may go ahead (tokens taken), else the ms until it could. */
  tryTake(chatKey: string): number;
}

/** Default limits, like Telegram's documented ones. */
export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = {
  perChat: { burst: 3, perSecond: 1 },
  global: { perSecond: 30 },
};

/** Builds a limiter from options (missing keys take the defaults). */
export function createRateLimiter(opts: RateLimitOptions = {}, now: Clock = Date.now): RateLimiter {
  const perChat = opts.perChat === undefined ? DEFAULT_RATE_LIMITS.perChat : opts.perChat;
  const globalOpt = opts.global === undefined ? DEFAULT_RATE_LIMITS.global : opts.global;
  const global = globalOpt ? createTokenBucket({ capacity: globalOpt.burst ?? globalOpt.perSecond, perSecond: globalOpt.perSecond, now }) : undefined;
  const chats = new Map<string, TokenBucket>();
  return {
    tryTake(chatKey) {
      let chat: TokenBucket | undefined;
      if (perChat) {
        chat = chats.get(chatKey);
        if (!chat) {
          chat = createTokenBucket({ capacity: perChat.burst, perSecond: perChat.perSecond, now });
          chats.set(chatKey, chat);
        }
      }
      const wait = Math.max(chat?.waitMs() ?? 0, global?.waitMs() ?? 0);
      if (wait > 0) return wait;
      chat?.take();
      global?.take();
      return 0;
    },
  };
}
