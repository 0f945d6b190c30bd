/**
 * A process using the data directory's shared redis-server, for test/integration/store/shared-redis:
 * `node --import tsx redis-user-child.ts <dir>`. Attaches (starting the server when none runs),
 * prints one JSON line { started, url, serverPid, pid }, then obeys stdin lines:
 * `set <k> <v>` -> `ok`, `get <k>` -> the value (or `(nil)`), `count <pattern>` -> how many keys match, `leave` -> releases, prints
 * `left {"stopped":…}` and exits 0.
 */
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { attachSharedRedis } from '../../../src/store/shared-redis.js';

const dir = process.argv[2]!;
const shared = await attachSharedRedis({ dir, log: (m) => process.stderr.write(`${m}\n`) });
const redis = new Redis(shared.url, { maxRetriesPerRequest: 3 });
// A connection the server drops (EPIPE on a loaded machine) reconnects; a server that is gone fails the next command.
redis.on('error', (err: Error) => process.stderr.write(`redis connection: ${err.message}\n`));
process.stdout.write(`${JSON.stringify({ started: shared.started, url: shared.url, serverPid: shared.serverPid, pid: process.pid })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  const [cmd, k, v] = line.trim().split(' ');
  if (cmd === 'set') {
    await redis.set(k!, v!);
    process.stdout.write('ok\n');
  } else if (cmd === 'get') {
    process.stdout.write(`${(await redis.get(k!)) ?? '(nil)'}\n`);
  } else if (cmd === 'count') {
    process.stdout.write(`${(await redis.keys(k!)).length}\n`);
  } else if (cmd === 'leave') {
    // A connection the server dropped has nothing to quit: close it and release all the same.
    await redis.quit().catch(() => redis.disconnect());
    const r = await shared.release();
    process.stdout.write(`left ${JSON.stringify(r)}\n`);
    process.exit(0);
  }
}
