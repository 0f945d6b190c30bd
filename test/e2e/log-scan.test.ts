import { Redis } from 'ioredis';
import sharp from 'sharp';
import { createLogger } from '../../src/logger.js';
import { type WorkersHandle, startWorkers } from '../../src/workers/index.js';
import { testRedisUrl } from '../support/redis.js';
import { buttonsOf, startTelegramHarness, type TelegramHarness } from '../support/telegram-harness.js';

/**
 * UU PDP: a full purchase at log level trace (engine, grammY channel, queue workers sending the
 * report to the mayor's group and the order to the UMKM owner) and every log line scanned for the
 * phones, the address, the note and the names typed in the journey, and the bot token.
 */
const MAYOR = -1005550001111;
const lines: string[] = [];
const memory = { write: (s: string) => void lines.push(s) };

const ASN_PHONE = '0899-0000-0001';
const OWNER_PHONE = '0899-0000-1001';
const RECIPIENT = { name: 'Siti Wulandari', phone: '0812-3456-7890', address: 'Jl. Margonda Raya No. 100, RT 02/RW 05', note: 'Pagar hijau dekat musala' };

/** The ways a phone number can be written: as typed, digits only, 0…, 62…, +62…, and the bare subscriber part. */
function phoneForms(typed: string): string[] {
  const digits = typed.replace(/\D/g, '');
  const national = digits.replace(/^0/, '');
  return [typed, digits, `0${national}`, `62${national}`, `+62${national}`, national];
}

describe('logs carry no phone, address, name or token (a whole purchase at level trace)', () => {
  let h: TelegramHarness;
  let workers: WorkersHandle;
  let workerConnection: Redis;

  beforeAll(async () => {
    const logger = createLogger('trace', memory);
    h = await startTelegramHarness({
      logger,
      fake: { rateLimits: { perChat: { burst: 10, perSecond: 10 } } },
      env: { FLOOD_PER_SECOND: '100', MAYOR_TELEGRAM_CHAT_ID: String(MAYOR), LOG_LEVEL: 'trace' },
    });
    h.fake.addChat({ id: MAYOR, type: 'supergroup', title: 'Kantor Wali Kota Depok' });
    workerConnection = new Redis(testRedisUrl(), { maxRetriesPerRequest: null });
    workers = await startWorkers({
      connection: workerConnection,
      redis: h.redis,
      keys: h.app.keys,
      store: h.app.store,
      config: h.config,
      logger,
      i18n: h.app.i18n,
      senders: { telegram: h.sender },
      queues: h.app.queues,
      scheduleRecap: false,
    });
  });
  afterAll(async () => {
    await workers.close();
    await workerConnection.quit();
    await h.close();
  });

  test('register, buy, recipient with a note, receipt, report, owner accepts and delivers; then scan', async () => {
    const register = async (id: number, name: string, phone: string, greeting: RegExp) => {
      const u = h.user(id, name);
      await u.command('start', /Bagikan nomor saya/);
      await u.shareContact(phone, /Apakah data ini benar/);
      await u.press(/Ya, benar/, greeting);
      return u;
    };
    const asn = await register(5301, 'Rina', ASN_PHONE, /Halo, Rina Kartikasari/);
    const owner = await register(5302, 'Sari', OWNER_PHONE, /Halo, Sari Rahmawati/);

    await asn.command('cari', /Ketik nama produk/);
    const list = await asn.say('Nasi Box Ayam Bakar', /produk \(halaman/);
    const product = buttonsOf(list).find((b) => b.text.startsWith('Nasi Box Ayam Bakar · '))!;
    await asn.pressData(list.message_id, product.data!, /Beli|Nasi Box Ayam Bakar/);
    await asn.press(/Beli/, /Berapa jumlah yang ingin Anda beli\?/);
    await asn.say('2', /Ringkasan pesanan/);
    await asn.press(/Konfirmasi pesanan/, /Penerima baru|data warga isoman/);
    await asn.press(/Penerima baru/, /Nama lengkap penerima/);
    await asn.say('08123', /Nama harus diawali huruf/); // a bad name (digits) is refused
    await asn.say(RECIPIENT.name, /Nomor HP penerima/);
    await asn.say('12345', /Mohon tulis nomor HP/); // a bad phone
    await asn.say(RECIPIENT.phone, /Alamat lengkap/);
    await asn.say(RECIPIENT.address, /Kecamatan tempat tinggal/);
    await asn.press(/^Beji$/, /Kelurahan di Kec\. Beji/);
    await asn.press(/^Kukusan$/, /Catatan untuk pengantar/);
    await asn.say(RECIPIENT.note, /kirim foto bukti pembayaran/);
    const receipt = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#3366aa' } })
      .jpeg()
      .toBuffer();
    await asn.photo(receipt, /Bukti pembayaran pesanan|#ASNDepokPeduli/);

    // The report reaches the mayor's group, the order reaches the owner (with the address), who accepts and delivers.
    await h.fake.waitFor(() => h.fake.sent(MAYOR).length > 0, 15_000);
    const order = await h.expectMessage(owner.id, /Pesanan baru untuk Dapur Bu Sari/, 0, 15_000);
    expect(
      owner
        .messages()
        .map((m) => m.text ?? m.caption ?? '')
        .join('\n'),
    ).toContain(RECIPIENT.address);
    const accept = owner.messages().find((m) => buttonsOf(m).some((b) => /Terima pesanan/.test(b.text))) ?? order;
    await owner.pressData(accept.message_id, buttonsOf(accept).find((b) => /Terima pesanan/.test(b.text))!.data!, /diterima/);
    await owner.press(/Sudah diantar/, /sudah sampai ke/);
    await owner.press(/Ya, sudah diantar/, /ditandai sudah diantar/);
    await h.expectMessage(asn.id, /sudah diantar kepada/, 0, 15_000); // the ASN's notice is out before the fault below
    await asn.say('https://www.instagram.com/p/CxYz123/', /Tautan Instagram Anda untuk pesanan ORD-\d{8}-\d{5} sudah kami catat|tautan/i);
    await h.fake.waitFor(() => h.fake.sent(MAYOR).length > 1, 15_000);

    // The scan: the journey did log (at trace), and no line carries personal data or the token.
    // A reply Telegram refuses: the warning is logged, with nothing personal in it either.
    // (A late notice to the same chat could take the injected fault first: then the fault is armed again.)
    for (let i = 0; !lines.some((l) => l.includes('reply not delivered')); i++) {
      if (i > 300) throw new Error('the refused reply was not logged');
      if (i % 40 === 0) {
        h.fake.failNext('sendMessage', 1, { status: 400, description: 'Bad Request: chat not found', chat_id: asn.id });
        h.fake.sendCommand(asn.id, 'menu');
      }
      await new Promise((r) => setTimeout(r, 50));
    }

    expect(lines.filter((l) => l.includes('update handled')).length).toBeGreaterThan(20);
    const secrets = [
      ...phoneForms(ASN_PHONE),
      ...phoneForms(OWNER_PHONE),
      ...phoneForms(RECIPIENT.phone),
      RECIPIENT.name,
      'Margonda Raya',
      RECIPIENT.note,
      'Rina Kartikasari',
      'Sari Rahmawati',
      h.fake.token,
      h.fake.token.split(':')[1]!,
    ];
    const leaks = lines.flatMap((line) => secrets.filter((s) => line.includes(s)).map((s) => `${s} in ${line.slice(0, 300)}`));
    expect(leaks).toEqual([]);
  }, 120_000);
});
