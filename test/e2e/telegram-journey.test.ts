import sharp from 'sharp';
import { jobIds } from '../../src/queue/jobs.js';
import { buttonsOf, readable, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.js';

/** A fresh JPEG, different for each seed (receipts are unique photos). */
async function receiptJpeg(seed: number): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: { r: seed % 255, g: 120, b: 60 } } })
    .jpeg()
    .toBuffer();
}

describe('the ASN purchase journey on Telegram (grammY against the fake Bot API)', () => {
  let h: TelegramHarness;
  beforeAll(async () => {
    h = await startTelegramHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  test('from /start to a reported purchase with a post link', async () => {
    // Real per-chat limits (burst 3, then 1 message/s): 429s are waited out by auto-retry, as in production.
    const asn = h.user(5001, 'Budi');
    const welcome = await asn.command('start', /Bagikan nomor saya/);
    expect(buttonsOf(welcome)).toEqual([{ text: '📱 Bagikan nomor saya', contact: true }]);

    // Someone else's contact is refused; one's own is accepted and shows the roster row.
    await asn.shareContact('0899-0000-0002', /hanya nomor Anda sendiri/, false);
    await asn.shareContact('+62 899-0000-0002', /Budi Prasetyo — Kecamatan Beji/);
    await asn.press(/Ya, benar/, /Halo, Budi Prasetyo/);

    await asn.press(/Lihat katalog/, /Pilih kategori/);
    await asn.press(/Kuliner/, /Pilih kecamatan/);
    await asn.press(/^Beji \(\d+\)$/, /produk \(halaman 1\//);
    const list = asn.last()!;
    expect(readable(list)).toMatch(/bulan ini paling sedikit menerima pembayaran \(dalam Rupiah\) tampil lebih dulu/);
    expect(readable(list)).toMatch(/Rp \d{1,3}(\.\d{3})+/);
    const firstProduct = buttonsOf(list)[0]!;
    expect(firstProduct.data).toMatch(/^p:/);
    await asn.pressData(list.message_id, firstProduct.data!, /💰 Rp/);
    await asn.press(/Beli/, /Berapa jumlah yang ingin Anda beli\?/);

    // Bad quantities are answered and the step goes on; a typed 2 is taken.
    await asn.say('abc', /angka bulat/);
    await asn.say('100', /maksimal 99/);
    await asn.say('0', /minimal 1/);
    await asn.say('2', /Ringkasan pesanan/);
    const summary = asn.last()!;
    expect(readable(summary)).toMatch(/Total: Rp /);

    // A double tap on confirm: the second press gets a toast on the button, not a copy of the
    // screen; one order exists.
    const confirm = buttonsOf(summary).find((b) => /Konfirmasi/.test(b.text))!;
    await asn.pressData(summary.message_id, confirm.data!, /dibuat/);
    expect(await asn.pressStale(summary.message_id, confirm.data!)).toBe('Sudah kami proses. 👍');
    const orders = await h.app.store.orders.ofAsn('197706122001041002');
    expect(orders).toHaveLength(1);
    const orderId = orders[0]!.id;

    await asn.press(/Penerima baru/, /Nama lengkap penerima/);
    await asn.say('Siti Wulandari', /Nomor HP penerima/);
    await asn.say('0812-3456-7890', /Alamat lengkap/);
    await asn.say('Jl. Margonda Raya No. 100, RT 02/RW 05', /Kecamatan tempat tinggal/);
    await asn.press(/^Beji$/, /Kelurahan di Kec\. Beji/);
    await asn.press(/^Kukusan$/, /Catatan untuk pengantar/);
    await asn.press(/Lewati/, /kirim foto bukti pembayaran/);

    await asn.say('sudah bayar', /Mohon kirim foto/);
    await asn.photo(await receiptJpeg(1), /#ASNDepokPeduli #BeliProdukUMKMDepok/);
    // One message: the thanks, the caption as a part one tap copies (HTML <code>), the question.
    const post = await h.expectMessage(asn.id, /kirim tautan/, 0);
    expect(post).toMatchObject({ parse_mode: 'HTML' });
    expect(post.text).toMatch(/diterima[\s\S]*#ASNDepokPeduli #BeliProdukUMKMDepok[\s\S]*kirim tautan/);
    await asn.say('https://example.com/post/1', /tidak kami kenali/);
    await asn.say('https://www.instagram.com/p/CxYz123/', /Tautan Instagram Anda untuk pesanan ORD-\d{8}-\d{5} sudah kami catat/);

    const order = await h.app.store.orders.get(orderId);
    expect(order).toMatchObject({ status: 'paid', postLink: 'https://www.instagram.com/p/CxYz123/' });
    expect(order!.recipient).toMatchObject({ name: 'Siti Wulandari', phone: '+6281234567890', kelurahan: 'Kukusan', kecamatan: 'Beji' });
    expect(order!.receipt?.path).toMatch(/^receipts\/[0-9a-f]{64}\.jpg$/);

    const report = await h.app.queues.reports.getJob(jobIds.report(orderId));
    expect(report?.data).toEqual({ orderId, kind: 'report' });
    const followup = await h.app.queues.reports.getJob(jobIds.followup(orderId));
    expect(followup?.data).toEqual({ orderId, kind: 'followup' });
  }, 120_000);

  test('a number that is on no roster gets a polite refusal and nothing else', async () => {
    const stranger = h.user(5002, 'Anon');
    await stranger.command('start', /Bagikan nomor saya/);
    await stranger.shareContact('0811-1111-2222', /belum terdaftar.*Dinas Koperasi/s);
    await stranger.command('menu', /daftar dulu/);
    await stranger.say('1', /Bagikan nomor saya/);
    expect(await h.app.store.chatUsers.get('telegram', '5002')).toBeNull();
  });

  test('every callback query is answered, also for a forged button', async () => {
    const asn = h.user(5003, 'Dewi');
    await asn.command('start', /Bagikan nomor saya/);
    await asn.shareContact('0899-0000-0003', /Dewi Lestari/);
    const confirm = await asn.press(/Ya, benar/, /Halo, Dewi/);
    const before = h.fake.callbackAnswers().length;
    expect(await asn.pressStale(confirm.message_id, 'co:confirm', true)).toMatch(/tidak berlaku/);
    expect(h.fake.callbackAnswers().length).toBe(before + 1);
    expect(await h.app.store.orders.ofAsn('198411232009072003')).toHaveLength(0);
  });

  test('a duplicate update id is processed once', async () => {
    const asn = h.user(5004, 'Eko');
    const update = {
      update_id: 990001,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 5004, type: 'private' },
        from: { id: 5004, is_bot: false, first_name: 'Eko' },
        text: '/start',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      },
    };
    h.fake.pushUpdate(update);
    await h.expectMessage(asn.id, /Bagikan nomor saya/, 0);
    h.fake.pushUpdate(update);
    await asn.command('bantuan', /Cara berbelanja/);
    expect(h.fake.sent(asn.id).filter((m) => /Bagikan nomor saya/.test(readable(m)))).toHaveLength(1);
  });

  test('a burst from more chats than the bot handles at once (POLLING_CONCURRENCY) is answered in full, each chat once', async () => {
    const people = Array.from({ length: 100 }, (_, i) => h.user(7000 + i, `Warga ${i}`));
    const answers = await Promise.all(people.map((p) => p.command('start', /Bagikan nomor saya/)));
    expect(answers).toHaveLength(100);
    for (const p of people) expect(p.messages().filter((m) => /Bagikan nomor saya/.test(readable(m)))).toHaveLength(1);
  });
});
