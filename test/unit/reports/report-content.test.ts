import { describe, expect, it } from '@jest/globals';
import type { Order } from '../../../src/domain/schemas.js';
import { createI18n } from '../../../src/i18n/index.js';
import { JobPayloadError, ReminderJobSchema, ReportJobSchema, jobIds, parseJob } from '../../../src/queue/jobs.js';
import { csvCell } from '../../../src/reports/recap.js';
import { maskName, reportText, reportWebhookBody } from '../../../src/reports/report-content.js';
import { ASN, RECIPIENT, UMKM } from '../../support/queue/fixtures.js';

const i18n = createI18n();
const order: Order = {
  id: 'ORD-20261123-00007',
  asnNip: ASN.nip,
  umkmId: UMKM.id,
  items: [{ sku: 'KT-01', name: 'Keripik Tempe 250 g', price: 15000, qty: 2 }],
  total: 30000,
  status: 'paid',
  recipient: RECIPIENT,
  receipt: { hash: 'a'.repeat(64), path: 'receipts/x.jpg', mime: 'image/jpeg' },
  paymentConfirmed: true,
  reportedTo: {},
  createdAt: '2026-11-23T03:04:00.000Z',
  updatedAt: '2026-11-23T03:04:00.000Z',
};

describe('maskName', () => {
  it.each([
    ['Siti Wulandari', 'S*** W***'],
    ['  budi   santoso ', 'B*** S***'],
    ['Ñoño', 'Ñ***'],
    ['Ahmad', 'A***'],
  ])('%s -> %s', (name, masked) => expect(maskName(name)).toBe(masked));
});

describe('report content', () => {
  it('says who bought what from whom, for whom (masked), when, and whether payment was confirmed', () => {
    const text = reportText(i18n, 'id', { order, asn: ASN, umkm: UMKM });
    for (const part of [
      order.id,
      ASN.name,
      ASN.nip,
      ASN.opd,
      UMKM.name,
      UMKM.kecamatan,
      'Rp 30.000',
      'S*** W***',
      RECIPIENT.kelurahan,
      '23/11/2026 10.04 WIB',
      'sudah dikonfirmasi',
      '#ASNDepokPeduli #BeliProdukUMKMDepok',
    ])
      expect(text).toContain(part);
    for (const secret of [RECIPIENT.name, RECIPIENT.phone, RECIPIENT.address, UMKM.ownerPhone, UMKM.address]) expect(text).not.toContain(secret);
    expect(reportText(i18n, 'en', { order: { ...order, paymentConfirmed: false }, asn: ASN, umkm: UMKM })).toContain('not yet confirmed');
  });

  it('builds the webhook body with the masked recipient and the receipt hash', () => {
    const body = reportWebhookBody({ order, asn: ASN, umkm: UMKM }, 'purchase.reported', new Date('2026-11-23T04:00:00Z'));
    expect(body.recipient).toEqual({ kelurahan: 'Depok Jaya', kecamatan: 'Pancoran Mas', name_masked: 'S*** W***' });
    expect(body.receipt_sha256).toBe('a'.repeat(64));
    expect(body.payment_confirmed).toBe(true);
    expect(JSON.stringify(body)).not.toContain(RECIPIENT.address);
  });
});

describe('job payloads and ids', () => {
  it('refuses a bad payload naming the field, as a permanent failure', () => {
    expect(() => parseJob(ReportJobSchema, 'reports', { orderId: '', kind: 'x' })).toThrow(/orderId.*kind|kind.*orderId/s);
    expect(() => parseJob(ReminderJobSchema, 'reminders', { orderId: 'ORD-1', n: 3 })).toThrow(JobPayloadError);
  });

  it('builds ids BullMQ accepts (no ":" and never a bare integer)', () => {
    for (const id of [jobIds.followup('ORD-1'), jobIds.reminder('ORD-1', 2), jobIds.notification('ORD-1', 'umkm.paid'), jobIds.recap('2026-11-23')]) {
      expect(id).not.toContain(':');
      expect(`${parseInt(id, 10)}`).not.toBe(id);
    }
  });
});

describe('csvCell', () => {
  it('quotes separators and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+62812')).toBe("'+62812");
    expect(csvCell(-5)).toBe('-5');
  });
});
