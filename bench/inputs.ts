/**
 * Part 7: what one input costs one user at the catalogue's size (`BENCH_CATALOGUE`): the bot alone
 * (compiled, production heap cap) answers one simulated user, one input at a time, so each
 * latency is the bot's work for that input plus the fake Bot API's round trip. Each input kind
 * is timed `rounds` times over the same browse path (after a warm-up round).
 */
import type { FakeBotApi } from '../test/support/fake-bot-api/index.js';
import { type Driver, pool, type Step } from './driver.js';
import { asnJourney, type JourneyPerson } from './journey.js';
import { percentile } from './report.js';
import { startSubject } from './subject.js';

/** The inputs timed, in the order of the path. */
export const INPUT_KINDS = [
  'kecamatan question (counts per kecamatan)',
  '"Semua kecamatan" list, page 1',
  'category list, page 2',
  'kecamatan list (Beji), page 1',
  'product view',
  "search 'keripik'",
] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface InputFigures {
  rounds: number;
  perKind: { kind: InputKind; p50Ms: number; p99Ms: number; cpuP50Ms: number; cpuP99Ms: number }[];
  /** RSS of the bot after the run, after a forced GC */
  rssMb: number;
  heapUsedMb: number;
  readyMs: number;
  /** the burst after a re-import: users at once, their two inputs' latencies, the bot after GC */
  burst?: { users: number; p50Ms: number; maxMs: number; rssMb: number; heapUsedMb: number };
}

export async function measureInputs(r: {
  fake: FakeBotApi;
  driver: Driver;
  redisUrl: string;
  prefix: string;
  mediaDir: string;
  person: JourneyPerson;
  userId: number;
  rounds: number;
  /**
   * After the rounds: these people register, `reimport` changes the catalogue (a new version),
   * then all of them open the category and its list at once, so every one of them waits for the
   * one load of the new version (the production heap cap must hold through it).
   */
  burst?: { people: JourneyPerson[]; firstUserId: number; reimport: () => Promise<void> };
}): Promise<InputFigures> {
  const started = performance.now();
  const subject = await startSubject({ mode: 'ours', redisUrl: r.redisUrl, prefix: r.prefix, apiRoot: r.fake.url, token: r.fake.token, mediaDir: r.mediaDir });
  const readyMs = performance.now() - started;
  const times = new Map<InputKind, number[]>(INPUT_KINDS.map((k) => [k, []]));
  const cpu = new Map<InputKind, number[]>(INPUT_KINDS.map((k) => [k, []]));
  const one = async (s: Step, kind?: InputKind) => {
    const lat: number[] = [];
    // The bot's own CPU for the input too: less moved than the latency by other load on a shared machine.
    const before = kind ? (await subject.usage()).cpuMs : 0;
    await r.driver.journey(r.userId, [s], lat);
    if (kind) {
      times.get(kind)!.push(lat[0]!);
      cpu.get(kind)!.push((await subject.usage()).cpuMs - before);
    }
  };
  try {
    r.driver.addUser(r.userId, `Uji ${r.person.index}`);
    // Register and open the catalogue (the first five steps of the journey).
    await r.driver.journey(r.userId, asnJourney(r.person).slice(0, 5), []);
    const list = /produk \(halaman 1\//;
    for (let round = 0; round <= r.rounds; round++) {
      const k = (kind: InputKind) => (round === 0 ? undefined : kind); // round 0 warms up
      await one({ act: { kind: 'press', label: /Kuliner/ }, expect: /Pilih kecamatan/ }, k('kecamatan question (counts per kecamatan)'));
      await one({ act: { kind: 'press', label: /Semua kecamatan/ }, expect: list }, k('"Semua kecamatan" list, page 1'));
      await one({ act: { kind: 'press', label: /Berikutnya/ }, expect: /produk \(halaman 2\// }, k('category list, page 2'));
      await one({ act: { kind: 'press', label: /Kembali/ }, expect: /Pilih kecamatan/ });
      await one({ act: { kind: 'press', label: /^Beji \([\d.,]+\)$/ }, expect: list }, k('kecamatan list (Beji), page 1'));
      await one({ act: { kind: 'press', data: /^p:/ }, expect: /💰 Rp/ }, k('product view'));
      await one({ act: { kind: 'press', label: /Menu utama/ }, expect: /Silakan pilih menu/ });
      await one({ act: { kind: 'press', label: /Cari produk/ }, expect: /Ketik nama produk/ });
      await one({ act: { kind: 'text', text: 'keripik' }, expect: list }, k("search 'keripik'"));
      await one({ act: { kind: 'press', label: /Menu utama/ }, expect: /Silakan pilih menu/ });
      await one({ act: { kind: 'press', label: /Lihat katalog/ }, expect: /Pilih kategori/ });
    }
    let burst: InputFigures['burst'];
    if (r.burst) {
      const { people, firstUserId, reimport } = r.burst;
      for (const p of people) r.driver.addUser(firstUserId + p.index, `Uji ${p.index}`);
      await pool(people.length, people.length, (i) => r.driver.journey(firstUserId + people[i]!.index, asnJourney(people[i]!).slice(0, 5), []));
      await reimport();
      const lat: number[] = [];
      const steps: Step[] = [
        { act: { kind: 'press', label: /Kuliner/ }, expect: /Pilih kecamatan/ },
        { act: { kind: 'press', label: /Semua kecamatan/ }, expect: list },
      ];
      await pool(people.length, people.length, (i) => r.driver.journey(firstUserId + people[i]!.index, steps, lat));
      const after = await subject.usage(true);
      burst = { users: people.length, p50Ms: percentile(lat, 0.5), maxMs: Math.max(...lat), rssMb: after.rssMb, heapUsedMb: after.heapUsedMb };
      // One search builds the new version's search index: the figures below are with it.
      await r.driver.journey(firstUserId + people[0]!.index, [{ act: { kind: 'text', text: '/cari keripik' }, expect: list }], []);
    }
    const { rssMb, heapUsedMb } = await subject.usage(true);
    return {
      burst,
      rounds: r.rounds,
      perKind: INPUT_KINDS.map((kind) => ({
        kind,
        p50Ms: percentile(times.get(kind)!, 0.5),
        p99Ms: percentile(times.get(kind)!, 0.99),
        cpuP50Ms: percentile(cpu.get(kind)!, 0.5),
        cpuP99Ms: percentile(cpu.get(kind)!, 0.99),
      })),
      rssMb,
      heapUsedMb,
      readyMs,
    };
  } finally {
    await subject.stop();
  }
}
