import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Config } from '../../../src/config.js';
import { RECAP_CSV_HEADER, buildRecap, recapCsv } from '../../../src/reports/recap.js';
import { createI18n } from '../../../src/i18n/index.js';
import { createLogger } from '../../../src/logger.js';
import { createRecapProcessor } from '../../../src/queue/recap-processor.js';
import { loadRecapLookups } from '../../../src/reports/recap.js';
import { RecapWebhookBodySchema } from '../../../src/reports/webhook-bodies.js';
import { verifyWebhookSignature } from '../../../src/queue/webhook.js';
import { RECIPIENT, makeMediaDir, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, recordingSender, settled } from '../../support/queue/harness.js';
import { PEOPLE, seedRecapDay } from '../../support/queue/recap-day.js';
import { type WebhookReceiver, startWebhookReceiver } from '../../support/queue/stub-servers.js';
import { FAKE_BOT_TOKEN, type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api/index.js';

const DAY = '2026-11-23';
const NOW = new Date('2026-11-23T13:00:00.000Z'); // 20:00 WIB
const SECRET = 'test-webhook-secret-0123456789';

let h: ReturnType<typeof createHarness>;
let bot: FakeBotApi;
let hook: WebhookReceiver;
let config: Config;
const wa = recordingSender('whatsapp');

beforeAll(async () => {
  const media = await makeMediaDir();
  bot = await startFakeBotApi({ rateLimits: false });
  bot.addChat({ id: -1001234567890, type: 'supergroup', title: 'Kantor Wali Kota Depok' });
  hook = await startWebhookReceiver();
  config = testConfig({
    BOT_TOKEN: FAKE_BOT_TOKEN,
    TELEGRAM_API_ROOT: bot.url,
    MAYOR_TELEGRAM_CHAT_ID: '-1001234567890',
    MAYOR_WHATSAPP_JID: '120363000000000000@g.us',
    REPORT_WEBHOOK_URL: hook.url,
    REPORT_WEBHOOK_SECRET: SECRET,
    MEDIA_DIR: media.dir,
    RECAP_HOUR: '20',
  });
  h = createHarness(config, { clock: () => NOW });
  await seedRecapDay(h.store);
});

afterAll(async () => {
  await h.close();
  await bot.close();
  await hook.close();
});

describe('daily recap', () => {
  it("counts purchases, ASN and Rupiah per OPD and per kecamatan from the day's orders", async () => {
    const orders = await h.store.orders.ofDay(DAY);
    expect(orders).toHaveLength(9);
    const r = buildRecap(orders, await loadRecapLookups(h.store), DAY);
    expect(r).toMatchObject({ day: DAY, purchases: 7, asnCount: 4, total: 280000, withPostLink: 2 });
    expect(r.postLinkShare).toBeCloseTo(2 / 7);
    expect(r.byOpd).toEqual([
      { opd: 'Dinas Komunikasi dan Informatika', purchases: 2, asn: 1, total: 115000 },
      { opd: 'Dinas Kesehatan', purchases: 3, asn: 2, total: 100000 },
      { opd: 'Bappeda', purchases: 2, asn: 1, total: 65000 },
    ]);
    expect(r.byKecamatan).toEqual([
      { kecamatan: 'Cimanggis', purchases: 1, asn: 1, total: 100000 },
      { kecamatan: 'Beji', purchases: 3, asn: 3, total: 75000 },
      { kecamatan: 'Sukmajaya', purchases: 1, asn: 1, total: 50000 },
      { kecamatan: 'Sawangan', purchases: 1, asn: 1, total: 40000 },
      { kecamatan: 'Tapos', purchases: 1, asn: 1, total: 15000 },
    ]);
    expect(r.topUmkm.map((u) => [u.id, u.purchases, u.total])).toEqual([
      ['U4', 1, 100000],
      ['U1', 2, 50000],
      ['U3', 1, 50000],
      ['U6', 1, 40000],
      ['U2', 1, 25000],
    ]);
    // The figures add up to the whole.
    expect(r.byOpd.reduce((s, g) => s + g.total, 0)).toBe(r.total);
    expect(r.byKecamatan.reduce((s, g) => s + g.purchases, 0)).toBe(r.purchases);

    const csv = recapCsv(orders, await loadRecapLookups(h.store));
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe(RECAP_CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 7);
    for (const secret of [RECIPIENT.phone, RECIPIENT.address, RECIPIENT.name, PEOPLE.A.phone]) expect(csv).not.toContain(secret);
    expect(csv).toContain('S*** W***');
  });

  it("sends text and CSV to the mayor's Telegram and WhatsApp and recap.daily to the webhook, once", async () => {
    await h.start({ telegram: h.telegramSender(), whatsapp: wa });
    await h.queues.enqueueRecap(DAY);
    const job = await settled(h.queues.recaps, `recap.${DAY}`);
    expect(await job.getState()).toBe('completed');

    expect(bot.sent().map((m) => m.method)).toEqual(['sendMessage', 'sendDocument']);
    const text = String(bot.sent()[0]!.text);
    expect(text).toContain('— 23/11/2026');
    expect(text).toContain('Rp 280.000');
    expect(text).toContain('Dinas Komunikasi dan Informatika');
    const doc = bot.sent()[1]!;
    expect(doc.document?.file_name).toBe(`rekap-belanja-umkm-${DAY}.csv`);
    expect(doc.document?.data.toString('utf8').split('\n')).toHaveLength(1 + 7 + 1);
    expect(doc.caption).toContain('23/11/2026');
    expect(wa.sent.map((s) => Boolean(s.msg.document))).toEqual([false, true]);
    expect(wa.sent[1]!.msg.document!.content.split('\n')[0]).toBe(RECAP_CSV_HEADER.join(','));

    expect(hook.hits).toHaveLength(1);
    const hit = hook.hits[0]!;
    expect(verifyWebhookSignature(hit.body, hit.headers as Record<string, string>, SECRET, Math.floor(NOW.getTime() / 1000)).ok).toBe(true);
    expect(hit.headers['idempotency-key']).toBe(`recap.daily:${JSON.parse(hit.body).day}`);
    const body = RecapWebhookBodySchema.parse(JSON.parse(hit.body));
    expect(body).toMatchObject({ event: 'recap.daily', day: DAY, purchases: 7, asn_count: 4, total: 280000 });
    expect(body.by_opd).toHaveLength(3);

    // A second run of the same day sends nothing new.
    await h.queues.recaps.add('recap', { day: DAY }, { jobId: `recap.${DAY}.again` });
    const again = await settled(h.queues.recaps, `recap.${DAY}.again`);
    expect(Object.values(again.returnvalue as Record<string, string>).every((v) => v === 'already-sent')).toBe(true);
    expect(bot.sent()).toHaveLength(2);
    expect(hook.hits).toHaveLength(1);
  });

  it('registers the daily recap at RECAP_HOUR WIB as a job scheduler', async () => {
    await h.queues.scheduleDailyRecap();
    await h.queues.scheduleDailyRecap(); // idempotent
    const s = await h.queues.recaps.getJobScheduler('daily-recap');
    expect(s).toMatchObject({ pattern: '0 20 * * *', tz: 'Asia/Jakarta' });
    expect(await h.queues.recaps.getJobSchedulersCount()).toBe(1);
    expect(new Date(s!.next!).getUTCHours()).toBe(13); // 20:00 WIB
  });
});

describe('daily recap in the terminal demo', () => {
  it("with no destination configured, goes to the mayor's office persona of the terminal, text and CSV", async () => {
    const consoleSender = recordingSender('console');
    const processRecap = createRecapProcessor({
      redis: h.redis,
      keys: h.keys,
      store: h.store,
      config: { ...config, MAYOR_TELEGRAM_CHAT_ID: undefined, MAYOR_WHATSAPP_JID: undefined, REPORT_WEBHOOK_URL: undefined, REPORT_WEBHOOK_SECRET: undefined },
      logger: createLogger('silent'),
      i18n: createI18n(),
      clock: () => NOW,
      senders: { console: consoleSender },
    });
    // another day than the suite's, so its delivery record is this test's own
    await processRecap({ id: 'console-recap', data: { day: '2026-11-24' }, opts: {} });
    expect(consoleSender.sent.map((s) => s.chatId)).toEqual(['mayor', 'mayor']);
    expect(consoleSender.sent[0]!.msg.text).toContain('24/11/2026');
    expect(consoleSender.sent[1]!.msg.document?.fileName).toBe('rekap-belanja-umkm-2026-11-24.csv');
    // without the terminal (and no destination) nothing is attempted
    const none = createRecapProcessor({
      redis: h.redis,
      keys: h.keys,
      store: h.store,
      config: { ...config, MAYOR_TELEGRAM_CHAT_ID: undefined, MAYOR_WHATSAPP_JID: undefined, REPORT_WEBHOOK_URL: undefined, REPORT_WEBHOOK_SECRET: undefined },
      logger: createLogger('silent'),
      i18n: createI18n(),
      clock: () => NOW,
      senders: {},
    });
    expect(await none({ id: 'no-destination', data: { day: '2026-11-25' }, opts: {} })).toEqual({});
  });
});
