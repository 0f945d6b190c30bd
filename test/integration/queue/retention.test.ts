import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Order, Recipient } from '../../../src/domain/schemas.js';
import { ANONYMISED, anonymise } from '../../../src/maintenance/retention.js';
import { createMediaStore } from '../../../src/media/media-store.js';
import { notificationMessage } from '../../../src/reports/notification-content.js';
import { reportWebhookBody } from '../../../src/reports/report-content.js';
import { receiptPhoto } from '../../../src/queue/report-destinations.js';
import { ASN, RECIPIENT, UMKM, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, i18n, settled } from '../../support/queue/harness.js';

const DAY = 24 * 3600 * 1000;
const NOW = new Date('2027-03-01T03:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const OTHER_NIP = '199001012015031001';

let h: ReturnType<typeof createHarness>;
const mediaDir = mkdtempSync(path.join(tmpdir(), 'umkm-retention-media-'));
const media = createMediaStore(mediaDir);
type Receipt = NonNullable<Order['receipt']>;
/** Receipt photos as the receipt flow stores them (MEDIA_DIR/receipts/<sha256>.jpg). */
const receipts: Record<'A' | 'B' | 'D' | 'G', Receipt> = {} as never;
const MISSING: Receipt = { hash: 'f'.repeat(64), path: `receipts/${'f'.repeat(64)}.jpg`, mime: 'image/jpeg' };
const file = (rc: Receipt) => path.join(mediaDir, rc.path!);

/** Writes an order record as the app stores it (and its ASN index). */
async function putOrder(id: string, asnNip: string, status: Order['status'], createdAt: string, updatedAt: string, recipient?: Recipient, receipt?: Receipt) {
  const order: Order = {
    id,
    asnNip,
    umkmId: 'U001',
    items: [{ sku: 'KT-01', name: 'Keripik Tempe 250 g', price: 15000, qty: 2 }],
    total: 30000,
    status,
    recipient,
    receipt,
    reportedTo: {},
    createdAt,
    updatedAt,
  };
  await h.redis.hset(h.keys.orders(), id, JSON.stringify(order));
  await h.redis.zadd(h.keys.ordersByAsn(asnNip), Date.parse(createdAt), id);
}

const r = (id: string, name: string, phone: string): Recipient => ({ ...RECIPIENT, id, name, phone, note: 'pagar hijau, titip ke satpam' });

beforeAll(async () => {
  h = createHarness(testConfig({ RETENTION_DAYS: '90', MEDIA_DIR: mediaDir }), { clock: () => NOW });
  for (const [i, k] of (['A', 'B', 'D', 'G'] as const).entries()) {
    const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: { r: 40 * i, g: 90, b: 200 } } })
      .png()
      .toBuffer();
    const stored = await media.storeImage(bytes, 'receipts');
    if (!stored.ok) throw new Error('receipt not stored');
    receipts[k] = { hash: stored.hash, path: stored.path, mime: stored.mime };
  }
  // Telegram's cached ids of uploaded receipts (they could resend a photo without its file).
  await h.redis.hset(h.keys.telegramFileIds(), receipts.A.path!, 'tg-file-A', receipts.B.path!, 'tg-file-B');
  // ASN: four nominations. Old delivery, recent delivery of an old order, old undelivered, recent undelivered.
  // C names B's receipt file (cannot happen through the bot, which refuses the same photo twice): it must stay for B.
  await putOrder('ORD-A', ASN.nip, 'delivered', ago(102), ago(100), r('RA', 'Siti Wulandari', '+6285711110001'), receipts.A);
  await putOrder('ORD-B', ASN.nip, 'delivered', ago(95), ago(10), r('RB', 'Ahmad Fauzi', '+6285711110002'), receipts.B);
  await putOrder('ORD-C', ASN.nip, 'rejected', ago(91), ago(90), r('RC', 'Dewi Anggraini', '+6285711110003'), receipts.B);
  await putOrder('ORD-D', ASN.nip, 'paid', ago(30), ago(29), r('RD', 'Rudi Hartono', '+6285711110004'), receipts.D);
  await putOrder('ORD-E', ASN.nip, 'confirmed', ago(200), ago(200));
  for (const id of ['RA', 'RB', 'RC', 'RD']) await h.store.recipients.save(ASN.nip, r(id, 'Nama Penerima', '+6285711119999'));
  // Another ASN saved a recipient long ago and no order names it any more; a third one has no orders at all.
  // F's receipt file is already gone from MEDIA_DIR; G was anonymised by a run before receipts were
  // deleted (which moved its updatedAt to then) and still has its receipt.
  await putOrder('ORD-F', OTHER_NIP, 'delivered', ago(120), ago(118), r('RF', 'Yanti Susilawati', '+6285711110006'), MISSING);
  await putOrder('ORD-G', OTHER_NIP, 'delivered', ago(130), ago(5), anonymise(r('RG', 'Wahyu Hidayat', '+6285711110009')), receipts.G);
  await h.store.recipients.save(OTHER_NIP, r('RX', 'Joko Widodo', '+6285711110007'));
  await h.store.recipients.save('199202022016042002', r('RY', 'Tuti Alawiyah', '+6285711110008'));
  await h.start({});
});

afterAll(async () => {
  await h.close();
  rmSync(mediaDir, { recursive: true, force: true });
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
    expect(job.returnvalue).toEqual({ ordersAnonymised: 3, recipientsDeleted: 5, receiptsRemoved: 4 });

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

  it('deletes the receipt photos of those orders and clears them on the order; orders within retention keep theirs', async () => {
    // A: the file is gone, the order keeps only the hash (for the webhook and the duplicate check).
    expect(existsSync(file(receipts.A))).toBe(false);
    const a = (await h.store.orders.get('ORD-A'))!;
    expect(a.receipt).toEqual({ hash: receipts.A.hash, mime: 'image/jpeg', removedAt: NOW.toISOString() });
    expect(await h.redis.hget(h.keys.telegramFileIds(), receipts.A.path!)).toBeNull();
    // F's file was missing already, G's recipient was anonymised before: both cleared all the same.
    expect((await h.store.orders.get('ORD-F'))!.receipt).toEqual({ hash: MISSING.hash, mime: 'image/jpeg', removedAt: NOW.toISOString() });
    expect(existsSync(file(receipts.G))).toBe(false);
    expect((await h.store.orders.get('ORD-G'))!.receipt?.path).toBeUndefined();
    // B and D are within retention: files and paths stay; C is cleared, but the file it shares with B stays.
    expect(existsSync(file(receipts.B))).toBe(true);
    expect(existsSync(file(receipts.D))).toBe(true);
    expect((await h.store.orders.get('ORD-B'))!.receipt).toEqual(receipts.B);
    expect((await h.store.orders.get('ORD-D'))!.receipt).toEqual(receipts.D);
    expect((await h.store.orders.get('ORD-C'))!.receipt).toEqual({ hash: receipts.B.hash, mime: 'image/jpeg', removedAt: NOW.toISOString() });
    expect(await h.redis.hget(h.keys.telegramFileIds(), receipts.B.path!)).toBe('tg-file-B');
  });

  it('an order whose receipt was removed is still told and reported, without the photo', async () => {
    const a = (await h.store.orders.get('ORD-A'))!;
    const owner = notificationMessage(i18n, 'id', 'telegram', 'owner', 'paid', { order: a, umkm: UMKM, asn: ASN, acceptMinutes: 60 });
    expect(owner?.text).toContain('Pesanan baru untuk Keripik Tempe Bu Sri');
    expect(owner?.photo).toBeUndefined();
    expect(await receiptPhoto(mediaDir, { order: a, asn: ASN, umkm: UMKM })).toBeUndefined();
    expect(reportWebhookBody({ order: a, asn: ASN, umkm: UMKM }, 'purchase.reported', NOW).receipt_sha256).toBe(receipts.A.hash);
  });

  it('a second run changes nothing', async () => {
    await h.queues.maintenance.add('retention', { task: 'retention' }, { jobId: 'retention-again' });
    const job = await settled(h.queues.maintenance, 'retention-again');
    expect(job.returnvalue).toEqual({ ordersAnonymised: 0, recipientsDeleted: 0, receiptsRemoved: 0 });
    expect((await h.store.orders.get('ORD-B'))!.recipient?.name).toBe('Ahmad Fauzi');
    expect((await h.store.orders.get('ORD-A'))!.receipt?.removedAt).toBe(NOW.toISOString());
    expect(existsSync(file(receipts.B))).toBe(true);
  });

  it('a malformed job fails for good, naming the field', async () => {
    await h.queues.maintenance.add('retention', { task: 'everything' } as never, { jobId: 'retention-bad' });
    const job = await settled(h.queues.maintenance, 'retention-bad');
    expect(job.failedReason).toMatch(/task: must be retention/);
    expect(job.attemptsMade).toBe(1);
  });
});
