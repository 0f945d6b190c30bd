import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'sharp';
import { cleanJpegSize } from './clean-jpeg.js';
import { cleanPdf, looksLikePdf } from './clean-pdf.js';
import { loadSharp } from './sharp.js';

/** Receipts and photos are refused above this size. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * Images with more pixels than this are refused before they are decoded (sharp's own default is
 * 268 MP: about 1 GB of memory for one picture). 40 MP is above any phone camera's photo and any
 * screenshot of a payment.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** Files up to this size are written in one blocking call (see `write`). */
const SYNC_WRITE_MAX = 1024 * 1024;

/** Longer sides are scaled down to this. */
const MAX_SIDE = 2048;

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'tiff', 'gif', 'avif']);

export type StoredImage =
  { ok: true; hash: string; path: string; mime: 'image/jpeg'; bytes: number } | { ok: false; reason: 'too-large' | 'too-many-pixels' | 'not-an-image' };

/** An image checked and cleaned but not written yet (`prepareImage`, then `commit`). */
export type PreparedImage = { ok: true; folder: string; clean: Buffer; stored: Extract<StoredImage, { ok: true }> } | Extract<StoredImage, { ok: false }>;

export type StoredPdf = { ok: true; hash: string; path: string; mime: 'application/pdf'; bytes: number } | { ok: false; reason: 'too-large' | 'not-a-pdf' };

/**
 * Images kept under MEDIA_DIR by content hash. The type is sniffed from the bytes (sharp reads the
 * header; a declared MIME type is never trusted), EXIF/GPS and every other metadata is dropped
 * (sharp keeps none unless asked), orientation is applied, and the result is re-encoded as JPEG.
 * A JPEG that already holds nothing but pixels (isCleanJpeg: what Telegram's compressed photos
 * are) and fits MAX_SIDE is kept byte for byte instead, without a call to sharp.
 */
export function createMediaStore(mediaDir: string) {
  const root = path.resolve(mediaDir);
  return {
    root,
    /** Absolute path of a stored relative path. */
    resolve(rel: string): string {
      const abs = path.resolve(root, rel);
      if (!abs.startsWith(root + path.sep)) throw new Error('media path escapes MEDIA_DIR');
      return abs;
    },
    async read(rel: string): Promise<Buffer> {
      return readFile(this.resolve(rel));
    },
    /** Deletes a stored file; one already gone is not an error. */
    async remove(rel: string): Promise<void> {
      await rm(this.resolve(rel), { force: true });
    },
    /** Sniffs, strips metadata and stores an image; `hash` is the SHA-256 of the bytes as received. */
    async storeImage(bytes: Buffer, folder: string): Promise<StoredImage> {
      const prepared = await this.prepareImage(bytes, folder);
      if (!prepared.ok) return prepared;
      await this.commit(prepared);
      return prepared.stored;
    },
    /**
     * `storeImage` without the write: the image checked and cleaned, and where it will be kept.
     * The caller writes it with `commit`, beside other work (a receipt's claim in Redis).
     */
    async prepareImage(bytes: Buffer, folder: string): Promise<PreparedImage> {
      if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'too-large' };
      const hash = createHash('sha256').update(bytes).digest('hex');
      const size = cleanJpegSize(bytes);
      let clean: Buffer;
      if (size && size.width <= MAX_SIDE && size.height <= MAX_SIDE) {
        clean = bytes; // a JPEG with nothing to remove (see clean-jpeg.ts): kept as received
      } else {
        let meta: Metadata;
        try {
          meta = await (await loadSharp())(bytes, { failOn: 'error', limitInputPixels: false }).metadata(); // the header only; the size is checked below
        } catch {
          return { ok: false, reason: 'not-an-image' };
        }
        if (!meta.format || !IMAGE_FORMATS.has(meta.format)) return { ok: false, reason: 'not-an-image' };
        if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_IMAGE_PIXELS) return { ok: false, reason: 'too-many-pixels' };
        try {
          clean = await (
            await loadSharp()
          )(bytes, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS })
            .rotate()
            .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
            .jpeg({ quality: 85 })
            .toBuffer();
        } catch {
          return { ok: false, reason: 'not-an-image' };
        }
      }
      const rel = path.posix.join(folder, `${hash}.jpg`);
      return { ok: true, folder, clean, stored: { ok: true, hash, path: rel, mime: 'image/jpeg', bytes: clean.length } };
    },
    /** Writes a prepared image (the same bytes under the same name: writing it twice is harmless). */
    async commit(prepared: Extract<PreparedImage, { ok: true }>): Promise<void> {
      await this.write(prepared.stored.path, prepared.folder, prepared.clean);
    },
    /**
     * Sniffs (`%PDF-`), strips metadata (clean-pdf.ts: the information dictionary and XMP) and
     * stores a PDF (a receipt many banking apps share as PDF); `hash` is of the bytes as received.
     */
    async storePdf(bytes: Buffer, folder: string): Promise<StoredPdf> {
      if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'too-large' };
      if (!looksLikePdf(bytes)) return { ok: false, reason: 'not-a-pdf' };
      const clean = await cleanPdf(bytes);
      if (!clean) return { ok: false, reason: 'not-a-pdf' };
      const hash = createHash('sha256').update(bytes).digest('hex');
      const rel = path.posix.join(folder, `${hash}.pdf`);
      await this.write(rel, folder, clean);
      return { ok: true, hash, path: rel, mime: 'application/pdf', bytes: clean.length };
    },
    async write(rel: string, folder: string, data: Buffer): Promise<void> {
      // A small file (a compressed receipt photo is 50-300 KB) goes to the page cache in one
      // blocking call of well under a millisecond: cheaper than the three thread-pool round trips
      // (open, write, close) of an async write, each of which waits a turn of a busy event loop.
      const put = data.length <= SYNC_WRITE_MAX ? async (file: string) => writeFileSync(file, data) : (file: string) => writeFile(file, data);
      try {
        await put(this.resolve(rel));
      } catch (err) {
        // The folder does not exist yet (or was removed by hand): make it, once, not per file.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        await mkdir(path.join(root, folder), { recursive: true });
        await put(this.resolve(rel));
      }
    },
  };
}
export type MediaStore = ReturnType<typeof createMediaStore>;
