import { idList, umkmWithoutPayment } from '../src/admin/payment-missing.js';
import { decodeCsvBytes } from '../src/import/decode.js';
import { localizeImportError } from '../src/import/error-text.js';
import { IMPORT_KINDS, IMPORT_LOCK_MS, type ImportKindName, importCsv } from '../src/import/runner.js';
import { z } from 'zod';
import { defineFlow, type Flow, type FlowCtx, type GlobalDocument, goto, type GotoResult, invalid, type InvalidResult, reply } from '../src/engine/flow.js';
import type { Input, MediaRef } from '../src/engine/types.js';
import { isAdmin } from '../src/engine/user.js';
import { adminOnly } from './admin-guard.js';
import { ADMIN_MENU, wordChoices } from './choice-ids.js';
import { choice, menuButton, text } from './ui.js';

/** Largest CSV taken from a chat. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
/** Bad rows listed back at most; the rest are counted. */
export const MAX_ERRORS_SHOWN = 20;
/** How long a CSV waits for its kind to be picked. */
const UPLOAD_TTL_S = 30 * 60;

const kindOf = (s: string | undefined): ImportKindName | null => {
  const k = (s ?? '').trim().toLowerCase();
  return (IMPORT_KINDS as readonly string[]).includes(k) ? (k as ImportKindName) : null;
};

/** The kind of the CSV waiting (roster, umkm, products), or "cancel". */
const KIND = wordChoices('imp:', 'the kind of an uploaded CSV, or cancel the import', [...IMPORT_KINDS, 'cancel']);
const CANCEL_IMPORT = KIND.pack('cancel');

/** A step moves on or refuses the file: it never stays with data of its own. */
type Moved = GotoResult | InvalidResult;

/** The same all-or-nothing import as the CLI; the answer lists bad rows (at most 20) or the counts. */
async function runImport(ctx: FlowCtx, kind: ImportKindName, csv: string): Promise<Moved> {
  await ctx.deps.store.uploads.drop(ctx.chat.channel, ctx.chat.chatId);
  const r = await importCsv(ctx.deps.store, kind, csv, { now: ctx.deps.clock(), media: { store: ctx.deps.media } });
  // The kind as the admin calls it ("daftar ASN"), not its file name.
  const name = ctx.deps.t(`admin-import-kind-name-${kind}`);
  if (r.ok) {
    const done = text('admin-import-done', { kind: name, added: r.added, updated: r.updated, unchanged: r.unchanged });
    // UMKM listed but not for sale yet: no bank account, e-wallet or QRIS (issue 12)
    const missing = kind === 'umkm' ? await umkmWithoutPayment(ctx.deps.store) : [];
    const { ids, more } = idList(missing);
    const notice = missing.length ? [text('pay-admin-missing', { count: missing.length, ids, more })] : [];
    return goto('admin-import', 'done', { replies: [done, ...notice] });
  }
  if (r.busy) return goto('admin-import', 'done', { replies: [text('admin-import-busy', { seconds: IMPORT_LOCK_MS / 1000 })] });
  // The runner's lines are English (the CLI prints them as they are); the chat shows them in the admin's language.
  const shown = r.errors.slice(0, MAX_ERRORS_SHOWN).map((e) => localizeImportError(e, ctx.deps.t));
  const total = r.errors.length + (r.more ?? 0);
  const more = total - shown.length;
  const lines = [...shown, ...(more > 0 ? [ctx.deps.t('admin-import-more', { count: more })] : [])].join('\n');
  return goto('admin-import', 'done', { replies: [text('admin-import-refused', { kind: name, count: total, lines })] });
}

/**
 * Reads a sent document as text by the CLI's rule (decode.ts): UTF-8 with or without BOM; UTF-16
 * and Windows-1252/Latin-1 converted; anything else refused with how to save it as CSV UTF-8.
 */
async function readCsv(ctx: FlowCtx, media: MediaRef): Promise<{ ok: true; csv: string } | { ok: false; key: string }> {
  if (media.size && media.size > MAX_CSV_BYTES) return { ok: false, key: 'admin-import-too-large' };
  let bytes: Buffer;
  try {
    bytes = await ctx.fetchMedia(media);
  } catch {
    return { ok: false, key: 'admin-import-fetch-failed' };
  }
  if (bytes.length > MAX_CSV_BYTES) return { ok: false, key: 'admin-import-too-large' };
  const read = decodeCsvBytes(bytes);
  return read.ok ? { ok: true, csv: read.text } : { ok: false, key: read.reason === 'binary' ? 'admin-import-not-csv' : 'admin-import-encoding' };
}

/** A file sent on the help step (or right after a result): imported at once when the caption names the kind. */
async function takeFile(ctx: FlowCtx, input: Input): Promise<Moved> {
  if (input.kind === 'choice' && ADMIN_MENU.parse(input.id) === 'back') return goto('admin', 'main');
  if (input.kind === 'photo') return invalid('admin-import-not-csv', { max: '2 MB' });
  if (input.kind !== 'document') return invalid('admin-import-need-file');
  const read = await readCsv(ctx, input.media);
  if (!read.ok) return invalid(read.key, { max: '2 MB' });
  const kind = kindOf(input.media.caption);
  if (kind) return runImport(ctx, kind, read.csv);
  await ctx.deps.store.uploads.put(ctx.chat.channel, ctx.chat.chatId, read.csv, UPLOAD_TTL_S);
  return goto('admin-import', 'kind');
}

/** Imports from chat: a CSV file with caption `roster`, `umkm` or `products` (or the kind picked after). */
export const adminImportFlow: Flow = adminOnly(
  defineFlow({
    name: 'admin-import',
    data: z.object({}),
    steps: {
      ask: {
        enter: () => reply(text('admin-import-help', { max: '2 MB' }, [choice(ADMIN_MENU.pack('back'), 'admin-back'), menuButton()])),
        handle: takeFile,
        takesDocument: true,
      },
      kind: {
        enter: () =>
          reply(
            text('admin-import-which', {}, [
              ...IMPORT_KINDS.map((k) => choice(KIND.pack(k), `admin-import-kind-${k}`)),
              choice(CANCEL_IMPORT, 'admin-import-cancel'),
            ]),
          ),
        async handle(ctx, input) {
          if (input.kind === 'choice' && input.id === CANCEL_IMPORT) {
            await ctx.deps.store.uploads.drop(ctx.chat.channel, ctx.chat.chatId);
            return goto('admin', 'main', { replies: [text('admin-import-cancelled')] });
          }
          const picked = input.kind === 'choice' ? KIND.parse(input.id) : null;
          const kind = picked === 'cancel' ? null : picked;
          if (!kind) return invalid('ui-choose-button');
          const csv = await ctx.deps.store.uploads.get(ctx.chat.channel, ctx.chat.chatId);
          if (csv === null) return goto('admin-import', 'ask', { replies: [text('admin-import-expired')] });
          return runImport(ctx, kind, csv);
        },
      },
      done: {
        enter: () => reply(text('admin-import-next', {}, [choice(ADMIN_MENU.pack('back'), 'admin-back'), menuButton()])),
        handle: takeFile,
        takesDocument: true,
      },
    },
  }),
);

/**
 * A CSV sent by an admin with the caption `roster`, `umkm` or `products` from any screen that does
 * not take files itself (the main menu, say): imported as on /impor, with the same answers.
 */
export const importDocument: GlobalDocument = {
  accepts: (ctx, media) => isAdmin(ctx.user) && kindOf(media.caption) !== null,
  async handle(ctx, media) {
    const read = await readCsv(ctx, media);
    if (!read.ok) return invalid(read.key, { max: '2 MB' });
    return runImport(ctx, kindOf(media.caption)!, read.csv);
  },
};
