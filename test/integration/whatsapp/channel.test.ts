import { DisconnectReason } from '@whiskeysockets/baileys';
import type { HandledMessage, IncomingMessage, MessageHandler } from '../../../src/engine/types.js';
import type { OutboundMessage } from '../../../src/i18n/message.js';
import { createI18n } from '../../../src/i18n/index.js';
import { textMessage, phoneJid } from '../../support/fake-wa-socket.js';
import { createWaDriver, readableText, type WaDriver } from '../../support/wa-driver.js';

const ANI = '+6281234567890';
const BUDI = '+6281398765432';

/** A trivial engine: echoes text, reports photos by size, and can be told what to answer. */
function echoHandler() {
  const seen: IncomingMessage[] = [];
  let next: ((m: IncomingMessage) => Promise<OutboundMessage[]>) | undefined;
  const handler: MessageHandler = {
    async handle(m): Promise<HandledMessage> {
      seen.push(m);
      if (next) return { messages: await next(m) };
      if (m.input.kind === 'photo') return { messages: [{ text: `foto ${(await m.fetchMedia(m.input.media)).length} byte` }] };
      if (m.input.kind === 'text') return { messages: [{ text: `echo: ${m.input.text}` }] };
      return { messages: [{ text: m.input.kind }] };
    },
  };
  return {
    handler,
    seen,
    answer(f: (m: IncomingMessage) => Promise<OutboundMessage[]>) {
      next = f;
    },
  };
}

let wa: WaDriver;
let echo: ReturnType<typeof echoHandler>;

beforeEach(async () => {
  echo = echoHandler();
  wa = await createWaDriver({ handler: echo.handler });
});
afterEach(async () => {
  await wa.close();
});

test('a text is handled with the sender verified and the reply goes back to the sender', async () => {
  wa.say(ANI, 'halo');
  expect(await wa.waitForReplies(ANI, 1)).toEqual(['echo: halo']);
  expect(echo.seen[0]!.chat).toEqual({ channel: 'whatsapp', chatId: '6281234567890' });
  expect(echo.seen[0]!.verifiedPhone).toBe(ANI);
  expect(wa.channel.status()).toBe('open');
});

test('the texts of one turn go as one message, in order, choices as a numbered list', async () => {
  echo.answer(async () => [
    { text: 'Selamat datang' },
    {
      text: 'Pilih menu:',
      choices: [
        { id: 'm:belanja', label: 'Belanja' },
        { id: 'm:pesanan', label: 'Pesanan saya' },
      ],
    },
    { text: 'Ketik nomornya.' },
  ]);
  wa.say(ANI, '/start');
  expect(await wa.waitForReplies(ANI, 1)).toEqual(['Selamat datang\n\nPilih menu:\n\n1. Belanja\n2. Pesanan saya\n\nKetik nomornya.']);
  expect(echo.seen[0]!.input).toEqual({ kind: 'command', name: 'start', args: '' });
});

test('a message Baileys emits twice is handled once', async () => {
  const msg = textMessage(phoneJid(ANI), 'sekali', { id: 'DUP-1' });
  wa.socket().receive([msg, msg]);
  wa.socket().receive([msg]);
  wa.say(ANI, 'lagi');
  expect(await wa.waitForReplies(ANI, 2)).toEqual(['echo: sekali', 'echo: lagi']);
  await wa.channel.drain();
  expect(echo.seen.map((m) => m.input)).toEqual([
    { kind: 'text', text: 'sekali' },
    { kind: 'text', text: 'lagi' },
  ]);
});

test('history (append) and group messages are not handled', async () => {
  wa.socket().receive([textMessage(phoneJid(ANI), 'lama')], 'append');
  wa.socket().receive([textMessage('120363041234567890@g.us', 'grup', { participant: phoneJid(ANI) })]);
  wa.say(ANI, 'baru');
  expect(await wa.waitForReplies(ANI, 1)).toEqual(['echo: baru']);
  expect(echo.seen).toHaveLength(1);
});

test('a photo is fetched through the channel', async () => {
  wa.sendImage(ANI, Buffer.alloc(1234, 7), 'struk');
  expect(await wa.waitForReplies(ANI, 1)).toEqual(['foto 1234 byte']);
  expect(echo.seen[0]!.input).toMatchObject({ kind: 'photo', media: { caption: 'struk', mime: 'image/jpeg' } });
});

test('a failing message gets the localised apology and the next one is handled', async () => {
  echo.answer(async (m) => {
    if (m.input.kind === 'text' && m.input.text === 'rusak') throw new Error('boom');
    return [{ text: 'ok' }];
  });
  wa.say(ANI, 'rusak');
  wa.say(ANI, 'lanjut');
  const apology = createI18n().t('id', 'wa-error');
  expect(apology).not.toBe('wa-error');
  expect(await wa.waitForReplies(ANI, 2)).toEqual([apology, 'ok']);
});

test('messages from one chat are handled one at a time; other chats are not blocked', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  echo.answer(async (m) => {
    if (m.input.kind === 'text' && m.input.text === 'lambat') await gate;
    return [{ text: `re ${m.input.kind === 'text' ? m.input.text : ''}` }];
  });
  wa.say(ANI, 'lambat');
  wa.say(ANI, 'kedua');
  wa.say(BUDI, 'cepat');
  expect(await wa.waitForReplies(BUDI, 1)).toEqual(['re cepat']);
  expect(wa.sentTo(ANI)).toHaveLength(0);
  release();
  expect(await wa.waitForReplies(ANI, 2)).toEqual(['re lambat', 're kedua']);
});

describe('sender (queue workers)', () => {
  test('sends to a phone in any form and to a group JID as given', async () => {
    const r1 = await wa.channel.sender.send('081234567890', { text: 'Pesanan baru', choices: [{ id: 'a', label: 'Terima' }] });
    expect(r1).toMatchObject({ ok: true });
    expect(await wa.waitForReplies(ANI, 1)).toEqual(['Pesanan baru\n\n1. Terima']);
    const group = '120363041234567890@g.us';
    expect(await wa.channel.sender.send(group, { text: 'Laporan' })).toMatchObject({ ok: true });
    expect(
      wa
        .socket()
        .sent.filter((s) => s.jid === group)
        .map((s) => readableText(s.content)),
    ).toEqual(['Laporan']);
  });

  test('an unknown number or a bad chat id is permanent', async () => {
    wa.socket().noAccount.add(phoneJid(BUDI));
    expect(await wa.channel.sender.send(BUDI, { text: 'x' })).toMatchObject({ ok: false, permanent: true });
    expect(await wa.channel.sender.send('bukan-nomor', { text: 'x' })).toMatchObject({ ok: false, permanent: true });
    expect(wa.sentTo(BUDI)).toHaveLength(0);
  });

  test('while disconnected it asks to retry later', async () => {
    const next = wa.factory.nextSocket();
    wa.socket().close(DisconnectReason.connectionLost);
    const r = await wa.channel.sender.send(ANI, { text: 'x' });
    expect(r).toMatchObject({ ok: false });
    expect(r.ok === false && r.retryAfter).toBeGreaterThan(0);
    expect(r.ok === false && r.permanent).toBeFalsy();
    await next;
  });
});
