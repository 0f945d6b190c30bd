/**
 * `npm run bench:import [rows]` (default 1,000,000): a generated roster imported the way the CLI
 * does it (streamed, all-or-nothing), in a process of its own, with its time and peak RSS; then the
 * same file with its last row broken, which must write nothing; then the good file again (all
 * unchanged). Uses a private redis-server in a temporary directory, removed at the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startPrivateRedis } from '../src/store/redis-server.js';
import { writeRosterFile } from './roster-file.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const RSS_LIMIT_MB = 300;
const dir = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
const redisServer = await startPrivateRedis({ dir: path.join(dir, 'redis') });
const redis = new Redis(redisServer.url);
const prefix = 'bench-import:';

function runChild(file: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/import-child.ts', redisServer.url, prefix, file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>) : reject(new Error(`import child exited ${code}`)),
    );
  });
}

try {
  const good = path.join(dir, 'roster.csv');
  const bad = path.join(dir, 'roster-bad.csv');
  let t = performance.now();
  await writeRosterFile(good, rows);
  await writeRosterFile(bad, rows, { badLast: true });
  console.log(`generated ${rows.toLocaleString('en')} rows (${(statSync(good).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const refused = await runChild(bad);
  const afterRefused = await redis.hlen(`${prefix}roster:persons`);
  console.log(`last row bad:  ${JSON.stringify(refused)}; people stored after it: ${afterRefused}`);
  t = performance.now();
  const first = await runChild(good);
  console.log(`first import:  ${JSON.stringify(first)}`);
  const again = await runChild(good);
  console.log(`same file again: ${JSON.stringify(again)}`);
  const stored = await redis.hlen(`${prefix}roster:persons`);
  const peak = Math.max(Number(refused.peakRssMb), Number(first.peakRssMb), Number(again.peakRssMb));
  const pass = refused.ok === false && afterRefused === 0 && first.added === rows && again.unchanged === rows && stored === rows && peak < RSS_LIMIT_MB;
  console.log(`stored ${stored.toLocaleString('en')} people; peak RSS ${peak} MB (limit ${RSS_LIMIT_MB}); ${pass ? 'PASS' : 'FAIL'}`);
  process.exitCode = pass ? 0 : 1;
} finally {
  await redis.quit();
  await redisServer.stop();
  rmSync(dir, { recursive: true, force: true });
}
