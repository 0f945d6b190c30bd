import { parsePrice, parseProductName, parseUnit } from '../../../src/domain/product-input.js';

describe('parsePrice: whole Rupiah as owners type them', () => {
  test.each([
    ['25000', 25000],
    ['25.000', 25000],
    ['25,000', 25000],
    ['Rp 25.000', 25000],
    ['rp25.000', 25000],
    ['Rp. 1.250.000', 1250000],
    ['Rp 25.000,-', 25000],
    ['25.000,00', 25000],
    [' 7500 ', 7500],
    ['100.000.000', 100000000],
    // the shorthands owners type: all Rp 15.000
    ['15rb', 15000],
    ['15 rb', 15000],
    ['15ribu', 15000],
    ['15 ribu', 15000],
    ['15k', 15000],
    ['15K', 15000],
    ['Rp 15rb', 15000],
    ['15.000', 15000],
    ['15000', 15000],
    ['2,5rb', 2500],
    ['1,25rb', 1250],
    ['7.5k', 7500],
    ['1,5jt', 1500000],
    ['2 juta', 2000000],
    ['500', 500],
  ])('%s -> %d', (raw, value) => {
    expect(parsePrice(raw)).toEqual({ ok: true, value });
  });

  test.each([
    ['abc', 'up-price-not-number'],
    ['', 'up-price-not-number'],
    ['Rp', 'up-price-not-number'],
    ['25rbu', 'up-price-not-number'],
    ['rb', 'up-price-not-number'],
    ['1.500rb', 'up-price-not-number'],
    ['2.50.000', 'up-price-not-number'],
    ['0', 'up-price-positive'],
    ['Rp 0', 'up-price-positive'],
    ['-5', 'up-price-positive'],
    ['-25.000', 'up-price-positive'],
    ['1,5', 'up-price-whole'],
    ['1.5', 'up-price-whole'],
    ['25000.50', 'up-price-whole'],
    ['100.000.001', 'up-price-too-large'],
    ['99999999999999999999', 'up-price-too-large'],
    ['101jt', 'up-price-too-large'],
  ])('%s is refused: %s', (raw, key) => {
    expect(parsePrice(raw)).toEqual({ ok: false, key });
  });

  test('below Rp 500 is refused with the thousand most likely meant', () => {
    expect(parsePrice('15')).toEqual({ ok: false, key: 'up-price-too-low', args: { min: 'Rp 500', meant: 'Rp 15.000', digits: '15000', short: '15rb' } });
    expect(parsePrice('Rp 499')).toMatchObject({ ok: false, key: 'up-price-too-low', args: { meant: 'Rp 499.000' } });
  });
});

describe('product name and unit', () => {
  test('a name is 3-80 characters with a letter, spaces cleaned', () => {
    expect(parseProductName('  Nasi   Box\tAyam ')).toEqual({ ok: true, value: 'Nasi Box Ayam' });
    expect(parseProductName('ab')).toEqual({ ok: false, key: 'up-name-too-short' });
    expect(parseProductName('abc')).toEqual({ ok: true, value: 'abc' });
    expect(parseProductName('a'.repeat(80))).toEqual({ ok: true, value: 'a'.repeat(80) });
    expect(parseProductName('a'.repeat(81))).toEqual({ ok: false, key: 'up-name-too-long' });
    expect(parseProductName('12345')).toEqual({ ok: false, key: 'up-name-no-letter' });
  });

  test('a unit is 1-20 characters with a letter', () => {
    expect(parseUnit('bungkus 250 g')).toEqual({ ok: true, value: 'bungkus 250 g' });
    expect(parseUnit('   ')).toEqual({ ok: false, key: 'up-unit-empty' });
    expect(parseUnit('x'.repeat(21))).toEqual({ ok: false, key: 'up-unit-too-long' });
    expect(parseUnit('250')).toEqual({ ok: false, key: 'up-unit-no-letter' });
  });
});
