/**
 * The ASN purchase journey as data (25 updates, the same path as test/e2e/telegram-journey.test.ts:
 * register, browse, buy with three bad quantities, recipient, receipt photo, post link), and the
 * same sequence of update kinds for the bare bot, which answers anything with one text.
 */
import type { Step } from './driver.js';

/** What differs between simulated ASN: their phone, the recipient's phone, the receipt photo. */
export interface JourneyPerson {
  index: number;
  phone: string;
  receipt: Buffer;
}

/** The full journey of one ASN through our bot. */
export function asnJourney(p: JourneyPerson): Step[] {
  const recipientPhone = `0813${String(20_000_000 + p.index)}`;
  return [
    { act: { kind: 'command', name: 'start' }, expect: /Bagikan nomor saya/ },
    { act: { kind: 'contact', phone: '0899-0000-0002', own: false }, expect: /hanya nomor Anda sendiri/ },
    { act: { kind: 'contact', phone: p.phone, own: true }, expect: /ASN Uji \d+ — / },
    { act: { kind: 'press', label: /Ya, benar/ }, expect: /Halo, ASN Uji/ },
    { act: { kind: 'press', label: /Lihat katalog/ }, expect: /Pilih kategori/ },
    { act: { kind: 'press', label: /Kuliner/ }, expect: /Pilih kecamatan/ },
    { act: { kind: 'press', label: /^Beji \([\d.,]+\)$/ }, expect: /produk \(halaman 1\// },
    { act: { kind: 'press', data: /^p:/ }, expect: /💰 Rp/ },
    { act: { kind: 'press', label: /Beli/ }, expect: /Berapa jumlah yang ingin Anda beli\?/ },
    { act: { kind: 'text', text: 'abc' }, expect: /angka bulat/ },
    { act: { kind: 'text', text: '100' }, expect: /maksimal 99/ },
    { act: { kind: 'text', text: '0' }, expect: /minimal 1/ },
    { act: { kind: 'text', text: '2' }, expect: /Ringkasan pesanan/ },
    { act: { kind: 'press', label: /Konfirmasi/ }, expect: /Pesanan ORD-\d{8}-\d{5} dibuat/ },
    { act: { kind: 'press', label: /Penerima baru/ }, expect: /Nama lengkap penerima/ },
    { act: { kind: 'text', text: 'Siti Wulandari' }, expect: /Nomor HP penerima/ },
    { act: { kind: 'text', text: recipientPhone }, expect: /Alamat lengkap/ },
    { act: { kind: 'text', text: `Jl. Margonda Raya No. ${100 + p.index}, RT 02/RW 05` }, expect: /Kecamatan tempat tinggal/ },
    { act: { kind: 'press', label: /^Beji$/ }, expect: /Kelurahan di Kec\. Beji/ },
    { act: { kind: 'press', label: /^Kukusan$/ }, expect: /Catatan untuk pengantar/ },
    { act: { kind: 'press', label: /Lewati/ }, expect: /kirim foto bukti pembayaran/ },
    { act: { kind: 'text', text: 'sudah bayar' }, expect: /Mohon kirim foto/ },
    { act: { kind: 'photo', bytes: p.receipt }, expect: /#ASNDepokPeduli #BeliProdukUMKMDepok/ },
    { act: { kind: 'text', text: 'https://example.com/post/1' }, expect: /tidak kami kenali/ },
    {
      act: { kind: 'text', text: `https://www.instagram.com/p/Uji${p.index}x/` },
      expect: /Tautan Instagram Anda untuk pesanan ORD-\d{8}-\d{5} sudah kami catat/,
    },
  ];
}

/** The first `n` steps of the journey (registration and browsing), for the memory part. */
export const journeyStart = (p: JourneyPerson, n: number): Step[] => asnJourney(p).slice(0, n);

/** The same updates for the bare bot: buttons are forged presses on its last message; any answer counts. */
export function bareJourney(p: JourneyPerson): Step[] {
  return asnJourney(p).map((s) => ({
    act: s.act.kind === 'press' ? { kind: 'press', forge: 'x' } : s.act,
    expect: /./,
  }));
}
