import type { WaDriver } from './wa-driver.js';
import { readableText } from './wa-driver.js';

/** One thing the person sends, and what the last message of the answer must say. */
export interface WaStep {
  text?: string;
  photo?: Buffer;
  expect: RegExp;
}

/**
 * A first purchase over WhatsApp by a registered ASN (demo data), as the bot leads a person:
 * the first message names what they want; confirm the number and the results follow; pick, buy,
 * one typo at the quantity, confirm, the whole recipient in one message, the receipt photo, the
 * post link.
 */
export function waPurchaseSteps(receipt: Buffer, n = 1): WaStep[] {
  const r = recipientOf(n);
  return [
    { text: 'pentol', expect: /Ya, benar[\s\S]*hasil pencarian "pentol"/ },
    { text: '1', expect: /sudah terhubung[\s\S]*Pentol Bakar Pedas/ },
    { text: '1', expect: /💰 Rp/ },
    { text: '1', expect: /Berapa jumlah yang ingin Anda beli\?/ },
    { text: 'abc', expect: /angka bulat/ },
    { text: '4', expect: /Total: Rp/ },
    { text: '1', expect: /Bisa juga sekaligus dalam satu pesan/ },
    { text: [r.name, r.phone, r.address, 'Kel. Mekarjaya', r.note].join('\n'), expect: /Kel\. Mekar Jaya, Kec\. Sukmajaya[\s\S]*kirim foto bukti pembayaran/ },
    { photo: receipt, expect: /tautan[\s\S]*#ASNDepokPeduli/i },
    { text: `https://vt.tiktok.com/ZS${n}abc/`, expect: /sudah kami catat/ },
  ];
}

/** The recipient of purchase `n` (a different household each time: no repeat warning). */
function recipientOf(n: number) {
  return {
    name: n === 1 ? 'Ahmad Fauzi' : `Ahmad Fauzi ${'I'.repeat(n)}`,
    phone: `0813 9876 ${String(5000 + n)}`,
    address: `Gg. Melati No. ${n + 6}, RT 03/RW 08`,
    note: 'Rumah pagar hijau dekat masjid',
  };
}

/**
 * The same purchase the long way: "halo", the catalogue (category, all kecamatan, the list), and
 * the recipient one question at a time.
 */
export function waCataloguePurchaseSteps(receipt: Buffer, n = 1): WaStep[] {
  const r = recipientOf(n);
  return [
    { text: 'halo', expect: /Ya, benar/ },
    { text: '1', expect: /Lihat katalog/ },
    { text: '1', expect: /Pilih kategori/ },
    { text: 'kuliner', expect: /Pilih kecamatan/ },
    { text: 'semua kecamatan', expect: /produk \(halaman 1\/\d+\)/ },
    { text: '1', expect: /💰 Rp/ },
    { text: '1', expect: /Berapa jumlah yang ingin Anda beli\?/ },
    { text: 'abc', expect: /angka bulat/ },
    { text: '4', expect: /Total: Rp/ },
    { text: '1', expect: /Penerima baru/ },
    { text: '1', expect: /Nama lengkap/ },
    { text: r.name, expect: /Nomor HP/ },
    { text: r.phone, expect: /Alamat lengkap/ },
    { text: r.address, expect: /Kecamatan tempat tinggal/ },
    { text: 'Sukmajaya', expect: /Kelurahan di Kec\. Sukmajaya/ },
    { text: 'Mekarjaya', expect: /Catatan untuk pengantar/ },
    { text: r.note, expect: /kirim foto bukti pembayaran/ },
    { photo: receipt, expect: /tautan/i },
    { text: `https://vt.tiktok.com/ZS${n}abc/`, expect: /sudah kami catat/ },
  ];
}

/** What one purchase cost the person: WhatsApp messages received, and the longest wait for a whole answer. */
export interface PurchaseFigures {
  inputs: number;
  messages: number;
  /** per input: pacing delay of the answer's last message (booked) + the time the bot took (real) */
  longestWaitMs: number;
}

/**
 * Plays the steps at human pace (`paceMs` of the pacer's clock between inputs) and measures. Each
 * answer is read whole (the channel drained) before the next input; a step whose answer does not
 * match throws with what was read.
 */
export async function playPurchase(wa: WaDriver, phone: string, steps: WaStep[], paceMs = 2000): Promise<PurchaseFigures> {
  const lane = phone.replace(/\D/g, '');
  let messages = 0;
  let longestWaitMs = 0;
  for (const [i, step] of steps.entries()) {
    wa.advance(paceMs);
    const at = wa.now();
    const before = wa.sentTo(phone).length;
    const started = performance.now();
    if (step.photo) wa.sendImage(phone, step.photo);
    else wa.say(phone, step.text ?? '');
    await wa.channel.drain(); // the message was taken at once (the socket emits synchronously)
    const took = performance.now() - started;
    const got = wa
      .sentTo(phone)
      .slice(before)
      .map((m) => readableText(m.content));
    if (!step.expect.test(got.join('\n'))) throw new Error(`step ${i + 1} (${step.text ?? 'photo'}): expected ${step.expect}, got ${JSON.stringify(got)}`);
    messages += got.length;
    const booked = wa.bookings.filter((b) => b.lane === lane && b.priority === 'reply' && b.queuedAt === at).map((b) => b.at - at);
    longestWaitMs = Math.max(longestWaitMs, Math.max(0, ...booked) + took);
  }
  return { inputs: steps.length, messages, longestWaitMs: Math.round(longestWaitMs) };
}
