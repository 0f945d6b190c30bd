import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { createKeys } from '../../src/store/keys.js';
import { cleanPrefix, openRedis, testRedisUrl, uniquePrefix } from '../support/redis.js';

/** Runs `tsx src/cli/import.ts ...` as a child process against the test Redis under `prefix`. */
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

let redis: Redis;
let prefix: string;
let dir: string;

beforeAll(() => {
  redis = openRedis();
  dir = mkdtempSync(path.join(tmpdir(), 'umkm-cli-'));
});
beforeEach(() => {
  prefix = uniquePrefix('cli');
});
afterEach(async () => {
  await cleanPrefix(redis, prefix);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await redis.quit();
});

const GOOD = `nip,name,phone,opd,role
198503122010011002,Budi Santoso,0899-0000-0001,Dinas Kesehatan,asn
199001012015032003,Rina Kartika,0899-0000-0002,BKPSDM,asn
`;

test('a bad file: exit code 1, every bad row printed, nothing written', async () => {
  const file = path.join(dir, 'bad.csv');
  writeFileSync(file, GOOD.replace('199001012015032003', '199001012015033003') + '197501012000011004,Hartini,0899-0000-0001,DKUM,admin\n');
  const r = await runCli(['roster', file], prefix);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('line 3: nip: gender 3 must be 1 or 2');
  expect(r.stderr).toContain('line 4: phone: same as line 2');
  expect(r.stderr).toContain('nothing written');
  expect(await redis.keys(`${prefix}*`)).toEqual([]);
});

test('a good file: exit code 0 and the counts; the second run finds everything unchanged', async () => {
  const file = path.join(dir, 'good.csv');
  writeFileSync(file, GOOD);
  const first = await runCli(['roster', file], prefix);
  expect(first).toMatchObject({ code: 0, stdout: 'roster: 2 added, 0 updated, 0 unchanged\n' });
  expect(await redis.hlen(createKeys(prefix).persons())).toBe(2);
  const second = await runCli(['roster', file], prefix);
  expect(second).toMatchObject({ code: 0, stdout: 'roster: 0 added, 0 updated, 2 unchanged\n' });
});

test('a wrong kind is a usage error (exit 2)', async () => {
  const r = await runCli(['people', 'x.csv'], prefix);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('usage: npm run import -- roster|umkm|products <file.csv>');
});
