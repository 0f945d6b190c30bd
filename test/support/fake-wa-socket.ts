import { EventEmitter } from 'node:events';
import { DisconnectReason, type AnyMessageContent, type proto, type WAMessage } from '@whiskeysockets/baileys';
import type { MakeSocket, MakeSocketOptions, UsedEvents, WASocketLike } from '../../src/channels/whatsapp/wa-socket.js';

/** `+62 812-3456-7890` / `081234567890` -> `6281234567890@s.whatsapp.net` (Indonesian numbers). */
export function phoneJid(phone: string): string {
  let d = phone.replace(/\D/g, '');
  if (d.startsWith('0')) d = `62${d.slice(1)}`;
  return `${d}@s.whatsapp.net`;
}

/** An error shaped like Baileys' Boom errors (`output.statusCode`). */
export function boomLike(statusCode: number, message = 'Connection Failure'): Error {
  return Object.assign(new Error(message), { output: { statusCode } });
}

let counter = 0;
/** A fresh WhatsApp-looking message id. */
export const newMessageId = () => `3EB0${(++counter).toString(16).padStart(8, '0').toUpperCase()}`;

/** Options for building an incoming message. */
export interface MsgOptions {
  id?: string;
  fromMe?: boolean;
  /** Baileys 6.7: phone JID of a sender addressed by LID */
  senderPn?: string;
  participant?: string;
}

/** Builds a WAMessage as Baileys emits it (plain objects; protobuf defaults not needed). */
export function waMessage(remoteJid: string, message: proto.IMessage | null, o: MsgOptions = {}): WAMessage {
  return {
    key: {
      remoteJid,
      fromMe: o.fromMe ?? false,
      id: o.id ?? newMessageId(),
      ...(o.participant ? { participant: o.participant } : {}),
      ...(o.senderPn ? { senderPn: o.senderPn } : {}),
    },
    messageTimestamp: 1_700_000_000,
    message,
  };
}

export const textMessage = (jid: string, text: string, o?: MsgOptions) => waMessage(jid, { conversation: text }, o);
export const imageMessage = (jid: string, bytes: Buffer, caption?: string, o?: MsgOptions) =>
  waMessage(jid, { imageMessage: { mimetype: 'image/jpeg', fileLength: bytes.length, ...(caption ? { caption } : {}) } }, o);
export const documentMessage = (jid: string, bytes: Buffer, fileName: string, mimetype: string, o?: MsgOptions) =>
  waMessage(jid, { documentMessage: { mimetype, fileName, fileLength: bytes.length } }, o);

/** One send the bot made. */
export interface SentMessage {
  jid: string;
  content: AnyMessageContent;
}

/**
 * A stand-in for the Baileys socket with the surface the channel uses. It records sends and lets
 * a test play WhatsApp: open, show a QR, deliver messages, close with any DisconnectReason.
 */
export class FakeWASocket implements WASocketLike {
  readonly emitter = new EventEmitter();
  readonly ev = {
    on: <E extends keyof UsedEvents>(e: E, l: (arg: UsedEvents[E]) => void) => void this.emitter.on(e, l),
    off: <E extends keyof UsedEvents>(e: E, l: (arg: UsedEvents[E]) => void) => void this.emitter.off(e, l),
    emit: <E extends keyof UsedEvents>(e: E, arg: UsedEvents[E]) => this.emitter.emit(e, arg),
  };
  user: { id: string } | undefined;
  readonly sent: SentMessage[] = [];
  readonly pairingRequests: string[] = [];
  /** JIDs that have no WhatsApp account (onWhatsApp says exists: false) */
  readonly noAccount = new Set<string>();
  /** keys of the messages marked read */
  readonly reads: proto.IMessageKey[] = [];
  /** presence updates (typing…) sent, in order */
  readonly presences: { type: string; jid: string | undefined }[] = [];
  /** the next sendMessage calls throw these, in order */
  readonly sendFailures: Error[] = [];
  ended = false;

  constructor(
    readonly opts: MakeSocketOptions,
    private readonly onSent: (s: SentMessage) => void,
  ) {}

  async sendMessage(jid: string, content: AnyMessageContent): Promise<WAMessage> {
    if (this.ended) throw boomLike(DisconnectReason.connectionClosed, 'Connection Closed');
    const failure = this.sendFailures.shift();
    if (failure) throw failure;
    const sent = { jid, content };
    this.sent.push(sent);
    this.onSent(sent);
    return { key: { remoteJid: jid, fromMe: true, id: newMessageId() } };
  }

  async readMessages(keys: proto.IMessageKey[]): Promise<void> {
    this.reads.push(...keys);
  }

  async sendPresenceUpdate(type: 'composing' | 'paused', jid?: string): Promise<void> {
    this.presences.push({ type, jid });
  }

  async updateMediaMessage(msg: proto.IWebMessageInfo): Promise<proto.IWebMessageInfo> {
    return msg;
  }

  async requestPairingCode(phoneNumber: string): Promise<string> {
    this.pairingRequests.push(phoneNumber);
    return 'ABCD1234';
  }

  async onWhatsApp(...jids: string[]) {
    return jids.map((jid) => ({ jid, exists: !this.noAccount.has(jid) }));
  }

  end(error: Error | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date() } });
  }

  /** The connection opens (as after a scan, or on reconnect with a stored session). */
  open(userId = '6280000000001:7@s.whatsapp.net'): void {
    this.user = { id: userId };
    this.ev.emit('connection.update', { connection: 'open' });
  }

  /** Baileys shows a QR for pairing. */
  showQr(qr = 'fake-qr-payload'): void {
    this.ev.emit('connection.update', { connection: 'connecting', qr });
  }

  /** The connection closes for `reason` (a DisconnectReason). */
  close(reason: DisconnectReason): void {
    this.ended = true;
    this.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error: boomLike(reason), date: new Date() } });
  }

  /** New messages arrive (`notify`), or history (`append`). */
  receive(messages: WAMessage[], type: 'notify' | 'append' = 'notify'): void {
    this.ev.emit('messages.upsert', { messages, type });
  }

  /** Baileys updates the creds (the channel saves them). */
  updateCreds(update: UsedEvents['creds.update']): void {
    this.ev.emit('creds.update', update);
  }
}

/** A `makeSocket` that makes fake sockets, remembers them all, and keeps received media. */
export function createFakeSocketFactory() {
  const sockets: FakeWASocket[] = [];
  const media = new Map<string, Buffer>();
  const waiting: ((s: FakeWASocket) => void)[] = [];
  const sentListeners = new Set<(s: SentMessage) => void>();
  let failure: Error | undefined;

  const makeSocket: MakeSocket = (opts) => {
    if (failure) {
      const err = failure;
      failure = undefined;
      throw err;
    }
    const s = new FakeWASocket(opts, (sent) => sentListeners.forEach((l) => l(sent)));
    sockets.push(s);
    // like Baileys, the socket talks only after the channel has attached its listeners
    const ready = waiting.splice(0);
    setImmediate(() => ready.forEach((w) => w(s)));
    return s;
  };

  return {
    makeSocket,
    sockets,
    /** the next socket cannot be made (the network is down): makeSocket throws `err` once */
    failNext(err = new Error('connection refused')): void {
      failure = err;
    },
    /** the socket made last */
    latest(): FakeWASocket {
      const s = sockets[sockets.length - 1];
      if (!s) throw new Error('no socket made yet');
      return s;
    },
    /** resolves with the next socket the channel makes (a reconnect), once the channel listens to it */
    nextSocket(): Promise<FakeWASocket> {
      return new Promise((r) => waiting.push(r));
    },
    /** registers received media so `downloadMedia` can return it */
    media,
    /** a `downloadMedia` for the channel: the bytes registered for the message id */
    downloadMedia: async (msg: WAMessage): Promise<Buffer> => {
      const b = media.get(msg.key.id ?? '');
      if (!b) throw new Error('no media registered for this message');
      return b;
    },
    /** calls `l` for every message any socket sends; returns an unsubscribe */
    onSent(l: (s: SentMessage) => void): () => void {
      sentListeners.add(l);
      return () => sentListeners.delete(l);
    },
  };
}

export type FakeSocketFactory = ReturnType<typeof createFakeSocketFactory>;
