/**
 * QRIS payloads (EMVCo merchant-presented QR, as Bank Indonesia's QRIS standard defines it):
 * a string of TLV fields `<tag 2 digits><length 2 digits><value>`, starting with `000201` (payload
 * format indicator 01) and ending with tag 63, the CRC16-CCITT (poly 0x1021, init 0xFFFF) of
 * everything before the CRC value, as 4 hex digits.
 */

/** CRC16-CCITT (FALSE): polynomial 0x1021, initial value 0xFFFF, no reflection, no final xor. */
export function crc16ccitt(text: string): number {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** Why a payload is not a QRIS. */
export type QrisRefusal = 'not-emv' | 'bad-tlv' | 'no-crc' | 'bad-crc' | 'no-merchant';

export type QrisResult = { ok: true; merchant: string; city?: string } | { ok: false; reason: QrisRefusal };

/** Top-level TLV fields of an EMV payload, or null when it does not split into fields. */
export function emvFields(payload: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = 0;
  while (i < payload.length) {
    const tag = payload.slice(i, i + 2);
    const len = payload.slice(i + 2, i + 4);
    if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(len)) return null;
    const n = Number(len);
    const value = payload.slice(i + 4, i + 4 + n);
    if (value.length !== n) return null;
    out.set(tag, value);
    i += 4 + n;
  }
  return out;
}

/** Checks a decoded QR text is a QRIS (format, fields, CRC) and reads its merchant name (tag 59). */
export function parseQris(payload: string): QrisResult {
  if (!payload.startsWith('000201')) return { ok: false, reason: 'not-emv' };
  const fields = emvFields(payload);
  if (!fields) return { ok: false, reason: 'bad-tlv' };
  const crc = fields.get('63');
  // The CRC field is the last one: `6304` + 4 hex digits.
  if (crc === undefined || !payload.endsWith(`6304${crc}`) || !/^[0-9A-Fa-f]{4}$/.test(crc)) return { ok: false, reason: 'no-crc' };
  const expected = crc16ccitt(payload.slice(0, payload.length - 4));
  if (parseInt(crc, 16) !== expected) return { ok: false, reason: 'bad-crc' };
  const merchant = fields.get('59')?.trim();
  if (!merchant) return { ok: false, reason: 'no-merchant' };
  const city = fields.get('60')?.trim();
  return { ok: true, merchant, ...(city ? { city } : {}) };
}

/** Appends tag 63 with the right CRC to a payload (for building test and demo QRIS). */
export function withQrisCrc(body: string): string {
  const head = `${body}6304`;
  return head + crc16ccitt(head).toString(16).toUpperCase().padStart(4, '0');
}
