import { createLogger, scrub, scrubDeep } from '../../src/logger.js';

/** A logger writing JSON lines to memory. */
function memoryLogger(level = 'trace') {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, { write: (s: string) => void lines.push(s) }) };
}

describe('scrub', () => {
  test.each([
    ['call 0812-3456-7890 now', 'call <phone> now'],
    ['call 0812 3456 7890', 'call <phone>'],
    ['+62 812-3456-7890', '<phone>'],
    ['+6281234567890', '<phone>'],
    ['6281234567890@s.whatsapp.net', '<phone>@s.whatsapp.net'],
    ['081234567890', '<phone>'],
    ['GET https://api.telegram.org/bot123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345/getMe', 'GET https://api.telegram.org/bot<token>/getMe'],
    ['token 123456:TEST-abcdefghijklmnopqrstuvwxyz', 'token <token>'],
  ])('%s', (input, expected) => {
    expect(scrub(input)).toBe(expected);
  });

  test('leaves order ids, NIPs, money, dates and Telegram chat ids alone', () => {
    const text = 'ORD-20261122-00001 NIP 197001011993012001 Rp 25.000 2026-11-22T08:12:34Z chat -1001234567890 user 5301';
    expect(scrub(text)).toBe(text);
  });

  test('scrubDeep reaches nested strings and errors', () => {
    const out = scrubDeep({
      error: 'refused for 0812-3456-7890',
      job: { data: { chatId: '6281234567890@s.whatsapp.net' } },
      list: ['+62 811 222 3333'],
      err: new Error('bad 08123456789'),
    }) as Record<string, any>;
    expect(out.error).toBe('refused for <phone>');
    expect(out.job.data.chatId).toBe('<phone>@s.whatsapp.net');
    expect(out.list).toEqual(['<phone>']);
    expect(out.err).toMatchObject({ type: 'Error', message: 'bad <phone>' });
  });
});

describe('createLogger', () => {
  test('redacts personal fields and scrubs free text in objects, messages and child bindings', () => {
    const { lines, logger } = memoryLogger();
    logger.child({ waChat: '6281234567890@s.whatsapp.net' }).warn(
      {
        recipient: { name: 'Siti Wulandari', phone: '+6281234567890' },
        address: 'Jl. Margonda Raya No. 100',
        text: 'halo',
        error: 'send to 0812-3456-7890 failed',
      },
      'refused for 0812 3456 7890',
    );
    logger.error({ err: new Error('GET /bot123456:TEST-abcdefghijklmnopqrstuvwxyz/sendMessage failed') }, 'boom');
    const all = lines.join('');
    for (const s of ['Siti Wulandari', '81234567890', '3456', 'Margonda', 'halo', 'TEST-abcdefghijklmnopqrstuvwxyz']) expect(all).not.toContain(s);
    expect(all).toContain('[redacted]');
    expect(all).toContain('refused for <phone>');
    expect(all).toContain('bot<token>');
  });

  test("an error keeps its name, message and stack only (a send error's payload carries the text it sent)", () => {
    const { lines, logger } = memoryLogger();
    const e = Object.assign(new Error("Call to 'sendMessage' failed! (400: Bad Request: chat not found)"), {
      payload: { chat_id: 5301, text: 'Penerima: Siti Wulandari, Jl. Margonda Raya No. 100' },
    });
    logger.error({ err: e }, 'telegram update failed');
    const line = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(line.err.type).toBe('Error');
    expect(line.err.message).toBe("Call to 'sendMessage' failed! (400: Bad Request: chat not found)");
    expect(lines[0]).not.toContain('Siti Wulandari');
  });

  test('bindings of grandchild loggers are scrubbed too', () => {
    const { lines, logger } = memoryLogger();
    logger.child({ module: 'baileys' }).child({ chat: 'x', peer: '6281234567890@s.whatsapp.net' }).info('decrypt failed');
    expect(lines[0]).toContain('"peer":"<phone>@s.whatsapp.net"');
  });
});

test('payment details on a logged order (account number, holder, e-wallet number) are redacted', () => {
  const { lines, logger } = memoryLogger();
  logger.info(
    {
      order: {
        id: 'ORD-1',
        payTo: { bank: { bank: 'BCA', number: '7001234567', holder: 'Ratna Dewi' }, ewallet: { provider: 'GoPay', number: '+6281298765432' } },
      },
      payment: { bank: { bank: 'BCA', number: '7001234567', holder: 'Ratna Dewi' } },
    },
    'order read',
  );
  const out = lines.join('\n');
  expect(out).toContain('ORD-1');
  expect(out).not.toContain('7001234567');
  expect(out).not.toContain('Ratna');
  expect(out).not.toContain('81298765432');
});
