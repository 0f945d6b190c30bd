import type { z } from 'zod';
import type { MediaStore } from '../media/media-store.js';
import type { PhotoFetchOptions } from '../media/photo-source.js';
import type { Cmd } from '../store/batch.js';
import type { Keys } from '../store/keys.js';
import type { Store } from '../store/index.js';

/** A row that passed its schema, with its line in the file. */
export type ParsedRow<T> = { line: number; record: T };

/** Which of `values` of a unique column the file holds (after every row was read). */
export type InFile = (field: string, values: string[]) => Promise<boolean[]>;

/**
 * What the import runner needs to know about one kind of file (roster, umkm, products). The
 * runner streams the file in chunks (REDIS_CHUNK rows), so no call sees the whole file: checks
 * that need it keep what they need and finish in `finish`. A kind object serves one import.
 */
export interface ImportKind<T> {
  /** Header columns, exactly as in the file format. */
  columns: readonly string[];
  /** Columns a file may leave out (their cells then read as empty). */
  optionalColumns?: readonly string[];
  /** Turns one row's values (by column) into a record; issue paths are column names. */
  schema: z.ZodType<T>;
  /** A record as stored (the runner keeps validated records in Redis between its passes). */
  stored: z.ZodType<T>;
  /** The id records are upserted by. */
  id(record: T): string;
  /** Columns unique within a file (`line 7: nip: same as line 2`), the id's first. */
  unique: { field: string; key(record: T): string }[];
  /** Checks of one chunk against the store; each error is `line N: field: reason`. */
  checkChunk(rows: ParsedRow<T>[], store: Store): Promise<string[]>;
  /** Checks once every row was read. */
  finish?(store: Store, inFile: InFile): Promise<string[]>;
  /** Keys that another writer may change while an import runs: such a change makes it write nothing. */
  watched(keys: Keys): string[];
  /** The stored records for `ids` (null where none), in order. */
  load(store: Store, ids: string[]): Promise<(T | null)[]>;
  /** The writes that upsert `records` (`old`: the stored ones, same order). */
  writes(keys: Keys, records: T[], old: (T | null)[]): Cmd[];
  /** The writes after any change (version counters). */
  versionWrites(keys: Keys): Cmd[];
}

/** Where photos named in a file are read from and stored (MEDIA_DIR), and how URLs are fetched. */
export type ImportMedia = { store: MediaStore; fetch?: PhotoFetchOptions };

/** Facts a kind's rules may depend on. */
export type ImportContext = { now: Date; media?: ImportMedia };
