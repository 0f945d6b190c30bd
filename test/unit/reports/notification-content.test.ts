import { describe, expect, it } from '@jest/globals';
import type { Order } from '../../../src/domain/schemas.js';
import { createI18n } from '../../../src/i18n/index.js';
import { notificationMessage } from '../../../src/reports/notification-content.js';
import { ASN, RECIPIENT, UMKM } from '../../support/queue/fixtures.js';

const i18n = createI18n();
const rejected: Order = {
  id: 'ORD-20270301-00007',
  asnNip: ASN.nip,
  umkmId: UMKM.id,
  items: [{ sku: 'KT-01', name: 'Keripik Tempe 250 g', price: 15000, qty: 2 }],
  total: 30000,
  status: 'rejected',
  recipient: RECIPIENT,
  rejectReason: 'Dapur tutup sampai Senin',
  reportedTo: {},
  createdAt: '2027-03-01T03:00:00.000Z',
  updatedAt: '2027-03-01T04:00:00.000Z',
};
const facts = { order: rejected, umkm: UMKM, asn: ASN, acceptMinutes: 120 };

describe('the ASN told of a rejection', () => {
  it('reads the reason and who returns the money already paid, with whom to contact', () => {
    const id = notificationMessage(i18n, 'id', 'telegram', 'asn', 'rejected', facts)!;
    expect(id.text).toContain('Mohon maaf, pesanan ORD-20270301-00007 ditolak oleh Keripik Tempe Bu Sri.\nAlasan: Dapur tutup sampai Senin');
    expect(id.text).toContain(
      'Uang yang sudah Anda bayarkan akan dikembalikan oleh Keripik Tempe Bu Sri; bila belum diterima, silakan hubungi Sri Lestari (0812-9876-5432).',
    );
    const en = notificationMessage(i18n, 'en', 'whatsapp', 'asn', 'rejected', facts)!;
    expect(en.text).toContain('Keripik Tempe Bu Sri will return the money you paid; if it has not arrived, please contact Sri Lestari (0812-9876-5432).');
  });
});
