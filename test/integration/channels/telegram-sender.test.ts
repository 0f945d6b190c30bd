import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Api } from 'grammy';
import { PDFDocument } from 'pdf-lib';
import { type TelegramSender, createTelegramSender } from '../../../src/channels/telegram/sender.js';
import { createKeys } from '../../../src/store/keys.js';
import { FAKE_BOT_TOKEN, type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api/index.js';
import { makeMediaDir } from '../../support/queue/fixtures.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../../support/redis.js';

const USER = 7001;
const GROUP = -1009876543210;
const redis = openRedis();
const keys = createKeys(uniquePrefix('tgsend'));
let fake: FakeBotApi;
let sender: TelegramSender;
let media: Awaited<ReturnType<typeof makeMediaDir>>;

beforeAll(async () => {
  media = await makeMediaDir();
  fake = await startFakeBotApi({ rateLimits: false });
  fake.addUser({ id: USER, first_name: 'Sari' });
  fake.addChat({ id: GROUP, type: 'supergroup', title: 'Kantor Wali Kota' });
  sender = createTelegramSender(new Api(FAKE_BOT_TOKEN, { apiRoot: fake.url }), { mediaDir: media.dir, redis, keys });
});

afterAll(async () => {
  await fake.close();
  await cleanPrefix(redis, keys.prefix);
  await redis.quit();
});

const since = (n: number) => fake.sent().slice(n);

describe('Telegram sender', () => {
  it('splits a text over 4096 and puts the keyboard on the last part, `columns` per row', async () => {
    const n = fake.sent().length;
    const text = `${'Baris panjang berisi keterangan produk UMKM.\n'.repeat(120)}Akhir.`;
    const choices = ['a', 'b', 'c'].map((id) => ({ id: `pick:${id}`, label: id.toUpperCase() }));
    const r = await sender.send(String(USER), { text, choices, columns: 2 });
    expect(r.ok).toBe(true);
    const out = since(n);
    expect(out.length).toBe(2);
    expect(out.every((m) => (m.text ?? '').length <= 4096)).toBe(true);
    expect(out[0]!.reply_markup).toBeUndefined();
    expect(out[1]!.reply_markup).toEqual({
      inline_keyboard: [
        [
          { text: 'A', callback_data: 'pick:a' },
          { text: 'B', callback_data: 'pick:b' },
        ],
        [{ text: 'C', callback_data: 'pick:c' }],
      ],
    });
    if (r.ok) expect(r.messageId).toBe(String(out[0]!.message_id));
  });

  it('sends a photo with a caption under 1024 and the rest as a reply; uploads once, then resends by file_id', async () => {
    const n = fake.sent().length;
    const text = 'Keterangan foto. '.repeat(100);
    const first = await sender.send(String(GROUP), { text, photo: { path: media.rel } });
    expect(first.ok).toBe(true);
    const out = since(n);
    expect(out.map((m) => m.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(out[0]!.caption!.length).toBeLessThanOrEqual(1024);
    expect(out[0]!.photo!.source).toBe('upload');
    const reply = fake.calls('sendMessage').at(-1)!;
    expect(reply.params.reply_parameters).toMatchObject({ message_id: out[0]!.message_id });
    expect(await redis.hget(keys.telegramFileIds(), media.rel)).toBeTruthy();

    const again = await sender.send(String(USER), { text: 'Lagi', photo: { path: media.rel } });
    expect(again.ok).toBe(true);
    expect(fake.sent().at(-1)!.photo!.source).toBe('file_id');
  });

  it('sends a stored PDF receipt as a document with the caption, not as a photo', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]);
    writeFileSync(path.join(media.dir, 'receipts', 'abc.pdf'), await doc.save());
    const n = fake.sent().length;
    const r = await sender.send(String(GROUP), { text: 'Pesanan baru', photo: { path: 'receipts/abc.pdf' } });
    expect(r.ok).toBe(true);
    const out = since(n);
    expect(out.map((m) => m.method)).toEqual(['sendDocument']);
    expect(out[0]!.caption).toBe('Pesanan baru');
  });

  it('uploads again when a cached file_id is unknown to Telegram', async () => {
    await redis.hset(keys.telegramFileIds(), media.rel, 'no-such-file-id');
    const r = await sender.send(String(USER), { text: 'Foto', photo: { path: media.rel } });
    expect(r.ok).toBe(true);
    expect(fake.sent().at(-1)!.photo!.source).toBe('upload');
  });

  it('sends a CSV document from its content, and asks for the contact with a one-time keyboard', async () => {
    const doc = await sender.send(String(GROUP), { text: 'Rekap', document: { fileName: 'rekap.csv', content: 'a,b\n1,2\n' } });
    expect(doc.ok).toBe(true);
    const sentDoc = fake.sent().at(-1)!;
    expect(sentDoc.document!.file_name).toBe('rekap.csv');
    expect(sentDoc.document!.data.toString('utf8')).toBe('a,b\n1,2\n');

    const ask = await sender.send(String(USER), { text: 'Bagikan nomor Anda', requestContact: true, choices: [{ id: 'c', label: '📱 Kirim nomor' }] });
    expect(ask.ok).toBe(true);
    expect(fake.calls('sendMessage').at(-1)!.params.reply_markup).toMatchObject({
      keyboard: [[{ text: '📱 Kirim nomor', request_contact: true }]],
      one_time_keyboard: true,
    });
  });

  it('sorts failures: 403 blocked, 400 permanent, 429 retryAfter, 5xx and network retryable', async () => {
    fake.blockUser(USER);
    expect(await sender.send(String(USER), { text: 'x' })).toMatchObject({ ok: false, blocked: true, permanent: true });
    fake.unblockUser(USER);
    expect(await sender.send('424242', { text: 'x' })).toMatchObject({ ok: false, permanent: true });
    fake.failNext('sendMessage', 1, { status: 429, description: 'Too Many Requests: retry after 7', retry_after: 7 });
    expect(await sender.send(String(USER), { text: 'x' })).toMatchObject({ ok: false, retryAfter: 7 });
    fake.failNext('sendMessage', 1, { status: 502, description: 'Bad Gateway' });
    const r5 = await sender.send(String(USER), { text: 'x' });
    expect(r5.ok).toBe(false);
    if (!r5.ok) expect(r5.permanent).toBeFalsy();
    const offline = createTelegramSender(new Api(FAKE_BOT_TOKEN, { apiRoot: 'http://127.0.0.1:9' }), { mediaDir: media.dir });
    const rn = await offline.send(String(USER), { text: 'x' });
    expect(rn).toMatchObject({ ok: false });
    if (!rn.ok) expect(rn.error).toMatch(/^network/);
  });
});
