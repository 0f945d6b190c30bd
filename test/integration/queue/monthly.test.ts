import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Config } from '../../../src/config.js';
import type { Person } from '../../../src/domain/schemas.js';
import { MONTHLY_CSV_HEADER } from '../../../src/reports/monthly.js';
import { reportedMonth } from '../../../src/queue/monthly-processor.js';
import { MonthlyWebhookBodySchema } from '../../../src/reports/webhook-bodies.js';
import { verifyWebhookSignature } from '../../../src/queue/webhook.js';
import { createOrdersRepo } from '../../../src/store/orders-repo.js';
import { makeMediaDir, RECIPIENT, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, recordingSender, settled } from '../../support/queue/harness.js';
import { UMKMS } from '../../support/queue/recap-day.js';
import { FAKE_BOT_TOKEN, type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api/index.js';
import { type WebhookReceiver, startWebhookReceiver } from '../../support/queue/stub-servers.js';

// 08:00 WIB on Tuesday 1 December 2026: the scheduler fires for November.
const NOW = new Date('2026-12-01T01:00:00.000Z');
const SECRET = 'test-webhook-secret-0123456789';

const person = (nip: string, name: string, opd: string, phone: string): Person => ({ nip, name, opd, phone, role: 'asn' });
const P = {
  A: person('198001012005011001', 'Andi Wijaya', 'Dinas Kesehatan', '+6281100000001'),
  B: person('198102022006012002', 'Bunga Lestari', 'Dinas Kesehatan', '+6281100000002'),
  C: person('198203032007011003', 'Cahyo Nugroho', 'Bappeda', '+6281100000003'),
  D: person('198304042008012004', 'Dewi Anggraini', 'Kecamatan Beji', '+6281100000004'),
  E: person('198405052009011005', 'Eko Saputra', 'Kelurahan Kukusan', '+6281100000005'),
};

let h: ReturnType<typeof createHarness>;
let bot: FakeBotApi;
let hook: WebhookReceiver;
let config: Config;
const wa = recordingSender('whatsapp');

async function paid(p: Person, umkmId: string, total: number, at: string) {
  const repo = createOrdersRepo(h.store.redis, h.store.keys, () => new Date(at));
  const o = await repo.createOnce(`m-${Math.random()}`, { asnNip: p.nip, umkmId, items: [{ sku: `SKU-${umkmId}`, name: 'Produk', price: total, qty: 1 }] });
  const r = await repo.update(o.id, { status: 'paid', recipient: RECIPIENT });
  if (!r.ok) throw new Error(r.reason);
}

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
    RECAP_HOUR: '8',
  });
  h = createHarness(config, { clock: () => NOW });
  await h.store.roster.upsert(Object.values(P));
  await h.store.catalogue.upsertUmkms([{ ...UMKMS.U1, kelurahan: 'Kukusan', binaan: { type: 'koperasi', name: 'Kopwan Beji' } }, UMKMS.U3]);
  // November: Dinas Kesehatan 1 of 2 (Rp 30.000), Bappeda 1 of 1 (Rp 10.000), Kec. Beji: Dewi and Eko (Kelurahan Kukusan) both.
  await paid(P.A, 'U1', 30_000, '2026-11-05T03:00:00Z');
  await paid(P.C, 'U3', 10_000, '2026-11-30T16:30:00Z'); // 23:30 WIB on 30 November
  await paid(P.D, 'U1', 20_000, '2026-11-10T03:00:00Z');
  await paid(P.E, 'U3', 5_000, '2026-11-11T03:00:00Z');
  // October: Dinas Kesehatan 2 of 2 (Rp 80.000)
  await paid(P.A, 'U1', 50_000, '2026-10-05T03:00:00Z');
  await paid(P.B, 'U3', 30_000, '2026-10-06T03:00:00Z');
  // 1 December 00:30 WIB (30 November UTC): December's, not November's.
  await paid(P.B, 'U1', 99_000, '2026-11-30T17:30:00Z');
});

afterAll(async () => {
  await h.close();
  await bot.close();
  await hook.close();
});

describe('monthly report to the mayor', () => {
  it('on the 1st: last month ranked by OPD and kecamatan with the change, as text, chart and CSV on every destination, once', async () => {
    expect(reportedMonth(NOW)).toBe('2026-11');
    await h.start({ telegram: h.telegramSender(), whatsapp: wa });
    // As the scheduler would: no month in the data, fired on 1 December.
    await h.queues.recaps.add('monthly-recap', {}, { jobId: 'monthly-now' });
    const job = await settled(h.queues.recaps, 'monthly-now');
    expect(await job.getState()).toBe('completed');

    expect(bot.sent().map((m) => m.method)).toEqual(['sendMessage', 'sendPhoto', 'sendDocument']);
    const text = String(bot.sent()[0]!.text);
    expect(text).toContain('Laporan Bulanan Partisipasi ASN Belanja Produk UMKM — November 2026');
    expect(text).toContain('Seluruh ASN: 4 dari 5 sudah membeli (80%, +40 poin dari Oktober 2026) · 4 pembelian · Rp 65.000 (-Rp 15.000)');
    // Equal shares rank by Rupiah.
    expect(text).toContain('1. Kecamatan Beji: 1/1 ASN (100%, +100 poin) · 1 pembelian · Rp 20.000 (+Rp 20.000)');
    expect(text).toContain('2. Bappeda: 1/1 ASN (100%, +100 poin) · 1 pembelian · Rp 10.000 (+Rp 10.000)');
    expect(text).toContain('4. Dinas Kesehatan: 1/2 ASN (50%, -50 poin) · 1 pembelian · Rp 30.000 (-Rp 50.000)');
    expect(text).toContain('1. Beji: 2/2 ASN (100%, +100 poin) · 2 pembelian · Rp 25.000 (+Rp 25.000)');
    expect(text).toContain('• Anggota koperasi: 2 pembelian, Rp 50.000');
    expect(text).toContain('• Kukusan (Beji): 1 UMKM · 1 menjual · Rp 50.000');
    expect(text).not.toContain('99.000');
    expect(bot.sent()[1]!.caption).toContain('November 2026');
    const doc = bot.sent()[2]!;
    expect(doc.document?.file_name).toBe('rekap-bulanan-belanja-umkm-2026-11.csv');
    const csv = doc.document!.data.toString('utf8').trim().split('\n');
    expect(csv[0]).toBe(MONTHLY_CSV_HEADER.join(','));
    expect(csv).toContain('opd,4,Dinas Kesehatan,,2,1,50,1,30000,100,2,80000,-50,-50000,,');
    expect(csv).toContain('kelurahan,,Kukusan,Beji,,,,,50000,,,,,,1,1');
    expect(csv.join('\n')).not.toContain('Andi');
    expect(wa.sent.map((s) => [Boolean(s.msg.photo), Boolean(s.msg.document)])).toEqual([
      [false, false],
      [true, false],
      [false, true],
    ]);

    expect(hook.hits).toHaveLength(1);
    const hit = hook.hits[0]!;
    expect(verifyWebhookSignature(hit.body, hit.headers as Record<string, string>, SECRET, Math.floor(NOW.getTime() / 1000)).ok).toBe(true);
    expect(hit.headers['idempotency-key']).toBe('recap.monthly:2026-11');
    const body = MonthlyWebhookBodySchema.parse(JSON.parse(hit.body));
    expect(body).toMatchObject({ event: 'recap.monthly', month: '2026-11', all: { asn: 5, buyers: 4, purchases: 4, total: 65_000 } });
    expect(body.by_opd.map((r) => [r.rank, r.name, r.change_share_points])).toEqual([
      [1, 'Kecamatan Beji', 100],
      [2, 'Bappeda', 100],
      [3, 'Kelurahan Kukusan', 100],
      [4, 'Dinas Kesehatan', -50],
    ]);
    expect(body.by_kecamatan[0]).toMatchObject({ rank: 1, name: 'Beji', asn: 2, buyers: 2 });
    expect(body.by_kecamatan).toHaveLength(11);

    // Run again for the same month: nothing is sent twice.
    await h.queues.enqueueMonthlyRecap('2026-11');
    const again = await settled(h.queues.recaps, 'recap-monthly.2026-11');
    expect(Object.values(again.returnvalue as Record<string, string>).every((v) => v === 'already-sent')).toBe(true);
    expect(bot.sent()).toHaveLength(3);
    expect(hook.hits).toHaveLength(1);
  });

  it('is a job scheduler on the 1st of each month at RECAP_HOUR WIB', async () => {
    await h.queues.scheduleMonthlyRecap();
    await h.queues.scheduleMonthlyRecap(); // idempotent
    const s = await h.queues.recaps.getJobScheduler('monthly-recap');
    expect(s).toMatchObject({ pattern: '0 8 1 * *', tz: 'Asia/Jakarta' });
    const next = new Date(s!.next!);
    // 08:00 WIB on a 1st is 01:00 UTC on that 1st.
    expect([next.getUTCDate(), next.getUTCHours()]).toEqual([1, 1]);
  });

  it('a job with a malformed month is refused for good, naming the field', async () => {
    await h.queues.recaps.add('monthly-recap', { month: '2026-13' } as never, { jobId: 'monthly-bad' });
    const job = await settled(h.queues.recaps, 'monthly-bad');
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toContain('month');
  });
});
