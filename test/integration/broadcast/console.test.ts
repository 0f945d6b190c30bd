/**
 * Console chats (the terminal's demo personas) in a broadcast: delivered at start through the
 * console sender of the process, counted like any recipient; a process with no terminal counts
 * them skipped, never sent.
 */
import type { ChannelSender, OutboundMessage } from '../../../src/channels/types.js';
import { type BroadcastHarness, createBroadcastHarness } from '../../support/broadcast-harness.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api/index.js';

let fake: FakeBotApi;
let h: BroadcastHarness;

beforeEach(async () => {
  fake = await startFakeBotApi();
  h = await createBroadcastHarness(fake, { perSecond: 25 });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

/** One Telegram ASN, and two roster people whose only chat is a terminal persona (one opted out). */
async function seed(): Promise<number> {
  const [tg] = await h.seedRecipients(1);
  await h.store.roster.upsert([
    { nip: '198502022010011001', name: 'Persona A', phone: '+6281200000901', opd: 'Dinas Uji', role: 'asn' },
    { nip: '198502022010011002', name: 'Persona B', phone: '+6281200000902', opd: 'Dinas Uji', role: 'asn' },
  ]);
  await h.store.chatUsers.save({ channel: 'console', chatId: 'persona-a', phone: '+6281200000901', optedOut: false, unreachable: false });
  await h.store.chatUsers.save({ channel: 'console', chatId: 'persona-b', phone: '+6281200000902', optedOut: true, unreachable: false });
  return tg!;
}

async function finished(id: string) {
  for (const end = Date.now() + 20_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
    const st = await h.repo.state(id);
    if (st.finishedAt) return st;
  }
  throw new Error(`broadcast ${id} did not finish`);
}

test('the terminal persona gets the flyer through the console sender and is counted sent', async () => {
  await seed();
  const got: { chatId: string; msg: OutboundMessage }[] = [];
  const konsol: ChannelSender = {
    channel: 'console',
    async send(chatId, msg) {
      got.push({ chatId, msg });
      return { ok: true };
    },
  };
  await h.start({ telegram: h.telegramSender(), console: konsol });
  const b = await h.broadcast();
  const st = await finished(b.id);
  expect(got.map((g) => g.chatId)).toEqual(['persona-a']); // the opted-out persona is left out
  expect(got[0]!.msg.text).toContain('Bazar UMKM Depok di Balai Kota');
  expect(got[0]!.msg.text).toContain('Ketik /berhenti.');
  expect(st.total).toBe(2);
  expect(st.sent).toBe(2);
  expect(st.totalTelegram).toBe(1);
  expect(st.totalWhatsapp).toBe(0);
}, 60_000);

test('a worker process with no terminal counts the persona skipped, not sent', async () => {
  await seed();
  await h.start();
  const b = await h.broadcast();
  const st = await finished(b.id);
  expect(st.sent).toBe(1);
  expect(st.skipped).toBe(1);
  expect(st.total).toBe(2);
}, 60_000);
