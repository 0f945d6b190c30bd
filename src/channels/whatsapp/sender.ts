import { isJidGroup } from '@whiskeysockets/baileys';
import type { Logger } from '../../logger.js';
import type { ChannelSender, SendResult } from '../types.js';
import type { OutboundMessage } from '../../i18n/message.js';
import { jidForChat, laneOf, WhatsAppRenderError } from './convert.js';
import { createLru } from './lru.js';
import { PacerStoppedError, type Pacer, type SendPriority } from './pacer.js';
import { turnContents } from './turn.js';
import type { WASocketLike } from './wa-socket.js';

/** Seconds a queue worker should wait before retrying while WhatsApp is not connected. */
const RETRY_WHILE_DISCONNECTED_S = 30;

/** The WhatsApp socket is not connected (a retry later can succeed). */
export class NotConnectedError extends Error {
  constructor() {
    super('WhatsApp is not connected');
    this.name = 'NotConnectedError';
  }
}

/** A status code Baileys puts on its (Boom) errors, if any. */
export function statusCodeOf(err: unknown): number | undefined {
  const code = (err as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

/** Errors that mean "the connection is gone", not "this message is bad". */
export function isConnectionError(err: unknown): boolean {
  if (err instanceof NotConnectedError || err instanceof PacerStoppedError) return true;
  const code = statusCodeOf(err);
  return code === 428 || code === 408 || code === 440 || code === 503;
}

/** How long a reply to a user waits for a dropped connection to come back before it is given up. */
export const REPLY_WAIT_FOR_RECONNECT_MS = 90_000;

/** Polls until the socket is open again, or `ms` have passed (real time: reconnects are real). */
async function waitForSocket(openSocket: () => WASocketLike | undefined, ms: number): Promise<WASocketLike | undefined> {
  const deadline = Date.now() + ms;
  for (let sock = openSocket(); Date.now() < deadline; sock = openSocket()) {
    if (sock) return sock;
    await new Promise((r) => setTimeout(r, 200));
  }
  return openSocket();
}

export interface PacedSenderDeps {
  pacer: Pacer;
  /** the socket if it is open right now */
  openSocket: () => WASocketLike | undefined;
  /** how long a reply waits for a reconnect (default REPLY_WAIT_FOR_RECONNECT_MS) */
  replyWaitMs?: number;
  mediaDir: string;
  logger: Logger;
}

/**
 * The paced sender, in the process holding the socket: everything the bot sends on WhatsApp goes
 * through here, rendered to Baileys contents, then paced (pacer.ts). `deliver` throws; `sender.send`
 * (for queue workers) maps failures to a SendResult. Not to be confused with the outbox
 * (outbox.ts), the BullMQ queue by which other processes hand their sends to this one.
 */
export function createPacedSender(deps: PacedSenderDeps) {
  const known = createLru<string, true>(5000);

  /**
   * Sends the messages of one turn to `jid` in lane `lane`, joined into as few WhatsApp messages
   * as read the same (turn.ts); returns the last message id.
   */
  async function deliver(lane: string, jid: string, msgs: OutboundMessage | OutboundMessage[], priority: SendPriority): Promise<string | undefined> {
    const contents = turnContents(Array.isArray(msgs) ? msgs : [msgs], { mediaDir: deps.mediaDir });
    let lastId: string | undefined;
    for (const content of contents) {
      const sent = await deps.pacer.enqueue(lane, priority, async () => {
        // A reply to someone who just wrote waits for a dropped connection to come back (in its
        // chat's lane, so the order holds); queue sends instead report "retry later" at once.
        const wait = priority === 'reply' ? (deps.replyWaitMs ?? REPLY_WAIT_FOR_RECONNECT_MS) : 0;
        let sock = deps.openSocket() ?? (wait ? await waitForSocket(deps.openSocket, wait) : undefined);
        if (!sock) throw new NotConnectedError();
        try {
          return await sock.sendMessage(jid, content);
        } catch (err) {
          if (!wait || !isConnectionError(err)) throw err;
          sock = await waitForSocket(deps.openSocket, wait);
          if (!sock) throw err;
          return sock.sendMessage(jid, content);
        }
      });
      lastId = sent?.key?.id ?? lastId;
    }
    return lastId;
  }

  /** false when WhatsApp says the number has no account; groups and LIDs are not checked. */
  async function hasAccount(jid: string): Promise<boolean> {
    if (isJidGroup(jid) || !jid.endsWith('@s.whatsapp.net') || known.get(jid)) return true;
    const sock = deps.openSocket();
    if (!sock?.onWhatsApp) return true;
    const [found] = (await sock.onWhatsApp(jid)) ?? [];
    if (!found?.exists) return false;
    known.set(jid, true);
    return true;
  }

  const sender: ChannelSender = {
    channel: 'whatsapp',
    async send(chatId, msg): Promise<SendResult> {
      const jid = jidForChat(chatId);
      if (!jid) return { ok: false, permanent: true, error: 'not a phone number or WhatsApp JID' };
      if (!deps.openSocket()) return { ok: false, retryAfter: RETRY_WHILE_DISCONNECTED_S, error: 'WhatsApp is not connected' };
      try {
        if (!(await hasAccount(jid))) return { ok: false, permanent: true, error: 'the number has no WhatsApp account' };
        const messageId = await deliver(laneOf(jid), jid, msg, 'bulk');
        return messageId ? { ok: true, messageId } : { ok: true };
      } catch (err) {
        if (isConnectionError(err)) {
          return { ok: false, retryAfter: RETRY_WHILE_DISCONNECTED_S, error: 'WhatsApp connection lost' };
        }
        const code = statusCodeOf(err);
        const permanent = code === 400 || code === 403 || code === 404 || err instanceof WhatsAppRenderError;
        deps.logger.warn({ err, code }, 'whatsapp send failed');
        return { ok: false, ...(permanent ? { permanent: true } : {}), error: (err as Error).message ?? String(err) };
      }
    },
  };

  return { deliver, sender };
}

export type PacedSender = ReturnType<typeof createPacedSender>;
