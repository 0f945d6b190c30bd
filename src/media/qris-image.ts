import type { OutputInfo } from 'sharp';
import { parseQris, type QrisRefusal } from '../domain/qris.js';
import { loadSharp } from './sharp.js';

/** Why an image is refused as a QRIS: no readable QR code in it, or a QR that is not a QRIS. */
export type QrisImageRefusal = 'not-image' | 'no-qr' | QrisRefusal;

export type QrisImageResult = { ok: true; merchant: string; payload: string } | { ok: false; reason: QrisImageRefusal };

type JsQR = (
  data: Uint8ClampedArray,
  width: number,
  height: number,
  options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' },
) => { data: string } | null;
let jsQRLoading: Promise<JsQR> | undefined;
/** jsQR, loaded with the first QRIS image instead of at start-up. */
function loadJsQR(): Promise<JsQR> {
  // jsqr is CommonJS with `exports.default`: under NodeNext its default import is the module object.
  return (jsQRLoading ??= import('jsqr').then((m) => ((m.default as unknown as { default?: unknown }).default ?? m.default) as unknown as JsQR));
}

/** Longest side the decoder works on (a phone photo is scaled down first; QR codes stay readable). */
const DECODE_SIDE = 1200;

/** Decodes the QR code of an image (sharp for the pixels, jsQR for the code) and checks it is a QRIS. */
export async function readQrisImage(bytes: Buffer): Promise<QrisImageResult> {
  let raw: { data: Buffer; info: OutputInfo };
  const jsQR = await loadJsQR();
  try {
    raw = await (
      await loadSharp()
    )(bytes, { failOn: 'error' })
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
