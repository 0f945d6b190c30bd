import { numberedText } from '../../../src/channels/render.js';

const products = [
  { id: 'p:1', label: 'Nasi Kuning · Rp 15.000' },
  { id: 'p:2', label: 'Kue Lapis · Rp 20.000' },
];
const nav = [
  { id: 'pg:next', label: 'Berikutnya ▶️' },
  { id: 'nav:menu', label: '🏠 Menu utama' },
];

test('a list the text already numbers is not listed again; the numbers go on with the other choices', () => {
  const text = '2 produk:\n\n1. Nasi Kuning — Rp 15.000/porsi\n2. Kue Lapis — Rp 20.000/kotak';
  const once = numberedText({ text, choices: [...products, ...nav], listed: 2 });
  expect(once).toBe(`${text}\n\n3. Berikutnya ▶️\n4. 🏠 Menu utama`);
  expect(once.match(/Nasi Kuning/g)).toHaveLength(1);
  // without `listed` every choice is numbered under the text (the old double list)
  expect(numberedText({ text, choices: [...products, ...nav] })).toMatch(/\n1\. Nasi Kuning · Rp 15\.000\n/);
  // only listed choices: nothing follows the text
  expect(numberedText({ text, choices: products, listed: 2 })).toBe(text);
});
