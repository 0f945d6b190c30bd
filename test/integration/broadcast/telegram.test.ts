/**
 * Broadcasts end to end: real Redis, real BullMQ workers, the real Telegram sender (grammY Api)
 * against the fake Bot API server, which records every call with its time.
 */
import { resolveAudience } from '../../../src/broadcast/audience.js';
import { ADMIN_CHAT, type BroadcastHarness, createBroadcastHarness, maxInWindow } from '../../support/broadcast-harness.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api/index.js';

const TIMEOUT = 120_000;

const LIMIT = 200;
let fake: FakeBotApi;
let h: BroadcastHarness;

beforeEach(async () => {
  // The fake refuses more than LIMIT a second overall (429 with retry_after), like Telegram does at 30.
  fake = await startFakeBotApi({ rateLimits: { global: { perSecond: LIMIT, burst: LIMIT } } });
  h = await createBroadcastHarness(fake, { perSecond: LIMIT, workerOptions: { lockDuration: 3000, stalledInterval: 1000 } });
});
afterEach(async () => {
  await h.close();
  await fake.close();
});

/** Flyers (sendPhoto) that reached recipient chats, successful ones only. */
const flyers = (ids: Set<number>) => fake.sent().filter((m) => m.method === 'sendPhoto' && ids.has(m.chat_id));

const summary = (word: string) => fake.waitFor(() => fake.sent(ADMIN_CHAT).find((m) => m.text?.includes(word)), 90_000);

test(
  '2,000 recipients: one flyer each, under the limit in every second, 429s honoured, blocked users unreachable',
  async () => {
    const ids = await h.seedRecipients(2000);
    const blocked = ids.filter((_, i) => i % 200 === 7); // 10 users blocked the bot
    for (const id of blocked) fake.blockUser(id);
    await h.start();
    const b = await h.broadcast();

    // Part-way, Telegram answers 429 to the next three flyers.
    await fake.waitFor(() => flyers(new Set(ids)).length >= 300, 60_000);
    fake.failNext('sendPhoto', 3, { status: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    const done = await summary('✅ Siaran');

    const idSet = new Set(ids);
    const sent = flyers(idSet);
    const perChat = new Map<number, number>();
    for (const m of sent) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
    for (const id of ids) expect(perChat.get(id) ?? 0).toBe(blocked.includes(id) ? 0 : 1);

    // Every flyer carries the text and the way to stop flyers.
    expect(sent[0]!.caption).toBe('Bazar UMKM Depok di Balai Kota, Sabtu pukul 08.00 WIB.\n\nℹ️ Tidak ingin menerima info seperti ini lagi? Ketik /berhenti.');
    // The photo went up once; every other flyer reused its file_id.
    expect(sent.filter((m) => m.photo?.source === 'upload')).toHaveLength(1);

    // No 429 ignored: each refused flyer reached its chat later.
    const refused = fake.calls('sendPhoto').filter((c) => c.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(3);
    for (const c of refused) {
      const chat = Number(c.params.chat_id);
      // A 429 that hit a chat which blocked the bot is followed by its 403, not by a flyer.
      if (blocked.includes(chat)) continue;
      expect(sent.some((m) => m.chat_id === chat && m.at >= c.at)).toBe(true);
    }

    // The achieved rate, from the fake's recorded send times: never more than LIMIT in any second.
    expect(
      maxInWindow(
        sent.map((m) => m.at),
        1000,
      ),
    ).toBeLessThanOrEqual(LIMIT);

    // Blocked users are unreachable: counted in the summary, marked, left out next time.
    expect(done.text).toContain('Terkirim: 1.990');
    expect(done.text).toContain('Tidak terjangkau (memblokir bot): 10');
    for (const id of blocked) expect((await h.store.chatUsers.get('telegram', String(id)))?.unreachable).toBe(true);
    const next = await resolveAudience(h.store, { kind: 'asn-all' });
    expect(next.recipients).toHaveLength(1990);
    expect(next.unreachable).toBe(10);

    // The admin saw one progress message, edited as the numbers moved.
    const edits = fake.edits(ADMIN_CHAT);
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.some((e) => e.text?.includes('Sisa:'))).toBe(true);
    expect((await h.repo.state(b.id)).status).toBe('done');
    // Its final state says the broadcast is done, not "being sent… 0 left"; no edit came after the summary.
    const progress = fake.message(ADMIN_CHAT, edits[0]!.message_id)!;
    expect(progress.text).toBe(`✅ Siaran ${b.id} selesai: terkirim 1.990 dari 2.000. Ringkasannya ada di pesan berikut.`);
    expect(Math.max(...edits.map((e) => e.at))).toBeLessThanOrEqual(done.at);
  },
  TIMEOUT,
);

test(
  'stop mid-way: the remaining recipients get nothing and the summary says so',
  async () => {
    const ids = await h.seedRecipients(600);
    await h.start();
    const b = await h.broadcast();
    await fake.waitFor(() => flyers(new Set(ids)).length >= 60, 60_000);
    // What the stop button does (the button itself is covered by the admin flow tests).
    await h.repo.requestCancel(b.id, new Date());
    await h.admin.cancelBroadcast(b.id);
    const done = await summary('⏹️ Siaran');

    const sent = flyers(new Set(ids));
    const st = await h.repo.state(b.id);
    expect(st.status).toBe('cancelled');
    expect(sent.length).toBeLessThan(600);
    expect(new Set(sent.map((m) => m.chat_id)).size).toBe(sent.length);
    expect(st.sent).toBe(sent.length);
    expect(st.sent + st.cancelled).toBe(600);
    expect(done.text).toContain(`Tidak dikirim karena dihentikan: ${st.cancelled}`);
    const edits = fake.edits(ADMIN_CHAT);
    expect(fake.message(ADMIN_CHAT, edits[0]!.message_id)!.text).toContain(`⏹️ Siaran ${b.id} dihentikan: terkirim`);
    // Nothing goes out after the summary.
    await h.stop();
    expect(flyers(new Set(ids))).toHaveLength(sent.length);
  },
  TIMEOUT,
);

test(
  'a worker stopped abruptly mid-way and started again resumes without sending anyone a second flyer',
  async () => {
    const ids = await h.seedRecipients(800);
    await h.start();
    await h.broadcast();
    await fake.waitFor(() => flyers(new Set(ids)).length >= 150, 60_000);
    await h.stop(true); // does not wait for the jobs in hand: their locks lapse, they stall
    const before = flyers(new Set(ids)).length;
    expect(before).toBeLessThan(800);
    await h.start(); // "the restarted process"
    await summary('✅ Siaran');

    const sent = flyers(new Set(ids));
    const perChat = new Map<number, number>();
    for (const m of sent) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
    for (const id of ids) expect(perChat.get(id)).toBe(1);
  },
  TIMEOUT,
);
