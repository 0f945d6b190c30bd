// The pure parts of the fake Bot API: token bucket (injected clock), parse_mode parsing,
// spec-driven validation and the multipart parser.
import { UploadedFile, parseMultipart, parseParams } from '../support/fake-bot-api/body.js';
import { ApiError } from '../support/fake-bot-api/errors.js';
import { parseFormatted } from '../support/fake-bot-api/formatting.js';
import { loadSpecIndex } from '../support/fake-bot-api/spec-index.js';
import { createRateLimiter, createTokenBucket } from '../support/fake-bot-api/token-bucket.js';
import { validateCall } from '../support/fake-bot-api/validate-params.js';

describe('token bucket', () => {
  test('a burst, then one token per 1/perSecond, never above capacity', () => {
    let now = 0;
    const b = createTokenBucket({ capacity: 3, perSecond: 1, now: () => now });
    expect([b.take(), b.take(), b.take()]).toEqual([0, 0, 0]);
    expect(b.take()).toBe(1000);
    now = 500;
    expect(b.waitMs()).toBe(500);
    now = 1000;
    expect(b.take()).toBe(0);
    now = 60_000;
    expect(b.available()).toBe(3);
  });

  test('sustained: attempts every 100 ms for 10 s let through burst + 10', () => {
    let now = 0;
    const b = createTokenBucket({ capacity: 3, perSecond: 1, now: () => now });
    let ok = 0;
    for (; now <= 10_000; now += 100) if (b.take() === 0) ok++;
    expect(ok).toBe(13);
  });

  test('the limiter takes from both buckets or from neither', () => {
    let now = 0;
    const limiter = createRateLimiter({ perChat: { burst: 1, perSecond: 1 }, global: { perSecond: 2 } }, () => now);
    expect(limiter.tryTake('a')).toBe(0);
    expect(limiter.tryTake('a')).toBeGreaterThan(0); // chat empty: global untouched
    expect(limiter.tryTake('b')).toBe(0);
    expect(limiter.tryTake('c')).toBeGreaterThan(0); // global empty
    now = 1000;
    expect(limiter.tryTake('c')).toBe(0);
  });
});

describe('parse_mode', () => {
  const ok = (text: string, mode?: string): string => {
    const r = parseFormatted(text, mode);
    if (!r.ok) throw new Error(r.error);
    return r.text;
  };
  const err = (text: string, mode: string): string => {
    const r = parseFormatted(text, mode);
    if (r.ok) throw new Error(`accepted: ${text}`);
    return r.error;
  };

  test('HTML: entities decoded, supported tags stripped, bad markup refused', () => {
    expect(ok('<b>a</b> &lt;3 &#8364; <a href="https://x.id">link</a> & co', 'HTML')).toBe('a <3 € link & co');
    expect(ok('<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>', 'html')).toBe('st');
    expect(err('<span>s</span>', 'HTML')).toMatch(/tg-spoiler/);
    expect(err('<b>x</i>', 'HTML')).toBe(`can't parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`);
    expect(err('a < b', 'HTML')).toMatch(/Unsupported start tag|Can't find end of the tag/);
    expect(err('</b>', 'HTML')).toMatch(/Unexpected end tag/);
  });

  test('MarkdownV2: reserved characters must be escaped outside code; entities must close', () => {
    expect(ok('*tebal* _miring_ __garis__ ~coret~ ||rahasia|| `kode.!` [tautan](https://a.id/x_(1\\))', 'MarkdownV2')).toBe(
      'tebal miring garis coret rahasia kode.! tautan',
    );
    expect(ok('```ts\nconst a = 1;\n```', 'MarkdownV2')).toBe('const a = 1;\n');
    expect(err('Harga: Rp 5.000!', 'MarkdownV2')).toMatch(/Character '\.' is reserved/);
    expect(err('*tebal', 'MarkdownV2')).toMatch(/Can't find end of Bold entity at byte offset 0/);
    expect(ok('1\\+1\\=2', 'MarkdownV2')).toBe('1+1=2');
  });

  test('Markdown (legacy): entities must close', () => {
    expect(ok('*a* _b_ `c` [d](https://e.id)', 'Markdown')).toBe('a b c d');
    expect(err('*a', 'Markdown')).toMatch(/Can't find end of the entity starting at byte offset 0/);
  });
});

describe('validation against the 10.1 spec', () => {
  const spec = loadSpecIndex();
  const method = (name: string) => spec.methods.get(name.toLowerCase())!;
  const run = (name: string, params: Record<string, unknown>, form = false) => validateCall(spec, method(name), { params, files: new Map(), form }, true);
  const refusal = (name: string, params: Record<string, unknown>): string => {
    try {
      run(name, params);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400) return e.description.replace(/^Bad Request: /, '');
      throw e;
    }
    throw new Error('accepted');
  };

  test('the index knows the methods, case-insensitively', () => {
    expect(spec.methods.size).toBe(180);
    expect(method('SENDMESSAGE').required).toEqual(['chat_id', 'text']);
  });

  test('form values are converted: integers, booleans, JSON objects', () => {
    const { params } = run(
      'sendMessage',
      { chat_id: '42', text: 'hi', disable_notification: 'true', reply_markup: '{"keyboard":[["Ya","Tidak"]],"resize_keyboard":true}' },
      true,
    );
    expect(params).toEqual({ chat_id: 42, text: 'hi', disable_notification: true, reply_markup: { keyboard: [['Ya', 'Tidak']], resize_keyboard: true } });
    expect(run('sendMessage', { chat_id: '@kanal_depok', text: 'x' }).params.chat_id).toBe('@kanal_depok');
  });

  test('nested objects: unions by discriminator, required fields, prose rules', () => {
    expect(() => run('setMyCommands', { commands: [{ command: 'menu', description: 'Menu' }], scope: { type: 'chat', chat_id: 5 } })).not.toThrow();
    expect(refusal('setMyCommands', { commands: [], scope: { type: 'planet' } })).toMatch(/not a valid BotCommandScope type/);
    expect(refusal('setMyCommands', { commands: [{ command: 'Menu', description: 'x' }] })).toBe('BOT_COMMAND_INVALID');
    expect(refusal('setMyCommands', { commands: [{ command: 'menu' }] })).toMatch(/field "commands\[0\].description" is required/);
    expect(refusal('sendMessage', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'b', colour: 1 }]] } })).toMatch(
      /field "reply_markup.inline_keyboard\[0\]\[0\].colour" is unknown/,
    );
    expect(refusal('sendMessage', { chat_id: 1, text: 'x', reply_markup: { remove_keyboard: false } })).toBe("can't parse reply keyboard markup JSON object");
    expect(refusal('sendMessage', { chat_id: 1, text: 'x', reply_markup: [] })).toBe("can't parse reply keyboard markup JSON object");
  });

  test('InputFile: attach:// must name an uploaded part', () => {
    const file = new UploadedFile('f1', 'a.jpg', 'application/octet-stream', Buffer.from('x'));
    const ok = validateCall(spec, method('sendPhoto'), { params: { chat_id: '1', photo: 'attach://f1' }, files: new Map([['f1', file]]), form: true }, true);
    expect(ok.params.photo).toBe(file);
    expect(refusal('sendPhoto', { chat_id: 1, photo: 'attach://missing' })).toBe('wrong file identifier/HTTP URL specified');
    expect(refusal('sendPhoto', { chat_id: 1 })).toBe('there is no photo in the request');
  });
});

describe('multipart/form-data', () => {
  test('parses grammY-style parts (bare filename) with binary data', () => {
    const bin = Buffer.from([0, 13, 10, 45, 45, 255]);
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n42\r\n--XyZ\r\n'),
      Buffer.from('content-disposition:form-data;name="abc";filename=photo.jpg\r\ncontent-type:application/octet-stream\r\n\r\n'),
      bin,
      Buffer.from('\r\n--XyZ\r\nContent-Disposition: form-data; name="caption"\r\n\r\nhalo "kamu"\r\n--XyZ--\r\n'),
    ]);
    const { fields, files } = parseMultipart(body, 'XyZ');
    expect(fields).toEqual({ chat_id: '42', caption: 'halo "kamu"' });
    expect(files.get('abc')).toMatchObject({ filename: 'photo.jpg' });
    expect(files.get('abc')!.data.equals(bin)).toBe(true);
    expect(() => parseMultipart(Buffer.from('--XyZ\r\ncontent-disposition:form-data;name="a"\r\n\r\n1'), 'XyZ')).toThrow(ApiError);
  });

  test('urlencoded and query parameters are form values', () => {
    const p = parseParams('application/x-www-form-urlencoded', Buffer.from('text=hi%20there&chat_id=42'), new URLSearchParams('parse_mode=HTML'));
    expect(p).toMatchObject({ form: true, params: { text: 'hi there', chat_id: '42', parse_mode: 'HTML' } });
  });
});
