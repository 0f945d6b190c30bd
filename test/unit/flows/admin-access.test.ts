import { createBroadcastRepo } from '../../../src/store/broadcasts-repo.js';
import { createDriver, createTestApp, DEMO, type Driver, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'admin-access' });
});
afterAll(async () => {
  await t.close();
});

const NOT_YOURS = 'Maaf, perintah itu bukan untuk akun Anda.';
const STALE = 'Tombol itu sudah tidak berlaku';
const ADMIN_ONLY = ['siaran', 'siaranjadwal', 'statistik', 'rekap', 'gagal', 'impor', 'admin', 'hentikan'];

/** An admin's broadcast, sent from the admin chat: returns its id. */
async function adminBroadcast(): Promise<string> {
  const admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
  await admin.command('siaran');
  await admin.say('Info pelatihan UMKM hari Senin.');
  await admin.press('Semua ASN');
  await admin.press('✅ Kirim sekarang');
  const id = /BC-\d{8}-[a-z0-9]{6}/.exec(admin.text)?.[0];
  if (!id) throw new Error(`no broadcast id in: ${admin.text}`);
  return id;
}

async function jobCounts() {
  const q = t.app.queues;
  return [await q.broadcasts.getJobCounts(), await q.broadcastTelegram.getJobCounts(), await q.reports.getJobCounts()];
}

describe.each([
  ['an ASN', DEMO.asn.phone],
  ['a UMKM owner', DEMO.owner.phone],
])('%s', (_who, phone) => {
  let d: Driver;
  beforeAll(async () => {
    d = createDriver(t.app);
    await d.register(phone);
  });

  test('typing any admin command gets the polite refusal, never the feature', async () => {
    for (const c of ADMIN_ONLY) {
      await d.command(c, c === 'rekap' ? '2026-11-20' : c === 'hentikan' ? 'BC-20261122-a1b2c3' : '');
      expect(d.text).toContain(NOT_YOURS);
      expect(d.labels).not.toContain('Semua ASN');
    }
    await d.say('/siaran'); // typed as text, same answer
    expect(d.labels).not.toContain('Semua ASN');
  });

  test('the main menu shows no admin entry and forged admin buttons do nothing', async () => {
    await d.command('menu');
    expect(d.labels).not.toContain('🛠️ Menu admin');
    const before = await jobCounts();
    for (const id of [
      'm:admin',
      'adm:broadcast',
      'adm:failed',
      'bca:asn-all',
      'opd:0',
      'bc:send',
      'bc:schedule-yes',
      'gf:all',
      'gf:r:ORD-20261122-00001',
      'imp:roster',
    ]) {
      await d.choose(id);
      expect(d.text).toContain(STALE);
    }
    expect(await jobCounts()).toEqual(before);
  });
});

test('a non-admin pressing a forged stop button of a real broadcast is refused and the broadcast goes on', async () => {
  const id = await adminBroadcast();
  const d = createDriver(t.app);
  await d.register(DEMO.asn2.phone);
  await d.choose(`bcx:${id}`);
  expect(d.text).toContain(NOT_YOURS);
  const st = await createBroadcastRepo(t.redis, t.app.keys).state(id);
  expect(st.cancelRequestedAt).toBeUndefined();
  expect(await t.app.queues.broadcasts.getJob(`bc.${id}.cancel`)).toBeUndefined();
});

test('an admin who lost the role mid-way (roster re-imported) cannot finish a broadcast', async () => {
  const admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
  await admin.command('siaran');
  await admin.say('Pengumuman.');
  await admin.press('Semua ASN');
  expect(admin.labels).toContain('✅ Kirim sekarang');
  const person = (await t.app.store.roster.byPhone(DEMO.admin.phone))!;
  await t.app.store.roster.upsert([{ ...person, role: 'asn' }]);
  try {
    await admin.press('✅ Kirim sekarang');
    expect(admin.text).toContain(NOT_YOURS);
    const records = (await t.redis.keys(`${t.prefix}broadcast:BC-*`)).filter((k) => /BC-\d{8}-[a-z0-9]{6}$/.test(k));
    expect(records).toHaveLength(1); // only the one of the test above
  } finally {
    await t.app.store.roster.upsert([person]);
  }
});
