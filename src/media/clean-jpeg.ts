/**
 * Whether a JPEG already carries nothing but pixels, so storing it as received removes nothing:
 * the marker segments before the image data are only the ones that describe how to decode it
 * (SOF, DHT, DQT, DRI), JFIF (APP0) and Adobe's colour transform (APP14), and the file ends with
 * its end-of-image marker. Any EXIF or XMP (APP1, where phones write GPS), ICC, IPTC or other
 * APPn segment, a comment (COM), an unknown marker or bytes after the image: not clean, and the
 * caller re-encodes it with sharp. Photos sent through Telegram arrive clean (Telegram re-encodes
 * them), so most receipts are kept byte for byte: no generation loss on small print, and no
 * decode/encode (about 2 ms of CPU each).
 *
 * This reads only; it never edits the bytes (stripping is sharp's job).
 */
export function isCleanJpeg(b: Buffer): boolean {
  return cleanJpegSize(b) !== null;
}

/**
 * The frame size of a clean JPEG (see isCleanJpeg), from its one start-of-frame segment; null
 * when the JPEG is not clean, has no or several frames, or leaves a side unset.
 */
export function cleanJpegSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null; // SOI
  if (b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return null; // EOI last: nothing appended
  let i = 2;
  let scans = 0;
  let size: { width: number; height: number } | null = null;
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) return scans > 0 && i + 2 === b.length ? size : null; // EOI, and it is the end
    if (i + 4 > b.length) return null;
    const length = b.readUInt16BE(i + 2);
    if (length < 2) return null;
    if (marker === 0xda) {
      // SOS: skip its header and the entropy-coded data up to the next real marker (a 0xFF
      // followed by 0x00 is a stuffed byte, 0xD0-0xD7 a restart marker), then check on: a
      // progressive JPEG has several scans, and segments may sit between them.
      scans++;
      let j = i + 2 + length;
      for (;;) {
        j = b.indexOf(0xff, j);
        if (j < 0 || j + 1 >= b.length) return null;
        const next = b[j + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) j++;
        else break;
      }
      i = j;
      continue;
    }
    if (!ALLOWED.has(marker)) return null;
    if (SOF.has(marker)) {
      // length, precision, height, width: one frame, both sides set
      if (size || length < 8 || i + 9 > b.length) return null;
      size = { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
      if (!size.width || !size.height) return null;
    }
    i += 2 + length;
  }
  return null;
}

/** Start-of-frame markers: SOF0-3, SOF5-7, SOF9-11, SOF13-15. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** The frames; DHT, DAC, DQT, DRI; APP0 (JFIF), APP14 (Adobe). */
const ALLOWED = new Set([...SOF, 0xc4, 0xcc, 0xdb, 0xdd, 0xe0, 0xee]);
