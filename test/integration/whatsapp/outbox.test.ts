import { Queue } from 'bullmq';
import { WA_OUTBOX_QUEUE, createWhatsAppOutboxSender, startWhatsAppOutboxWorker } from '../../../src/channels/whatsapp/outbox.js';
import type { ChannelSender } from '../../../src/channels/types.js';
import type { MessageHandler } from '../../../src/engine/types.js';
import type { OutboundMessage } from '../../../src/i18n/message.js';
import { createLogger } from '../../../src/logger.js';
import { createKeys } from '../../../src/store/keys.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../../support/redis.js';
import { createWaDriver } from '../../support/wa-driver.js';

const silentHandler: MessageHandler = { handle: async () => ({ messages: [] }) };

test('a worker process without the socket sends WhatsApp messages through the outbox, once each', async () => {
  const redis = openRedis();
  const keys = createKeys(uniquePrefix('wa-outbox'));
  const wa = await createWaDriver({ handler: silentHandler, redis, keys });
  const workerConn = redis.duplicate({ maxRetriesPerRequest: null });
  const producerConn = redis.duplicate({ maxRetriesPerRequest: null });
  const worker = startWhatsAppOutboxWorker({ connection: workerConn, keys, sender: wa.channel.sender, logger: createLogger('silent') });
  const outbox = createWhatsAppOutboxSender(producerConn, keys);
  try {
    const msg = { text: 'Pesanan baru ORD-1', choices: [{ id: 'uo:acc:ORD-1', label: 'Terima' }] };
    expect(await outbox.send('+6289900001001', msg)).toEqual({ ok: true });
    // A retried worker job sends the same message again: the outbox keeps one.
    expect(await outbox.send('+6289900001001', msg)).toEqual({ ok: true });
    const [text] = await wa.waitForReplies('+6289900001001', 1);
    expect(text).toBe('Pesanan baru ORD-1\n\n1. Terima');
    // Nothing left to send, and one job was ever done: the second send was kept out, not merely late.
    const queue = new Queue(WA_OUTBOX_QUEUE, { connection: producerConn, prefix: keys.bullPrefix() });
    try {
      for (;;) {
        const { wait = 0, active = 0, delayed = 0, completed = 0 } = await queue.getJobCounts('wait', 'active', 'delayed', 'completed');
        if (wait + active + delayed === 0 && completed >= 1) {
          expect(completed).toBe(1);
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await queue.close();
    }
    expect(wa.sentTo('+6289900001001')).toHaveLength(1);
  } finally {
    await outbox.close();
    await worker.close();
    await wa.close();
    workerConn.disconnect();
    producerConn.disconnect();
    await cleanPrefix(redis, keys.prefix);
    await redis.quit();
  }
});

/** Every field set: a field added to OutboundMessage fails to compile here until this test covers it. */
const EVERY_FIELD: Required<OutboundMessage> = {
  text: 'Rekap harian',
  choices: [{ id: 'rc:open', label: 'Buka' }],
  columns: 2,
  photo: { path: 'receipts/ab.jpg', url: 'https://example.id/a.jpg' },
  document: { fileName: 'rekap.csv', content: 'a;b\n1;2\n' },
  requestContact: true,
  expectsNumber: true,
  code: ['1234567890'],
  listed: 1,
  standalone: true,
  idempotencyKey: 'report:ORD-9:mayor',
};

/** One message of each kind the bot sends. */
const KINDS: OutboundMessage[] = [
  { text: 'Halo' },
  {
    text: 'Pilih',
    choices: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    columns: 2,
  },
  { text: 'Berapa?', choices: [{ id: 'q:1', label: '1' }], expectsNumber: true, listed: 1 },
  { text: 'Foto', photo: { path: 'products/x.jpg' } },
  { text: 'Flyer', photo: { url: 'https://example.id/flyer.jpg' } },
  { text: 'Rekap', document: { fileName: 'rekap.csv', content: 'x;y\n' } },
  { text: 'Rekening', code: ['0011223344'], standalone: true },
  { text: 'Nomor HP?', requestContact: true },
  { text: 'Laporan ORD-2', idempotencyKey: 'report:ORD-2:mayor' },
  EVERY_FIELD,
];

test('every kind of message a worker hands to the outbox reaches the socket process as it was sent', async () => {
  const redis = openRedis();
  const keys = createKeys(uniquePrefix('wa-outbox-kinds'));
  const received: { chatId: string; msg: OutboundMessage }[] = [];
  let allIn = () => {};
  const done = new Promise<void>((r) => (allIn = r));
  const recording: ChannelSender = {
    channel: 'whatsapp',
    async send(chatId, msg) {
      received.push({ chatId, msg });
      if (received.length === KINDS.length) allIn();
      return { ok: true };
    },
  };
  const workerConn = redis.duplicate({ maxRetriesPerRequest: null });
  const producerConn = redis.duplicate({ maxRetriesPerRequest: null });
  const worker = startWhatsAppOutboxWorker({ connection: workerConn, keys, sender: recording, logger: createLogger('silent') });
  const outbox = createWhatsAppOutboxSender(producerConn, keys);
  try {
    for (const [i, msg] of KINDS.entries()) expect(await outbox.send(`+62899000020${String(i).padStart(2, '0')}`, msg)).toEqual({ ok: true });
    await done;
    const byChat = new Map(received.map((r) => [r.chatId, r.msg]));
    KINDS.forEach((msg, i) => expect(byChat.get(`+62899000020${String(i).padStart(2, '0')}`)).toEqual(msg));
  } finally {
    await outbox.close();
    await worker.close();
    workerConn.disconnect();
    producerConn.disconnect();
    await cleanPrefix(redis, keys.prefix);
    await redis.quit();
  }
});
