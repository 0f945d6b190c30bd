// Starts one private redis-server (free port, temp dir, AOF on) for the whole jest run, unless
// TEST_REDIS_URL is given. Plain ESM so jest can load it; the TS module is loaded through tsx.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  if (process.env.TEST_REDIS_URL) return;
  const { startPrivateRedis } = await tsImport('../../src/store/redis-server.ts', import.meta.url);
  const dir = mkdtempSync(path.join(tmpdir(), 'umkm-test-redis-'));
  const redis = await startPrivateRedis({ dir });
  process.env.TEST_REDIS_URL = redis.url;
  globalThis.__PRIVATE_REDIS__ = redis;
}
