import type { z } from 'zod';
import type { Store } from '../store/index.js';

/** A row that passed its schema, with its line in the file. */
export type ParsedRow<T> = { line: number; record: T };

/** What the import runner needs to know about one kind of file (roster, umkm, products). */
export interface ImportKind<T> {
  /** Header columns, exactly as in the file format. */
  columns: readonly string[];
  /** Columns a file may leave out (their cells then read as empty). */
  optionalColumns?: readonly string[];
  /** Turns one row's values (by column) into a record; issue paths are column names. */
  schema: z.ZodType<T>;
  /** The id records are upserted by. */
  id(record: T): string;
  /** Checks across rows and against the store; each error is `line N: field: reason`. */
  check(rows: ParsedRow<T>[], store: Store): Promise<string[]>;
  /** The stored records for `ids` (null where none), in order. */
  load(store: Store, ids: string[]): Promise<(T | null)[]>;
  /** Upserts records (only the added and the changed ones are passed). */
  save(store: Store, records: T[]): Promise<void>;
}

/** Facts a kind's rules may depend on. */
export type ImportContext = { now: Date };
