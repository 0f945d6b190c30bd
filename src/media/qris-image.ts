import jsQRModule from 'jsqr';
import sharp, { type OutputInfo } from 'sharp';
import { parseQris, type QrisRefusal } from '../domain/qris.js';

/** Why an image is refused as a QRIS: no readable QR code in it, or a QR that is not a QRIS. */
export type QrisImageRefusal = 'not-image' | 'no-qr' | QrisRefusal;

export type QrisImageResult = { ok: true; merchant: string; payload: string } | { ok: false; reason: QrisImageRefusal };

// jsqr is CommonJS with `exports.default`: under NodeNext its default import is the module object.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' },
) => { data: string } | null;

/** Longest side the decoder works on (a phone photo is scaled down first; QR codes stay readable). */
const DECODE_SIDE = 1200;

/** Decodes the QR code of an image (sharp for the pixels, jsQR for the code) and checks it is a QRIS. */
export async function readQrisImage(bytes: Buffer): Promise<QrisImageResult> {
  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await sharp(bytes, { failOn: 'error' })
      .rotate()
      .resize({ width: DECODE_SIDE, height: DECODE_SIDE, fit: 'inside', withoutEnlargement: true })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch {
    return { ok: false, reason: 'not-image' };
  }
  const { width, height } = raw.info;
  const pixels = new Uint8ClampedArray(raw.data.buffer, raw.data.byteOffset, raw.data.length);
  // Dark modules on light ground first (nearly every QRIS); both ways only when that finds nothing.
  let code: { data: string } | null;
  try {
    code = jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' }) ?? jsQR(pixels, width, height, { inversionAttempts: 'attemptBoth' });
  } catch {
    code = null; // the decoder gave up on a picture it could not locate anything in
  }
  if (!code || !code.data) return { ok: false, reason: 'no-qr' };
  const payload = code.data.trim();
  const q = parseQris(payload);
  return q.ok ? { ok: true, merchant: q.merchant, payload } : q;
}
