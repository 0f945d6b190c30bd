import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createMediaStore } from '../media/media-store.js';
import type { Store } from '../store/index.js';
import { importCsv, type ImportKindName } from './runner.js';
import { PROJECT_ROOT } from '../paths.js';

/** Where the committed demo files live (written by scripts/make-demo-data.ts). */
export const DEMO_DIR = path.join(PROJECT_ROOT, 'data/demo');

/** The demo files failed to import: a bug in the committed data, listed row by row. */
export class DemoDataError extends Error {
  constructor(
    readonly kind: ImportKindName,
    readonly errors: string[],
  ) {
    super(`demo ${kind}.csv does not import:\n${errors.map((e) => `  ${e}`).join('\n')}`);
    this.name = 'DemoDataError';
  }
}

/**
 * Imports the demo UMKM, products and roster when the roster is empty (for the console demo).
 * The roster goes last, so a failed load is retried on the next start. With `mediaDir`, the demo
 * photos are copied to `<mediaDir>/demo/` (without overwriting) and imported from there like any
 * product photo (stored cleaned under `products/`); without it the demo products would be refused. Resolves true when it loaded the demo, false when the roster already had people.
 */
export async function loadDemoIfEmpty(store: Store, opts: { dir?: string; mediaDir?: string } = {}): Promise<boolean> {
  if ((await store.redis.hlen(store.keys.persons())) > 0) return false;
  const dir = opts.dir ?? DEMO_DIR;
  // The photos first: the import reads each one and stores it cleaned, by hash, under products/.
  if (opts.mediaDir) {
    await cp(path.join(dir, 'photos'), path.join(opts.mediaDir, 'demo'), { recursive: true, force: false, errorOnExist: false });
  }
  const media = opts.mediaDir ? { store: createMediaStore(opts.mediaDir) } : undefined;
  for (const kind of ['umkm', 'products', 'roster'] as const) {
    const result = await importCsv(store, kind, await readFile(path.join(dir, `${kind}.csv`), 'utf8'), media ? { media } : {});
    if (!result.ok) throw new DemoDataError(kind, result.errors);
  }
  return true;
}
