import { methodsOf, normalizeBank, normalizeEwallet, parseAccountNumber } from '../../../src/domain/payment.js';
import { crc16ccitt, parseQris } from '../../../src/domain/qris.js';
import { readQrisImage } from '../../../src/media/qris-image.js';
import { png } from '../../support/engine-driver.js';
import { brokenCrc, qrisPayload, qrPng } from '../../support/qris.js';

describe('bank names', () => {
  test('names and common aliases are normalised to the list spelling', () => {
    expect(normalizeBank('bca')).toEqual({ ok: true, name: 'BCA' });
    expect(normalizeBank('Bank Central Asia')).toEqual({ ok: true, name: 'BCA' });
    expect(normalizeBank('bank mandiri')).toEqual({ ok: true, name: 'Mandiri' });
    expect(normalizeBank('BSM')).toEqual({ ok: true, name: 'BSI' });
    expect(normalizeBank('cimb')).toEqual({ ok: true, name: 'CIMB Niaga' });
    expect(normalizeBank('Bank BJB')).toEqual({ ok: true, name: 'BJB' });
    expect(normalizeBank('Sea Bank')).toEqual({ ok: true, name: 'SeaBank' });
    expect(normalizeBank('BLU')).toEqual({ ok: true, name: 'blu' });
  });

  test('an unknown name is refused with the nearest names of the list', () => {
    const r = normalizeBank('Mandri');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.nearest[0]).toBe('Mandiri');
    const typo = normalizeBank('BNCA');
    expect(!typo.ok && typo.nearest).toEqual(expect.arrayContaining(['BCA']));
    expect(normalizeBank('Bank Antah Berantah').ok).toBe(false);
  });

  test('account numbers: digits only (spaces, dots, dashes dropped), 6-20 of them', () => {
    expect(parseAccountNumber('123 456 7890')).toBe('1234567890');
    expect(parseAccountNumber('123-456.789')).toBe('123456789');
    expect(parseAccountNumber('12345')).toBeNull();
    expect(parseAccountNumber('1'.repeat(21))).toBeNull();
    expect(parseAccountNumber('12345a789')).toBeNull();
  });

  test('e-wallet providers from the list only', () => {
    expect(normalizeEwallet('gopay')).toEqual({ ok: true, name: 'GoPay' });
    expect(normalizeEwallet('Shopee Pay')).toEqual({ ok: true, name: 'ShopeePay' });
    expect(normalizeEwallet('Link Aja')).toEqual({ ok: true, name: 'LinkAja' });
    expect(normalizeEwallet('Paypal').ok).toBe(false);
  });

  test('the methods a set of details offers', () => {
    expect(methodsOf({})).toEqual([]);
    expect(methodsOf({ qris: { path: 'q.jpg', merchant: 'X' }, bank: { bank: 'BCA', number: '123456', holder: 'A' } })).toEqual(['bank', 'qris']);
  });
});

describe('QRIS payload', () => {
  test('CRC16-CCITT (FALSE) of the standard check string is 29B1', () => {
    expect(crc16ccitt('123456789')).toBe(0x29b1);
  });

  test('a valid payload gives its merchant name; a changed CRC, a foreign QR and broken fields are refused', () => {
    const good = qrisPayload('DAPUR BU SARI');
    expect(parseQris(good)).toEqual({ ok: true, merchant: 'DAPUR BU SARI', city: 'DEPOK' });
    expect(parseQris(brokenCrc(good))).toEqual({ ok: false, reason: 'bad-crc' });
    // one character of the merchant changed, CRC left: altered
    expect(parseQris(good.replace('DAPUR', 'DAPOR'))).toEqual({ ok: false, reason: 'bad-crc' });
    expect(parseQris('https://example.com/bayar')).toEqual({ ok: false, reason: 'not-emv' });
    expect(parseQris('000201010211599')).toEqual({ ok: false, reason: 'bad-tlv' });
    expect(parseQris(good.slice(0, -8))).toEqual({ ok: false, reason: 'no-crc' });
  });
});

describe('QRIS image (made with the qrcode library, decoded with sharp + jsQR)', () => {
  test('a QRIS image is read with its merchant name', async () => {
    const r = await readQrisImage(await qrPng(qrisPayload('KERIPIK MAK NAH')));
    expect(r).toMatchObject({ ok: true, merchant: 'KERIPIK MAK NAH' });
  });

  test('a QR with a broken CRC, a QR that is not QRIS, an image without a QR and bytes that are no image are refused with the reason', async () => {
    expect(await readQrisImage(await qrPng(brokenCrc(qrisPayload('KERIPIK MAK NAH'))))).toEqual({ ok: false, reason: 'bad-crc' });
    expect(await readQrisImage(await qrPng('https://wa.me/6281234567890'))).toEqual({ ok: false, reason: 'not-emv' });
    expect(await readQrisImage(await png(3))).toEqual({ ok: false, reason: 'no-qr' });
    expect(await readQrisImage(Buffer.from('not an image at all'))).toEqual({ ok: false, reason: 'not-image' });
  });
});
