import fc from 'fast-check';
import { formatRupiah } from '../../../src/domain/money.js';

describe('formatRupiah', () => {
  test.each([
    [0, 'Rp 0'],
    [500, 'Rp 500'],
    [25000, 'Rp 25.000'],
    [150000, 'Rp 150.000'],
    [1234567, 'Rp 1.234.567'],
    [-1500, '-Rp 1.500'],
    [1499.6, 'Rp 1.500'],
    [-0.4, 'Rp 0'],
  ])('%p -> %p', (amount, shown) => {
    expect(formatRupiah(amount)).toBe(shown);
  });

  test('for any whole amount, removing the dots gives the number back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (n) => {
        const s = formatRupiah(n);
        expect(s).toMatch(/^Rp \d{1,3}(\.\d{3})*$/);
        expect(Number(s.slice(3).replace(/\./g, ''))).toBe(n);
      }),
    );
  });
});
