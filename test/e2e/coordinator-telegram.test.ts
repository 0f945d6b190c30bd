import { importCsv } from '../../src/import/runner.js';
import { buttonsOf, readable, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.js';

/** A coordinator on Telegram (grammY against the fake Bot API): their unit only, whatever they press. */
describe('a unit coordinator on Telegram', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness({ clock: () => new Date('2026-11-22T03:00:00Z') });
    const r = await importCsv(
      h.app.store,
      'roster',
      ['nip,name,phone,opd,role,scope_type,scope', '197601012000011002,Camat Beji,0899-0000-0502,Kecamatan Beji,koordinator,kecamatan,Beji'].join('\n'),
      { now: new Date('2026-11-22T03:00:00Z') },
    );
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await h.close();
  });

  test('the unit figures and chart, the names of its own ASN, and forged buttons refused', async () => {
    const camat = h.user(5101, 'Camat');
    await camat.command('start', /Bagikan nomor saya/);
    await camat.shareContact('0899-0000-0502', /Camat Beji/);
    const menu = await camat.press(/Ya, benar/, /Halo, Camat Beji/);
    expect(buttonsOf(menu).map((b) => b.text)).toContain('🏢 Unit saya');
    const chart = await camat.press(/Unit saya/, /Grafik belanja per minggu, Kecamatan Beji/);
    expect(h.fake.sent(camat.id).some((m) => readable(m).includes('Partisipasi ASN — Kecamatan Beji (4 ASN)'))).toBe(true);
    expect(chart.method).toBe('sendPhoto');

    // Forged callback data on the unit's message: toasted as stale, no other unit shown.
    for (const data of ['ko:names:Dinas Kesehatan', 'adm:stats', 'm:admin', 'bn:opd']) {
      expect(await camat.pressStale(chart.message_id, data, true)).toMatch(/tidak berlaku/);
    }
    const names = await camat.press(/Belum membeli/, /belum membeli bulan ini \(4\)/);
    expect(readable(names)).toContain('Budi Prasetyo');
    expect(readable(names)).not.toContain('Rina');
    await camat.command('statistik', /bukan untuk akun Anda/);
  });
});
