import { randomUUID } from 'node:crypto';
import type { Store } from '../store/index.js';
import { readCsvRows } from './csv-rows.js';
import type { ImportContext, ImportKind, ParsedRow } from './kind.js';
import { productsImport } from './products.js';
import { rosterImport } from './roster.js';
import { umkmImport } from './umkm.js';

/** The kinds of import file. */
export const IMPORT_KINDS = ['roster', 'umkm', 'products'] as const;
/** `roster`, `umkm` or `products`. */
export type ImportKindName = (typeof IMPORT_KINDS)[number];

/**
 * Counts of a written import, or every problem of a refused one (`line N: field: reason`), or
 * `busy` when another import holds the lock (nothing was read or written).
 */
export type ImportResult =
  | { ok: true; added: number; updated: number; unchanged: number }
  | { ok: false; errors: string[]; busy?: true };

/** How long an import may hold the lock (a crashed one frees it after this). */
const LOCK_MS = 5 * 60_000;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

function kindFor(kind: ImportKindName, ctx: ImportContext): ImportKind<unknown> {
  switch (kind) {
    case 'roster':
      return rosterImport(ctx) as ImportKind<unknown>;
    case 'umkm':
      return umkmImport() as ImportKind<unknown>;
    case 'products':
      return productsImport() as ImportKind<unknown>;
  }
}

/** JSON with sorted keys and no undefined values, so equal records compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const lineOf = (e: string) => Number(/^line (\d+)/.exec(e)?.[1] ?? 0);

async function run<T>(store: Store, kind: ImportKind<T>, csvText: string): Promise<ImportResult> {
  const read = readCsvRows(csvText, kind.columns, kind.optionalColumns);
  if (!read.ok) return read;
  const errors: string[] = [];
  const rows: ParsedRow<T>[] = [];
  for (const { line, values } of read.rows) {
    const r = kind.schema.safeParse(values);
    if (r.success) rows.push({ line, record: r.data });
    else for (const issue of r.error.issues) errors.push(`line ${line}: ${issue.path.join('.') || 'row'}: ${issue.message}`);
  }
  errors.push(...(await kind.check(rows, store)));
  if (errors.length) return { ok: false, errors: errors.map((e, i) => [e, i] as const).sort((a, b) => lineOf(a[0]) - lineOf(b[0]) || a[1] - b[1]).map(([e]) => e) };

  const stored = await kind.load(store, rows.map((r) => kind.id(r.record)));
  const changed: T[] = [];
  let added = 0;
  let updated = 0;
  rows.forEach(({ record }, i) => {
    const old = stored[i];
    if (old == null) added++;
    else if (canonicalJson(old) !== canonicalJson(record)) updated++;
    else return;
    changed.push(record);
  });
  await kind.save(store, changed);
  return { ok: true, added, updated, unchanged: rows.length - added - updated };
}

/**
 * Imports a CSV file of `kind` into the store: every row is validated first (schema, duplicates
 * within the file, conflicts with stored data) and nothing is written if any row is bad.
 * Records are upserted by id; a record equal to the stored one is counted as unchanged and not
 * written. `now` (default: the store's clock) bounds NIP appointment dates. Imports run one at a
 * time: while another holds the lock the answer is `busy` and nothing is touched.
 */
export async function importCsv(store: Store, kind: ImportKindName, csvText: string, opts: { now?: Date } = {}): Promise<ImportResult> {
  // One import at a time (CLI and chat alike): two at once could each pass the duplicate checks
  // against what is stored and together write a phone or id twice.
  const lock = store.keys.importLock();
  const token = randomUUID();
  if ((await store.redis.set(lock, token, 'PX', LOCK_MS, 'NX')) !== 'OK') {
    return { ok: false, busy: true, errors: ['another import is running; try again in a minute'] };
  }
  try {
    return await run(store, kindFor(kind, { now: opts.now ?? store.clock() }), csvText);
  } finally {
    await store.redis.eval(RELEASE, 1, lock, token).catch(() => undefined);
  }
}

/** `12 added, 3 updated, 0 unchanged` */
export function formatCounts(r: { added: number; updated: number; unchanged: number }): string {
  return `${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`;
}
