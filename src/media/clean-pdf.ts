import type { PDFDocument } from 'pdf-lib';

/** A PDF starts with `%PDF-` (some generators put a few bytes of junk before it; we take none). */
export const looksLikePdf = (bytes: Buffer): boolean => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * The same PDF without who made it: the document information dictionary (author, creator,
 * producer, title, dates) and every XMP metadata stream (the catalogue's, and any page's or
 * object's) are removed, and the file is written anew by pdf-lib (no incremental updates, which
 * can keep old metadata after the end of the file). Null when pdf-lib cannot read it or it is
 * encrypted (its content could not be checked).
 */
export async function cleanPdf(bytes: Buffer): Promise<Buffer | null> {
  try {
    // pdf-lib (some 70 modules) is loaded on the first PDF, not at start-up.
    const pdf = await import('pdf-lib');
    return await rewrite(pdf, await pdf.PDFDocument.load(bytes, { updateMetadata: false }));
  } catch {
    return null; // not a PDF pdf-lib can read (broken, no page tree)
  }
}

async function rewrite({ PDFDict, PDFName }: typeof import('pdf-lib'), doc: PDFDocument): Promise<Buffer | null> {
  if (doc.isEncrypted || doc.getPageCount() === 0) return null;
  const { context } = doc;
  const info = context.trailerInfo.Info;
  context.trailerInfo.Info = undefined;
  if (info) {
    const ref = info instanceof PDFDict ? undefined : info;
    if (ref && 'objectNumber' in ref) context.delete(ref as Parameters<typeof context.delete>[0]);
  }
  const metadata = PDFName.of('Metadata');
  for (const [, obj] of context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : (obj as { dict?: unknown }).dict;
    if (dict instanceof PDFDict && dict.has(metadata)) {
      const target = dict.get(metadata);
      dict.delete(metadata);
      if (target && 'objectNumber' in target) context.delete(target as Parameters<typeof context.delete>[0]);
    }
  }
  doc.catalog.delete(metadata);
  // Plain objects (no object streams): what is left in the file can be read, and checked, as is.
  return Buffer.from(await doc.save({ updateFieldAppearances: false, useObjectStreams: false }));
}
