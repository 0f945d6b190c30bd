import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { umkmWithoutPayment } from '../../src/admin/payment-missing.js';
import { createMediaStore } from '../../src/media/media-store.js';
import { localizeImportError } from '../../src/import/error-text.js';
import { importCsv } from '../../src/import/runner.js';
import { createI18n } from '../../src/i18n/index.js';
import { createStore, type Store } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { brokenCrc, qrisPayload, qrPng } from '../support/qris.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../support/redis.js';

const NOW = new Date('2026-11-22T08:00:00Z');
let redis: Redis;
let prefix: string;
let store: Store;
let mediaDir: string;

beforeAll(() => {
  redis = openRedis();
});
beforeEach(async () => {
  prefix = uniquePrefix('import-pay');
  store = createStore(redis, { keys: createKeys(prefix), clock: () => NOW });
  mediaDir = await mkdtemp(path.join(tmpdir(), 'umkm-pay-media-'));
});
afterEach(async () => {
  await cleanPrefix(redis, prefix);
  await rm(mediaDir, { recursive: true, force: true });
});
afterAll(async () => {
  await redis.quit();
});

const HEAD = 'id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address,bank,account_number,account_name,ewallet,qris';
const row = (id: string, pay: string) =>
  `${id},Dapur ${id},Sari,0899-0000-1${id.slice(1).padStart(3, '0')},kuliner,Beji,Kukusan,"Jl. Kukusan Raya No. 3, RT 01/RW 02",${pay}`;

describe('the umkm CSV with payment columns', () => {
  test('an account, an e-wallet and a QRIS image are imported: bank name normalised, QRIS read for its merchant, stored cleaned', async () => {
    await mkdir(path.join(mediaDir, 'upload'));
    await writeFile(path.join(mediaDir, 'upload', 'qris-u2.png'), await qrPng(qrisPayload('BATIK CINERE')));
    const csv = [
      HEAD,
      row('U1', 'bank central asia,123 456 7890,Sari Rahmawati,gopay 0812-3456-7890,'),
      row('U2', ',,,,upload/qris-u2.png'),
      row('U3', ',,,,'),
    ].join('\n');
    expect(await importCsv(store, 'umkm', csv, { media: { store: createMediaStore(mediaDir) } })).toEqual({ ok: true, added: 3, updated: 0, unchanged: 0 });
    expect(await store.payments.get('U1')).toMatchObject({
      bank: { bank: 'BCA', number: '1234567890', holder: 'Sari Rahmawati' },
      ewallet: { provider: 'GoPay', number: '+6281234567890' },
      updatedBy: 'import',
    });
    const u2 = (await store.payments.get('U2'))!;
    expect(u2.qris?.merchant).toBe('BATIK CINERE');
    expect(u2.qris?.path).toMatch(/^qris\/[0-9a-f]{64}\.jpg$/);
    // U3 gave none: listed, cannot sell, and admins see it
    expect(await store.payments.get('U3')).toBeNull();
    expect((await umkmWithoutPayment(store)).map((u) => u.id)).toEqual(['U3']);

    // the same file again changes nothing; a file without the payment columns keeps the details
    expect(await importCsv(store, 'umkm', csv, { media: { store: createMediaStore(mediaDir) } })).toEqual({ ok: true, added: 0, updated: 0, unchanged: 3 });
    const plain = ['id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address', row('U1', '').replace(/,$/, '')].join('\n');
    expect(await importCsv(store, 'umkm', plain, { media: { store: createMediaStore(mediaDir) } })).toEqual({ ok: true, added: 0, updated: 0, unchanged: 1 });
    expect((await store.payments.get('U1'))?.bank?.number).toBe('1234567890');
    expect(await store.payments.history('U1')).toHaveLength(1);
  });

  test('an account without holder, a bad account number, an unknown bank (with the nearest names), a bad e-wallet and an invalid QRIS are refused by line; nothing is written', async () => {
    await writeFile(path.join(mediaDir, 'broken.png'), await qrPng(brokenCrc(qrisPayload('BATIK CINERE'))));
    await writeFile(path.join(mediaDir, 'plain.png'), await qrPng('https://batik.example'));
    const csv = [
      HEAD,
      row('U1', 'BCA,1234567890,,,'),
      row('U2', 'BRI,12AB,Siti,,'),
      row('U3', 'Bank Mandri,1234567890,Siti,,'),
      row('U4', ',,,Paypal 081234567890,'),
      row('U5', ',,,,broken.png'),
      row('U6', ',,,,plain.png'),
      row('U7', ',,,,missing.png'),
      row('U8', 'BCA,1234567,Ani,,'),
    ].join('\n');
    const r = await importCsv(store, 'umkm', csv, { media: { store: createMediaStore(mediaDir) } });
    expect(r).toEqual({
      ok: false,
      errors: [
        'line 2: account_name: is required with an account (the holder as the bank knows them)',
        'line 3: account_number: must be 6-20 digits',
        'line 4: bank: Bank Mandri is not a known bank; nearest: Mandiri, BRI, BNI',
        'line 5: ewallet: Paypal is not an e-wallet of the list (GoPay, OVO, DANA, ShopeePay, LinkAja)',
        'line 6: qris: the QRIS checksum (tag 63) is wrong: the code is damaged or altered',
        'line 7: qris: the QR code is not a QRIS (it does not start with 000201)',
        'line 8: qris: missing.png is not a file under MEDIA_DIR',
      ],
    });
    expect(await redis.keys(`${prefix}*`)).toEqual([]);

    // in chat the admin reads them in their language
    const i18n = createI18n();
    const id = (key: string, args?: Record<string, string | number>) => i18n.t('id', key, args);
    const shown = (r.ok ? [] : r.errors).map((e) => localizeImportError(e, id));
    expect(shown[0]).toBe('baris 2, kolom account_name: nama pemilik rekening wajib diisi bila ada rekening');
    expect(shown[2]).toBe('baris 4, kolom bank: bank Bank Mandri tidak dikenal; mungkin: Mandiri, BRI, BNI');
    expect(shown[4]).toContain('baris 6, kolom qris: gambar QRIS ditolak:');
  });
});
