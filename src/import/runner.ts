import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { APPLY_LUA, applyArgs, REDIS_CHUNK } from '../store/batch.js';
import type { Store } from '../store/index.js';
import { streamCsvRows } from './csv-rows.js';
import { CsvEncodingError } from './decode.js';
import type { ImportContext, ImportKind, ImportMedia, ParsedRow } from './kind.js';
import { productsImport } from './products.js';
import { rosterImport } from './roster.js';
import { umkmImport } from './umkm.js';

/** The kinds of import file. */
export const IMPORT_KINDS = ['roster', 'umkm', 'products'] as const;
/** `roster`, `umkm` or `products`. */
export type ImportKindName = (typeof IMPORT_KINDS)[number];

/**
 * Counts of a written import, or the problems of a refused one (`line N: field: reason`, the first
 * MAX_ERRORS_KEPT in line order; `more` counts the rest), or `busy` when another import holds the
 * lock or the data changed under it (nothing was written).
 */
export type ImportResult = { ok: true; added: number; updated: number; unchanged: number } | { ok: false; errors: string[]; more?: number; busy?: true };

/** An import file: its text, or a way to stream it as decoded text chunks (decode.ts), read once. */
export type CsvSource = string | AsyncIterable<string>;

/** Problems kept for the answer; the rest are counted. */
export const MAX_ERRORS_KEPT = 1000;
/**
 * How long the lock outlives its holder: a running import renews it every IMPORT_HEARTBEAT_MS, so
 * one that was killed frees it within this.
 */
export const IMPORT_LOCK_MS = 30_000;
export const IMPORT_HEARTBEAT_MS = 10_000;
/** Scratch data of a killed import expires after this. */
const SCRATCH_MS = 60 * 60_000;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

function kindFor(kind: ImportKindName, ctx: ImportContext): ImportKind<unknown> {
  switch (kind) {
    case 'roster':
      return rosterImport(ctx) as ImportKind<unknown>;
    case 'umkm':
      return umkmImport(ctx) as ImportKind<unknown>;
    case 'products':
      return productsImport(ctx) as ImportKind<unknown>;
  }
}

/** JSON with sorted keys and no undefined values, so equal records compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

const lineOf = (e: string) => Number(/^line (\d+)/.exec(e)?.[1] ?? 0);

/** Problems in line order (stable), at most MAX_ERRORS_KEPT kept. */
function problems() {
  const kept: string[] = [];
  let more = 0;
  return {
    add(list: string[]) {
      for (const e of list)
        if (kept.length < MAX_ERRORS_KEPT) kept.push(e);
        else more++;
    },
    get count() {
      return kept.length + more;
    },
    result(): ImportResult {
      const errors = kept
        .map((e, i) => [e, i] as const)
        .sort((a, b) => lineOf(a[0]) - lineOf(b[0]) || a[1] - b[1])
        .map(([e]) => e);
      return more ? { ok: false, errors, more } : { ok: false, errors };
    },
  };
}

async function* textOf(source: CsvSource): AsyncGenerator<string> {
  if (typeof source === 'string') yield source;
  else yield* source;
}

/**
 * Pass 1: every row read once, in chunks: validated, checked for duplicates within the file (in
 * Redis scratch hashes, not in memory) and against the store; the valid records kept in a scratch
 * hash. Pass 2 (only when no row was bad): the records compared with the stored ones chunk by
 * chunk and their writes queued in one MULTI on a connection of their own; EXEC writes them all
 * at once, or nothing when a watched key changed meanwhile.
 */
async function run<T>(store: Store, kind: ImportKind<T>, source: CsvSource, token: string): Promise<ImportResult> {
  const { redis, keys } = store;
  const scratch = (part: string) => keys.importScratch(token, part);
  const scratchKeys = [scratch('records'), ...kind.unique.map((u) => scratch(`u:${u.field}`))];
  const errs = problems();

  async function checkChunk(batch: ParsedRow<T>[]): Promise<void> {
    const seen = redis.multi(); // the marks and their expiry at once, whenever the process dies
    for (const u of kind.unique) for (const { line, record } of batch) seen.hsetnx(scratch(`u:${u.field}`), u.key(record), line);
    for (const k of scratchKeys) seen.pexpire(k, SCRATCH_MS);
    const firsts = (await seen.exec())!.map(([e, v]) => {
      if (e) throw e;
      return v as number;
    });
    const dup = new Set<number>();
    const lookups: { field: string; key: string; line: number }[] = [];
    kind.unique.forEach((u, ui) =>
      batch.forEach(({ line, record }, ri) => {
        if (firsts[ui * batch.length + ri] === 0) {
          lookups.push({ field: u.field, key: u.key(record), line });
          if (ui === 0) dup.add(ri);
        }
      }),
    );
    if (lookups.length) {
      const p = redis.pipeline();
      for (const l of lookups) p.hget(scratch(`u:${l.field}`), l.key);
      const lines = (await p.exec())!.map(([, v]) => v as string);
      errs.add(lookups.map((l, i) => `line ${l.line}: ${l.field}: same as line ${lines[i]}`));
    }
    // the kind's checks first: they may complete a record (a product's photo, stored)
    errs.add(await kind.checkChunk(batch, store));
    const fresh = batch.filter((_, i) => !dup.has(i));
    // With its expiry in the same MULTI: an import killed right after this write leaves nothing that stays.
    if (fresh.length) {
      await redis
        .multi()
        .hset(scratch('records'), ...fresh.flatMap(({ record }) => [kind.id(record), JSON.stringify(record)]))
        .pexpire(scratch('records'), SCRATCH_MS)
        .exec();
    }
  }

  try {
    let batch: ParsedRow<T>[] = [];
    let fatal = false;
    try {
      for await (const item of streamCsvRows(textOf(source), kind.columns, kind.optionalColumns)) {
        if ('error' in item) {
          errs.add([item.error]);
          fatal ||= item.fatal === true;
          continue;
        }
        const r = kind.schema.safeParse(item.row.values);
        if (r.success) batch.push({ line: item.row.line, record: r.data });
        else errs.add(r.error.issues.map((issue) => `line ${item.row.line}: ${issue.path.join('.') || 'row'}: ${issue.message}`));
        if (batch.length >= REDIS_CHUNK) {
          await checkChunk(batch);
          batch = [];
        }
      }
    } catch (e) {
      if (e instanceof CsvEncodingError) return { ok: false, errors: [e.message] };
      throw e;
    }
    if (fatal) return errs.result();
    if (batch.length) await checkChunk(batch);
    if (kind.finish) {
      const first = kind.unique[0]!;
      errs.add(
        await kind.finish(store, async (field, values) => {
          const u = kind.unique.find((x) => x.field === field) ?? first;
          const found: boolean[] = [];
          for (let i = 0; i < values.length; i += REDIS_CHUNK) {
            const part = values.slice(i, i + REDIS_CHUNK);
            if (part.length) found.push(...(await redis.hmget(scratch(`u:${u.field}`), ...part)).map((v) => v !== null));
          }
          return found;
        }),
      );
    }
    if (errs.count) return errs.result();
    return await write(store, kind, scratch('records'));
  } finally {
    await redis.unlink(...scratchKeys).catch(() => undefined);
  }
}

async function write<T>(store: Store, kind: ImportKind<T>, recordsKey: string): Promise<ImportResult> {
  const tx: Redis = store.redis.duplicate();
  tx.on('error', () => undefined); // a failure surfaces as the rejected command below
  try {
    await tx.watch(...kind.watched(store.keys));
    await tx.multi({ pipeline: false });
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    let cursor = '0';
    do {
      const [next, flat] = await store.redis.hscan(recordsKey, cursor, 'COUNT', REDIS_CHUNK);
      cursor = next;
      const records: T[] = [];
      for (let i = 0; i < flat.length; i += 2) records.push(kind.stored.parse(JSON.parse(flat[i + 1]!)));
      if (!records.length) continue;
      const old = await kind.load(
        store,
        records.map((r) => kind.id(r)),
      );
      const changed: T[] = [];
      const changedOld: (T | null)[] = [];
      records.forEach((r, i) => {
        const o = old[i] ?? null;
        if (o === null) added++;
        else if (canonicalJson(o) !== canonicalJson(r)) updated++;
        else return void unchanged++;
        changed.push(r);
        changedOld.push(o);
      });
      if (changed.length) await tx.eval(APPLY_LUA, 0, ...applyArgs(kind.writes(store.keys, changed, changedOld)));
    } while (cursor !== '0');
    if (added + updated) await tx.eval(APPLY_LUA, 0, ...applyArgs(kind.versionWrites(store.keys)));
    const res = await tx.exec();
    if (res === null)
      return { ok: false, busy: true, errors: ['the data changed while the file was imported (an edit in chat?); nothing was written: run the import again'] };
    for (const [err] of res) if (err) throw err;
    if (added + updated) store.catalogue.invalidate();
    return { ok: true, added, updated, unchanged };
  } finally {
    tx.disconnect();
  }
}

/**
 * Imports a CSV file of `kind` into the store: every row is validated first (schema, duplicates
 * within the file, conflicts with stored data) and nothing is written if any row is bad; the
 * writes then go in one transaction, so a crash writes all or nothing. The file is read once, in
 * chunks, so its size is not bounded by memory. Records are upserted by id; a record equal to the
 * stored one is counted as unchanged and not written. `now` (default: the store's clock) bounds
 * NIP appointment dates. Imports run one at a time: while another holds the lock the answer is
 * `busy` and nothing is touched; the lock is renewed while this import runs and freed within
 * IMPORT_LOCK_MS of its process dying. `media`: where product photos are read and stored (without
 * it a products file naming photos is refused).
 */
export async function importCsv(
  store: Store,
  kind: ImportKindName,
  source: CsvSource,
  opts: { now?: Date; heartbeatMs?: number; media?: ImportMedia } = {},
): Promise<ImportResult> {
  // One import at a time (CLI and chat alike): two at once could each pass the duplicate checks
  // against what is stored and together write a phone or id twice.
  const lock = store.keys.importLock();
  const token = randomUUID();
  if ((await store.redis.set(lock, token, 'PX', IMPORT_LOCK_MS, 'NX')) !== 'OK') {
    return { ok: false, busy: true, errors: [BUSY_TEXT] };
  }
  const heartbeat = setInterval(
    () => void store.redis.eval(RENEW, 1, lock, token, IMPORT_LOCK_MS).catch(() => undefined),
    opts.heartbeatMs ?? IMPORT_HEARTBEAT_MS,
  );
  heartbeat.unref();
  try {
    return await run(store, kindFor(kind, { now: opts.now ?? store.clock(), ...(opts.media ? { media: opts.media } : {}) }), source, token);
  } finally {
    clearInterval(heartbeat);
    await store.redis.eval(RELEASE, 1, lock, token).catch(() => undefined);
  }
}

/** What a refused start says: the truth about the wait. */
export const BUSY_TEXT = `another import is running; try again when it has finished (an import whose process was stopped frees its lock within ${IMPORT_LOCK_MS / 1000} seconds)`;

/** `12 added, 3 updated, 0 unchanged` */
export function formatCounts(r: { added: number; updated: number; unchanged: number }): string {
  return `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`;
}
