import { createBroadcastRepo } from '../../../src/store/broadcasts-repo.js';
import { createDriver, createTestApp, DEMO, type Driver, jpeg, type TestApp } from '../../support/engine-driver.js';

// 10:00 WIB on Sunday 22 November 2026
const NOW = new Date('2026-11-22T03:00:00Z');
let t: TestApp;
let admin: Driver;
beforeAll(async () => {
  t = await createTestApp({ name: 'admin-bc', clock: () => NOW });
  // Linked chats: two ASN (Dinas Kesehatan, Kecamatan Beji), one UMKM owner in Beji, the admin.
  for (const phone of [DEMO.asn.phone, DEMO.asn2.phone, DEMO.owner.phone]) await createDriver(t.app).register(phone);
  admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
});
afterAll(async () => {
  await t.close();
});

const repo = () => createBroadcastRepo(t.redis, t.app.keys);
const idIn = (s: string) => /BC-\d{8}-[a-z0-9]{6}/.exec(s)?.[0] ?? '';
const OPT_OUT = 'ℹ️ Tidak ingin menerima info seperti ini lagi? Ketik /berhenti.';

test('photo flyer to ASN of chosen OPD: caption limit, multi-select, preview as recipients see it, then queued once', async () => {
  await admin.press('🛠️ Menu admin');
  await admin.press('📣 Kirim siaran (brosur)');
  expect(admin.text).toContain('Maksimal 900 karakter');
  await admin.sendPhoto(await jpeg(1), { caption: 'x'.repeat(901) });
  expect(admin.text).toContain('Teksnya 901 karakter; maksimal 900.');
  await admin.sendPhoto(await jpeg(1), { caption: 'Bazar UMKM Depok, Sabtu 08.00 WIB di Balai Kota.' });
  expect(admin.labels).toEqual(expect.arrayContaining(['Semua ASN', 'ASN dari Perangkat Daerah tertentu', 'Semua pemilik UMKM']));

  await admin.press('ASN dari Perangkat Daerah tertentu');
  expect(admin.labels).toEqual(expect.arrayContaining(['▫️ Dinas Kesehatan', '▫️ Kecamatan Beji', '▫️ Dinas Koperasi dan UMKM']));
  await admin.press('✔️ Selesai (0 dipilih)');
  expect(admin.text).toContain('Pilih minimal satu Perangkat Daerah');
  await admin.press('▫️ Dinas Kesehatan');
  await admin.press('▫️ Kecamatan Beji');
  expect(admin.labels).toEqual(expect.arrayContaining(['✅ Dinas Kesehatan', '✅ Kecamatan Beji', '✔️ Selesai (2 dipilih)']));
  await admin.press('✅ Kecamatan Beji'); // unselect, select again
  expect(admin.labels).toContain('▫️ Kecamatan Beji');
  await admin.press('▫️ Kecamatan Beji');
  await admin.press('✔️ Selesai (2 dipilih)');

  const [title, flyer, summary] = admin.last;
  expect(title!.text).toContain('Pratinjau');
  expect(flyer!.text).toBe(`Bazar UMKM Depok, Sabtu 08.00 WIB di Balai Kota.\n\n${OPT_OUT}`);
  expect(flyer!.photo?.path).toMatch(/^flyers\/[0-9a-f]{64}\.jpg$/);
  expect(summary!.text).toContain('Penerima: ASN dari: Dinas Kesehatan, Kecamatan Beji');
  expect(summary!.text).toContain('Akan dikirim ke 2 akun chat (Telegram 2, WhatsApp 0).');

  await admin.press('✅ Kirim sekarang');
  const id = idIn(admin.text);
  expect(admin.text).toContain(`Siaran ${id} mulai dikirim`);
  expect(admin.labels).toContain('⏹️ Hentikan siaran');
  const stored = await repo().get(id);
  expect(stored).toMatchObject({
    text: 'Bazar UMKM Depok, Sabtu 08.00 WIB di Balai Kota.',
    audience: { kind: 'asn-opd', opds: ['Dinas Kesehatan', 'Kecamatan Beji'] },
  });
  expect(await (await t.app.queues.broadcasts.getJob(`bc.${id}.start`))?.getState()).toBe('waiting');

  // Stop at once, before any worker took it: cancelled before sending.
  await admin.press('⏹️ Hentikan siaran');
  expect(admin.text).toContain(`Siaran terjadwal ${id} dibatalkan sebelum dikirim`);
  expect((await repo().state(id)).cancelRequestedAt).toBe(NOW.toISOString());
  expect(await t.app.queues.broadcasts.getJob(`bc.${id}.cancel`)).toBeDefined();
  await admin.choose(`bcx:${id}`); // the button again, from the earlier message
  expect(admin.text).toContain(`Permintaan menghentikan siaran ${id} sudah kami terima`);
  await admin.command('hentikan', id); // typed, as on WhatsApp
  expect(admin.text).toContain(`Permintaan menghentikan siaran ${id} sudah kami terima`);
  await admin.command('hentikan');
  expect(admin.text).toContain('Ketik /hentikan diikuti nomor siarannya');
  await admin.command('hentikan', 'BC-20991231-zzzzzz');
  expect(admin.text).toContain('Siaran BC-20991231-zzzzzz tidak ditemukan. Nomor siaran berbentuk BC-20261122-a1b2c3');
  await admin.command('hentikan', 'xyz');
  expect(admin.text).toContain('Siaran xyz tidak ditemukan. Nomor siaran berbentuk BC-20261122-a1b2c3; lihat /siaranjadwal');
  // Once the cancel has gone through, the broadcast was cancelled, not "finished".
  await repo().setState(id, { status: 'cancelled' });
  await admin.command('hentikan', id.toLowerCase());
  expect(admin.text).toContain(`Siaran ${id} sudah dibatalkan sebelumnya.`);
  await admin.choose(`bcx:${id}`);
  expect(admin.text).toContain(`Siaran ${id} sudah dibatalkan sebelumnya.`);
  expect(admin.text).not.toContain('selesai');
  await admin.choose('bc:send'); // a late second tap on "send"
  expect(admin.text).toContain('Tombol itu sudah tidak berlaku');
  expect((await t.redis.keys(`${t.prefix}broadcast:BC-*`)).filter((k) => /BC-\d{8}-[a-z0-9]{6}$/.test(k))).toEqual([`${t.prefix}broadcast:${id}`]);
});

test('text flyer to UMKM owners of a kecamatan, scheduled for a later WIB time', async () => {
  await admin.command('siaran');
  await admin.say('  ');
  expect(admin.text).toContain('Mohon kirim foto brosur');
  await admin.say('Pelatihan pemasaran daring untuk UMKM, Senin pukul 09.00.');
  await admin.press('Pemilik UMKM di kecamatan tertentu');
  await admin.press('Cilodong');
  expect(admin.text).toContain('Belum ada akun chat yang bisa menerima siaran untuk: Pemilik UMKM di Kecamatan Cilodong.');
  await admin.press('👥 Ubah penerima');
  await admin.press('Pemilik UMKM di kecamatan tertentu');
  await admin.press('Beji');
  expect(admin.last[1]!.text).toBe(`Pelatihan pemasaran daring untuk UMKM, Senin pukul 09.00.\n\n${OPT_OUT}`);
  expect(admin.last[1]!.photo).toBeUndefined();
  expect(admin.text).toContain('Akan dikirim ke 1 akun chat');

  await admin.press('🕒 Jadwalkan');
  expect(admin.text).toContain('Sekarang 22/11/2026 10.00 WIB');
  for (const [typed, answer] of [
    ['kapan-kapan', 'Format waktu belum sesuai'],
    ['25:00', 'Format waktu belum sesuai'],
    ['2026-02-30 08:00', 'Format waktu belum sesuai'],
    ['2026-11-21 08:00', 'Waktu itu sudah lewat'],
    ['hari ini 09:00', 'Waktu itu sudah lewat'],
    ['10:00', 'Waktu itu terlalu dekat (sekarang 22/11/2026 10.00 WIB)'],
    ['2027-03-01 08:00', 'terlalu jauh'],
  ]) {
    await admin.say(typed!);
    expect(admin.text).toContain(answer!);
  }
  await admin.say('25/11/2026 08:00');
  expect(admin.text).toContain('Kirim siaran pada 25/11/2026 08.00 WIB?');
  await admin.press('⬅️ Kembali');
  await admin.say('24-11-2026 08:00');
  expect(admin.text).toContain('Kirim siaran pada 24/11/2026 08.00 WIB?');
  await admin.press('⬅️ Kembali');
  await admin.say('07.30'); // passed today: the confirmation says it is tomorrow
  expect(admin.text).toContain('Kirim siaran besok, 23/11/2026 07.30 WIB?');
  await admin.press('⬅️ Kembali');
  await admin.say('besok 07.30');
  expect(admin.text).toContain('Kirim siaran besok, 23/11/2026 07.30 WIB?');
  await admin.press('✅ Ya, jadwalkan');
  const id = idIn(admin.text);
  expect(admin.text).toContain(`Siaran ${id} dijadwalkan besok, 23/11/2026 07.30 WIB.`);
  expect((await repo().get(id))?.scheduledAt).toBe('2026-11-23T00:30:00.000Z');
  const job = await t.app.queues.broadcasts.getJob(`bc.${id}.start`);
  expect(await job?.getState()).toBe('delayed');
  expect(job?.opts.delay).toBe(Date.parse('2026-11-23T00:30:00Z') - NOW.getTime());

  // The stop button of this message asks first, as /siaranjadwal does.
  await admin.press('⏹️ Hentikan siaran');
  expect(admin.text).toContain(`Batalkan siaran ${id}?`);
  expect(admin.text).toContain('Jadwal: 23/11/2026 07.30 WIB');
  expect((await repo().state(id)).cancelRequestedAt).toBeUndefined();
  await admin.press('⬅️ Kembali');
  expect((await repo().state(id)).cancelRequestedAt).toBeUndefined();
  await admin.command('hentikan', id); // typed: asks too
  expect(admin.text).toContain(`Batalkan siaran ${id}?`);
  await admin.press('✅ Ya, batalkan');
  expect(admin.text).toContain(`Siaran terjadwal ${id} dibatalkan sebelum dikirim`);
  expect((await repo().state(id)).cancelRequestedAt).toBe(NOW.toISOString());
});

test('/berhenti and /mulai: opted-out chats are left out of the count', async () => {
  const budi = createDriver(t.app);
  await budi.register(DEMO.asn2.phone);
  await budi.command('berhenti');
  expect(budi.text).toContain('Anda tidak akan menerima info/brosur siaran lagi');
  expect((await t.app.store.chatUsers.get('telegram', budi.chat.chatId))?.optedOut).toBe(true);

  await admin.command('siaran');
  await admin.say('Info.');
  await admin.press('ASN dari Perangkat Daerah tertentu');
  await admin.press('▫️ Kecamatan Beji');
  await admin.press('✔️ Selesai (1 dipilih)');
  expect(admin.text).toContain('Akan dikirim ke 1 akun chat');
  expect(admin.text).toContain('Tidak dikirim: 1 berhenti berlangganan');

  await budi.command('mulai');
  expect(budi.text).toContain('kembali menerima info/brosur siaran');
  expect((await t.app.store.chatUsers.get('telegram', budi.chat.chatId))?.optedOut).toBe(false);
  await admin.press('👥 Ubah penerima');
  await admin.press('Semua pemilik UMKM');
  await admin.press('❌ Batal');
  expect(admin.text).toContain('Siaran dibatalkan, tidak ada yang dikirim.');
});
