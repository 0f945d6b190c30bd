import sharp from 'sharp';
import type { Booking } from '../../src/channels/whatsapp/pacer.js';
import { phoneJid } from '../support/fake-wa-socket.js';
import { startWhatsAppApp } from '../support/wa-driver.js';
import { playPurchase, waPurchaseSteps } from '../support/wa-purchase.js';

const BUDI = '+6289900000002'; // demo ASN Budi Prasetyo
const SARI = '+6289900000001'; // demo ASN

/**
 * Pacing through the WhatsApp adapter with the injected socket: the pacer books every send on an
 * injected clock, and the test reads the booked send times (nothing sleeps). The person types one
 * input every 2 s of that clock.
 */
/**
 * Each answer's first message is booked the moment the input came, each next one the human pause
 * (0.3-0.9 s) after the one before it; no answer ends later than 1.5 s after its input.
 */
function expectHumanPace(replies: Booking[]): void {
  const turns = new Map<number, number[]>();
  for (const b of replies) turns.set(b.queuedAt, [...(turns.get(b.queuedAt) ?? []), b.at - b.queuedAt]);
  expect(turns.size).toBeGreaterThan(5);
  for (const delays of turns.values()) {
    expect(delays[0]).toBe(0);
    for (let i = 1; i < delays.length; i++) expect(delays[i]! - delays[i - 1]!).toBeLessThanOrEqual(900);
    expect(delays[delays.length - 1]).toBeLessThanOrEqual(1500);
  }
}

describe('WhatsApp pacing: a person is answered at once, the bot-started sends take the caps', () => {
  const receipt = () =>
    sharp({ create: { width: 200, height: 150, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();

  test('a purchase at human pace: no reply held by a cap, even with the caps set tight', async () => {
    // Tight caps: the old per-chat cap held the 21st message of a minute; here even 2 a minute would not touch a reply.
    const env = await startWhatsAppApp('wa-pacing', { perMinute: 2, perChatPerMinute: 1, perDay: 3 });
    try {
      const figures = await playPurchase(env.wa, BUDI, waPurchaseSteps(await receipt()));
      const replies = env.wa.bookings.filter((b) => b.lane === BUDI.slice(1) && b.priority === 'reply');
      expect(replies.length).toBe(figures.messages);
      expectHumanPace(replies);
      expect(figures.messages).toBeLessThan(2 * figures.inputs);
    } finally {
      await env.close();
    }
  });

  test('a broadcast running while a person chats: the caps pace the broadcast, the person waits for none of it', async () => {
    const env = await startWhatsAppApp('wa-pacing-bc');
    try {
      const { wa } = env;
      // 60 flyers and notifications queued by the workers (bulk), to other chats and to the person too.
      const audience = Array.from({ length: 60 }, (_, i) => `+62811000${String(i).padStart(4, '0')}`);
      const bulk = [...audience, BUDI].map((p) => wa.channel.sender.send(p, { text: 'Promo UMKM minggu ini' }));
      const results = await Promise.all(bulk);
      expect(results.every((r) => r.ok)).toBe(true);
      const figures = await playPurchase(wa, SARI, waPurchaseSteps(await receipt(), 2).slice(0, 8));
      const bulkAt = wa.bookings.filter((b) => b.priority === 'bulk').map((b) => b.at);
      const start = Math.min(...bulkAt);
      // The default caps spread the 61 bulk sends over two minutes (at most 30 a minute) ...
      expect(Math.max(...bulkAt) - start).toBeGreaterThanOrEqual(2 * 60_000);
      for (const t of bulkAt) expect(bulkAt.filter((o) => o > t - 60_000 && o <= t).length).toBeLessThanOrEqual(30);
      // ... while every answer to the person was booked within the human pause of the input.
      const replies = wa.bookings.filter((b) => b.lane === SARI.slice(1) && b.priority === 'reply');
      expect(replies.length).toBe(figures.messages);
      expectHumanPace(replies);
      expect(wa.sentTo(SARI).length).toBe(figures.messages);
      expect(wa.socket().sent.filter((m) => m.jid === phoneJid(BUDI))).toHaveLength(1);
    } finally {
      await env.close();
    }
  });
});
