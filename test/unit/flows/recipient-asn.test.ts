import { createI18n } from '../../../src/i18n/index.js';
import { loadReportFacts, reportText, reportWebhookBody } from '../../../src/reports/report-content.js';
import { addToCart, createDriver, createTestApp, DEMO, orderIdIn, type TestApp } from '../../support/engine-driver.js';

const NIP = '198507142010012003';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'recipient-asn', clock: () => new Date('2026-11-22T03:00:00Z') });
});
afterAll(async () => {
  await t.close();
});

test('a recipient who is an ASN in isoman: NIP validated like the roster, never in reports; reports count residents and ASN apart', async () => {
  const d = createDriver(t.app);
  await d.register(DEMO.asn2.phone);
  await addToCart(d, 'Rendang Paru', 1);
  await d.press('✅ Konfirmasi pesanan');
  const orderId = orderIdIn(d.text);
  await d.press('rc:new');
  await d.say('Siti Aminah');
  await d.say('0812 3456 7890');
  await d.say('Jl. Melati No. 5, RT 02/RW 03');
  await d.press('Beji');
  await d.press('Kukusan');
  await d.press('👤 Penerima ini ASN (isi NIP)');
  expect(d.text).toContain('Ketik NIP penerima (18 angka)');
  await d.say('12345');
  expect(d.text).toContain('NIP belum sesuai: harus 18 digit, tertulis 5 digit');
  await d.say('198513142010012003'); // month 13
  expect(d.text).toContain('NIP belum sesuai');
  expect((await t.app.store.orders.get(orderId))?.recipient).toBeUndefined();
  await d.say(NIP.replace(/(\d{8})(\d{6})/, '$1 $2 '));
  expect(d.text).toContain('NIP penerima tercatat');
  expect(d.labels).not.toContain('👤 Penerima ini ASN (isi NIP)');
  await d.press('rn:skip');
  const order = (await t.app.store.orders.get(orderId))!;
  expect(order.recipient).toMatchObject({ name: 'Siti Aminah', asnNip: NIP, asn: true });

  // Paid: the reports never carry the NIP; the recap counts ASN recipients apart.
  const paid = await t.app.store.orders.update(orderId, { status: 'paid' }, 'asn');
  expect(paid.ok).toBe(true);
  const facts = (await loadReportFacts(t.app.store, orderId))!;
  expect(JSON.stringify(reportWebhookBody(facts, 'purchase.reported', new Date()))).not.toContain(NIP);
  expect(reportText(createI18n(), 'id', facts)).not.toContain(NIP);
  const admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
  await admin.command('rekap');
  expect(admin.last[0]!.text).toContain('Penerima: 0 warga, 1 ASN isoman');
  const csv = admin.last[1]!.document!.content;
  expect(csv).not.toContain(NIP);
  expect(csv.trim().split('\n')[1]!.endsWith(',asn')).toBe(true);
});
