import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { createConsolePersonas } from '../../../src/channels/console/personas.js';
import { createI18n } from '../../../src/i18n/index.js';
import type { DemoPersona } from '../../../src/import/demo.js';
import { createConsoleInbox } from '../../../src/store/console-inbox-repo.js';
import { createKeys } from '../../../src/store/keys.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../../support/redis.js';

let redis: Redis;
let prefix: string;
let dir: string;
beforeAll(async () => {
  redis = openRedis();
  prefix = uniquePrefix('console-personas');
  dir = await mkdtemp(path.join(tmpdir(), 'umkm-console-out-'));
});
afterAll(async () => {
  await cleanPrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

const PERSONAS: DemoPersona[] = [
  { chatId: 'demo', name: 'Rina Kartikasari', kind: 'asn', of: 'Dinas Kesehatan', phone: '+6289900000001' },
  { chatId: 'persona-admin', name: 'Hartini Susanti', kind: 'admin', of: 'Dinas Koperasi dan UMKM', phone: '+6289900000901' },
  { chatId: 'mayor', name: '', kind: 'mayor' },
];

function setup() {
  let printed = '';
  const personas = createConsolePersonas({
    personas: PERSONAS,
    inbox: createConsoleInbox(redis, createKeys(prefix)),
    i18n: createI18n(),
    locale: 'id',
    write: (s) => (printed += s),
    mediaDir: dir,
    outDir: path.join(dir, 'out'),
  });
  return { personas, printed: () => printed };
}

test('a recap CSV for another persona: written under the out directory, printed under their name, waiting in their chat', async () => {
  const { personas, printed } = setup();
  const r = await personas.sender.send('persona-admin', {
    text: 'Rekap harian',
    document: { fileName: 'rekap-2026-12-05.csv', content: 'opd,total\nDinas Kesehatan,25000\n' },
  });
  expect(r).toEqual({ ok: true });
  const file = path.join(dir, 'out', 'rekap-2026-12-05.csv');
  expect(readFileSync(file, 'utf8')).toBe('opd,total\nDinas Kesehatan,25000\n');
  expect(printed()).toContain(`── pesan untuk Hartini Susanti (Admin Dinas Koperasi dan UMKM) ──\n[berkas: ${file}]\nRekap harian`);
  // switching shows it once, then it is no longer waiting
  expect(await personas.line('/sebagai 2')).toMatchObject({ kind: 'switched', firstVisit: true });
  expect(printed()).toContain('📬 1 pesan menunggu:');
  expect(await personas.line('/sebagai 1')).toMatchObject({ kind: 'switched', firstVisit: false });
  const before = printed().length;
  await personas.line('/as Hartini');
  expect(printed().slice(before)).toContain('You are now: Hartini Susanti (Admin Dinas Koperasi dan UMKM).');
  expect(printed().slice(before)).not.toContain('Rekap harian');
});

test("a message for the persona the terminal is: a notice, nothing waits; the mayor's office only reads", async () => {
  const { personas, printed } = setup();
  await personas.sender.send('demo', { text: 'Pesanan ORD-1 sudah diterima' });
  expect(printed()).toContain('[pemberitahuan]\nPesanan ORD-1 sudah diterima');
  expect(await createConsoleInbox(redis, createKeys(prefix)).take('demo')).toEqual([]);
  expect(await personas.line('halo')).toEqual({ kind: 'chat' });
  await personas.line('/sebagai');
  expect(printed()).toContain('3. Kantor Wali Kota (hanya membaca laporan)');
  expect(await personas.line('3')).toMatchObject({ kind: 'switched', firstVisit: false });
  expect(printed()).toContain('Belum ada laporan untuk Kantor Wali Kota.');
  expect(await personas.line('halo')).toEqual({ kind: 'done' });
  expect(printed()).toContain('Kantor Wali Kota hanya membaca laporan di sini.');
});
