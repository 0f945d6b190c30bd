import { withCodeSpans } from '../../../../src/channels/telegram/sender.js';

test('a text without copyable parts goes as plain text', () => {
  expect(withCodeSpans('Total <Rp 30.000>', undefined)).toEqual({ text: 'Total <Rp 30.000>' });
  expect(withCodeSpans('Total Rp 30.000', ['0899'])).toEqual({ text: 'Total Rp 30.000' });
});

test('each copyable part is wrapped once, the longest where parts overlap, and the rest is escaped', () => {
  const text = 'Rek. 7001234567 a.n. Ratna & Co <BSI>; ulangi: 7001234567. Kode 1234.';
  expect(withCodeSpans(text, ['1234', '7001234567', 'Ratna & Co'])).toEqual({
    text: 'Rek. <code>7001234567</code> a.n. <code>Ratna &amp; Co</code> &lt;BSI&gt;; ulangi: <code>7001234567</code>. Kode <code>1234</code>.',
    parse_mode: 'HTML',
  });
});

test('a caption to copy with hashtags and a regex-like part is found as written', () => {
  const caption = 'Beli (2x) Keripik+Balado #ASNDepokPeduli #BeliProdukUMKMDepok';
  const r = withCodeSpans(`Terima kasih!\n\n${caption}\n\nKirim tautannya.`, [caption]);
  expect(r.text).toBe(`Terima kasih!\n\n<code>${caption}</code>\n\nKirim tautannya.`);
});
