import { splitText, turnContents, TEXT_LIMIT } from '../../../../src/channels/whatsapp/turn.js';

const opts = { mediaDir: '/tmp/media' };

test('texts of one turn become one message; a photo takes the text next to it as caption', () => {
  const out = turnContents(
    [
      { text: 'Pesanan dikonfirmasi.' },
      { text: 'Nasi Kuning', photo: { path: 'p.jpg' } },
      {
        text: 'Pilih:',
        choices: [
          { id: 'a', label: 'Beli' },
          { id: 'b', label: 'Kembali' },
        ],
      },
    ],
    opts,
  );
  expect(out).toEqual([{ image: { url: '/tmp/media/p.jpg' }, caption: 'Pesanan dikonfirmasi.\n\nNasi Kuning' }, { text: 'Pilih:\n\n1. Beli\n2. Kembali' }]);
  // a bare photo takes the text after it as caption: one message
  expect(turnContents([{ text: '', photo: { path: 'q.jpg' } }, { text: 'Rp 10.000' }], opts)).toEqual([
    { image: { url: '/tmp/media/q.jpg' }, caption: 'Rp 10.000' },
  ]);
});

test('a standalone message (a caption to copy) stays on its own', () => {
  const out = turnContents([{ text: 'Terima kasih' }, { text: '#ASNDepokPeduli', standalone: true }, { text: 'Kirim tautan' }], opts);
  expect(out).toEqual([{ text: 'Terima kasih' }, { text: '#ASNDepokPeduli' }, { text: 'Kirim tautan' }]);
});

test('beyond 4096 characters the text splits on paragraph boundaries, never losing a character', () => {
  const paras = Array.from({ length: 30 }, (_, i) => `${i}. ${'kata '.repeat(40).trim()}`);
  const parts = splitText(paras.join('\n\n'));
  expect(parts.length).toBeGreaterThan(1);
  for (const p of parts) expect(p.length).toBeLessThanOrEqual(TEXT_LIMIT);
  expect(parts.join('\n\n')).toBe(paras.join('\n\n'));
  for (const p of parts) expect(p.split('\n\n').every((q) => paras.includes(q))).toBe(true);
  const huge = 'x'.repeat(TEXT_LIMIT * 2 + 5);
  expect(splitText(huge).map((p) => p.length)).toEqual([TEXT_LIMIT, TEXT_LIMIT, 5]);
});
