import type { MessageHandler } from '../../../src/engine/types.js';
import { createWaDriver, type WaDriver } from '../../support/wa-driver.js';

const ANI = '+6281234567890';
const ANI_JID = '6281234567890@s.whatsapp.net';

/** Resolves once `ok()` holds, checking after each turn of the event loop (no timer decides it). */
async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !ok(); i++) await new Promise((r) => setImmediate(r));
  if (!ok()) throw new Error('condition never held');
}

let wa: WaDriver | undefined;
afterEach(async () => {
  await wa?.close();
  wa = undefined;
});

test('a handled message is marked read; a quick step shows no "typing…"', async () => {
  const handler: MessageHandler = { handle: async () => ({ messages: [{ text: 'siap' }] }) };
  wa = await createWaDriver({ handler, channel: { typingAfterMs: 60_000 } });
  const id = wa.say(ANI, 'halo');
  expect(await wa.waitForReplies(ANI, 1)).toEqual(['siap']);
  await until(() => wa!.socket().reads.length > 0);
  expect(wa.socket().reads).toEqual([expect.objectContaining({ id, remoteJid: ANI_JID })]);
  expect(wa.socket().presences).toEqual([]);
});

test('a step slower than the threshold shows "typing…" in that chat until the answer is sent', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const handler: MessageHandler = {
    handle: async () => {
      await gate;
      return { messages: [{ text: 'foto diterima' }] };
    },
  };
  wa = await createWaDriver({ handler, channel: { typingAfterMs: 0 } });
  wa.say(ANI, 'halo');
  await until(() => wa!.socket().presences.length > 0);
  expect(wa.socket().presences).toEqual([{ type: 'composing', jid: ANI_JID }]);
  expect(wa.socket().sent).toHaveLength(0);
  release();
  expect(await wa.waitForReplies(ANI, 1)).toEqual(['foto diterima']);
  await until(() => wa!.socket().presences.length > 1);
  expect(wa.socket().presences[1]).toEqual({ type: 'paused', jid: ANI_JID });
});
