import { createDriver, createTestApp, DEMO, type Driver, jpeg, type TestApp } from '../../support/engine-driver.js';

const NOW = new Date('2026-11-22T03:00:00Z');
let t: TestApp;
let admin: Driver;
beforeAll(async () => {
  t = await createTestApp({ name: 'admin-import', clock: () => NOW });
  admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
});
afterAll(async () => {
  await t.close();
});

const csv = (s: string) => Buffer.from(s, 'utf8');
const ROSTER_HEADER = 'nip,name,phone,opd,role\n';

/** Every key under the app's prefix except sessions and queues, with its content: proof that nothing was written. */
async function snapshot(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const k of (await t.redis.keys(`${t.prefix}*`)).sort()) {
    if (k.includes(':session:') || k.includes(':admin:upload:') || k.startsWith(`${t.prefix}bull`)) continue;
    const type = await t.redis.type(k);
    out[k] = type === 'hash' ? await t.redis.hgetall(k) : type === 'set' ? (await t.redis.smembers(k)).sort() : type === 'zset' ? await t.redis.zrange(k, 0, -1) : await t.redis.get(k);
  }
  return out;
}

test('a bad roster CSV from chat writes nothing and lists the bad rows (20 at most, then how many more)', async () => {
  await admin.command('impor');
  expect(admin.text).toContain('roster — nip,name,phone,opd,role');
  const good = '198503152010011002,Budi Santoso,0812-3456-7890,Dinas Sosial,asn\n';
  const bad = Array.from({ length: 24 }, (_, i) => `12345,Orang ${i},0812-0000-${String(1000 + i)},Dinas Sosial,asn\n`).join('');
  const before = await snapshot();
  await admin.sendDocument(csv(ROSTER_HEADER + good + bad), { fileName: 'roster.csv', caption: 'roster', size: 2000 });
  expect(admin.text).toContain('❌ Impor roster ditolak: 24 masalah, tidak ada data yang disimpan.');
  expect(admin.text).toContain('line 3: nip:');
  expect(admin.text).toContain('line 22: nip:');
  expect(admin.text).not.toContain('line 23: nip:');
  expect(admin.text).toContain('…dan 4 masalah lainnya');
  expect(await snapshot()).toEqual(before);
  expect(await t.app.store.roster.byPhone('+6281234567890')).toBeNull();
});

test('a good UMKM CSV with its caption is imported and counted; the same file again changes nothing', async () => {
  const file = csv(
    'id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address\nUMKM-900,Kue Lapis Bu Ani,Ani Suryani,0812-9999-0001,kuliner,Beji,Kukusan,"Jl. Kukusan No. 9, RT 01/RW 02"\n',
  );
  await admin.command('impor');
  await admin.sendDocument(file, { fileName: 'umkm.csv', caption: 'UMKM' });
  expect(admin.text).toContain('✅ Impor umkm berhasil: 1 baru, 0 diperbarui, 0 tetap.');
  expect((await t.app.store.catalogue.umkm('UMKM-900'))?.name).toBe('Kue Lapis Bu Ani');
  await admin.sendDocument(file, { fileName: 'umkm.csv', caption: 'umkm' }); // straight after a result
  expect(admin.text).toContain('0 baru, 0 diperbarui, 1 tetap.');
});

test('without a caption the admin picks the kind after sending', async () => {
  await admin.command('impor');
  await admin.sendDocument(csv(`${ROSTER_HEADER}198701012015031001,Dewi Lestari,0812-7777-0001,Kecamatan Cilodong,asn\n`), { fileName: 'data.csv' });
  expect(admin.text).toContain('Berkas ini berisi data apa?');
  await admin.press('👥 Roster ASN/admin');
  expect(admin.text).toContain('✅ Impor roster berhasil: 1 baru');
  expect((await t.app.store.roster.byPhone('+6281277770001'))?.opd).toBe('Kecamatan Cilodong');
});

test('photos, binary files and files over 2 MB are refused with a reason; the step goes on', async () => {
  await admin.command('impor');
  await admin.sendPhoto(await jpeg(3));
  expect(admin.text).toContain('bukan CSV teks');
  await admin.sendDocument(Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x90]), { fileName: 'x.csv', caption: 'roster' });
  expect(admin.text).toContain('bukan CSV teks');
  await admin.sendDocument(csv(ROSTER_HEADER), { fileName: 'big.csv', caption: 'roster', size: 3 * 1024 * 1024 });
  expect(admin.text).toContain('Berkas terlalu besar (maksimal 2 MB).');
  await admin.say('roster');
  expect(admin.text).toContain('Mohon kirim berkas CSV sebagai dokumen.');
});

test('while another import runs, the admin is told to send the file again; nothing changes', async () => {
  await admin.command('impor');
  await t.redis.set(t.app.keys.importLock(), 'cli-import', 'PX', 60_000);
  try {
    await admin.sendDocument(csv(`${ROSTER_HEADER}198701012015031002,Sri Wahyuni,0812-7777-0002,Kecamatan Cilodong,asn\n`), { fileName: 'roster.csv', caption: 'roster' });
    expect(admin.text).toContain('Impor lain sedang berjalan');
    expect(await t.app.store.roster.byPhone('+6281277770002')).toBeNull();
  } finally {
    await t.redis.del(t.app.keys.importLock());
  }
});
