import { textMessage } from '../support/fake-wa-socket.js';
import { readableText, startWhatsAppApp } from '../support/wa-driver.js';

const BUDI_PN = '6289900000002@s.whatsapp.net'; // demo ASN Budi Prasetyo
const BUDI_LID = '201234567890123@lid';
const HIDDEN_LID = '209876543210987@lid';

/** Senders addressed by LID (WhatsApp's privacy id) through the Baileys adapter with the injected socket. */
describe('WhatsApp LID senders', () => {
  let env: Awaited<ReturnType<typeof startWhatsAppApp>>;

  beforeAll(async () => {
    env = await startWhatsAppApp('wa-lid');
  });
  afterAll(async () => {
    await env.close();
  });

  async function from(jid: string, text: string, senderPn?: string): Promise<string[]> {
    const before = env.wa.socket().sent.length;
    env.wa.socket().receive([textMessage(jid, text, senderPn ? { senderPn } : {})]);
    await env.wa.channel.drain();
    return env.wa
      .socket()
      .sent.slice(before)
      .filter((m) => m.jid === jid)
      .map((m) => readableText(m.content));
  }

  test('a LID sender whose phone Baileys gives alongside is matched to that phone on the roster; replies go to the LID', async () => {
    expect((await from(BUDI_LID, 'halo', BUDI_PN)).join('\n')).toMatch(/Budi Prasetyo — Kecamatan Beji[\s\S]*1\. ✅ Ya, benar/);
    expect((await from(BUDI_LID, '1', BUDI_PN)).join('\n')).toMatch(/Halo, Budi Prasetyo/);
    // A number outside the list is answered with the valid range, in WhatsApp words.
    const categories = (await from(BUDI_LID, '1', BUDI_PN)).join('\n');
    expect(categories).toMatch(/Pilih kategori/);
    const refused = (await from(BUDI_LID, '9', BUDI_PN)).join('\n');
    expect(refused).toMatch(/Ketik angka 1–4 atau nama pilihannya\.[\s\S]*Pilih kategori[\s\S]*4\. 🏠 Menu utama/);
    await from(BUDI_LID, '/menu', BUDI_PN);
    const linked = await env.app.store.chatUsers.get('whatsapp', '6289900000002');
    expect(linked?.phone).toBe('+6289900000002');
  });

  test('a LID sender without a phone is asked to share the number, in WhatsApp words; nothing is matched by guess', async () => {
    const first = (await from(HIDDEN_LID, 'halo')).join('\n');
    expect(first).toMatch(/bagikan nomor telepon Anda di chat ini/);
    expect(first).not.toMatch(/tombol|tekan/i);
    expect(first).not.toMatch(/Bagikan nomor saya/); // Telegram's share-contact key has no number to type here
    // A typed number is not taken as their identity, however it looks.
    const typed = (await from(HIDDEN_LID, '0899 0000 0002')).join('\n');
    expect(typed).toMatch(/nomor tidak bisa diketik/);
    expect(typed).not.toMatch(/Budi/);
    const chat = await env.app.store.chatUsers.get('whatsapp', HIDDEN_LID);
    expect(chat?.phone).toBeUndefined();
    // Once WhatsApp gives the phone with a message, the person is matched like anyone else.
    expect((await from(HIDDEN_LID, 'halo', BUDI_PN)).join('\n')).toMatch(/Budi Prasetyo/);
  });
});
