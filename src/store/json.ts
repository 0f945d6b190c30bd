import type { z } from 'zod';

/** A stored record failed its schema: names the key and the fields. */
export class StoredRecordError extends Error {
  constructor(
    readonly key: string,
    cause: unknown,
  ) {
    super(`stored record at ${key} is invalid`, { cause });
    this.name = 'StoredRecordError';
  }
}

/** Parses a stored JSON string with a zod schema; null in, null out. */
export function parseStored<S extends z.ZodType>(schema: S, key: string, raw: string | null | undefined): z.infer<S> | null {
  if (raw == null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw new StoredRecordError(key, e);
  }
  const r = schema.safeParse(value);
  if (!r.success) throw new StoredRecordError(key, r.error);
  return r.data;
}
