import { Queue } from 'bullmq';
import { WA_OUTBOX_QUEUE, createWhatsAppOutboxSender, startWhatsAppOutboxWorker } from '../../../src/channels/whatsapp/outbox.js';
import type { MessageHandler } from '../../../src/channels/types.js';
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
