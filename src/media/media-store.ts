import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/** Receipts and photos are refused above this size. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif', 'tiff', 'gif', 'avif']);

export type StoredImage =
  | { ok: true; hash: string; path: string; mime: 'image/jpeg'; bytes: number }
  | { ok: false; reason: 'too-large' | 'not-an-image' };

/**
 * Images kept under MEDIA_DIR by content hash. The type is sniffed from the bytes (sharp reads the
 * header; a declared MIME type is never trusted), EXIF/GPS and every other metadata is dropped
 * (sharp keeps none unless asked), orientation is applied, and the result is re-encoded as JPEG.
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
      if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, reason: 'too-large' };
      let format: string | undefined;
      try {
        format = (await sharp(bytes, { failOn: 'error' }).metadata()).format;
      } catch {
        return { ok: false, reason: 'not-an-image' };
      }
      if (!format || !IMAGE_FORMATS.has(format)) return { ok: false, reason: 'not-an-image' };
      const hash = createHash('sha256').update(bytes).digest('hex');
      let clean: Buffer;
      try {
        clean = await sharp(bytes, { failOn: 'error' })
          .rotate()
          .resize({ width: 2048, height: 2048, fit: 'inside', withoutEnlargement: true })
          .jpeg({ quality: 85 })
          .toBuffer();
      } catch {
        return { ok: false, reason: 'not-an-image' };
      }
      const rel = path.posix.join(folder, `${hash}.jpg`);
      await mkdir(path.join(root, folder), { recursive: true });
      await writeFile(this.resolve(rel), clean);
      return { ok: true, hash, path: rel, mime: 'image/jpeg', bytes: clean.length };
    },
  };
}
export type MediaStore = ReturnType<typeof createMediaStore>;
