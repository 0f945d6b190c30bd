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
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return false; // SOI
  if (b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return false; // EOI last: nothing appended
  let i = 2;
  let scans = 0;
  while (i + 2 <= b.length) {
    if (b[i] !== 0xff) return false;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9) return scans > 0 && i + 2 === b.length; // EOI, and it is the end
    if (i + 4 > b.length) return false;
    const length = b.readUInt16BE(i + 2);
    if (length < 2) return false;
    if (marker === 0xda) {
      // SOS: skip its header and the entropy-coded data up to the next real marker (a 0xFF
      // followed by 0x00 is a stuffed byte, 0xD0-0xD7 a restart marker), then check on: a
      // progressive JPEG has several scans, and segments may sit between them.
      scans++;
      let j = i + 2 + length;
      for (;;) {
        j = b.indexOf(0xff, j);
        if (j < 0 || j + 1 >= b.length) return false;
        const next = b[j + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) j++;
        else break;
      }
      i = j;
      continue;
    }
    if (!ALLOWED.has(marker)) return false;
    i += 2 + length;
  }
  return false;
}

/** SOF0-3, SOF5-7, SOF9-11, SOF13-15; DHT, DAC, DQT, DRI; APP0 (JFIF), APP14 (Adobe). */
const ALLOWED = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf, 0xc4, 0xcc, 0xdb, 0xdd, 0xe0, 0xee,
]);
