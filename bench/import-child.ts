/**
 * One import in a process of its own (as `npm run import` runs it), for bench/import-roster.ts:
 * `tsx bench/import-child.ts <redis-url> <prefix> <file>` prints one JSON line with the result,
 * the time and the peak RSS of this process.
 */
import { Redis } from 'ioredis';
import { openCsvFile } from '../src/import/decode.js';
import { importCsv } from '../src/import/runner.js';
import { createStore } from '../src/store/index.js';
import { createKeys } from '../src/store/keys.js';

const [url, prefix, file] = process.argv.slice(2) as [string, string, string];
const redis = new Redis(url, { maxRetriesPerRequest: 3 });
const started = performance.now();
const opened = await openCsvFile(file);
if (!opened.ok) throw new Error(opened.error);
const result = await importCsv(createStore(redis, { keys: createKeys(prefix) }), 'roster', opened.chunks);
const ms = performance.now() - started;
await redis.quit();
const { ok } = result;
console.log(
  JSON.stringify({
    ok,
    ...(result.ok
      ? { added: result.added, updated: result.updated, unchanged: result.unchanged }
      : { problems: result.errors.length + (result.more ?? 0), first: result.errors[0] }),
    seconds: Math.round(ms / 100) / 10,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
