import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { cpSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { DEMO_DIR, loadDemoIfEmpty } from '../../src/import/demo.js';
import { createMediaStore } from '../../src/media/media-store.js';
import { importCsv } from '../../src/import/runner.js';
import { createStore, type Store } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../support/redis.js';

const NOW = new Date('2026-11-22T08:00:00Z');
let redis: Redis;
let prefix: string;
let store: Store;

/** MEDIA_DIR of these imports: the demo photos under demo/, and demo/P1.jpg. */
let mediaDir: string;
let media: { store: ReturnType<typeof createMediaStore> };
beforeAll(async () => {
  redis = openRedis();
  mediaDir = mkdtempSync(path.join(tmpdir(), 'umkm-import-media-'));
  cpSync(path.join(DEMO_DIR, 'photos'), path.join(mediaDir, 'demo'), { recursive: true });
  mkdirSync(path.join(mediaDir, 'demo'), { recursive: true });
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .jpeg()
    .toFile(path.join(mediaDir, 'demo', 'P1.jpg'));
  media = { store: createMediaStore(mediaDir) };
});
beforeEach(() => {
  prefix = uniquePrefix('import');
  store = createStore(redis, { keys: createKeys(prefix), clock: () => NOW });
});
afterEach(async () => {
  await cleanPrefix(redis, prefix);
});
afterAll(async () => {
  rmSync(mediaDir, { recursive: true, force: true });
  await redis.quit();
});

/** Every key under the test's prefix with its type and content, to prove a refused import wrote nothing. */
async function snapshot(): Promise<Record<string, unknown>> {
  const keys = (await redis.keys(`${prefix}*`)).sort();
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const type = await redis.type(k);
    out[k] = type === 'hash' ? await redis.hgetall(k) : type === 'set' ? (await redis.smembers(k)).sort() : await redis.get(k);
  }
  return out;
}

const ROSTER_OK = `nip,name,phone,opd,role
198503122010011002,Budi Santoso,0899-0000-0001,Dinas Kesehatan,asn
199001012015032003,Rina Kartika,+62 899 0000 0002,BKPSDM,ASN
197501012000011004,Hartini,62899-0000-0003,Dinas Koperasi dan UMKM,admin
`;

const UMKM_OK = `id,name,owner_name,owner_phone,category,kecamatan,kelurahan,address
U1,Dapur Bu Sari,Sari,0899-0000-1001,kuliner,beji,kemiri  muka,"Jl. Kukusan Raya No. 3, RT 01/RW 02"
U2,Batik Tulis Cinere,Bambang,0899-0000-1002,Fashion,CINERE,gandul,Jl. Gandul No. 9
`;

const PRODUCTS_OK = `sku,umkm_id,name,price,unit,description,photo,available
P1,U1,Nasi Box Ayam Bakar,25.000,box,"Nasi, ayam, sambal",demo/P1.jpg,ya
P2,U1,Rendang,65000,porsi,,,TIDAK
P3,U2,Kemeja Batik,350.000,potong,Katun,,1
`;

describe('files saved by a spreadsheet in an Indonesian locale', () => {
  test('semicolon-separated (with BOM and CRLF) imports like the comma file; a comma inside a value stays', async () => {
    const semi = (csv: string) =>
      '\uFEFF' +
      csv
        .trim()
        .split('\n')
        .map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';'))
        .join('\r\n');
    expect(await importCsv(store, 'umkm', semi(UMKM_OK))).toEqual({ ok: true, added: 2, updated: 0, unchanged: 0 });
    expect((await store.catalogue.umkm('U1'))?.address).toBe('Jl. Kukusan Raya No. 3, RT 01/RW 02');
    expect(await importCsv(store, 'products', semi(PRODUCTS_OK), { media })).toEqual({ ok: true, added: 3, updated: 0, unchanged: 0 });
    expect((await store.catalogue.product('P1'))?.price).toBe(25_000);
    // the same rows as a comma file: nothing changes
    expect(await importCsv(store, 'umkm', UMKM_OK)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 2 });
  });
});

describe('roster import', () => {
  test('a good file is written, counted, and phones are normalised', async () => {
    expect(await importCsv(store, 'roster', ROSTER_OK)).toEqual({ ok: true, added: 3, updated: 0, unchanged: 0 });
    expect(await store.roster.byPhone('+6289900000002')).toEqual({
      nip: '199001012015032003',
      name: 'Rina Kartika',
      phone: '+6289900000002',
      opd: 'BKPSDM',
      role: 'asn',
    });
    expect((await store.roster.byNip('197501012000011004'))?.role).toBe('admin');
  });

  test('re-importing the same file changes nothing; an edited row counts as updated', async () => {
    await importCsv(store, 'roster', ROSTER_OK);
    const before = await snapshot();
    expect(await importCsv(store, 'roster', ROSTER_OK)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 3 });
    expect(await snapshot()).toEqual(before);
    const edited = ROSTER_OK.replace('Budi Santoso', 'Budi Santoso Putra') + '198001012005011005,Andi,0899-0000-0004,Bappeda,asn\n';
    expect(await importCsv(store, 'roster', edited)).toEqual({ ok: true, added: 1, updated: 1, unchanged: 2 });
  });

  test('one bad row: nothing is written and the row is reported as line N: field: reason', async () => {
    const bad = ROSTER_OK.replace('199001012015032003', '199913322015032003');
    expect(await importCsv(store, 'roster', bad)).toEqual({ ok: false, errors: ['line 3: nip: birth date 19991332 is not a real date'] });
    expect(await snapshot()).toEqual({});
  });

  test('a refused file leaves stored data exactly as it was', async () => {
    await importCsv(store, 'roster', ROSTER_OK);
    const before = await snapshot();
    const bad = ROSTER_OK.replace('Budi Santoso', 'Budi Baru') + '198001012005011005,Andi,12,Bappeda,asn\n';
    expect(await importCsv(store, 'roster', bad)).toEqual({ ok: false, errors: ['line 5: phone: is not a valid phone number'] });
    expect(await snapshot()).toEqual(before);
  });

  test('every bad row and field is listed, in line order', async () => {
    const bad = `nip,name,phone,opd,role
19850312201001100,Budi,0899-0000-0001,Dinas Kesehatan,asn
198503122010013002,,0899-0000-0002,,boss
198503122010011002,Ani,not a phone,BKPSDM,asn
`;
    const r = await importCsv(store, 'roster', bad);
    expect(r).toEqual({
      ok: false,
      errors: [
        'line 2: nip: must be 18 digits, got 17',
        'line 3: nip: gender 3 must be 1 or 2',
        'line 3: name: is required',
        'line 3: opd: is required',
        'line 3: role: must be asn, admin or koordinator',
        'line 4: phone: is not a valid phone number',
      ],
    });
  });

  test('a duplicate phone or NIP in the file names both lines', async () => {
    const dup = `${ROSTER_OK}198001012005011005,Andi,+62 899-0000-0001,Bappeda,asn\n197501012000011004,Hartini Lagi,0899-0000-0009,Bappeda,asn\n`;
    expect(await importCsv(store, 'roster', dup)).toEqual({
      ok: false,
      errors: ['line 5: phone: same as line 2', 'line 6: nip: same as line 4'],
    });
    expect(await snapshot()).toEqual({});
  });

  test('a phone held by another NIP in the roster names that NIP; a swap within one file is allowed', async () => {
    await importCsv(store, 'roster', ROSTER_OK);
    const taken = 'nip,name,phone,opd,role\n198001012005011005,Andi,0899 0000 0001,Bappeda,asn\n';
    expect(await importCsv(store, 'roster', taken)).toEqual({
      ok: false,
      errors: ['line 2: phone: already used by NIP 198503122010011002 in the roster'],
    });
    const swap = ROSTER_OK.replace('0899-0000-0001', 'X').replace('+62 899 0000 0002', '0899-0000-0001').replace('X', '0899-0000-0002');
    expect(await importCsv(store, 'roster', swap)).toEqual({ ok: true, added: 0, updated: 2, unchanged: 1 });
    expect((await store.roster.byPhone('+6289900000001'))?.nip).toBe('199001012015032003');
    expect((await store.roster.byPhone('+6289900000002'))?.nip).toBe('198503122010011002');
  });
});

describe('file shape', () => {
  test.each([
    ['', ['line 1: header: the file is empty']],
    ['nip,name,phone,opd,role\n', ['line 2: file: no data rows after the header']],
    ['nip,name,phone,opd\n1,2,3,4\n', ['line 1: header: missing column role']],
    ['nip,name,phone,opd,role,email\n', ['line 1: header: unknown column email']],
    ['nip,name,phone,opd,role\n198503122010011002,Budi,0899-0000-0001,Dinkes\n', ['line 2: row: has 4 fields, expected 5']],
    [
      'nip,name,phone,opd,role\n198503122010011002,"Budi,0899-0000-0001,Dinkes,asn\n',
      ['line 2: csv: Quote Not Closed: the parsing is finished with an opening quote at line 2'],
    ],
  ])('%j is refused', async (text, errors) => {
    expect(await importCsv(store, 'roster', text)).toEqual({ ok: false, errors });
  });

  test('line numbers count blank lines, a BOM, headers in any case and multi-line quoted fields', async () => {
    const text =
      '\uFEFFID,Name,Owner_Name,Owner_Phone,Category,Kecamatan,Kelurahan,Address\n' +
      'U1,Dapur,Sari,0899-0000-1001,kuliner,Beji,Beji,"Jl. Satu\nRT 01/RW 02"\n' +
      '\n' +
      'U2,Toko,Ani,0899-0000-1002,kuliner,Beji,Tapos,Jl. Dua No. 2\n';
    expect(await importCsv(store, 'umkm', text)).toEqual({ ok: false, errors: ['line 5: kelurahan: Tapos is not a kelurahan of Beji'] });
  });
});

describe('umkm and products import', () => {
  test('kecamatan and kelurahan are stored in their canonical spelling', async () => {
    expect(await importCsv(store, 'umkm', UMKM_OK)).toEqual({ ok: true, added: 2, updated: 0, unchanged: 0 });
    expect(await store.catalogue.umkm('U1')).toMatchObject({ kecamatan: 'Beji', kelurahan: 'Kemiri Muka', ownerPhone: '+6289900001001' });
    expect(await store.catalogue.umkm('U2')).toMatchObject({ category: 'fashion', kecamatan: 'Cinere', kelurahan: 'Gandul' });
    expect(await importCsv(store, 'umkm', UMKM_OK)).toEqual({ ok: true, added: 0, updated: 0, unchanged: 2 });
  });

  test('bad UMKM rows name their field', async () => {
    const bad = `${UMKM_OK}U3,Toko,Ani,0899-0000-1003,sembako,Depok Lama,Beji,Jl. Tiga No. 3\nU1,Lagi,Ani,0899-0000-1004,kriya,Tapos,Tapos,Jl\n`;
    expect(await importCsv(store, 'umkm', bad)).toEqual({
      ok: false,
      errors: [
        'line 4: category: must be kuliner, fashion or kriya',
        'line 4: kecamatan: Depok Lama is not a kecamatan of Depok',
        'line 5: address: must be at least 5 characters',
      ],
    });
  });

  test('products: prices with dots, yes/no words, optional photo', async () => {
    await importCsv(store, 'umkm', UMKM_OK);
    expect(await importCsv(store, 'products', PRODUCTS_OK, { media })).toEqual({ ok: true, added: 3, updated: 0, unchanged: 0 });
    expect(await store.catalogue.product('P1')).toEqual({
      sku: 'P1',
      umkmId: 'U1',
      name: 'Nasi Box Ayam Bakar',
      price: 25000,
      unit: 'box',
      description: 'Nasi, ayam, sambal',
      photo: expect.stringMatching(/^products\/[0-9a-f]{64}\.jpg$/),
      available: true,
    });
    expect(await store.catalogue.product('P2')).toEqual({
      sku: 'P2',
      umkmId: 'U1',
      name: 'Rendang',
      price: 65000,
      unit: 'porsi',
      description: '',
      available: false,
    });
    expect((await store.catalogue.product('P3'))?.price).toBe(350000);
    expect(await importCsv(store, 'products', PRODUCTS_OK, { media })).toEqual({ ok: true, added: 0, updated: 0, unchanged: 3 });
  });

  test('products: prices written as Rupiah usually are (Rp, ",-", ",00") and yes/no', async () => {
    await importCsv(store, 'umkm', UMKM_OK);
    const csv = `sku,umkm_id,name,price,unit,description,photo,available
P1,U1,Nasi Box,Rp 25.000,box,,,yes
P2,U1,Rendang,"Rp65.000,-",porsi,,,no
P3,U2,Kemeja Batik,"350.000,00",potong,,,Ya
P4,U2,Kain,rp. 1500,lembar,,,1
`;
    expect(await importCsv(store, 'products', csv, { media })).toEqual({ ok: true, added: 4, updated: 0, unchanged: 0 });
    const got = await Promise.all(['P1', 'P2', 'P3', 'P4'].map((s) => store.catalogue.product(s)));
    expect(got.map((p) => [p?.price, p?.available])).toEqual([
      [25_000, true],
      [65_000, false],
      [350_000, true],
      [1_500, true],
    ]);
  });

  test('bad product rows name their field; a product needs a stored UMKM', async () => {
    await importCsv(store, 'umkm', UMKM_OK);
    const bad = `sku,umkm_id,name,price,unit,description,photo,available
P1,U1,Nasi Box,"25,000",box,,,ya
P2,U1,Rendang,0,porsi,,,ya
P3,U9,Kemeja,350.000,potong,,/etc/passwd,mungkin
P1,U2,Kain,1.50,lembar,,,true
`;
    expect(await importCsv(store, 'products', bad, { media })).toEqual({
      ok: false,
      errors: [
        'line 2: price: 25,000 must be whole Rupiah, digits only or with dots like 25.000',
        'line 3: price: 0 must be from 1 to 100.000.000',
        'line 4: photo: must be empty, an https URL, or a relative .jpg/.png/.webp path',
        'line 4: available: mungkin must be ya, tidak, true, false, yes, no, 1 or 0',
        'line 5: price: 1.50 must be whole Rupiah, digits only or with dots like 25.000',
      ],
    });
    // a unit of punctuation only showed as "Rp 175.000/-"
    const units =
      'sku,umkm_id,name,price,unit,description,photo,available\nP1,U1,Kemeja,175.000,-,,,ya\nP2,U1,Kain,90000, / ,,,ya\nP3,U1,Peci,35000,,,,ya\nP4,U1,Kain 2 m,90000,2 m,,,ya\n';
    expect(await importCsv(store, 'products', units, { media })).toEqual({
      ok: false,
      errors: ['line 2: unit: must contain a letter or digit', 'line 3: unit: must contain a letter or digit', 'line 4: unit: is required'],
    });
    const orphan =
      'sku,umkm_id,name,price,unit,description,photo,available\nP9,U9,Kemeja,350.000,potong,,,ya\nP1,U1,Nasi,1000,box,,,ya\nP1,U1,Nasi,1000,box,,,ya\n';
    expect(await importCsv(store, 'products', orphan, { media })).toEqual({
      ok: false,
      errors: ['line 2: umkm_id: UMKM U9 does not exist (import umkm first)', 'line 4: sku: same as line 3'],
    });
    expect(await store.catalogue.allProducts()).toEqual([]);
  });
});

describe('demo data', () => {
  const read = (kind: string) => readFileSync(path.join(DEMO_DIR, `${kind}.csv`), 'utf8');

  test('the demo files import cleanly, and a second import changes nothing', async () => {
    const umkm = await importCsv(store, 'umkm', read('umkm'));
    const products = await importCsv(store, 'products', read('products'), { media });
    const roster = await importCsv(store, 'roster', read('roster'));
    expect([umkm, products, roster].every((r) => r.ok && r.updated === 0 && r.unchanged === 0)).toBe(true);
    const people = await store.roster.all();
    expect(people.filter((p) => p.role === 'asn').length).toBeGreaterThanOrEqual(24);
    expect(people.filter((p) => p.role === 'admin')).toHaveLength(2);
    expect(new Set(people.map((p) => p.opd)).size).toBeGreaterThanOrEqual(6);
    const umkms = await store.catalogue.allUmkms();
    expect(umkms.length).toBeGreaterThanOrEqual(32);
    expect(new Set(umkms.map((u) => u.kecamatan)).size).toBe(11);
    expect((await store.catalogue.allProducts()).length).toBeGreaterThanOrEqual(110);
    for (const kind of ['umkm', 'products', 'roster'] as const) {
      const again = await importCsv(store, kind, read(kind), { media });
      expect(again.ok && again.added + again.updated).toBe(0);
    }
  });

  test('the console user is the first ASN of the demo roster', async () => {
    const user = JSON.parse(readFileSync(path.join(DEMO_DIR, 'console-user.json'), 'utf8')) as { phone: string; nip: string };
    await importCsv(store, 'roster', read('roster'));
    expect(await store.roster.byPhone(user.phone)).toMatchObject({ nip: user.nip, role: 'asn' });
    expect(read('roster').split('\n')[1]?.startsWith(`${user.nip},`)).toBe(true);
  });

  test('loadDemoIfEmpty loads once, and copies the photos under the media dir', async () => {
    const media = mkdtempSync(path.join(tmpdir(), 'umkm-media-'));
    try {
      expect(await loadDemoIfEmpty(store, { mediaDir: media })).toBe(true);
      expect((await store.roster.all()).length).toBeGreaterThan(0);
      // every demo photo was copied, then imported: stored cleaned under products/ by hash
      const withPhoto = new Set((await store.catalogue.allProducts()).filter((p) => p.photo).map((p) => p.photo!));
      expect(withPhoto.size).toBe(readdirSync(path.join(media, 'demo')).length);
      for (const p of withPhoto) expect(p).toMatch(/^products\/[0-9a-f]{64}\.jpg$/);
      expect(readdirSync(path.join(media, 'products')).sort()).toEqual([...withPhoto].map((p) => p.slice('products/'.length)).sort());
      expect(await loadDemoIfEmpty(store, { mediaDir: media })).toBe(false);
    } finally {
      rmSync(media, { recursive: true, force: true });
    }
  });
});

describe('one import at a time', () => {
  test('while another import holds the lock: busy, nothing read or written; afterwards it goes through', async () => {
    await redis.set(store.keys.importLock(), 'someone-else', 'PX', 60_000);
    const before = await snapshot();
    const busy = await importCsv(store, 'roster', ROSTER_OK);
    expect(busy).toMatchObject({ ok: false, busy: true });
    expect(await snapshot()).toEqual(before);
    // Ours does not release someone else's lock; when theirs is gone, the import runs and frees its own.
    expect(await redis.get(store.keys.importLock())).toBe('someone-else');
    await redis.del(store.keys.importLock());
    expect(await importCsv(store, 'roster', ROSTER_OK)).toEqual({ ok: true, added: 3, updated: 0, unchanged: 0 });
    expect(await redis.exists(store.keys.importLock())).toBe(0);
  });

  test('two imports started together: one writes, the other is told to wait, and no phone is written twice', async () => {
    const other = ROSTER_OK.replace('Budi Santoso', 'Budi S.').replace('198503122010011002', '198503122010011099');
    const [a, b] = await Promise.all([importCsv(store, 'roster', ROSTER_OK), importCsv(store, 'roster', other)]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].filter((r) => !r.ok && r.busy)).toHaveLength(1);
    expect(await redis.hlen(store.keys.persons())).toBe(3);
  });
});
