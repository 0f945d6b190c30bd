import type { Job } from 'bullmq';
import { createControlProcessor } from '../../../src/broadcast/control.js';
import { createRateGuard } from '../../../src/broadcast/rate-guard.js';
import { createBroadcastRepo } from '../../../src/store/broadcasts-repo.js';
import { parseRecipientKey } from '../../../src/domain/broadcast.js';
import type { ChannelSender } from '../../../src/channels/types.js';
import type { OutboundMessage } from '../../../src/i18n/message.js';
import { createLogger } from '../../../src/logger.js';
import type { BroadcastControlJob } from '../../../src/queue/jobs.js';
import { createDriver, createTestApp, DEMO, type Driver, jpeg, type TestApp } from '../../support/engine-driver.js';

// 10:00 WIB on Sunday 22 November 2026
const NOW = new Date('2026-11-22T03:00:00Z');
const NOT_YOURS = 'Maaf, perintah itu bukan untuk akun Anda.';
const STALE = 'Tombol itu sudah tidak berlaku';

let t: TestApp;
let admin: Driver;
/** Chats of the recipients (two ASN, one UMKM owner in Beji). */
let recipients: string[];
/** Everything the workers' Telegram sender was asked to send, by chat. */
const sent: { chatId: string; msg: OutboundMessage }[] = [];

beforeAll(async () => {
  t = await createTestApp({ name: 'admin-bcl', clock: () => NOW });
  recipients = [];
  for (const phone of [DEMO.asn.phone, DEMO.asn2.phone, DEMO.owner.phone]) {
    const d = createDriver(t.app);
    await d.register(phone);
    recipients.push(d.chat.chatId);
  }
  admin = createDriver(t.app);
  await admin.register(DEMO.admin.phone);
});
afterAll(async () => {
  await t.close();
});

const repo = () => createBroadcastRepo(t.redis, t.app.keys);
const idIn = (s: string) => /BC-\d{8}-[a-z0-9]{6}/.exec(s)?.[0] ?? '';

/** Edits of sent messages (with `editing`), in order, next to the sends. */
const edits: { chatId: string; messageId: string; msg: Pick<OutboundMessage, 'text' | 'choices'>; after: number }[] = [];

/** What the worker process runs for the `broadcasts` queue, with a sender that records instead of sending. */
function controlProcessor(opts: { editing?: boolean } = {}) {
  const sender: ChannelSender = {
    channel: 'telegram',
    async send(chatId, msg) {
      sent.push({ chatId, msg });
      return { ok: true, messageId: String(sent.length) };
    },
    ...(opts.editing
      ? {
          async edit(chatId: string, messageId: string, msg: Pick<OutboundMessage, 'text' | 'choices'>) {
            edits.push({ chatId, messageId, msg, after: sent.length });
            return { ok: true as const };
          },
        }
      : {}),
  };
  return createControlProcessor({
    repo: repo(),
    guard: createRateGuard(t.redis, t.app.keys),
    store: t.app.store,
    i18n: t.app.i18n,
    logger: createLogger('silent'),
    clock: () => NOW,
    queues: t.app.queues,
    senders: { telegram: sender },
    pacing: { telegramPerSecond: 25, whatsappDelayMs: 1000 },
    progressIntervalMs: 60_000,
  });
}

/** Runs a queued control job as a worker would when its time comes. */
async function runJob(jobId: string, opts: { editing?: boolean } = {}): Promise<string> {
  const job = (await t.app.queues.broadcasts.getJob(jobId)) as Job<BroadcastControlJob> | undefined;
  if (!job) throw new Error(`no job ${jobId}`);
  return controlProcessor(opts)(job);
}

/** `/siaran`, a flyer, its audience, then "schedule" at `when`: returns the broadcast id. */
async function schedule(flyer: () => Promise<unknown>, audience: string[], when: string): Promise<string> {
  await admin.command('siaran');
  await flyer();
  for (const label of audience) await admin.press(label);
  await admin.press('🕒 Jadwalkan');
  await admin.say(when);
  await admin.press('✅ Ya, jadwalkan');
  return idIn(admin.text);
}

test('an admin lists scheduled broadcasts, cancels one after confirming, and its due time sends nothing', async () => {
  await admin.command('siaranjadwal');
  expect(admin.text).toContain('Tidak ada siaran yang terjadwal atau sedang dikirim.');
  expect(admin.labels).toEqual(['📣 Kirim siaran (brosur)', '⬅️ Menu admin', '🏠 Menu utama']);

  const bazar = await schedule(
    async () =>
      admin.sendPhoto(await jpeg(3), { caption: 'Bazar UMKM Depok, Sabtu 08.00 WIB di Balai Kota. Ajak keluarga dan rekan kerja Anda untuk datang!' }),
    ['Pemilik UMKM di kecamatan tertentu', 'Beji'],
    'besok 07.30',
  );
  expect(admin.text).toContain(`Siaran ${bazar} dijadwalkan besok, 23/11/2026 07.30 WIB. Lihat atau batalkan lewat /siaranjadwal.`);
  const training = await schedule(() => admin.say('Pelatihan pemasaran daring, Senin 09.00.'), ['Semua ASN'], 'besok 09:00');

  // From the admin menu: both, the earliest first, each with its time, audience, count and flyer.
  await admin.command('admin');
  await admin.press('🕒 Siaran terjadwal');
  expect(admin.text).toContain('📋 Siaran yang terjadwal atau sedang dikirim (2):');
  expect(admin.text).toContain(
    [
      `1. 🕒 23/11/2026 07.30 WIB · ${bazar}`,
      'Penerima: Pemilik UMKM di Kecamatan Beji (saat ini 1 akun chat)',
      '🖼️ Foto dengan teks: “Bazar UMKM Depok, Sabtu 08.00 WIB di Balai Kota. Ajak keluarga dan rekan kerja…”',
    ].join('\n'),
  );
  expect(admin.text).toContain(`2. 🕒 23/11/2026 09.00 WIB · ${training}`);
  expect(admin.text).toContain('Penerima: Semua ASN (saat ini 3 akun chat)\n💬 “Pelatihan pemasaran daring, Senin 09.00.”');
  expect(admin.labels).toEqual(['❌ Batalkan no. 1 (23/11/2026 07.30 WIB)', '❌ Batalkan no. 2 (23/11/2026 09.00 WIB)', '⬅️ Menu admin', '🏠 Menu utama']);

  // Confirm first; "back" keeps it.
  await admin.press('❌ Batalkan no. 1 (23/11/2026 07.30 WIB)');
  expect(admin.text).toContain(`Batalkan siaran ${bazar}?\nJadwal: 23/11/2026 07.30 WIB\nPenerima: Pemilik UMKM di Kecamatan Beji`);
  await admin.press('⬅️ Kembali');
  expect(admin.text).toContain('(2):');
  expect((await repo().state(bazar)).cancelRequestedAt).toBeUndefined();
  await admin.press('❌ Batalkan no. 1 (23/11/2026 07.30 WIB)');
  await admin.press('✅ Ya, batalkan');
  expect(admin.text).toContain(`Siaran terjadwal ${bazar} dibatalkan sebelum dikirim.`);
  expect(admin.text).toContain('(1):');
  expect(admin.text).not.toContain(bazar + ' ·');
  expect(admin.labels).toEqual(['❌ Batalkan no. 1 (23/11/2026 09.00 WIB)', '⬅️ Menu admin', '🏠 Menu utama']);

  // Stale and forged presses do nothing.
  for (const id of [`bcl:x:${bazar}`, 'bcl:yes', `bcl:x:BC-20991231-zzzzzz`]) {
    await admin.choose(id);
    expect(admin.text).toContain(STALE);
  }

  // The delayed start comes due before any worker took the cancel job: it sends nothing.
  expect(await (await t.app.queues.broadcasts.getJob(`bc.${bazar}.start`))?.getState()).toBe('delayed');
  expect(await runJob(`bc.${bazar}.start`)).toBe('cancelled before start');
  // The cancel job removes the delayed start.
  expect(await runJob(`bc.${bazar}.cancel`)).toBe('cancelled before start');
  expect(await t.app.queues.broadcasts.getJob(`bc.${bazar}.start`)).toBeUndefined();
  expect(sent).toEqual([]);
  expect(await t.app.queues.broadcastTelegram.getJobCounts()).toMatchObject({ waiting: 0, delayed: 0, active: 0 });
  expect((await repo().state(bazar)).status).toBe('cancelled');
  // The other one is untouched.
  expect(await (await t.app.queues.broadcasts.getJob(`bc.${training}.start`))?.getState()).toBe('delayed');
});

test('cancel pressed as the start begins: the admin is told it is being stopped, and nobody gets the flyer', async () => {
  await admin.command('siaranjadwal');
  const training = idIn(admin.text);
  await admin.press('❌ Batalkan no. 1 (23/11/2026 09.00 WIB)');
  // Its time comes while the admin reads the confirmation: the start job claims it.
  expect(await repo().beginStart(training, NOW)).toBe('started');
  await admin.press('✅ Ya, batalkan');
  expect(admin.text).toContain(`Siaran ${training} baru saja mulai dikirim, jadi kami hentikan sekarang.`);

  // The start job goes on, sees the stop, fans out to nobody; the next tick sends the summary.
  expect(await runJob(`bc.${training}.start`)).toBe('fanned out to 0');
  await controlProcessor()({ id: 'tick', data: { broadcastId: training, kind: 'progress', n: 1 } });
  expect(sent.filter((s) => recipients.includes(s.chatId))).toEqual([]);
  expect(sent.at(-1)).toMatchObject({ chatId: admin.chat.chatId, msg: { text: expect.stringContaining(`⏹️ Siaran ${training} dihentikan.`) } });
  expect((await repo().state(training)).status).toBe('cancelled');

  await admin.command('siaranjadwal');
  expect(admin.text).toContain('Tidak ada siaran yang terjadwal atau sedang dikirim.');
});

test('a running broadcast is listed with its progress and no cancel button', async () => {
  await admin.command('siaran');
  await admin.say('Info singkat untuk ASN.');
  await admin.press('Semua ASN');
  await admin.press('✅ Kirim sekarang');
  const id = idIn(admin.text);
  expect(await runJob(`bc.${id}.start`)).toBe('fanned out to 3');

  await admin.command('siaranjadwal');
  expect(admin.text).toContain(`1. ▶️ Sedang dikirim · ${id}\nPenerima: Semua ASN · terkirim 0 dari 3\n💬 “Info singkat untuk ASN.”`);
  expect(admin.labels).toEqual(['⬅️ Menu admin', '🏠 Menu utama']);
  await admin.press('⬅️ Menu admin');
  expect(admin.labels).toContain('🕒 Siaran terjadwal');
});

test('a non-admin cannot list or cancel broadcasts', async () => {
  const d = createDriver(t.app);
  await d.register(DEMO.asn2.phone);
  await d.command('siaranjadwal');
  expect(d.text).toContain(NOT_YOURS);
  expect(d.text).not.toContain('Siaran yang terjadwal');
  for (const id of ['adm:scheduled', 'bcl:x:BC-20261122-a1b2c3', 'bcl:yes', 'bcl:new']) {
    await d.choose(id);
    expect(d.text).toContain(STALE);
  }
});

test('once every recipient is done, the progress message says so: no "being sent, 0 left" above the summary', async () => {
  await admin.command('siaran');
  await admin.say('Info penutup untuk ASN.');
  await admin.press('Semua ASN');
  await admin.press('✅ Kirim sekarang');
  const id = idIn(admin.text);
  expect(await runJob(`bc.${id}.start`, { editing: true })).toMatch(/^fanned out to \d+$/);
  const chats = (await repo().recipients(id)).map((k) => parseRecipientKey(k)!);
  const total = chats.length;
  const progress = sent.findIndex((m) => m.chatId === admin.chat.chatId && m.msg.text.includes(`📣 Siaran ${id} sedang dikirim`));
  expect(progress).toBeGreaterThanOrEqual(0);

  for (const r of chats.slice(1)) await repo().recordOutcome(id, r, 'sent');
  const tick = (n: number) => controlProcessor({ editing: true })({ id: `tick-${n}`, data: { broadcastId: id, kind: 'progress', n } });
  expect(await tick(1)).toBe('left 1');
  expect(edits.at(-1)?.msg.text).toContain(`Sisa: 1 dari ${total}`);
  await repo().recordOutcome(id, chats[0]!, 'sent');
  expect(await tick(2)).toBe('done');
  expect(await tick(2)).toBe('finished'); // a tick run again after the summary edits nothing

  const mine = edits.filter((e) => e.chatId === admin.chat.chatId && e.messageId === String(progress + 1));
  const last = mine.at(-1)!;
  expect(last.msg.text).toBe(`✅ Siaran ${id} selesai: terkirim ${total} dari ${total}. Ringkasannya ada di pesan berikut.`);
  expect(last.msg.choices).toBeUndefined();
  expect(last.msg.text).not.toContain('sedang dikirim');
  const summaryAt = sent.findIndex((m) => m.msg.text.startsWith(`✅ Siaran ${id} selesai.`));
  expect(summaryAt).toBeGreaterThan(progress);
  expect(mine.every((e) => e.after <= summaryAt)).toBe(true); // no edit after the summary
});
