/**
 * A coordinator's nudge end to end: an `asn-nips` audience through the real broadcast workers and
 * the real Telegram sender against the fake Bot API; the opt-out holds; progress goes to the
 * coordinator's chat.
 */
import { ADMIN_CHAT, type BroadcastHarness, createBroadcastHarness } from '../../support/broadcast-harness.js';
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

test('the nudge reaches the named ASN only, not one who said /berhenti, with the opt-out line', async () => {
  const ids = await h.seedRecipients(6, 'Dinas Kesehatan');
  const people = await h.store.roster.all();
  const nipOf = (i: number) => people.find((p) => p.name === `ASN ${i}`)!.nip;
  // ASN 2 opted out of flyers: the nudge skips them.
  await h.store.chatUsers.patch('telegram', String(ids[2]), { optedOut: true });
  await h.start();
  await h.broadcast({
    text: 'Yuk ikut belanja produk UMKM Depok bulan ini!',
    audience: { kind: 'asn-nips', unit: 'Dinas Kesehatan', nips: [nipOf(1), nipOf(2), nipOf(4)] },
  });
  await fake.waitFor(() => fake.sent(ADMIN_CHAT).find((m) => m.text?.includes('✅ Siaran')), 60_000);
  const got = fake
    .sent()
    .filter((m) => m.method === 'sendPhoto' && ids.includes(m.chat_id))
    .map((m) => m.chat_id);
  expect(got.sort()).toEqual([ids[1], ids[4]]);
  const one = fake.sent(ids[1]).find((m) => m.method === 'sendPhoto')!;
  expect(one.caption).toContain('Yuk ikut belanja produk UMKM Depok bulan ini!');
  expect(one.caption).toContain('Ketik /berhenti');
}, 90_000);
