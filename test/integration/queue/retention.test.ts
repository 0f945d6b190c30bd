import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Order, Recipient } from '../../../src/domain/schemas.js';
import { ANONYMISED } from '../../../src/maintenance/retention.js';
import { ASN, RECIPIENT, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, settled } from '../../support/queue/harness.js';

const DAY = 24 * 3600 * 1000;
const NOW = new Date('2027-03-01T03:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const OTHER_NIP = '199001012015031001';

let h: ReturnType<typeof createHarness>;

/** Writes an order record as the app stores it (and its ASN index). */
async function putOrder(id: string, asnNip: string, status: Order['status'], createdAt: string, updatedAt: string, recipient?: Recipient) {
  const order: Order = {
    id,
    asnNip,
    umkmId: 'U001',
    items: [{ sku: 'KT-01', name: 'Keripik Tempe 250 g', price: 15000, qty: 2 }],
    total: 30000,
    status,
    recipient,
    reportedTo: {},
    createdAt,
    updatedAt,
  };
  await h.redis.hset(h.keys.orders(), id, JSON.stringify(order));
  await h.redis.zadd(h.keys.ordersByAsn(asnNip), Date.parse(createdAt), id);
}

const r = (id: string, name: string, phone: string): Recipient => ({ ...RECIPIENT, id, name, phone, note: 'pagar hijau, titip ke satpam' });

beforeAll(async () => {
  h = createHarness(testConfig({ RETENTION_DAYS: '90' }), { clock: () => NOW });
  // ASN: four nominations. Old delivery, recent delivery of an old order, old undelivered, recent undelivered.
  await putOrder('ORD-A', ASN.nip, 'delivered', ago(102), ago(100), r('RA', 'Siti Wulandari', '+6285711110001'));
  await putOrder('ORD-B', ASN.nip, 'delivered', ago(95), ago(10), r('RB', 'Ahmad Fauzi', '+6285711110002'));
  await putOrder('ORD-C', ASN.nip, 'rejected', ago(91), ago(90), r('RC', 'Dewi Anggraini', '+6285711110003'));
  await putOrder('ORD-D', ASN.nip, 'paid', ago(30), ago(29), r('RD', 'Rudi Hartono', '+6285711110004'));
  await putOrder('ORD-E', ASN.nip, 'confirmed', ago(200), ago(200));
  for (const id of ['RA', 'RB', 'RC', 'RD']) await h.store.recipients.save(ASN.nip, r(id, 'Nama Penerima', '+6285711119999'));
  // Another ASN saved a recipient long ago and no order names it any more; a third one has no orders at all.
  await putOrder('ORD-F', OTHER_NIP, 'delivered', ago(120), ago(118), r('RF', 'Yanti Susilawati', '+6285711110006'));
  await h.store.recipients.save(OTHER_NIP, r('RX', 'Joko Widodo', '+6285711110007'));
  await h.store.recipients.save('199202022016042002', r('RY', 'Tuti Alawiyah', '+6285711110008'));
  await h.start({});
});

afterAll(async () => {
  await h.close();
});

describe('retention (UU PDP): recipients past RETENTION_DAYS', () => {
  it('registers a daily retention run at 02:30 WIB on the maintenance queue', async () => {
    const scheduler = await h.queues.maintenance.getJobScheduler('daily-retention');
    expect(scheduler).toMatchObject({ pattern: '30 2 * * *', tz: 'Asia/Jakarta' });
  });

  it('anonymises old deliveries and old undelivered orders, keeps kecamatan/kelurahan, deletes unused saved recipients', async () => {
    await h.queues.maintenance.add('retention', { task: 'retention' }, { jobId: 'retention-now' });
    const job = await settled(h.queues.maintenance, 'retention-now');
    expect(job.failedReason).toBeUndefined();
    expect(job.returnvalue).toEqual({ ordersAnonymised: 3, recipientsDeleted: 5 });

    const a = (await h.store.orders.get('ORD-A'))!;
    expect(a.recipient).toEqual({ id: 'RA', ...ANONYMISED, kecamatan: RECIPIENT.kecamatan, kelurahan: RECIPIENT.kelurahan });
    expect(JSON.stringify(a)).not.toMatch(/Siti Wulandari|6285711110001|Nusantara|satpam/);
    expect((await h.store.orders.get('ORD-C'))!.recipient).toMatchObject({ name: ANONYMISED.name, phone: ANONYMISED.phone, kelurahan: 'Depok Jaya' });
    expect((await h.store.orders.get('ORD-F'))!.recipient).toMatchObject({ name: ANONYMISED.name });
    // Delivered 10 days ago (ordered 95 days ago): kept. Ordered 30 days ago: kept. Status and totals untouched.
    expect((await h.store.orders.get('ORD-B'))!.recipient).toMatchObject({ name: 'Ahmad Fauzi', phone: '+6285711110002' });
    expect((await h.store.orders.get('ORD-D'))!.recipient).toMatchObject({ name: 'Rudi Hartono', note: 'pagar hijau, titip ke satpam' });
    expect(await h.store.orders.get('ORD-A')).toMatchObject({ status: 'delivered', total: 30000 });

    // Saved recipients: only RD (nominated 30 days ago) is left; the others were last used over 90 days ago.
    expect((await h.store.recipients.ofAsn(ASN.nip)).map((x) => x.id)).toEqual(['RD']);
    expect(await h.store.recipients.ofAsn(OTHER_NIP)).toEqual([]);
    expect(await h.store.recipients.ofAsn('199202022016042002')).toEqual([]);
  });

  it('a second run changes nothing', async () => {
    await h.queues.maintenance.add('retention', { task: 'retention' }, { jobId: 'retention-again' });
    const job = await settled(h.queues.maintenance, 'retention-again');
    expect(job.returnvalue).toEqual({ ordersAnonymised: 0, recipientsDeleted: 0 });
    expect((await h.store.orders.get('ORD-B'))!.recipient?.name).toBe('Ahmad Fauzi');
  });

  it('a malformed job fails for good, naming the field', async () => {
    await h.queues.maintenance.add('retention', { task: 'everything' } as never, { jobId: 'retention-bad' });
    const job = await settled(h.queues.maintenance, 'retention-bad');
    expect(job.failedReason).toMatch(/task: must be retention/);
    expect(job.attemptsMade).toBe(1);
  });
});
