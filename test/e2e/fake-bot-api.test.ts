// The fake Bot API driven by a real grammY Bot/Api: it must refuse what Telegram refuses and
// deliver updates the way Telegram does (long polling and webhook).
import { Api, InlineKeyboard, InputFile } from 'grammy';
import { apiErrorOf as apiError, fakeApi, fakeBot } from '../support/fake-bot-api/grammy.js';
import { FAKE_BOT_TOKEN, startFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/index.js';

const USER = 42;
let fake: FakeBotApi;
let api: Api;

beforeEach(async () => {
  fake = await startFakeBotApi({ rateLimits: { perChat: false, global: false } });
  fake.addUser({ id: USER, first_name: 'Sari', username: 'sari' });
  api = fakeApi(fake);
});
afterEach(async () => {
  await fake.close();
});

describe('refusals', () => {
  test('wrong token is 401, unknown method is 404', async () => {
    const other = new Api('999:WRONG', { apiRoot: fake.url });
    expect((await apiError(other.getMe())).error_code).toBe(401);
    const res = await fetch(`${fake.url}/bot${FAKE_BOT_TOKEN}/sendMesage`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
  });

  test('missing, unknown and mistyped parameters are 400', async () => {
    const raw = api.raw as unknown as Record<string, (p: unknown) => Promise<unknown>>;
    expect((await apiError(raw.sendMessage!({ text: 'hi' }))).description).toBe('Bad Request: chat_id is empty');
    expect((await apiError(api.sendMessage(USER, ''))).description).toBe('Bad Request: message text is empty');
    expect((await apiError(raw.sendMessage!({ chat_id: USER, text: 'x', colour: 'red' }))).description).toBe('Bad Request: unknown parameter "colour"');
    const wrongBool = await apiError(raw.sendMessage!({ chat_id: USER, text: 'x', disable_notification: 'yes' }));
    expect(wrongBool.description).toBe('Bad Request: parameter "disable_notification" must be of type Boolean');
    expect((await apiError(raw.sendMessage!({ chat_id: { id: 1 }, text: 'x' }))).error_code).toBe(400);
    expect((await apiError(raw.sendMessage!({ chat_id: USER, text: 'x', reply_markup: { inline_keyboard: 'no' } }))).description).toMatch(
      /^Bad Request: can't parse reply_markup: field "reply_markup.inline_keyboard" must be of type Array of Array/,
    );
  });

  test('text is 1-4096 UTF-16 units after parsing; caption at most 1024', async () => {
    await api.sendMessage(USER, '😀'.repeat(2048)); // 4096 code units
    expect((await apiError(api.sendMessage(USER, 'a'.repeat(4097)))).description).toBe('Bad Request: message is too long');
    expect((await apiError(api.sendMessage(USER, '😀'.repeat(2048) + 'a'))).description).toBe('Bad Request: message is too long');
    await api.sendMessage(USER, `<b>${'a'.repeat(4096)}</b>`, { parse_mode: 'HTML' }); // tags do not count
    const photo = new InputFile(Buffer.from('img'), 'p.jpg');
    const long = await apiError(api.sendPhoto(USER, photo, { caption: 'c'.repeat(1025) }));
    expect(long.description).toBe('Bad Request: message caption is too long');
    expect(fake.sent(USER)).toHaveLength(2);
  });

  test('parse_mode: unknown modes, bad HTML and unescaped MarkdownV2 are refused', async () => {
    const sent = await api.sendMessage(USER, '<b>Halo</b> &amp; <i>selamat</i>', { parse_mode: 'HTML' });
    expect(sent.text).toBe('Halo & selamat');
    for (const bad of ['<b>unclosed', '<b><i>x</b></i>', '<blink>x</blink>']) {
      expect((await apiError(api.sendMessage(USER, bad, { parse_mode: 'HTML' }))).description).toMatch(/^Bad Request: can't parse entities: /);
    }
    const md = await apiError(api.sendMessage(USER, 'Total Rp 10.000', { parse_mode: 'MarkdownV2' }));
    expect(md.description).toMatch(/^Bad Request: can't parse entities: Character '\.' is reserved/);
    await api.sendMessage(USER, '*Total* Rp 10\\.000', { parse_mode: 'MarkdownV2' });
    const raw = api.raw as unknown as Record<string, (p: unknown) => Promise<unknown>>;
    expect((await apiError(raw.sendMessage!({ chat_id: USER, text: 'x', parse_mode: 'BBCode' }))).description).toBe('Bad Request: unsupported parse_mode');
  });

  test('inline keyboards: callback_data 1-64 bytes, exactly one action per button', async () => {
    await api.sendMessage(USER, 'ok', { reply_markup: new InlineKeyboard().text('A', 'é'.repeat(32)) }); // 64 bytes
    const tooLong = await apiError(api.sendMessage(USER, 'x', { reply_markup: new InlineKeyboard().text('A', 'a'.repeat(65)) }));
    expect(tooLong.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    const multibyte = await apiError(api.sendMessage(USER, 'x', { reply_markup: new InlineKeyboard().text('A', 'é'.repeat(33)) }));
    expect(multibyte.description).toBe('Bad Request: BUTTON_DATA_INVALID');
    const noAction = await apiError(api.sendMessage(USER, 'x', { reply_markup: { inline_keyboard: [[{ text: 'A' } as never]] } }));
    expect(noAction.description).toMatch(/Text buttons are unallowed in the inline keyboard/);
    const two = { text: 'A', callback_data: 'a', url: 'https://depok.go.id' };
    expect((await apiError(api.sendMessage(USER, 'x', { reply_markup: { inline_keyboard: [[two as never]] } }))).error_code).toBe(400);
    const badUrl = await apiError(api.sendMessage(USER, 'x', { reply_markup: new InlineKeyboard().url('A', 'depok') }));
    expect(badUrl.description).toMatch(/URL 'depok' is invalid/);
    await api.sendMessage(USER, 'kontak', { reply_markup: { keyboard: [[{ text: 'Bagikan', request_contact: true }]], one_time_keyboard: true } });
  });

  test('answerCallbackQuery text is at most 200 characters; a query is answered once', async () => {
    const m = await api.sendMessage(USER, 'pilih', { reply_markup: new InlineKeyboard().text('Ya', 'yes') });
    const q = fake.pressButton(USER, m.message_id, 'yes');
    expect((await apiError(api.answerCallbackQuery(q.id, { text: 'x'.repeat(201) }))).description).toBe('Bad Request: MESSAGE_TOO_LONG');
    await api.answerCallbackQuery(q.id, { text: 'ok' });
    expect((await apiError(api.answerCallbackQuery(q.id))).description).toMatch(/query ID is invalid/);
    expect(fake.callbackAnswers()).toEqual([expect.objectContaining({ callback_query_id: q.id, text: 'ok' })]);
  });

  test('unknown chats are 400, blocked users 403, groups need addChat', async () => {
    expect((await apiError(api.sendMessage(7, 'x'))).description).toBe('Bad Request: chat not found');
    expect((await apiError(api.sendMessage(-100123, 'x'))).description).toBe('Bad Request: chat not found');
    fake.addChat({ id: -100123, type: 'supergroup', title: 'Kantor Wali Kota' });
    await api.sendMessage(-100123, 'laporan');
    fake.blockUser(USER);
    const blocked = await apiError(api.sendMessage(USER, 'x'));
    expect([blocked.error_code, blocked.description]).toEqual([403, 'Forbidden: bot was blocked by the user']);
    expect(fake.sent().map((r) => r.chat_id)).toEqual([-100123]);
  });

  test('failNext injects faults, then calls succeed again; stats count them', async () => {
    fake.failNext('sendMessage', 2, { status: 500, description: 'Internal Server Error' });
    expect((await apiError(api.sendMessage(USER, 'a'))).error_code).toBe(500);
    expect((await apiError(api.sendMessage(USER, 'b'))).error_code).toBe(500);
    await api.sendMessage(USER, 'c');
    expect(fake.sent(USER).map((r) => r.text)).toEqual(['c']);
    expect(fake.stats()).toMatchObject({ byMethod: { sendMessage: 3 }, byStatus: { 500: 2, 200: 1 } });
  });
});

describe('rate limits (injected clock)', () => {
  test('a burst of 3 to one chat, then 429 with retry_after until time passes', async () => {
    let now = 1_000_000;
    const f = await startFakeBotApi({ now: () => now, rateLimits: { perChat: { burst: 3, perSecond: 1 }, global: false } });
    try {
      f.addUser({ id: USER, first_name: 'Sari' });
      f.addUser({ id: 43, first_name: 'Budi' });
      const a = fakeApi(f);
      for (const t of ['1', '2', '3']) await a.sendMessage(USER, t);
      const err = await apiError(a.sendMessage(USER, '4'));
      expect([err.error_code, err.description, err.parameters.retry_after]).toEqual([429, 'Too Many Requests: retry after 1', 1]);
      await a.sendMessage(43, 'other chat is fine');
      now += 1000;
      await a.sendMessage(USER, '4');
      expect(f.stats().tooManyRequests).toBe(1);
    } finally {
      await f.close();
    }
  });

  test('the global limit spans chats', async () => {
    const f = await startFakeBotApi({ now: () => 5_000, rateLimits: { perChat: false, global: { perSecond: 2 } } });
    try {
      for (const id of [1, 2, 3]) f.addUser({ id, first_name: `U${id}` });
      const a = fakeApi(f);
      await a.sendMessage(1, 'x');
      await a.sendMessage(2, 'x');
      expect((await apiError(a.sendMessage(3, 'x'))).error_code).toBe(429);
    } finally {
      await f.close();
    }
  });
});

describe('updates', () => {
  test('long polling delivers a text update to bot.start() and the reply is recorded', async () => {
    const bot = fakeBot(fake);
    bot.command('start', (ctx) => ctx.reply(`Halo ${ctx.from?.first_name}`));
    bot.on('message:text', (ctx) => ctx.reply(`kamu bilang: ${ctx.message.text}`));
    const running = bot.start();
    await fake.waitFor(() => fake.polling());
    fake.sendCommand(USER, 'start');
    fake.sendText(USER, 'apa kabar');
    const sent = await fake.waitForMessages(USER, 2);
    expect(sent.map((r) => r.text)).toEqual(['Halo Sari', 'kamu bilang: apa kabar']);
    await bot.stop();
    await running;
    expect(fake.pendingUpdates()).toBe(0);
  });

  test('getUpdates: offset confirms, a second poll terminates the first with 409', async () => {
    fake.sendText(USER, 'a');
    fake.sendText(USER, 'b');
    const first = await api.getUpdates();
    expect(first).toHaveLength(2);
    expect(await api.getUpdates()).toHaveLength(2); // not confirmed yet
    expect(await api.getUpdates({ offset: first[1]!.update_id + 1 })).toEqual([]);
    const waiting = apiError(api.getUpdates({ timeout: 30 }));
    await fake.waitFor(() => fake.polling());
    await api.getUpdates({ timeout: 0 });
    expect((await waiting).error_code).toBe(409);
  });

  test('bot.handleUpdate with updates fetched by hand; allowed_updates filters', async () => {
    const bot = fakeBot(fake);
    const seen: string[] = [];
    bot.on('message', (ctx) => void seen.push(ctx.message.text ?? ''));
    fake.sendText(USER, 'satu');
    const button = await api.sendMessage(USER, 'x', { reply_markup: new InlineKeyboard().text('A', 'a') });
    fake.pressButton(USER, button.message_id, 'a');
    const updates = await api.getUpdates({ allowed_updates: ['message'] });
    expect(updates).toHaveLength(1);
    for (const u of updates) await bot.handleUpdate(u);
    expect(seen).toEqual(['satu']);
  });

  test('a pending long poll is answered when the server closes', async () => {
    const f = await startFakeBotApi();
    const a = fakeApi(f);
    const poll = a.getUpdates({ timeout: 50 });
    await f.waitFor(() => f.polling());
    await f.close();
    await expect(poll).resolves.toEqual([]);
  });
});
