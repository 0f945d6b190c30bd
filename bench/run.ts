/**
 * `npm run bench`: throughput and latency of the ASN journey next to a bare grammY bot, a 10,000
 * recipient flyer broadcast, memory with 10,000 sessions, the fairness of the ordering, and search
 * over a 15,000-product catalogue; every
 * figure measured in this one run. Starts a private redis-server unless BENCH_REDIS_URL is given
 * (then only keys under a fresh `bench:` prefix are written and removed).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { loadDemoIfEmpty } from '../src/import/demo.js';
import { createStore } from '../src/store/index.js';
import { createKeys } from '../src/store/keys.js';
import { startPrivateRedis } from '../src/store/redis-server.js';
import { startFakeBotApi } from '../test/support/fake-bot-api/index.js';
import { measureBroadcast } from './broadcast.js';
import { printHotspots } from './hotspots.js';
import { compileSubjects } from './subject.js';
import { CATALOGUE_SIZES, seedCatalogue } from './catalogue.js';
import { createDriver } from './driver.js';
import { simulateMonth } from './fairness.js';
import type { JourneyPerson } from './journey.js';
import { measureMemory } from './memory.js';
import { measureInputs } from './inputs.js';
import { printBroadcast, printFairness, printGrowth, printInputs, printJourney, printMemory, printSearch, printWhatsApp } from './print.js';
import { machine, machineLine } from './report.js';
import { measureSearch } from './search.js';
import { benchPhone, receiptJpeg, seedRoster } from './seed.js';
import { type JourneyFigures, measureJourney } from './throughput.js';
import { measureWhatsApp } from './whatsapp.js';

// The only place the benchmark reads the environment.
const count = (def: number) => z.coerce.number().int().positive().default(def);
const env = z
  .object({
    /** an existing Redis to use instead of a private redis-server */
    BENCH_REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, { error: 'must start with redis:// or rediss://' })
      .optional(),
    /** simulated users at once in part 1 */
    BENCH_USERS: count(200),
    /** part 1 rounds (ours and bare alternate; the median ratio is the figure) */
    BENCH_ROUNDS: count(5).pipe(z.number().max(9)),
    BENCH_MEMORY_USERS: count(10_000),
    BENCH_BROADCAST_RECIPIENTS: count(10_000),
    BENCH_BROADCAST_PER_SECOND: count(250).pipe(z.number().max(1000)),
    /** products of the generated catalogue in part 5 (search) */
    BENCH_SEARCH_PRODUCTS: count(15_000),
    /** which parts to run, e.g. "1,4" */
    BENCH_PARTS: z
      .string()
      .regex(/^[1-7](,[1-7])*$/, { error: 'must list parts 1-7, e.g. 1,3' })
      .default('1,2,3,4,5,6,7'),
    /** rounds of part 7 (one user's inputs, each kind timed once a round) */
    BENCH_INPUT_ROUNDS: count(100).pipe(z.number().max(2000)),
    /** flyers queued in the WhatsApp pacer while part 6's second purchase is typed */
    BENCH_WA_BROADCAST: count(200),
    /** the catalogue part 1 runs on: the demo one, a city's (1,490 UMKM) or a province's (15,000 UMKM) */
    BENCH_CATALOGUE: z.enum(['demo', 'city', 'province']).default('demo'),
    /** `tsx` runs both bots from the TypeScript sources instead of compiled JavaScript */
    BENCH_RUNTIME: z.enum(['compiled', 'tsx']).default('compiled'),
    /** a directory for --cpu-prof profiles of the bot processes */
    BENCH_CPU_PROF: z.string().min(1).optional(),
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith('BENCH_') && v !== '')));

const WARMUP_USERS = 20;
/** users at once right after a re-import in part 7 */
const BURST_USERS = 20;
// Part 3's people come after part 1's (every round registers new people).
const MEMORY_FIRST_INDEX = Math.max(1000, env.BENCH_ROUNDS * (WARMUP_USERS + env.BENCH_USERS));
// The city's and province's extra ASN come after parts 1 and 3 (NIPs stay unique).
const CITY_FIRST_INDEX = MEMORY_FIRST_INDEX + 50 + env.BENCH_MEMORY_USERS + 1000;
const parts = new Set(env.BENCH_PARTS.split(',').map(Number));

const SHM = '/dev/shm';

/**
 * Where the bot stores the journey's receipt photos: on tmpfs when the machine has one. On a disk
 * where thousands of files were deleted in the last minutes (what each run's clean-up, and the
 * tests, leave behind) ext4 passes over the recently freed inodes for every new file: on this VM a
 * 5 KB receipt took 0.3-0.8 ms of kernel CPU to create there, 20-80 µs in a directory without such
 * deletions (a server that keeps its receipts), ~10 µs on tmpfs. The bot's code is the same
 * (MEDIA_DIR); only the harness's own churn is kept out of the bot's CPU.
 */
function benchMediaDir(workDir: string): string {
  try {
    return mkdtempSync(path.join(SHM, 'umkm-bench-media-'));
  } catch {
    return path.join(workDir, 'media');
  }
}

async function main(): Promise<void> {
  const m = machine();
  console.log(`Benchmark on ${machineLine(m)}`);
  const workDir = mkdtempSync(path.join(tmpdir(), 'umkm-bench-'));
  const privateRedis = env.BENCH_REDIS_URL ? undefined : await startPrivateRedis({ dir: path.join(workDir, 'redis') });
  const redisUrl = env.BENCH_REDIS_URL ?? privateRedis!.url;
  console.log(`Redis: ${privateRedis ? `private redis-server (AOF everysec) on port ${privateRedis.port}` : 'BENCH_REDIS_URL'}`);
  const prefix = `bench:${randomBytes(3).toString('hex')}:`;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const mediaDir = benchMediaDir(workDir);
  console.log(`Media (receipt photos the bot stores): ${mediaDir.startsWith(SHM) ? 'tmpfs (/dev/shm)' : 'the work directory'}`);
  const keys = createKeys(prefix);
  const store = createStore(redis, { keys });
  try {
    await loadDemoIfEmpty(store, { mediaDir });
    if (env.BENCH_CATALOGUE !== 'demo') {
      const t0 = performance.now();
      await seedCatalogue(store, env.BENCH_CATALOGUE, CITY_FIRST_INDEX);
      const s = CATALOGUE_SIZES[env.BENCH_CATALOGUE];
      console.log(
        `Catalogue: ${env.BENCH_CATALOGUE} (${s.umkm.toLocaleString('en')} UMKM, ${s.products.toLocaleString('en')} products, ${s.asn.toLocaleString('en')} more ASN) seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    } else console.log('Catalogue: demo');
    // Parts 1-3 and 7 run the bots in child processes; part 4 and part 5 (in this process) need no build.
    if (env.BENCH_RUNTIME === 'compiled' && [1, 2, 3, 7].some((p) => parts.has(p))) {
      const t0 = performance.now();
      await compileSubjects();
      console.log(`Both bots run compiled JavaScript (tsc, ${((performance.now() - t0) / 1000).toFixed(1)} s to build)`);
    } else console.log('Both bots run under tsx');
    const fake = await startFakeBotApi({ rateLimits: false });
    const driver = createDriver(fake);
    try {
      if (parts.has(1)) {
        const perRound = WARMUP_USERS + env.BENCH_USERS;
        const n = env.BENCH_ROUNDS * perRound;
        await seedRoster(store, 0, n);
        // On a city's or province's catalogue, every round also runs our bot on the demo catalogue
        // (its own prefix, the same people): the growth factor is ours there against ours here.
        const demoPrefix = `${prefix}demo:`;
        if (env.BENCH_CATALOGUE !== 'demo') {
          const demoStore = createStore(redis, { keys: createKeys(demoPrefix) });
          await loadDemoIfEmpty(demoStore, { mediaDir });
          await seedRoster(demoStore, 0, n);
        }
        const growth: { big: JourneyFigures; demo: JourneyFigures }[] = [];
        const people: JourneyPerson[] = [];
        for (let i = 0; i < n; i++) people.push({ index: i, phone: benchPhone(i), receipt: await receiptJpeg(i) });
        // Rounds alternate which bot goes first, so drift of the machine (other load, CPU clock)
        // does not always favour the same one; the round with the median ratio is printed whole.
        const rounds: { ours: JourneyFigures; bare: JourneyFigures }[] = [];
        for (let r = 0; r < env.BENCH_ROUNDS; r++) {
          const mine = people.slice(r * perRound, (r + 1) * perRound);
          const common = {
            fake,
            driver,
            redis,
            redisUrl,
            prefix,
            mediaDir,
            warmup: mine.slice(0, WARMUP_USERS),
            people: mine.slice(WARMUP_USERS),
            cpuProfDir: r === 0 ? env.BENCH_CPU_PROF : undefined,
          };
          const run = (subject: 'ours' | 'bare') => measureJourney({ ...common, subject, firstUserId: subject === 'ours' ? 100_000 : 200_000 });
          if (r % 2 === 0) {
            const ours = await run('ours');
            rounds.push({ ours, bare: await run('bare') });
          } else {
            const bare = await run('bare');
            rounds.push({ ours: await run('ours'), bare });
          }
          if (env.BENCH_CATALOGUE !== 'demo') {
            const demo = await measureJourney({ ...common, cpuProfDir: undefined, prefix: demoPrefix, subject: 'ours', firstUserId: 300_000 });
            growth.push({ big: rounds[rounds.length - 1]!.ours, demo });
          }
        }
        const byRatio = [...rounds].sort((a, b) => a.ours.cpuMsPerUpdate / a.bare.cpuMsPerUpdate - b.ours.cpuMsPerUpdate / b.bare.cpuMsPerUpdate);
        const median = byRatio[Math.floor((byRatio.length - 1) / 2)]!;
        printJourney(median.ours, median.bare, rounds, env.BENCH_CATALOGUE);
        if (env.BENCH_CATALOGUE !== 'demo') printGrowth(env.BENCH_CATALOGUE, growth);
        const first = rounds[0]!;
        if (first.ours.profile) printHotspots('ours (round 1, measured with the profiler on)', first.ours.profile, first.ours.updates);
        if (first.bare.profile) printHotspots('bare grammY (round 1)', first.bare.profile, first.bare.updates);
      }
      if (parts.has(2)) {
        const bc = await measureBroadcast({
          redis,
          redisUrl,
          prefix: `${prefix}bc:`,
          mediaDir,
          recipients: env.BENCH_BROADCAST_RECIPIENTS,
          perSecond: env.BENCH_BROADCAST_PER_SECOND,
        });
        printBroadcast(bc);
      }
      if (parts.has(3)) {
        const warmup = 50;
        await seedRoster(store, MEMORY_FIRST_INDEX, MEMORY_FIRST_INDEX + warmup + env.BENCH_MEMORY_USERS);
        const mem = await measureMemory({
          fake,
          driver,
          redisUrl,
          prefix,
          mediaDir,
          firstIndex: MEMORY_FIRST_INDEX,
          warmup,
          users: env.BENCH_MEMORY_USERS,
          concurrency: 250,
          firstUserId: 1_000_000,
        });
        printMemory(mem);
      }
      if (parts.has(4)) {
        const listings = await store.catalogue.browse({});
        printFairness(
          (['by-umkm', 'uniform'] as const).flatMap((demand) =>
            (['fair', 'fair-orders', 'price-asc'] as const).map((order) => simulateMonth(listings, order, demand, 2000)),
          ),
        );
      }
      if (parts.has(5)) printSearch(measureSearch(env.BENCH_SEARCH_PRODUCTS));
      if (parts.has(6)) {
        printWhatsApp(await measureWhatsApp({ redisUrl, prefix: `${prefix}wa:`, broadcast: env.BENCH_WA_BROADCAST }));
      }
      if (parts.has(7)) {
        // One roster person of its own, after every other part's (the city's ASN come before it),
        // and the 20 people of the burst after a re-import.
        const index = CITY_FIRST_INDEX - 500;
        await seedRoster(store, index, index + 1 + BURST_USERS);
        const person = { index, phone: benchPhone(index), receipt: await receiptJpeg(index) };
        const people: JourneyPerson[] = [];
        for (let i = index + 1; i <= index + BURST_USERS; i++) people.push({ index: i, phone: benchPhone(i), receipt: await receiptJpeg(i) });
        // The re-import: one product's price changed, written as an import writes it (a new catalogue version).
        const reimport = async () => {
          // (the generated catalogues' first product; on the demo one, any)
          const sku = env.BENCH_CATALOGUE === 'demo' ? (await store.catalogue.browse({}))[0]?.product.sku : 'C00000-0';
          const product = sku ? await store.catalogue.product(sku) : null;
          if (!product) throw new Error(`part 7: no product ${sku} to re-import`);
          await store.catalogue.upsertProducts([{ ...product, price: product.price + 500 }]);
        };
        printInputs(
          await measureInputs({
            fake,
            driver,
            redisUrl,
            prefix,
            mediaDir,
            person,
            userId: 3_000_000,
            rounds: env.BENCH_INPUT_ROUNDS,
            burst: { people, firstUserId: 3_000_000, reimport },
          }),
          env.BENCH_CATALOGUE,
        );
      }
    } finally {
      driver.close();
      await fake.close();
    }
  } finally {
    if (privateRedis) {
      redis.disconnect();
      await privateRedis.stop();
    } else {
      await deletePrefix(redis, prefix);
      await redis.quit();
    }
    rmSync(workDir, { recursive: true, force: true });
    if (mediaDir.startsWith(SHM)) rmSync(mediaDir, { recursive: true, force: true });
  }
}

/** Removes every key this run wrote on a shared Redis. */
async function deletePrefix(redis: Redis, p: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${p}*`, 'COUNT', 1000);
    cursor = next;
    if (found.length) await redis.del(...found);
  } while (cursor !== '0');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
