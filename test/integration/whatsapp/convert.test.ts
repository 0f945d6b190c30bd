import path from 'node:path';
import type { WAMessage } from '@whiskeysockets/baileys';
import { CAPTION_LIMIT, convertIncoming, jidForChat, toWhatsAppContents, WhatsAppRenderError } from '../../../src/channels/whatsapp/convert.js';
import type { FetchMedia } from '../../../src/engine/types.js';
import { documentMessage, imageMessage, textMessage, waMessage } from '../../support/fake-wa-socket.js';

const ANI = '6281234567890@s.whatsapp.net';
const fetchMedia: FetchMedia = async () => Buffer.alloc(0);
const convert = (m: WAMessage) => convertIncoming(m, fetchMedia);

describe('incoming', () => {
  test('text becomes a text input from the sender, with the phone WhatsApp verified', () => {
    const c = convert(textMessage(ANI, 'halo', { id: 'M1' }))!;
    expect(c.id).toBe('M1');
    expect(c.replyJid).toBe(ANI);
    expect(c.incoming.chat).toEqual({ channel: 'whatsapp', chatId: '6281234567890' });
    expect(c.incoming.verifiedPhone).toBe('+6281234567890');
    expect(c.incoming.input).toEqual({ kind: 'text', text: 'halo' });
    expect(c.incoming.fetchMedia).toBe(fetchMedia);
  });

  test('extended text and commands; a device suffix does not change the chat', () => {
    const c = convert(waMessage('6281234567890:12@s.whatsapp.net', { extendedTextMessage: { text: '/menu' } }))!;
    expect(c.incoming.input).toEqual({ kind: 'command', name: 'menu', args: '' });
    expect(c.incoming.chat.chatId).toBe('6281234567890');
  });

  test('a disappearing (ephemeral) message is unwrapped', () => {
    const c = convert(waMessage(ANI, { ephemeralMessage: { message: { conversation: '2' } } }))!;
    expect(c.incoming.input).toEqual({ kind: 'text', text: '2' });
  });

  test('an image becomes a photo referring to the message id', () => {
    const c = convert(imageMessage(ANI, Buffer.alloc(2048), 'struk', { id: 'IMG1' }))!;
    expect(c.incoming.input).toEqual({
      kind: 'photo',
      media: { ref: 'IMG1', mime: 'image/jpeg', size: 2048, caption: 'struk' },
    });
  });

  test('an image sent as a file is a photo marked asDocument', () => {
    const c = convert(documentMessage(ANI, Buffer.alloc(10), 'struk.png', 'image/png', { id: 'DOC1' }))!;
    expect(c.incoming.input).toEqual({
      kind: 'photo',
      media: { ref: 'DOC1', mime: 'image/png', size: 10, asDocument: true, fileName: 'struk.png' },
    });
  });

  test('a CSV file is a document with its name', () => {
    const c = convert(documentMessage(ANI, Buffer.from('nip,name\n'), 'roster.csv', 'text/csv', { id: 'CSV1' }))!;
    expect(c.incoming.input).toEqual({
      kind: 'document',
      media: { ref: 'CSV1', mime: 'text/csv', size: 9, fileName: 'roster.csv' },
    });
  });

  test('a file size given as a protobuf Long is read', () => {
    const long = { low: 5, high: 0, toNumber: () => 5 };
    const c = convert(waMessage(ANI, { imageMessage: { mimetype: 'image/jpeg', fileLength: long as never } }))!;
    expect(c.incoming.input).toMatchObject({ kind: 'photo', media: { size: 5 } });
  });

  test.each([
    ['a group', textMessage('120363041234567890@g.us', 'halo', { participant: ANI })],
    ['status updates', textMessage('status@broadcast', 'halo', { participant: ANI })],
    ['a broadcast list', textMessage('1700000000@broadcast', 'halo')],
    ['a newsletter', textMessage('120363000000000000@newsletter', 'halo')],
    ['the bot itself', textMessage(ANI, 'halo', { fromMe: true })],
    ['a reaction', waMessage(ANI, { reactionMessage: { text: '👍', key: { id: 'X' } } })],
    ['a protocol message', waMessage(ANI, { protocolMessage: { type: 0 } })],
    ['an empty message', waMessage(ANI, null)],
    ['blank text', textMessage(ANI, '   ')],
  ])('ignores %s', (_what, msg) => {
    expect(convert(msg)).toBeNull();
  });

  test.each([
    ['a voice note', waMessage(ANI, { audioMessage: { mimetype: 'audio/ogg; codecs=opus', ptt: true } })],
    ['a video', waMessage(ANI, { videoMessage: { mimetype: 'video/mp4', caption: 'lihat' } })],
    ['a sticker', waMessage(ANI, { stickerMessage: { mimetype: 'image/webp' } })],
    ['a location', waMessage(ANI, { locationMessage: { degreesLatitude: -6.4, degreesLongitude: 106.8 } })],
    ['a contact card', waMessage(ANI, { contactMessage: { displayName: 'Siti', vcard: 'BEGIN:VCARD' } })],
  ])('answers %s as an empty text (the step then says what it needs)', (_what, msg) => {
    expect(convert(msg)?.incoming.input).toEqual({ kind: 'text', text: '' });
  });

  test('a LID sender is known by the phone Baileys gives alongside', () => {
    const c = convert(textMessage('123456789012345@lid', 'halo', { senderPn: '6281298765432@s.whatsapp.net' }))!;
    expect(c.incoming.chat.chatId).toBe('6281298765432');
    expect(c.incoming.verifiedPhone).toBe('+6281298765432');
    expect(c.replyJid).toBe('123456789012345@lid');
  });

  test('a LID sender without a phone still gets through, unverified', () => {
    const c = convert(textMessage('123456789012345@lid', 'halo'))!;
    expect(c.incoming.chat.chatId).toBe('123456789012345@lid');
    expect(c.incoming.verifiedPhone).toBeUndefined();
  });

  test('a message without a usable key is ignored', () => {
    expect(convert({ key: { remoteJid: ANI }, message: { conversation: 'x' } } as WAMessage)).toBeNull();
  });
});

describe('outgoing', () => {
  const mediaDir = '/srv/media';
  const opts = { mediaDir };

  test('choices become a numbered list', () => {
    const out = toWhatsAppContents(
      {
        text: 'Pilih kategori:',
        choices: [
          { id: 'c:kuliner', label: 'Kuliner' },
          { id: 'c:fashion', label: 'Fashion' },
        ],
      },
      opts,
    );
    expect(out).toEqual([{ text: 'Pilih kategori:\n\n1. Kuliner\n2. Fashion' }]);
  });

  test('a contact request is ignored: WhatsApp already knows the phone', () => {
    expect(toWhatsAppContents({ text: 'Halo', requestContact: true }, opts)).toEqual([{ text: 'Halo' }]);
  });

  test('a stored photo is sent from MEDIA_DIR with the text as caption', () => {
    const out = toWhatsAppContents({ text: 'Keripik', photo: { path: 'products/k1.jpg' }, choices: [{ id: 'a', label: 'Beli' }] }, opts);
    expect(out).toEqual([{ image: { url: path.join(mediaDir, 'products/k1.jpg') }, caption: 'Keripik\n\n1. Beli' }]);
  });

  test('a photo URL is passed on', () => {
    expect(toWhatsAppContents({ text: 'x', photo: { url: 'https://example.org/a.jpg' } }, opts)).toEqual([
      { image: { url: 'https://example.org/a.jpg' }, caption: 'x' },
    ]);
  });

  test('text too long for a caption follows the photo as its own message', () => {
    const text = 'a'.repeat(CAPTION_LIMIT + 1);
    const out = toWhatsAppContents({ text, photo: { url: 'https://example.org/a.jpg' } }, opts);
    expect(out).toEqual([{ image: { url: 'https://example.org/a.jpg' } }, { text }]);
  });

  test('a photo path that leaves MEDIA_DIR is refused', () => {
    expect(() => toWhatsAppContents({ text: 'x', photo: { path: '../../etc/passwd' } }, opts)).toThrow(WhatsAppRenderError);
  });

  test('a document goes as a CSV file with the text as caption', () => {
    const [doc] = toWhatsAppContents({ text: 'Rekap', document: { fileName: 'rekap.csv', content: 'a,b\n1,2\n' } }, opts);
    expect(doc).toMatchObject({ fileName: 'rekap.csv', mimetype: 'text/csv', caption: 'Rekap' });
    expect((doc as { document: Buffer }).document.toString('utf8')).toBe('a,b\n1,2\n');
  });
});

describe('chat ids to JIDs', () => {
  test.each([
    ['+6281234567890', '6281234567890@s.whatsapp.net'],
    ['081234567890', '6281234567890@s.whatsapp.net'],
    ['6281234567890', '6281234567890@s.whatsapp.net'],
    ['120363041234567890@g.us', '120363041234567890@g.us'],
    ['123456789012345@lid', '123456789012345@lid'],
  ])('%s -> %s', (chatId, jid) => {
    expect(jidForChat(chatId)).toBe(jid);
  });

  test('neither a phone nor a JID', () => {
    expect(jidForChat('hello')).toBeNull();
  });
});
