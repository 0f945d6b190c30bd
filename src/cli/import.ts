/**
 * `npm run import -- roster|umkm|products <file.csv>`: validates the whole file and writes it
 * only when every row is good. Prints the counts, or every bad row as `line N: field: reason`
 * and exits 1. Uses REDIS_URL, or the data directory's shared redis-server (./data/redis, see
 * src/store/shared-redis.ts) when it is unset: the one a running bot uses, started when none runs.
 */
import { Redis } from 'ioredis';
import { ConfigError, loadConfig } from '../config.js';
import { openCsvFile } from '../import/decode.js';
import { formatCounts, IMPORT_KINDS, type ImportKindName, importCsv } from '../import/runner.js';
import { createMediaStore } from '../media/media-store.js';
import { createStore } from '../store/index.js';
import { createKeys } from '../store/keys.js';
import { type SharedRedis, attachSharedRedis } from '../store/shared-redis.js';

const USAGE = `usage: npm run import -- ${IMPORT_KINDS.join('|')} <file.csv>`;

// Resolves to the exit code: 0 written, 1 bad file or failure, 2 usage.
async function main(argv: string[]): Promise<number> {
  const [kind, file, ...rest] = argv;
  if (!kind || !file || rest.length || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    console.error(USAGE);
    return 2;
  }
  let opened: Awaited<ReturnType<typeof openCsvFile>>;
  try {
    // Streamed: the file is read in chunks as it is imported (a million rows fit in little memory).
    opened = await openCsvFile(file);
  } catch (e) {
    console.error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 1;
  }
  if (!opened.ok) {
    console.error(`${file}: ${opened.error}; nothing written`);
    return 1;
  }
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    console.error(e instanceof ConfigError ? e.message : String(e));
    return 1;
  }

  let privateRedis: SharedRedis | undefined;
  let redis: Redis | undefined;
  try {
    if (!config.REDIS_URL) privateRedis = await attachSharedRedis({ dir: './data/redis' });
    redis = new Redis(config.REDIS_URL ?? privateRedis!.url, { maxRetriesPerRequest: 3, lazyConnect: true });
    redis.on('error', () => undefined); // a failed command below says what went wrong, once
    await redis.connect();
    const store = createStore(redis, { keys: createKeys(config.REDIS_PREFIX) });
    const result = await importCsv(store, kind as ImportKindName, opened.chunks, { media: { store: createMediaStore(config.MEDIA_DIR) } });
    if (!result.ok) {
      console.error(`${file}: ${result.errors.length + (result.more ?? 0)} problem(s), nothing written`);
      for (const e of result.errors) console.error(`  ${e}`);
      if (result.more) console.error(`  ... and ${result.more} more`);
      return 1;
    }
    const converted = opened.encoding === 'utf-8' ? '' : ` (read as ${opened.encoding}, converted to UTF-8)`;
    console.log(`${kind}: ${formatCounts(result)}${converted}`);
    return 0;
  } catch (e) {
    console.error(`import failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await redis?.quit().catch(() => redis?.disconnect());
    await privateRedis?.release();
  }
}

process.exitCode = await main(process.argv.slice(2));
