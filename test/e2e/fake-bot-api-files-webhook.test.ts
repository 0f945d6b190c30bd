// The fake Bot API with a real grammY Bot: files round-trip, buttons are checked against the
// keyboard the bot sent, edits behave like Telegram's, and webhooks are delivered with the secret.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Bot, InlineKeyboard, InputFile, webhookCallback, type Api } from 'grammy';
import { apiErrorOf, fakeApi, fakeBot } from '../support/fake-bot-api/grammy.js';
import { startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';

const USER = 42;
let fake: FakeBotApi;
let api: Api;

beforeEach(async () => {
  fake = await startFakeBotApi({ rateLimits: false });
  fake.addUser({ id: USER, first_name: 'Sari' });
  api = fakeApi(fake);
});
afterEach(async () => {
  await fake.close();
});

describe('files', () => {
  test('a user photo: the bot gets the file and downloads identical bytes', async () => {
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
    const bot = fakeBot(fake);
    const downloaded: Buffer[] = [];
    bot.on('message:photo', async (ctx) => {
      const file = await ctx.getFile(); // largest size
      const res = await fetch(`${fake.url}/file/bot${fake.token}/${file.file_path}`);
      downloaded.push(Buffer.from(await res.arrayBuffer()));
      await ctx.reply(`dapat ${ctx.message.caption}`);
    });
    const running = bot.start();
    fake.sendPhoto(USER, bytes, { caption: 'struk' });
    await fake.waitForMessages(USER, 1);
    await bot.stop();
    await running;
    expect(downloaded).toHaveLength(1);
    expect(downloaded[0]!.equals(bytes)).toBe(true);
    expect(fake.sent(USER)[0]!.text).toBe('dapat struk');
  });

  test('uploads get a file_id that can be reused; unknown file_ids are refused', async () => {
    const bytes = Buffer.from('flyer-bytes');
    const first = await api.sendPhoto(USER, new InputFile(bytes, 'flyer.jpg'), { caption: 'Promo' });
    const largest = first.photo.at(-1)!;
    const again = await api.sendPhoto(USER, largest.file_id);
    expect(again.photo.at(-1)!.file_unique_id).toBe(largest.file_unique_id);
    const [up, reuse] = fake.sent(USER);
    expect(up!.photo).toMatchObject({ source: 'upload', file_name: 'flyer.jpg' });
    expect(up!.photo!.data.equals(bytes)).toBe(true);
    expect(up!.caption).toBe('Promo');
    expect(reuse!.photo).toMatchObject({ source: 'file_id', file_id: largest.file_id });
    const unknown = await apiErrorOf(api.sendPhoto(USER, 'AgACAgUAAxnope'));
    expect(unknown.description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
    expect((await apiErrorOf(api.getFile('nope'))).description).toBe('Bad Request: invalid file_id');
  });

  test('documents keep their file name and type; a photo file_id is not a document', async () => {
    const csv = Buffer.from('nip,nama\n1,Sari\n');
    const doc = await api.sendDocument(USER, new InputFile(csv, 'rekap.csv'), { caption: 'Rekap harian' });
    expect(doc.document).toMatchObject({ file_name: 'rekap.csv', mime_type: 'text/csv', file_size: csv.length });
    expect(fake.file(doc.document.file_id)!.data.equals(csv)).toBe(true);
    const photo = fake.registerFile(Buffer.from('x'), 'photo');
    expect((await apiErrorOf(api.sendDocument(USER, photo.file_id))).description).toBe("Bad Request: can't use file of type Photo as Document");
  });
});

describe('buttons and edits', () => {
  test('pressButton only presses data on that message unless forged', async () => {
    const bot = fakeBot(fake);
    const pressed: string[] = [];
    bot.on('callback_query:data', async (ctx) => {
      pressed.push(ctx.callbackQuery.data);
      await ctx.answerCallbackQuery();
    });
    const m = await api.sendMessage(USER, 'Pilih produk', { reply_markup: new InlineKeyboard().text('Keripik', 'pick:1') });
    expect(() => fake.pressButton(USER, m.message_id, 'pick:2')).toThrow(/no button with callback_data "pick:2"/);
    expect(() => fake.pressButton(USER, m.message_id + 1, 'pick:1')).toThrow(/no bot message/);
    fake.pressButton(USER, m.message_id, 'pick:1');
    fake.pressButton(USER, m.message_id, 'pick:999', { forge: true });
    const running = bot.start();
    await fake.waitFor(() => fake.callbackAnswers().length === 2);
    await bot.stop();
    await running;
    expect(pressed).toEqual(['pick:1', 'pick:999']);
  });

  test('edits: not modified is refused, an edit without markup drops the keyboard, deletes once', async () => {
    const kb = new InlineKeyboard().text('Terima', 'ok');
    const m = await api.sendMessage(USER, 'Pesanan baru', { reply_markup: kb });
    const same = await apiErrorOf(api.editMessageText(USER, m.message_id, 'Pesanan baru', { reply_markup: kb }));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    await api.editMessageText(USER, m.message_id, 'Pesanan diterima');
    expect(fake.message(USER, m.message_id)).toMatchObject({ text: 'Pesanan diterima' });
    expect(fake.message(USER, m.message_id)!.reply_markup).toBeUndefined();
    expect(() => fake.pressButton(USER, m.message_id, 'ok')).toThrow();
    expect((await apiErrorOf(api.editMessageCaption(USER, m.message_id, { caption: 'x' }))).error_code).toBe(400);
    expect((await apiErrorOf(api.editMessageText(USER, 999, 'x'))).description).toBe('Bad Request: message to edit not found');
    await api.deleteMessage(USER, m.message_id);
    expect((await apiErrorOf(api.deleteMessage(USER, m.message_id))).description).toBe('Bad Request: message to delete not found');
    expect(fake.edits(USER).map((e) => e.method)).toEqual(['editMessageText', 'deleteMessage']);
  });
});

describe('webhook', () => {
  let receiver: Server;
  afterEach(async () => {
    await new Promise<void>((resolve) => {
      receiver.close(() => resolve());
      receiver.closeAllConnections();
    });
  });

  test('updates are POSTed with the secret header; a wrong secret is retried and reported', async () => {
    const bot = fakeBot(fake);
    bot.on('message:text', (ctx) => ctx.reply(`diterima: ${ctx.message.text}`));
    const handle = webhookCallback(bot, 'http', { secretToken: 'rahasia_123' });
    const secrets: (string | undefined)[] = [];
    receiver = createServer((req: IncomingMessage, res) => {
      secrets.push(req.headers['x-telegram-bot-api-secret-token'] as string | undefined);
      void handle(req, res);
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tg`;

    await api.setWebhook(url, { secret_token: 'rahasia_123' });
    expect((await apiErrorOf(api.getUpdates())).error_code).toBe(409);
    fake.sendText(USER, 'halo');
    await fake.waitForMessages(USER, 1);
    expect(fake.sent(USER)[0]!.text).toBe('diterima: halo');
    expect(secrets).toEqual(['rahasia_123']);

    await api.setWebhook(url, { secret_token: 'salah' });
    fake.sendText(USER, 'lagi');
    await fake.waitFor(() => fake.webhook()?.last_error_message);
    const info = await api.getWebhookInfo();
    expect(info).toMatchObject({ url, pending_update_count: 1 });
    expect(info.last_error_message).toMatch(/401/);
    await api.deleteWebhook({ drop_pending_updates: true });
    expect(fake.pendingUpdates()).toBe(0);
  });

  test('a webhook reply (method in the response body) is executed', async () => {
    const bot = new Bot(fake.token, { client: { apiRoot: fake.url, canUseWebhookReply: () => true }, botInfo: fake.botInfo });
    bot.on('message:text', (ctx) => ctx.reply('lewat balasan webhook'));
    receiver = createServer(webhookCallback(bot, 'http'));
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    await api.setWebhook(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`);
    fake.sendText(USER, 'halo');
    const [reply] = await fake.waitForMessages(USER, 1);
    expect(reply!.text).toBe('lewat balasan webhook');
    expect(fake.calls('sendMessage')).toHaveLength(1);
  });
});
