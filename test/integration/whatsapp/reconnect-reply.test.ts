import { DisconnectReason } from '@whiskeysockets/baileys';
import type { MessageHandler } from '../../../src/engine/types.js';
import { createWaDriver, type WaDriver } from '../../support/wa-driver.js';

const PHONE = '+6289900000002';

test('a reply whose connection drops while it is being prepared goes out on the reconnected socket', async () => {
  const ref: { driver?: WaDriver } = {};
  let dropped = false;
  const handler: MessageHandler = {
    async handle() {
      if (!dropped) {
        dropped = true;
        const next = ref.driver!.factory.nextSocket();
        ref.driver!.socket().close(DisconnectReason.connectionClosed);
        // WhatsApp comes back a moment later (the channel reconnects by itself)
        void next.then((s) => setTimeout(() => s.open(), 300));
      }
      return { messages: [{ text: 'Terima kasih, pesan Anda kami terima.' }] };
    },
  };
  const driver = await createWaDriver({ handler, waitLimitMs: 10_000 });
  ref.driver = driver;
  try {
    driver.say(PHONE, 'halo');
    expect(await driver.waitForReplies(PHONE, 1)).toEqual(['Terima kasih, pesan Anda kami terima.']);
    expect(driver.factory.sockets.length).toBe(2);
    expect(driver.factory.sockets[0]!.sent).toHaveLength(0);
    expect(driver.factory.sockets[1]!.sent).toHaveLength(1);
  } finally {
    await driver.close();
  }
});
