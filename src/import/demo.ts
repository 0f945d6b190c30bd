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

/** Someone the terminal chat can be (`/sebagai`): a demo person, or the mayor's office, which only reads. */
export type DemoPersona = {
  /** the terminal chat of this persona */
  chatId: string;
  name: string;
  kind: 'asn' | 'owner' | 'admin' | 'mayor';
  /** the OPD of an ASN or admin, the UMKM of an owner */
  of?: string;
  /** the phone the terminal counts as verified for this persona; none: the mayor's office (read only) */
  phone?: string;
};

/** The terminal chat the purchase reports go to when no report destination is configured. */
export const MAYOR_CONSOLE_CHAT = 'mayor';

/**
 * The demo personas, from the imported demo data: the console user first (chat `firstChatId`),
 * then ASN of two more OPD, the owners of the first two UMKM, the first admin, and the mayor's
 * office. Each has its own terminal chat.
 */
export async function demoPersonas(store: Store, consolePhone: string, firstChatId = 'demo'): Promise<DemoPersona[]> {
  const people = (await store.roster.all()).sort((a, b) => a.phone.localeCompare(b.phone));
  const chatOf = (phone: string) => (phone === consolePhone ? firstChatId : `persona-${phone.replace(/\D/g, '')}`);
  const out: DemoPersona[] = [];
  const first = people.find((p) => p.phone === consolePhone);
  if (first) out.push({ chatId: firstChatId, name: first.name, kind: 'asn', of: first.opd, phone: first.phone });
  const opds = new Set(out.map((p) => p.of));
  for (const p of people) {
    if (p.role !== 'asn' || opds.has(p.opd) || opds.size >= 3) continue;
    opds.add(p.opd);
    out.push({ chatId: chatOf(p.phone), name: p.name, kind: 'asn', of: p.opd, phone: p.phone });
  }
  const umkms = (await store.catalogue.allUmkms()).sort((a, b) => a.id.localeCompare(b.id)).slice(0, 2);
  for (const u of umkms) out.push({ chatId: chatOf(u.ownerPhone), name: u.ownerName, kind: 'owner', of: u.name, phone: u.ownerPhone });
  const admin = people.find((p) => p.role === 'admin');
  if (admin) out.push({ chatId: chatOf(admin.phone), name: admin.name, kind: 'admin', of: admin.opd, phone: admin.phone });
  out.push({ chatId: MAYOR_CONSOLE_CHAT, name: '', kind: 'mayor' });
  return out;
}

/**
 * Links each persona's terminal chat to its phone (as registering would), so the bot reaches
 * owners and admins before the terminal ever was them. The console user registers in the chat,
 * as before; a chat already linked is left as it is.
 */
export async function linkDemoPersonas(store: Store, personas: DemoPersona[], consolePhone: string, now: Date): Promise<void> {
  for (const p of personas) {
    if (!p.phone || p.phone === consolePhone) continue;
    const current = await store.chatUsers.get('console', p.chatId);
    if (!current?.phone) await store.chatUsers.patch('console', p.chatId, { phone: p.phone, linkedAt: now.toISOString() });
  }
}
