import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { notificationMessage } from '../../src/reports/notification-content.js';
import { documentMessage, phoneJid } from '../support/fake-wa-socket.js';
import { startWhatsAppApp } from '../support/wa-driver.js';
import { playPurchase, waPurchaseSteps } from '../support/wa-purchase.js';

const BUDI = '+6289900000002'; // demo ASN Budi Prasetyo
const BUDI_NIP = '197706122001041002';

/** A bank app's PDF receipt that says who made it: information dictionary and XMP. */
async function bankPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setAuthor('Budi Prasetyo');
  doc.setCreator('Bank Contoh Mobile 5.1');
  doc.setProducer('Bank Contoh PDF Engine');
  doc.setTitle('Bukti Transfer Budi Prasetyo');
  const page = doc.addPage([300, 200]);
  page.drawText('Transfer berhasil Rp 140.000', { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  const xmp = doc.context.stream('<x:xmpmeta><dc:creator>Budi Prasetyo (XMP)</dc:creator></x:xmpmeta>', { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

test('a PDF receipt over WhatsApp is accepted, stored without its metadata, and forwarded to the owner as a document', async () => {
  const env = await startWhatsAppApp('wa-pdf');
  try {
    const { wa, app } = env;
    const steps = waPurchaseSteps(Buffer.alloc(0), 3);
    await playPurchase(
      wa,
      BUDI,
      steps.slice(
        0,
        steps.findIndex((s) => s.photo),
      ),
    );
    const pdf = await bankPdf();
    expect(pdf.toString('latin1')).toMatch(/Budi Prasetyo/);
    const msg = documentMessage(phoneJid(BUDI), pdf, 'BuktiTransfer_20261205.pdf', 'application/pdf');
    wa.factory.media.set(msg.key.id!, pdf);
    const before = wa.sentTo(BUDI).length;
    wa.socket().receive([msg]);
    await wa.channel.drain();
    const answer = wa
      .sentTo(BUDI)
      .slice(before)
      .map((m) => JSON.stringify(m.content))
      .join('\n');
    expect(answer).toMatch(/Bukti pembayaran pesanan ORD-\d{8}-\d{5}/);

    const [order] = await app.store.orders.ofAsn(BUDI_NIP);
    expect(order).toMatchObject({ status: 'paid', receipt: { mime: 'application/pdf' } });
    const stored = await readFile(path.join(env.mediaDir, order!.receipt!.path!));
    const text = stored.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).not.toMatch(/Budi|Bank Contoh|\/Author|\/Producer|\/Creator|\/Title|\/Metadata|xmpmeta/);
    const reread = await PDFDocument.load(stored, { updateMetadata: false });
    expect(reread.getPageCount()).toBe(1);
    expect([reread.getAuthor(), reread.getProducer(), reread.getTitle()]).toEqual([undefined, undefined, undefined]);

    // The owner's new-order notice carries it as the document it is, not as a photo.
    const umkm = await app.store.catalogue.umkmToShow(order!.umkmId);
    const facts = { order: order!, umkm, asn: null, acceptMinutes: 120 };
    const notice = notificationMessage(app.i18n, 'id', 'whatsapp', 'owner', 'paid', facts)!;
    const owner = '+6281100000099';
    expect(await wa.channel.sender.send(owner, notice)).toMatchObject({ ok: true });
    const [sent] = wa.sentTo(owner);
    expect(sent!.content).toMatchObject({
      mimetype: 'application/pdf',
      fileName: 'bukti-pembayaran.pdf',
      document: { url: path.join(env.mediaDir, order!.receipt!.path!) },
    });
    expect((sent!.content as { caption?: string }).caption).toMatch(/Pesanan baru/);
  } finally {
    await env.close();
  }
});
