import { addToCart, createDriver, createTestApp, DEMO, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ name: 'menu' });
});
afterAll(async () => {
  await t.close();
});

const BUYER = ['🛍️ Lihat katalog UMKM', '🔎 Cari produk', '📦 Pesanan saya', '🏠 Penerima saya', '❓ Bantuan'];
const OWNER = ['🧾 Pesanan masuk (UMKM)', '🏷️ Produk saya (UMKM)', '💳 Pembayaran saya'];

describe('main menu by role', () => {
  test('an ASN sees the buyer entries only', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    expect(d.labels).toEqual(BUYER);
  });

  test('an admin sees the buyer entries and the admin menu', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.admin.phone);
    expect(d.text).toContain('Halo, Hartini Susanti!');
    expect(d.labels).toEqual(expect.arrayContaining([...BUYER, '🛠️ Menu admin']));
    expect(d.labels).not.toEqual(expect.arrayContaining(OWNER));
  });

  test('a UMKM owner (not on the roster) sees the owner entries and help, nothing to buy', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.owner.phone);
    expect(d.text).toContain('Halo, Sari Rahmawati!');
    expect(d.labels).toEqual([...OWNER, '❓ Bantuan']);
    await d.command('cari');
    expect(d.text).toContain('Maaf, perintah itu bukan untuk akun Anda.');
    await d.choose('m:browse'); // forged: not offered to an owner
    expect(d.text).toContain('Tombol itu sudah tidak berlaku');
  });

  test('the cart entry shows the number of products (not units) once the cart has some', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn2.phone);
    await addToCart(d, 'Rendang Paru', 3);
    await d.command('menu');
    expect(d.labels).toContain('🛒 Keranjang (1 produk)');
    await addToCart(d, 'Rendang Daging Sapi', 99);
    await d.command('menu');
    expect(d.labels).toContain('🛒 Keranjang (2 produk)');
    await d.command('bahasa');
    await d.press('lang:en');
    expect(d.labels).toContain('🛒 Cart (2 products)');
    await d.press('🛒 Cart (2 products)');
    await d.press('co:edit');
    await d.press('Rendang Paru × 3');
    await d.press('ed:remove');
    await d.command('menu');
    expect(d.labels).toContain('🛒 Cart (1 product)');
  });

  test('help explains the steps and leads back to the menu', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    await d.press('❓ Bantuan');
    expect(d.text).toContain('Cara berbelanja:');
    expect(d.text).toContain('#ASNDepokPeduli #BeliProdukUMKMDepok');
    await d.press('🏠 Menu utama');
    expect(d.text).toContain('Halo, Rina Kartikasari!');
  });

  test('help speaks to the role: an owner reads the owner commands, an admin also the admin ones', async () => {
    const owner = createDriver(t.app);
    await owner.register(DEMO.owner.phone);
    await owner.press('❓ Bantuan');
    expect(owner.text).toContain('/pesanan');
    expect(owner.text).toContain('/produk');
    expect(owner.text).not.toContain('Cara berbelanja'); // an owner off the roster does not buy
    expect(owner.text).not.toContain('/siaran');
    const admin = createDriver(t.app);
    await admin.register(DEMO.admin.phone);
    await admin.command('bantuan');
    expect(admin.text).toContain('Cara berbelanja:');
    expect(admin.text).toContain('/siaran');
    expect(admin.text).toContain('/statistik');
    const asn = createDriver(t.app);
    await asn.register(DEMO.asn2.phone);
    await asn.command('bantuan');
    expect(asn.text).not.toContain('/siaran');
    expect(asn.text).not.toContain('/produk');
  });

  test('before registering, help says how to register, and a contact shared from there registers at once', async () => {
    const d = createDriver(t.app);
    await d.command('bantuan');
    expect(d.text).toContain('/start');
    await d.sendContact(DEMO.asn.phone, true);
    expect(d.text).toContain('Apakah data ini benar?');
    const other = createDriver(t.app);
    await other.command('bantuan');
    await other.press('🏠 Menu utama');
    expect(other.text).toContain('Bagikan nomor saya');
    expect(other.text).not.toContain('Mohon tekan tombol'); // the way back is not a mistake
  });

  test('at the main menu, a buyer typing a product name searches; a greeting shows the menu again', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn2.phone);
    await d.say('rendang');
    expect(d.text).toMatch(/produk \(halaman 1\//);
    expect(d.labels.some((l) => l.startsWith('Rendang'))).toBe(true);
    await d.command('menu');
    await d.say('Halo!');
    expect(d.text).toContain('Halo, Budi Prasetyo!');
    expect(d.text).not.toContain('Tidak ada produk');
    await d.say('??');
    expect(d.text).toContain('Silakan pilih salah satu tombol');
  });

  test('typing a label or its number picks the button', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    await d.say('lihat katalog umkm'); // case and emoji ignored
    expect(d.text).toContain('Pilih kategori produk:');
    await d.command('menu');
    await d.say('2');
    expect(d.text).toContain('Ketik nama produk atau nama UMKM');
  });
});

describe('commands and odd inputs anywhere', () => {
  test('/bahasa switches every text to English, and back', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    await d.command('bahasa');
    expect(d.text).toContain('Pilih bahasa / Choose a language:');
    await d.press('🇬🇧 English');
    expect(d.text).toContain('The language is now English.');
    expect(d.text).toContain('Hello, Rina Kartikasari! Please choose:');
    expect(d.labels).toContain('🛍️ Browse the UMKM catalogue');
    expect(d.text).not.toContain('Silakan');
    expect((await t.app.store.chatUsers.get('telegram', d.chat.chatId))?.locale).toBe('en');
    await d.choose('forged:id');
    expect(d.text).toContain('That button is no longer valid.');
    await d.command('language');
    await d.press('🇮🇩 Bahasa Indonesia');
    expect(d.text).toContain('Halo, Rina Kartikasari! Silakan pilih menu:');
  });

  test('in English the commands have English names, which the help and the replies use', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn2.phone);
    await d.command('language');
    await d.press('🇬🇧 English');
    await d.press('❓ Help');
    expect(d.text).toContain('/cancel (cancel this step)');
    expect(d.text).toContain('/orders (my orders)');
    expect(d.text).not.toMatch(/\/(batal|riwayat|hapusdata|berhenti|mulai)\b/);
    await d.command('search');
    expect(d.text).toContain('Type the name of a product or business');
    await d.command('cancel');
    expect(d.text).toContain('Step cancelled.');
    await d.command('orders');
    expect(d.text).toContain('You have no orders yet.');
    await d.command('unsubscribe');
    expect(d.text).toContain('you will no longer receive broadcast flyers');
    expect(d.text).toContain('/subscribe');
    expect(d.labels).toContain('🛍️ Browse the UMKM catalogue'); // the main menu follows
    await d.command('subscribe');
    expect((await t.app.store.chatUsers.get('telegram', d.chat.chatId))?.optedOut).toBe(false);
    // the Indonesian names keep working
    await d.command('batal');
    expect(d.text).toContain('Step cancelled.');
  });

  test('/bahasa works before registering, and the registration continues in English', async () => {
    const d = createDriver(t.app);
    await d.command('start');
    await d.command('bahasa');
    await d.press('lang:en');
    expect(d.text).toContain('The language is now English.');
    expect(d.ids).toEqual(['reg:contact']);
    expect(d.text).not.toContain('Selamat datang');
  });

  test('a 10,000-character message gets the too-long answer and leaves the step as it was', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    await d.press('m:search');
    await d.say('x'.repeat(10_000));
    expect(d.text).toMatch(/Pesan Anda terlalu panjang \(maksimal 2\.?000 karakter\)/);
    await d.say('rendang');
    expect(d.text).toContain('Rendang Daging Sapi');
  });

  test('a forged or stale button changes nothing and says the button is no longer valid', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    await addToCart(d, 'Rendang Paru', 2);
    const sessionBefore = await t.app.sessions.get('telegram', d.chat.chatId);
    const ordersBefore = await t.redis.hlen(t.app.keys.orders());
    // ids that exist elsewhere in the bot, a product, a global prefix with someone else's order, junk
    for (const id of ['m:browse', 'p:UMKM-001-01', 'q:5', 'sw:new', 'ed:remove', 'post:skip:ORD-20990101-00001', 'post:link:x', 'zz', '']) {
      await d.choose(id);
      expect(d.text).toContain('Tombol itu sudah tidak berlaku. Silakan pilih dari pesan terbaru.');
      const s = await t.app.sessions.get('telegram', d.chat.chatId);
      expect(s?.cart).toEqual(sessionBefore?.cart);
      expect([s?.flow, s?.step]).toEqual(['cart', 'summary']);
    }
    expect(await t.redis.hlen(t.app.keys.orders())).toBe(ordersBefore);
    // the answer shows the step again
    expect(d.text).toContain('Total: Rp 96.000');
  });

  test('an unknown command is named back; /ping answers', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    await d.command('terbang');
    expect(d.text).toContain('Perintah /terbang tidak dikenal. Ketik /menu untuk melihat pilihan.');
    await d.command('ping');
    expect(d.text).toContain('Layanan aktif. ✅');
  });

  test('before registering, an unknown command points to /start, not to /menu (which needs registering)', async () => {
    const d = createDriver(t.app);
    await d.command('start');
    await d.command('terbang');
    expect(d.text).toContain('Perintah /terbang tidak dikenal. Ketik /start untuk mendaftar.');
  });
});

describe('typed words that are names of JavaScript object properties', () => {
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('"%s" is an ordinary text, not a command', async (word) => {
    const d = createDriver(t.app);
    await d.register(DEMO.asn.phone);
    await d.say(word);
    expect(d.text).not.toContain('Mohon maaf, ada kendala');
    expect(d.text).toContain(`Tidak ada produk yang cocok dengan "${word}"`); // typed at the menu: a search
  });
});

describe('word commands', () => {
  test('an admin typing "menu" gets the main menu, not "🛠️ Menu admin" (whose label starts with it)', async () => {
    const d = createDriver(t.app);
    await d.register(DEMO.admin.phone);
    await d.say('menu');
    expect(d.text).toContain('Halo, Hartini Susanti!');
    expect(d.text).not.toContain('Menu admin. Silakan pilih');
  });
});
