import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { parse as Parse } from 'csv-parse/sync';
import { z } from 'zod';
import { PROJECT_ROOT } from '../paths.js';

/**
 * Depok's kecamatan and kelurahan, read once from data/wilayah/depok-wilayah.csv
 * (11 kecamatan, 63 kelurahan). Lookups ignore case, spaces and a leading "Kec." or "Kel.".
 */

/** Path of the committed wilayah CSV. */
export const WILAYAH_CSV = path.join(PROJECT_ROOT, 'data/wilayah/depok-wilayah.csv');

const RowSchema = z.object({ kecamatan: z.string().trim().min(1), kelurahan: z.string().trim().min(1) });

/** Compared without case, spaces or a leading "Kecamatan"/"Kec."/"Kelurahan"/"Kel.". */
const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/^(kecamatan|kelurahan|kec\.|kel\.)\s*/, '')
    .replace(/\s+/g, '');

function load(): Map<string, string[]> {
  // The CommonJS build: one file, where the ESM one is a dozen modules for the loader to resolve.
  const parse = createRequire(import.meta.url)('csv-parse/sync').parse as typeof Parse;
  const rows: unknown[] = parse(readFileSync(WILAYAH_CSV, 'utf8'), { columns: true, bom: true, skip_empty_lines: true });
  const byKec = new Map<string, string[]>();
  rows.forEach((raw, i) => {
    const r = RowSchema.safeParse(raw);
    if (!r.success) throw new Error(`${WILAYAH_CSV} line ${i + 2}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    const list = byKec.get(r.data.kecamatan) ?? [];
    list.push(r.data.kelurahan);
    byKec.set(r.data.kecamatan, list);
  });
  for (const list of byKec.values()) list.sort((a, b) => a.localeCompare(b, 'id'));
  return byKec;
}

const BY_KECAMATAN = load();
const KEC_BY_KEY = new Map([...BY_KECAMATAN.keys()].map((k) => [key(k), k]));

/** Every kecamatan of Depok, canonical spelling, sorted. */
export const KECAMATAN: readonly string[] = Object.freeze([...BY_KECAMATAN.keys()].sort((a, b) => a.localeCompare(b, 'id')));

/** The canonical kecamatan for an input like ` pancoran  MAS `, or null. */
export function canonicalKecamatan(input: string): string | null {
  if (typeof input !== 'string') return null;
  return KEC_BY_KEY.get(key(input)) ?? null;
}

/** The kelurahan of a kecamatan (any spelling), sorted; empty for an unknown kecamatan. */
export function kelurahanOf(kecamatan: string): string[] {
  const kec = canonicalKecamatan(kecamatan);
  return kec ? [...(BY_KECAMATAN.get(kec) ?? [])] : [];
}

/** The canonical kelurahan for an input within a kecamatan (both any spelling), or null. */
export function canonicalKelurahan(kecamatan: string, input: string): string | null {
  if (typeof input !== 'string') return null;
  const k = key(input);
  return kelurahanOf(kecamatan).find((kel) => key(kel) === k) ?? null;
}

/** True when `kelurahan` lies in `kecamatan` (both any spelling). */
export function isKelurahanOf(kecamatan: string, kelurahan: string): boolean {
  return canonicalKelurahan(kecamatan, kelurahan) !== null;
}
