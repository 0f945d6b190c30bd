import iconv from 'iconv-lite';
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
    out[k] =
      type === 'hash'
        ? await t.redis.hgetall(k)
        : type === 'set'
          ? (await t.redis.smembers(k)).sort()
          : type === 'zset'
            ? await t.redis.zrange(k, 0, -1)
            : type === 'list'
              ? await t.redis.lrange(k, 0, -1)
              : await t.redis.get(k);
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
  expect(admin.text).toContain('❌ Impor daftar ASN ditolak: 24 masalah, tidak ada data yang disimpan.');
  expect(admin.text).toContain('baris 3, kolom nip: harus 18 digit, tertulis 5 digit');
  expect(admin.text).toContain('baris 22, kolom nip:');
  expect(admin.text).not.toContain('baris 23, kolom nip:');
  expect(admin.text).not.toContain('line ');
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
  expect(admin.text).toContain('✅ Impor UMKM berhasil: 1 baru, 0 diperbarui, 0 tetap.');
  // no payment columns: listed, cannot sell yet, and the admin is told which (issue 12)
  expect(admin.text).toContain('⚠️ 1 UMKM belum punya data pembayaran (tampil di katalog, tetapi belum bisa dipesan): UMKM-900.');
  expect((await t.app.store.catalogue.umkm('UMKM-900'))?.name).toBe('Kue Lapis Bu Ani');
  await admin.sendDocument(file, { fileName: 'umkm.csv', caption: 'umkm' }); // straight after a result
  expect(admin.text).toContain('0 baru, 0 diperbarui, 1 tetap.');
});

test('without a caption the admin picks the kind after sending', async () => {
  await admin.command('impor');
  await admin.sendDocument(csv(`${ROSTER_HEADER}198701012015031001,Dewi Lestari,0812-7777-0001,Kecamatan Cilodong,asn\n`), { fileName: 'data.csv' });
  expect(admin.text).toContain('Berkas ini berisi data apa?');
  await admin.press('👥 Roster ASN/admin');
  expect(admin.text).toContain('✅ Impor daftar ASN berhasil: 1 baru');
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
    await admin.sendDocument(csv(`${ROSTER_HEADER}198701012015031002,Sri Wahyuni,0812-7777-0002,Kecamatan Cilodong,asn\n`), {
      fileName: 'roster.csv',
      caption: 'roster',
    });
    expect(admin.text).toContain('Impor lain sedang berjalan');
    expect(await t.app.store.roster.byPhone('+6281277770002')).toBeNull();
  } finally {
    await t.redis.del(t.app.keys.importLock());
  }
});

test('every kind of bad row is explained in Indonesian, line and column first; an unknown reason stays in English', async () => {
  await admin.command('impor');
  await admin.sendDocument(
    csv(
      `${ROSTER_HEADER}123,Orang Satu,12,Dinas Sosial,boss\n198503152010011002,Orang Dua,0812-3456-7890,Dinas Sosial,asn\n198503152010011003,Orang Tiga,0812-3456-7890,Dinas Sosial,asn\n198503152010011004,,0812-3456-7891,Dinas Sosial,asn\n`,
    ),
    { fileName: 'roster.csv', caption: 'roster' },
  );
  expect(admin.text).toContain('❌ Impor daftar ASN ditolak: 5 masalah');
  expect(admin.text).toContain('baris 2, kolom nip: harus 18 digit, tertulis 3 digit');
  expect(admin.text).toContain('baris 2, kolom phone: bukan nomor telepon yang benar');
  expect(admin.text).toContain('baris 2, kolom role: harus asn, admin atau koordinator');
  expect(admin.text).toContain('baris 4, kolom phone: sama dengan baris 3');
  expect(admin.text).toContain('baris 5, kolom name: wajib diisi');

  await admin.sendDocument(csv('id,name,owner_name,owner_phone,category,kecamatan\n'), { fileName: 'umkm.csv', caption: 'umkm' });
  expect(admin.text).toContain('❌ Impor UMKM ditolak: 2 masalah');
  expect(admin.text).toContain('baris 1, judul kolom: kolom kelurahan tidak ada');
  expect(admin.text).toContain('baris 1, judul kolom: kolom address tidak ada');

  await admin.sendDocument(
    csv(
      'id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address\nUMKM-901,Toko,Ani,0812-9999-0002,makanan,Depok,Beji,Jl. Beji No. 1\nUMKM-902,Toko,Ani,0812-9999-0003,kuliner,Beji,Pancoran Mas,Jl. Beji No. 2\n',
    ),
    { fileName: 'umkm.csv', caption: 'umkm' },
  );
  expect(admin.text).toContain('baris 2, kolom category: harus kuliner, fashion, atau kriya');
  expect(admin.text).toContain('baris 2, kolom kecamatan: Depok bukan kecamatan di Kota Depok');
  expect(admin.text).toContain('baris 3, kolom kelurahan: Pancoran Mas bukan kelurahan di Kecamatan Beji');
  await admin.sendDocument(csv('id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address\nUMKM-903,Toko,Ani\n'), {
    fileName: 'umkm.csv',
    caption: 'umkm',
  });
  expect(admin.text).toContain('baris 2: berisi 3 kolom, seharusnya 8');

  await admin.sendDocument(
    csv(
      'sku,umkm_id,name,price,unit,description,photo,available\nP-1,UMKM-001,Kue,15rb,box,,ftp://x,mungkin\nP-2,UMKM-001,Kue,0,box,,,ya\nP-3,UMKM-999,Kue,Rp 12.000,box,,,ya\n',
    ),
    { fileName: 'products.csv', caption: 'products' },
  );
  expect(admin.text).toContain('❌ Impor produk ditolak: 5 masalah');
  expect(admin.text).toContain('baris 2, kolom price: 15rb bukan harga Rupiah bulat; tulis angka saja atau dengan titik, mis. 25.000');
  expect(admin.text).toContain('baris 2, kolom photo: harus kosong, URL https, atau path gambar .jpg/.png/.webp');
  expect(admin.text).toContain('baris 2, kolom available: mungkin harus ya atau tidak');
  expect(admin.text).toContain('baris 3, kolom price: 0 harus antara 1 dan 100.000.000');
  expect(admin.text).toContain('baris 4, kolom umkm_id: UMKM UMKM-999 belum ada (impor data UMKM terlebih dahulu)');

  await admin.sendDocument(csv(`${ROSTER_HEADER}"198503152010011002,Budi\n`), { fileName: 'roster.csv', caption: 'roster' });
  expect(admin.text).toMatch(/baris \d+, format CSV: Quote Not Closed/); // csv-parse's own words
});

test('an English-speaking admin reads the same lines as the CLI prints', async () => {
  const en = createDriver(t.app);
  await en.register(DEMO.admin.phone);
  await en.command('bahasa');
  await en.press('lang:en');
  await en.command('impor');
  await en.sendDocument(csv(`${ROSTER_HEADER}123,Orang,0812-0000-1000,Dinas Sosial,asn\n`), { fileName: 'roster.csv', caption: 'roster' });
  expect(en.text).toContain('❌ Import of ASN roster refused: 1 problem, nothing was saved.');
  expect(en.text).toContain('line 2: nip: must be 18 digits, got 3');
});

test('a captioned CSV sent from the main menu is imported as on /impor; without a caption the menu answers as before', async () => {
  await admin.command('menu');
  await admin.sendDocument(csv(`${ROSTER_HEADER}198701012015031003,Tuti Alawiyah,0812-7777-0003,Kecamatan Sawangan,asn\n`), {
    fileName: 'roster.csv',
    caption: 'roster',
  });
  expect(admin.text).toContain('✅ Impor daftar ASN berhasil: 1 baru, 0 diperbarui, 0 tetap.');
  expect(admin.text).toContain('Kirim berkas CSV lain bila perlu.');
  expect((await t.app.store.roster.byPhone('+6281277770003'))?.opd).toBe('Kecamatan Sawangan');

  await admin.command('menu');
  await admin.sendDocument(csv(`${ROSTER_HEADER}12,X,0812-7777-0004,Kecamatan Sawangan,asn\n`), { fileName: 'roster.csv', caption: 'Roster' });
  expect(admin.text).toContain('❌ Impor daftar ASN ditolak: 1 masalah');
  expect(await t.app.store.roster.byPhone('+6281277770004')).toBeNull();

  await admin.command('menu');
  await admin.sendDocument(Buffer.from([0xff, 0x00]), { fileName: 'x.csv', caption: 'umkm' });
  expect(admin.text).toContain('bukan CSV teks');

  await admin.command('menu');
  await admin.sendDocument(csv(ROSTER_HEADER), { fileName: 'data.csv' });
  expect(admin.text).not.toContain('Impor');
});

test('a captioned CSV from someone who is not an admin imports nothing', async () => {
  const asn = createDriver(t.app);
  await asn.register(DEMO.asn.phone);
  await asn.sendDocument(csv(`${ROSTER_HEADER}198701012015031005,Penyusup,0812-7777-0005,Dinas Sosial,admin\n`), { fileName: 'roster.csv', caption: 'roster' });
  expect(asn.text).not.toContain('Impor');
  expect(await t.app.store.roster.byPhone('+6281277770005')).toBeNull();
});

describe('encodings: the same rule as npm run import (issue 14)', () => {
  const ROWS = 'nip,name,phone,opd,role\n198001012005011031,José Müller Façade,0812-7777-0031,Dinas Sosial,asn\n';

  test.each([
    ['Windows-1252 (Excel "CSV")', () => iconv.encode(ROWS, 'win1252')],
    ['UTF-16LE with BOM', () => iconv.encode(ROWS, 'utf16le', { addBOM: true })],
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROWS, 'utf8')])],
  ])('%s from chat is converted and stored exactly', async (_name, bytes) => {
    await admin.command('impor');
    await admin.sendDocument(bytes(), { fileName: 'roster.csv', caption: 'roster' });
    expect(admin.text).toContain('✅ Impor daftar ASN berhasil:');
    expect((await t.app.store.roster.byPhone('+6281277770031'))?.name).toBe('José Müller Façade');
  });

  test('a file in another encoding is refused with how to save it as CSV UTF-8; nothing written', async () => {
    const before = await snapshot();
    await admin.command('impor');
    const sjis = iconv.encode(
      'nip,name,phone,opd,role\n198503122010011002,山田太郎 東京都 新宿区 西新宿 二丁目,0899-0000-0001,株式会社 日本 商店,asn\n',
      'shiftjis',
    );
    await admin.sendDocument(sjis, { fileName: 'roster.csv', caption: 'roster' });
    expect(admin.text).toContain('"CSV UTF-8 (Comma delimited) (*.csv)"');
    expect(await snapshot()).toEqual(before);
  });
});
