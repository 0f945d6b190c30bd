import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Redis } from 'ioredis';
import { rosterRow } from '../../bench/roster-file.js';
import { decodeCsvBytes } from '../../src/import/decode.js';
import { createStore } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';

/**
 * Encodings (issue 14): `npm run import` and the chat import read a file by one rule (decode.ts).
 * UTF-8 with or without BOM is read; UTF-16 (with BOM, or without: its zero bytes) and
 * Windows-1252/Latin-1 (what older Excel saves as "CSV") are converted; anything else is refused
 * with how to save it as CSV UTF-8. The chat side is in test/unit/flows/admin-import.test.ts.
 */
function runCli(args: string[], prefix: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.resolve('node_modules/.bin/tsx'),
      ['src/cli/import.ts', ...args],
      { env: { PATH: process.env.PATH, HOME: process.env.HOME, REDIS_URL: testRedisUrl(), REDIS_PREFIX: prefix } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const ROSTER = `nip,name,phone,opd,role
198503122010011002,José Müller Façade,0899-0000-0001,Dinas Kesehatan,asn
199001012015032003,Rina Kartika,0899-0000-0002,BKPSDM,asn
`;

let redis: Redis;
let dir: string;
let prefix: string;
beforeAll(() => {
  redis = openRedis();
  dir = mkdtempSync(path.join(tmpdir(), 'umkm-enc-'));
});
beforeEach(() => {
  prefix = uniquePrefix('enc');
});
afterEach(async () => {
  await cleanPrefix(redis, prefix);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await redis.quit();
});

const nameStored = async () => (await createStore(redis, { keys: createKeys(prefix) }).roster.byNip('198503122010011002'))?.name;

test.each([
  ['UTF-8', Buffer.from(ROSTER, 'utf8'), ''],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ROSTER, 'utf8')]), ''],
  ['Windows-1252 (Excel "CSV")', iconv.encode(ROSTER, 'win1252'), ' (read as windows-1252, converted to UTF-8)'],
  ['Latin-1', iconv.encode(ROSTER, 'latin1'), ' (read as windows-1252, converted to UTF-8)'],
  ['UTF-16LE with BOM (Excel "Unicode text")', iconv.encode(ROSTER, 'utf16le', { addBOM: true }), ' (read as utf-16le, converted to UTF-8)'],
  ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(ROSTER, 'utf16be')]), ' (read as utf-16be, converted to UTF-8)'],
  ['UTF-16LE without BOM', iconv.encode(ROSTER, 'utf16le'), ' (read as utf-16le, converted to UTF-8)'],
])('CLI: %s is read and names are stored exactly', async (_name, bytes, note) => {
  const file = path.join(dir, `roster-${prefix.replace(/\W/g, '')}.csv`);
  writeFileSync(file, bytes);
  const r = await runCli(['roster', file], prefix);
  expect(r).toMatchObject({ code: 0, stdout: `roster: 2 added, 0 updated, 0 unchanged${note}\n` });
  expect(await nameStored()).toBe('José Müller Façade');
  expect(decodeCsvBytes(bytes)).toMatchObject({ ok: true, text: ROSTER });
});

test('CLI: a Latin-1 letter far past the first 64 KB still decides the encoding (no U+FFFD stored)', async () => {
  const rows = [ROSTER.trimEnd()];
  // 2,000 plain ASCII rows (about 100 KB), then the accented name
  for (let i = 0; i < 2000; i++) rows.push(`${rosterRow(i)}${' '.repeat(20)}`);
  rows.push(`197501012000011004,Hartini Façade,0899-0000-0003,DKUM,admin`);
  const text = rows.join('\n') + '\n';
  const file = path.join(dir, 'late-latin.csv');
  // the first row's accent would decide it at once; move it last too
  writeFileSync(file, iconv.encode(text.replace('José Müller Façade', 'Jose Muller Facade'), 'win1252'));
  const r = await runCli(['roster', file], prefix);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect((await createStore(redis, { keys: createKeys(prefix) }).roster.byNip('197501012000011004'))?.name).toBe('Hartini Façade');
});

test.each([
  [
    'Shift_JIS',
    iconv.encode('nip,name,phone,opd,role\n198503122010011002,山田太郎 東京都 新宿区 西新宿 二丁目,0899-0000-0001,株式会社 日本 商店,asn\n', 'shiftjis'),
  ],
  ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x81, 0x90, 0xff])],
])('CLI: %s is refused with how to save as CSV UTF-8; nothing written', async (_name, bytes) => {
  const file = path.join(dir, 'other.csv');
  writeFileSync(file, bytes);
  const r = await runCli(['roster', file], prefix);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('"CSV UTF-8 (Comma delimited) (*.csv)"');
  expect(r.stderr).toContain('nothing written');
  expect(await redis.keys(`${prefix}*`)).toEqual([]);
});
