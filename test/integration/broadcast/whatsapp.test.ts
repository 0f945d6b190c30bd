/**
 * WhatsApp broadcasts: their own queue and worker, a pause with jitter after each message, a daily
 * cap (over it the queue waits for the next WIB day), progress as new messages (WhatsApp cannot
 * edit). The WhatsApp sender is a recording stand-in (the Baileys adapter is tested elsewhere).
 */
import type { ChannelSender, SendResult } from '../../../src/channels/types.js';
import type { OutboundMessage } from '../../../src/i18n/message.js';
import { wibDay } from '../../../src/domain/time.js';
import { type BroadcastHarness, createBroadcastHarness } from '../../support/broadcast-harness.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api/index.js';

const ADMIN_JID = '6289900000901@s.whatsapp.net';
let fake: FakeBotApi;
let h: BroadcastHarness;

function recordingWhatsapp(answer: (chatId: string) => SendResult = () => ({ ok: true, messageId: 'wa-1' })) {
  const sent: { chatId: string; msg: OutboundMessage }[] = [];
  const sender: ChannelSender & { sent: typeof sent } = {
    channel: 'whatsapp',
    sent,
    async send(chatId, msg) {
      sent.push({ chatId, msg });
      return answer(chatId);
    },
  };
  return sender;
}

async function seedWhatsapp(n: number): Promise<string[]> {
  const jids: string[] = [];
  const people = [];
  for (let i = 0; i < n; i++) {
    const phone = `+62812${String(i).padStart(7, '0')}`;
    const jid = `${phone.slice(1)}@s.whatsapp.net`;
    people.push({ nip: `1985020220100${String(i).padStart(5, '0')}`, name: `ASN ${i}`, phone, opd: 'Dinas Uji', role: 'asn' as const });
    await h.store.chatUsers.save({ channel: 'whatsapp', chatId: jid, phone, optedOut: false, unreachable: false });
    jids.push(jid);
  }
  await h.store.roster.upsert(people);
  return jids;
}

beforeEach(async () => {
  fake = await startFakeBotApi();
  h = await createBroadcastHarness(fake, {
    perSecond: 25,
    env: { BROADCAST_WHATSAPP_DELAY_MS: '500', BROADCAST_WHATSAPP_DAILY_CAP: '3' },
    random: () => 0,
  });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

test('over the daily cap the rest waits for the next WIB day; the admin gets progress as a new message', async () => {
  const jids = await seedWhatsapp(5);
  const wa = recordingWhatsapp();
  await h.start({ whatsapp: wa });
  const b = await h.broadcast({ createdBy: { channel: 'whatsapp', chatId: ADMIN_JID } });

  const until = Date.now() + 20_000;
  while (wa.sent.filter((s) => s.chatId !== ADMIN_JID).length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const flyers = () => wa.sent.filter((s) => s.chatId !== ADMIN_JID);
  expect(flyers()).toHaveLength(3);
  expect(new Set(flyers().map((s) => s.chatId)).size).toBe(3);
  expect(flyers()[0]!.msg.text).toContain('Ketik /berhenti.');
  expect(flyers()[0]!.msg.photo).toEqual({ path: 'flyers/flyer.jpg' });

  // The cap is reached: the queue is paused until the next WIB day, the other two wait.
  expect(Number(await h.redis.get(h.keys.broadcastWhatsappDay(wibDay(new Date()))))).toBe(3);
  const untilMidnight = () => 86_400_000 - ((Date.now() + 7 * 3600_000) % 86_400_000);
  let ttl = 0;
  for (const end = Date.now() + 10_000; ttl < untilMidnight() - 60_000 && Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    ttl = await h.queues.broadcastWhatsapp.getRateLimitTtl(1);
  }
  expect(ttl).toBeGreaterThan(untilMidnight() - 60_000);
  expect(ttl).toBeLessThanOrEqual(untilMidnight() + 1000);
  const st = await h.repo.state(b.id);
  expect(st.sent).toBe(3);
  expect(st.totalWhatsapp).toBe(5);
  expect(jids.filter((j) => !flyers().some((s) => s.chatId === j))).toHaveLength(2);

  // WhatsApp cannot edit: the progress went out as a message of its own, saying how to stop it
  // by typing, and with no numbered choice (a "1" would be read against the admin's screen).
  const progress = wa.sent.filter((s) => s.chatId === ADMIN_JID);
  expect(progress.length).toBeGreaterThanOrEqual(1);
  expect(progress[0]!.msg.text).toContain(`📣 Siaran ${b.id} sedang dikirim`);
  expect(progress[0]!.msg.text).toContain(`Untuk menghentikan, ketik /hentikan ${b.id}`);
  expect(progress[0]!.msg.choices ?? []).toEqual([]);
}, 60_000);
