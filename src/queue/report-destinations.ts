import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { cutText } from '../channels/telegram/split-text.js';
import type { TelegramSender } from '../channels/telegram/sender.js';
import type { ChannelSender, SendResult } from '../channels/types.js';
import type { Config } from '../config.js';
import type { PhotoOut } from '../i18n/message.js';
import { type ReportFacts, reportId, reportWebhookBody } from '../reports/report-content.js';
import { ReportWebhookBodySchema, type ReportWebhookBody } from '../reports/webhook-bodies.js';
import { postWebhook, reportIdempotencyKey } from './webhook.js';

/** Where a purchase report goes. */
export type DestinationName = 'telegram' | 'whatsapp' | 'webhook' | 'console';

/**
 * What one destination did with one report or follow-up. `retryAfter` (seconds): the destination
 * answered 429 and said when to come back (Telegram's `retry_after`, the webhook's `Retry-After`).
 * `answered`: the destination answered with a refusal, so nothing reached it (a network error or
 * a timeout leaves that unknown: the next send is then marked as sent again).
 */
export type DeliveryOutcome =
  { status: 'sent' } | { status: 'skipped'; reason: string } | { status: 'failed'; permanent: boolean; error: string; retryAfter?: number; answered?: boolean };

/** What a destination needs to send: the texts are already localised. */
export interface DeliveryInput {
  facts: ReportFacts;
  /** the full report text, or the follow-up text */
  text: string;
  /** the delivery hash of this report or follow-up (fields: destination, `telegram.msg`, ...) */
  hash: string;
  /** the delivery hash of the report itself (the follow-up replies to its Telegram message) */
  reportHash: string;
  now: Date;
  /** for a follow-up: what it is about (the webhook event) */
  followupEvent?: 'purchase.post-link' | 'purchase.payment-confirmed' | 'purchase.rejected' | 'purchase.cancelled';
  /** report or which follow-up: with the order id, what makes a send's idempotency key */
  kind: string;
  /**
   * An earlier send of this to this destination was started and never recorded (a crash cut it):
   * the office may have it already, so this send is marked as sent again (`repeatNote`).
   */
  repeat: boolean;
  /** the localised "sent again" line, naming the report id */
  repeatNote: string;
}

export interface Destination {
  name: DestinationName;
  report(input: DeliveryInput): Promise<DeliveryOutcome>;
  followup(input: DeliveryInput): Promise<DeliveryOutcome>;
}

export interface DestinationDeps {
  redis: Redis;
  config: Pick<Config, 'MAYOR_TELEGRAM_CHAT_ID' | 'MAYOR_WHATSAPP_JID' | 'REPORT_WEBHOOK_URL' | 'REPORT_WEBHOOK_SECRET' | 'MEDIA_DIR'>;
  senders: { telegram?: TelegramSender; whatsapp?: ChannelSender; console?: ChannelSender };
  /** the heading of a report shown in the terminal demo */
  consoleTitle?: string;
}

/** Caption limit for the report photo: strictly below Telegram's 1024. */
export const REPORT_CAPTION_LIMIT = 1023;

/**
 * A send result as an outcome. `rateLimited`: the sender's `retryAfter` is a platform's 429
 * (Telegram's); WhatsApp's "not connected, try in 30 s" is an ordinary retryable failure.
 */
function fromSend(r: SendResult, rateLimited = false): DeliveryOutcome {
  if (r.ok) return { status: 'sent' };
  const wait = rateLimited && r.retryAfter !== undefined ? { retryAfter: r.retryAfter } : {};
  // A refusal or a 429 is an answer: nothing was delivered. Anything else may have reached the chat.
  const answered = r.permanent === true || r.retryAfter !== undefined;
  return { status: 'failed', permanent: r.permanent === true, error: r.error, answered, ...wait };
}

/** The text as sent: with the "sent again" line on top when an earlier send was cut off. */
function marked(input: Pick<DeliveryInput, 'repeat' | 'repeatNote'>, text: string): string {
  return input.repeat ? `${input.repeatNote}\n\n${text}` : text;
}

/** The receipt photo of an order when its file is present under MEDIA_DIR. */
export async function receiptPhoto(mediaDir: string, facts: ReportFacts): Promise<PhotoOut | undefined> {
  const rel = facts.order.receipt?.path;
  if (!rel) return undefined;
  const root = path.resolve(mediaDir);
  const abs = path.resolve(root, rel);
  if (!abs.startsWith(root + path.sep)) return undefined;
  try {
    await access(abs);
    return { path: rel };
  } catch {
    return undefined;
  }
}

/** The destinations configured by MAYOR_TELEGRAM_CHAT_ID, MAYOR_WHATSAPP_JID and REPORT_WEBHOOK_URL. */
export function configuredDestinations(deps: DestinationDeps): Destination[] {
  const { redis, config, senders } = deps;
  const out: Destination[] = [];

  const tgChat = config.MAYOR_TELEGRAM_CHAT_ID;
  if (tgChat) {
    const tg = senders.telegram;
    out.push({
      name: 'telegram',
      async report(input) {
        const { facts, hash } = input;
        if (!tg) return { status: 'skipped', reason: 'Telegram is not configured (no BOT_TOKEN)' };
        // The photo (or first message) and the rest are recorded separately: a retry after a
        // crash between the two sends only the rest, as a reply to the first.
        let first = await redis.hget(hash, 'telegram.msg');
        // The "sent again" line goes on top of the first part only when that part is sent again.
        const [head, rest] = cutText(first ? input.text : marked(input, input.text), REPORT_CAPTION_LIMIT);
        if (!first) {
          const photo = await receiptPhoto(config.MEDIA_DIR, facts);
          const r = await tg.send(tgChat, { text: head, photo });
          if (!r.ok) return fromSend(r, true);
          first = r.messageId ?? '';
          await redis.hsetnx(hash, 'telegram.msg', first);
        }
        if (rest) {
          // The rest has its own "started" mark: a crash while sending it makes its resend marked.
          const again = (await redis.hsetnx(hash, 'telegram.rest.started', input.now.toISOString())) === 0;
          const text = again ? `${input.repeatNote}\n\n${rest}` : rest;
          const r = await tg.send(tgChat, { text, replyTo: first || undefined });
          if (!r.ok) {
            const outcome = fromSend(r, true);
            if (outcome.status === 'failed' && outcome.answered) await redis.hdel(hash, 'telegram.rest.started');
            return outcome;
          }
        }
        return { status: 'sent' };
      },
      async followup(input) {
        if (!tg) return { status: 'skipped', reason: 'Telegram is not configured (no BOT_TOKEN)' };
        const first = await redis.hget(input.reportHash, 'telegram.msg');
        return fromSend(await tg.send(tgChat, { text: marked(input, input.text), replyTo: first || undefined }), true);
      },
    });
  }

  const waJid = config.MAYOR_WHATSAPP_JID;
  const waKey = (input: DeliveryInput) => `${reportId(input.facts.order.id)}:${input.kind}:whatsapp`;
  if (waJid) {
    const wa = senders.whatsapp;
    const notRunning = { status: 'skipped', reason: 'WhatsApp is not running in this process' } as const;
    out.push({
      name: 'whatsapp',
      async report(input) {
        if (!wa) return notRunning;
        const photo = await receiptPhoto(config.MEDIA_DIR, input.facts);
        return fromSend(await wa.send(waJid, { text: marked(input, input.text), photo, idempotencyKey: waKey(input) }));
      },
      async followup(input) {
        if (!wa) return notRunning;
        return fromSend(await wa.send(waJid, { text: marked(input, input.text), idempotencyKey: waKey(input) }));
      },
    });
  }

  const url = config.REPORT_WEBHOOK_URL;
  const secret = config.REPORT_WEBHOOK_SECRET;
  if (url && secret) {
    const post = async (input: DeliveryInput, event: ReportWebhookBody['event']): Promise<DeliveryOutcome> => {
      const resent = input.repeat ? { resent: true } : {};
      const body = ReportWebhookBodySchema.safeParse({ ...reportWebhookBody(input.facts, event, input.now), ...resent });
      if (!body.success) {
        const fields = body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        return { status: 'failed', permanent: true, error: `webhook body invalid: ${fields}`, answered: true };
      }
      const r = await postWebhook(url, secret, body.data, Math.floor(input.now.getTime() / 1000), undefined, reportIdempotencyKey(body.data));
      if (r.ok) return { status: 'sent' };
      const wait = r.retryAfter !== undefined ? { retryAfter: r.retryAfter } : {};
      return { status: 'failed', permanent: r.permanent, error: r.error, answered: r.status !== undefined, ...wait };
    };
    out.push({
      name: 'webhook',
      report: (input) => post(input, 'purchase.reported'),
      followup: (input) => post(input, input.followupEvent ?? 'purchase.post-link'),
    });
  }

  // The terminal demo with no destination configured: show the report where the newcomer is.
  const con = senders.console;
  if (!out.length && con) {
    const show = async (input: DeliveryInput) => fromSend(await con.send('mayor', { text: `${deps.consoleTitle ?? ''}\n${marked(input, input.text)}`.trim() }));
    out.push({ name: 'console', report: show, followup: show });
  }
  return out;
}
