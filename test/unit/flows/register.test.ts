import { createDriver, createTestApp, DEMO, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'register' });
});
afterAll(async () => {
  await t.close();
});

const linkedPhone = async (chatId: string) => (await t.app.store.chatUsers.get('telegram', chatId))?.phone;

describe('registration (Telegram: the user shares their own contact)', () => {
  test('/start asks for the contact with the share button only', async () => {
    const d = createDriver(t.app);
    const [m] = await d.command('start');
    expect(m!.text).toContain('Selamat datang di layanan Belanja UMKM Depok');
    expect(m!.requestContact).toBe(true);
    expect(d.labels).toEqual(['📱 Bagikan nomor saya']);
  });

  test("someone else's contact is refused, even one on the roster", async () => {
    const d = createDriver(t.app);
    await d.command('start');
    await d.sendContact(DEMO.asn.phone, false);
    expect(d.text).toContain('yang bisa dipakai hanya nomor Anda sendiri');
    expect(d.text).not.toContain(DEMO.asn.name);
    expect(await linkedPhone(d.chat.chatId)).toBeUndefined();
  });

  test('a typed phone number is refused: only the button proves the number', async () => {
    const d = createDriver(t.app);
    await d.command('start');
    await d.say('0899-0000-0001');
    expect(d.text).toContain('nomor tidak bisa diketik');
    expect(d.text).not.toContain(DEMO.asn.name);
  });

  test('a number on no roster gets the polite refusal naming the contact, and nothing else is reachable', async () => {
    const d = createDriver(t.app);
    await d.command('start');
    await d.sendContact('0812-9999-0000', true);
    expect(d.text).toContain('Mohon maaf, nomor Anda belum terdaftar di layanan ini');
    expect(d.text).toContain('Dinas Koperasi dan UMKM Kota Depok');
    expect(d.ids).toEqual(['reg:contact']);

    await d.command('menu');
    expect(d.text).toContain('Silakan daftar dulu dengan /start.');
    expect(d.ids).toEqual(['reg:contact']);

    for (const forged of ['m:browse', 'cat:kuliner', 'p:UMKM-001-01', 'co:confirm', 'reg:yes']) {
      await d.choose(forged);
      expect(d.text).toContain('Tombol itu sudah tidak berlaku');
      expect(d.ids).toEqual(['reg:contact']);
    }
    for (const cmd of ['cari', 'keranjang', 'riwayat', 'hapusdata']) {
      await d.command(cmd);
      expect(d.text).toContain('Silakan daftar dulu dengan /start.');
      expect(d.ids).toEqual(['reg:contact']);
    }
    await d.say('menu');
    expect(d.text).toContain('Silakan daftar dulu');
    await d.say('rendang');
    expect(d.text).toContain('Mohon tekan tombol "📱 Bagikan nomor saya"');
    expect(d.ids).toEqual(['reg:contact']);
    expect(d.text).not.toMatch(/Rendang|Rp /);
    expect(await linkedPhone(d.chat.chatId)).toBeUndefined();
  });

  test('own contact on the roster: name and OPD shown, "Ya, benar" links the chat and opens the menu', async () => {
    const d = createDriver(t.app);
    await d.command('start');
    await d.sendContact('0899-0000-0001', true); // the local form of DEMO.asn.phone
    expect(d.text).toContain('Nomor Anda terdaftar atas nama:');
    expect(d.text).toContain('👤 Rina Kartikasari — Dinas Kesehatan');
    expect(d.labels).toEqual(['✅ Ya, benar', '❌ Bukan saya']);
    expect(await linkedPhone(d.chat.chatId)).toBeUndefined();

    await d.say('bukan ini'); // not a button
    expect(d.text).toContain('Silakan pilih salah satu tombol');
    expect(d.labels).toEqual(['✅ Ya, benar', '❌ Bukan saya']);

    await d.press('✅ Ya, benar');
    expect(d.text).toContain('Terima kasih, akun Anda sudah terhubung. ✅');
    expect(d.text).toContain('Halo, Rina Kartikasari! Silakan pilih menu:');
    expect(d.labels).toContain('🛍️ Lihat katalog UMKM');
    expect(await linkedPhone(d.chat.chatId)).toBe(DEMO.asn.phone);
  });

  test('"Bukan saya" links nothing and waits until the user wants to try again', async () => {
    const d = createDriver(t.app);
    await d.command('start');
    await d.sendContact(DEMO.asn2.phone, true);
    expect(d.text).toContain('Budi Prasetyo — Kecamatan Beji');
    await d.press('❌ Bukan saya');
    expect(d.text).toContain('Baik, akun tidak kami hubungkan');
    expect(d.text).toContain('Dinas Koperasi dan UMKM Kota Depok');
    expect(d.labels).toEqual(['🔄 Coba lagi']);
    expect(await linkedPhone(d.chat.chatId)).toBeUndefined();
    await d.say('halo');
    expect(d.text).toContain('Silakan pilih');
    expect(await linkedPhone(d.chat.chatId)).toBeUndefined();
    await d.press('🔄 Coba lagi');
    expect(d.ids).toEqual(['reg:contact']);
    await d.command('menu');
    expect(d.text).toContain('Silakan daftar dulu');
  });

  test('on a channel whose number is verified (WhatsApp), "Bukan saya" does not show the same data again at once', async () => {
    const d = createDriver(t.app, { channel: 'whatsapp', verifiedPhone: DEMO.asn2.phone });
    await d.command('start');
    expect(d.text).toContain('Budi Prasetyo');
    await d.press('❌ Bukan saya');
    expect(d.text).toContain('Baik, akun tidak kami hubungkan');
    expect(d.text).not.toContain('Apakah data ini benar?');
    await d.press('🔄 Coba lagi');
    expect(d.text).toContain('Apakah data ini benar?');
  });

  test('a UMKM owner sees the UMKM on the confirmation', async () => {
    const d = createDriver(t.app);
    await d.command('start');
    await d.sendContact(DEMO.owner.phone, true);
    expect(d.text).toContain('🏪 Dapur Bu Sari (Kec. Beji)');
  });

  test('WhatsApp: the verified sender number goes straight to the confirmation', async () => {
    const d = createDriver(t.app, { channel: 'whatsapp', verifiedPhone: DEMO.asn2.phone });
    await d.say('halo');
    expect(d.text).toContain('👤 Budi Prasetyo — Kecamatan Beji');
    await d.press('✅ Ya, benar');
    expect(d.text).toContain('Halo, Budi Prasetyo!');
    expect((await t.app.store.chatUsers.get('whatsapp', d.chat.chatId))?.phone).toBe(DEMO.asn2.phone);
  });
});
