import { BufferJSON, DisconnectReason } from '@whiskeysockets/baileys';
import type { MessageHandler } from '../../../src/engine/types.js';
import { createWaDriver, type WaDriver } from '../../support/wa-driver.js';

const handler: MessageHandler = { handle: async () => ({ messages: [{ text: 'ok' }] }) };

/** A fake clock that records every pause the channel asks for. */
function recordingClock() {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => t,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        t += ms;
      },
      random: () => 0.5,
    },
  };
}

let wa: WaDriver | undefined;
afterEach(async () => {
  await wa?.close();
  wa = undefined;
});

const noiseKeyOf = (w: WaDriver, i: number) => Buffer.from(w.factory.sockets[i]!.opts.auth.creds.noiseKey.private).toString('hex');

test.each([
  ['connectionClosed', DisconnectReason.connectionClosed],
  ['restartRequired', DisconnectReason.restartRequired],
  ['timedOut', DisconnectReason.timedOut],
  ['connectionReplaced', DisconnectReason.connectionReplaced],
  ['badSession', DisconnectReason.badSession],
])('after %s a new socket is made with the same session', async (_name, reason) => {
  wa = await createWaDriver({ handler });
  const next = wa.factory.nextSocket();
  wa.socket().close(reason);
  const second = await next;
  expect(wa.factory.sockets).toHaveLength(2);
  expect(noiseKeyOf(wa, 1)).toBe(noiseKeyOf(wa, 0));
  expect(wa.channel.status()).toBe('connecting');
  second.open();
  expect(wa.channel.status()).toBe('open');
  wa.say('+6281234567890', 'halo');
  expect(await wa.waitForReplies('+6281234567890', 1)).toEqual(['ok']);
});

test('reconnects back off exponentially with jitter; restartRequired reconnects at once; open resets', async () => {
  const { sleeps, clock } = recordingClock();
  wa = await createWaDriver({ handler, channel: { clock, reconnect: { baseMs: 1000, maxMs: 5000 } } });
  const closeAndWait = async (reason: DisconnectReason) => {
    const next = wa!.factory.nextSocket();
    wa!.socket().close(reason);
    await next;
  };
  await closeAndWait(DisconnectReason.connectionLost);
  await closeAndWait(DisconnectReason.connectionLost);
  await closeAndWait(DisconnectReason.connectionLost);
  await closeAndWait(DisconnectReason.connectionLost);
  await closeAndWait(DisconnectReason.restartRequired);
  // random() = 0.5: half the delay fixed + a quarter -> 0.75 of 1 s, 2 s, 4 s, then the 5 s cap
  expect(sleeps).toEqual([750, 1500, 3000, 3750]);
  wa.socket().open();
  await closeAndWait(DisconnectReason.connectionLost);
  expect(sleeps.at(-1)).toBe(750);
});

test('creds updates are saved to Redis', async () => {
  wa = await createWaDriver({ handler });
  wa.socket().updateCreds({ registered: true, me: { id: '6280000000001:7@s.whatsapp.net' } });
  // the channel writes on the same connection before this read is sent
  const raw = await wa.redis.get(wa.keys.waCreds());
  const stored = JSON.parse(raw ?? 'null', BufferJSON.reviver) as { registered?: boolean; noiseKey?: { private: Buffer } } | null;
  expect(stored?.registered).toBe(true);
  expect(Buffer.isBuffer(stored?.noiseKey?.private)).toBe(true);
});

test('loggedOut wipes the stored session and pairs again with fresh creds', async () => {
  const qrs: string[] = [];
  wa = await createWaDriver({ handler, channel: { printQr: (q) => qrs.push(q) } });
  const first = wa.socket();
  first.updateCreds({ registered: true });
  expect(await wa.redis.get(wa.keys.waCreds())).toContain('"registered":true');
  const oldNoise = noiseKeyOf(wa, 0);

  const next = wa.factory.nextSocket();
  first.close(DisconnectReason.loggedOut);
  const fresh = await next;
  expect(wa.channel.status()).toBe('logged-out');
  expect(await wa.redis.exists(wa.keys.waCreds())).toBe(0);
  expect(fresh.opts.auth.creds.registered).toBe(false);
  expect(noiseKeyOf(wa, 1)).not.toBe(oldNoise);

  fresh.showQr('qr-after-logout');
  expect(qrs).toEqual(['qr-after-logout']);
  fresh.open();
  expect(wa.channel.status()).toBe('open');
});

test('with a pairing phone the code is requested once per socket instead of showing a QR', async () => {
  const qrs: string[] = [];
  wa = await createWaDriver({ handler, channel: { pairingPhone: '0812-3456-7890', printQr: (q) => qrs.push(q) } });
  const s = wa.socket();
  s.showQr('qr-1');
  s.showQr('qr-2');
  expect(s.pairingRequests).toEqual(['6281234567890']);
  expect(qrs).toEqual([]);
});

test('no QR and no pairing code once the number is registered', async () => {
  const qrs: string[] = [];
  wa = await createWaDriver({ handler, channel: { pairingPhone: '+6281234567890', printQr: (q) => qrs.push(q) } });
  const s = wa.socket();
  s.updateCreds({ registered: true });
  s.showQr('late-qr');
  expect(s.pairingRequests).toEqual([]);
  expect(qrs).toEqual([]);
});

test('stop() closes the socket for good', async () => {
  wa = await createWaDriver({ handler });
  const s = wa.socket();
  await wa.channel.stop();
  expect(s.ended).toBe(true);
  expect(wa.channel.status()).toBe('closed');
  expect(wa.factory.sockets).toHaveLength(1);
  await expect(wa.channel.start()).rejects.toThrow(/cannot start again/);
});

test('logged out stays logged out through a dropped reconnect until the number is paired again', async () => {
  wa = await createWaDriver({ handler, channel: { printQr: () => {} } });
  let next = wa.factory.nextSocket();
  wa.socket().close(DisconnectReason.loggedOut);
  const fresh = await next;
  expect(wa.channel.status()).toBe('logged-out');
  // the unpaired socket drops before anyone scanned: still logged out, not merely "connecting"
  next = wa.factory.nextSocket();
  fresh.close(DisconnectReason.connectionLost);
  const again = await next;
  expect(wa.channel.status()).toBe('logged-out');
  again.open();
  expect(wa.channel.status()).toBe('open');
});

test('a socket that cannot be made is tried again after a longer wait', async () => {
  const { sleeps, clock } = recordingClock();
  wa = await createWaDriver({ handler, channel: { clock, reconnect: { baseMs: 1000, maxMs: 60_000 } } });
  wa.factory.failNext();
  const next = wa.factory.nextSocket();
  wa.socket().close(DisconnectReason.connectionLost);
  await next;
  // 0.75 of 1 s after the close, then 0.75 of 2 s after the failed attempt
  expect(sleeps).toEqual([750, 1500]);
  expect(wa.factory.sockets).toHaveLength(2);
  expect(wa.channel.status()).toBe('connecting');
  wa.socket().open();
  expect(wa.channel.status()).toBe('open');
});

test('stop() while waiting to reconnect: no new socket is made, even once the wait is over', async () => {
  let release = () => {};
  const clock = { now: () => 0, random: () => 0.5, sleep: () => new Promise<void>((r) => (release = r)) };
  wa = await createWaDriver({ handler, channel: { clock } });
  const first = wa.socket();
  first.close(DisconnectReason.connectionLost);
  expect(wa.channel.status()).toBe('connecting');
  await wa.channel.stop();
  release(); // the backoff wait would end now: nothing may connect after stop
  await new Promise((r) => setImmediate(r));
  expect(wa.factory.sockets).toHaveLength(1);
  expect(wa.channel.status()).toBe('closed');
});

test('stop() lets the message in hand finish: its reply goes out on the open socket, a new message is not taken', async () => {
  let started = () => {};
  const handling = new Promise<void>((r) => (started = r));
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const slow: MessageHandler = {
    handle: async () => {
      started();
      await gate;
      return { messages: [{ text: 'selesai' }] };
    },
  };
  wa = await createWaDriver({ handler: slow });
  const s = wa.socket();
  wa.say('+6281234567890', 'halo');
  await handling;
  const stopping = wa.channel.stop();
  expect(wa.channel.status()).toBe('closed');
  wa.say('+6281234567891', 'halo juga');
  release();
  await stopping;
  expect(wa.sentTo('+6281234567890').map((m) => m.content)).toEqual([{ text: 'selesai' }]);
  expect(wa.sentTo('+6281234567891')).toEqual([]);
  expect(s.ended).toBe(true);
});
