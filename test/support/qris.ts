import QRCode from 'qrcode';
import { withQrisCrc } from '../../src/domain/qris.js';

const tlv = (tag: string, value: string) => tag + String(value.length).padStart(2, '0') + value;

/** A QRIS payload (EMVCo merchant-presented, static) for `merchant`, with a correct CRC. */
export function qrisPayload(merchant: string, city = 'DEPOK'): string {
  const body =
    tlv('00', '01') +
    tlv('01', '11') +
    tlv('26', tlv('00', 'ID.CO.QRIS.WWW') + tlv('01', 'ID1020000000001') + tlv('03', 'UMI')) +
    tlv('51', tlv('00', 'ID.CO.QRIS.WWW') + tlv('02', 'ID1020000000001')) +
    tlv('52', '5812') +
    tlv('53', '360') +
    tlv('58', 'ID') +
    tlv('59', merchant) +
    tlv('60', city);
  return withQrisCrc(body);
}

/** The same payload with its CRC changed (a damaged or altered code). */
export function brokenCrc(payload: string): string {
  const crc = payload.slice(-4);
  return payload.slice(0, -4) + (crc === '0000' ? '0001' : '0000');
}

/** A PNG of a QR code holding `text` (the qrcode library), as a phone screenshot would be. */
export async function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', margin: 4, scale: 6, errorCorrectionLevel: 'M' });
}
