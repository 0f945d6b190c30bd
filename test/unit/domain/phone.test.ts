import fc from 'fast-check';
import { maskPhone, normalizePhone } from '../../../src/domain/phone.js';
import { E164Schema } from '../../../src/domain/schemas.js';

/** National significant number of an Indonesian mobile: 8, operator digit, 7-10 more digits. */
const nsn = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 10 }))
  .map(([op, rest]) => `8${op}${rest.join('')}`);

const SEPARATORS = ['', '', '', ' ', '-', '.', '  ', ' - '];

/** One way a person might type the number: a prefix and separators between any digits. */
const typed = nsn.chain(
  (n) =>
    fc
      .record({
        prefix: fc.constantFrom('0', '+62', '62', '+62 ', '62-', '', '(0', '+62 ('),
        seps: fc.array(fc.constantFrom(...SEPARATORS), { minLength: n.length, maxLength: n.length }),
        pad: fc.constantFrom('', ' ', '\t'),
      })
      .map(({ prefix, seps, pad }) => {
        let body = [...n].map((d, i) => d + seps[i]).join('');
        if (prefix.endsWith('(')) body = `${body.slice(0, 3)})${body.slice(3)}`;
        return { nsn: n, text: `${pad}${prefix}${body}${pad}` };
      })
      .filter(({ text }) => text.length <= 40), // longer input is refused by design
);

describe('normalizePhone', () => {
  test('any formatting (up to 40 characters) of a valid 08xx number normalises to the same E.164', () => {
    fc.assert(
      fc.property(typed, ({ nsn: n, text }) => {
        expect(normalizePhone(text)).toBe(`+62${n}`);
      }),
    );
  });

  test('0812, +62 812 and 62-812 forms of one number agree', () => {
    const forms = ['0812-3456-7890', '+62 812 3456 7890', '62-812-3456-7890', '(0812) 3456.7890', '812 3456 7890'];
    expect(new Set(forms.map(normalizePhone))).toEqual(new Set(['+6281234567890']));
  });

  test('random strings never throw, and give null or an E.164 number that normalises to itself', () => {
    const anyText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.stringMatching(/^[+\d\s().-]{0,24}$/),
      fc.stringMatching(/^\+?\d{6,16}$/), // reaches the parser every time
    );
    fc.assert(
      fc.property(anyText, (s) => {
        const r = normalizePhone(s);
        if (r !== null) {
          expect(E164Schema.safeParse(r).success).toBe(true);
          expect(normalizePhone(r)).toBe(r);
        }
      }),
      { numRuns: 500 },
    );
  });

  test.each(['', 'abc', '0812', '08123456789012345678', '+62 812 abc 7890', 'tel: 0812 3456 7890', '1'.repeat(50)])('refuses %p', (s) => {
    expect(normalizePhone(s)).toBeNull();
  });

  test('non-string input gives null', () => {
    expect(normalizePhone(undefined as unknown as string)).toBeNull();
    expect(normalizePhone(628123 as unknown as string)).toBeNull();
  });
});

describe('maskPhone', () => {
  test('keeps the country and operator prefix and the last four digits only', () => {
    expect(maskPhone('+6281234567890')).toBe('+62812****7890');
    expect(maskPhone('+62')).toBe('****');
  });
});
