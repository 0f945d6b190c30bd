import { matchChoice } from '../../../src/engine/match.js';

const offered = (...labels: string[]) => labels.map((label, i) => ({ id: `c${i}`, label }));

describe('typed text picks a button', () => {
  const order = offered('✅ Terima pesanan', '❌ Tolak pesanan', '⬅️ Kembali');
  const umkms = offered('Dapur Bu Sari · Beji', 'Dapur Mama Ani · Cinere', 'Batik Tulis Cinere · Cinere');

  test.each([
    ['✅ Terima pesanan', order, 'c0'],
    ['terima pesanan', order, 'c0'],
    ['Terima', order, 'c0'],
    ['tolak', order, 'c1'],
    ['Dapur Bu Sari', umkms, 'c0'],
    ['batik', umkms, 'c2'],
    ['ya', offered('✅ Ya, hapus', '❌ Batal'), 'c0'],
    ['tidak', offered('✅ Ya, hapus', '❌ Batal'), 'c1'],
    ['Tidak', offered('✅ Ya, benar', '❌ Bukan saya'), 'c1'],
    ['gak', offered('✅ Ya, sudah diantar', '⬅️ Kembali'), 'c1'],
    ['no', offered('✅ Yes, cancel it', '↩️ No, go back'), 'c1'],
    ['2', order, 'c1'],
  ])('%j -> its button', (typed, list, id) => {
    expect(matchChoice(typed, list, false)).toBe(id);
  });

  test.each([
    ['dapur', umkms], // two labels start with it
    ['di', umkms], // too short to be meant
    ['pesanan', order], // not how a label starts
    ['terima kasih', order], // more words than the label's start
    ['4', order], // no fourth button
    ['tidak', offered('⬅️ Kembali', '🏠 Menu utama')], // not a yes/no question
  ])('%j picks nothing', (typed, list) => {
    expect(matchChoice(typed, list, false)).toBeNull();
  });

  test("on a step that takes a number, digits are the step's to read", () => {
    expect(matchChoice('2', order, true)).toBeNull();
  });
});
