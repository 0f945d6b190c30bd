import fc from 'fast-check';
import { validateNip } from '../../../src/domain/nip.js';

const NOW = new Date('2026-11-22T08:00:00Z'); // WIB month 2026-11
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The parts of a NIP that is valid on NOW: every part drawn on its own, as a generator of test
 * rosters would (a birth date and an appointment that do not fit each other are still accepted).
 */
const validParts = fc
  .record({
    by: fc.integer({ min: 1940, max: 2026 }),
    bm: fc.integer({ min: 1, max: 12 }),
    bdSeed: fc.integer({ min: 1, max: 31 }),
    ay: fc.integer({ min: 1940, max: 2027 }),
    am: fc.integer({ min: 1, max: 12 }),
    g: fc.constantFrom(1 as const, 2 as const),
    serial: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ by, bm, bdSeed, ay, am, g, serial }) => ({ by, bm, bd: Math.min(bdSeed, daysIn(by, bm)), ay, am, g, serial }));

type Parts = { by: number; bm: number; bd: number; ay: number; am: number; g: number; serial: number };
const nipOf = (p: Parts) => `${p.by}${pad(p.bm, 2)}${pad(p.bd, 2)}${p.ay}${pad(p.am, 2)}${p.g}${pad(p.serial, 3)}`;

describe('validateNip', () => {
  test('every generated valid NIP passes and decodes to its parts', () => {
    fc.assert(
      fc.property(validParts, (p) => {
        const r = validateNip(nipOf(p), NOW);
        expect(r).toEqual({
          ok: true,
          birthDate: `${p.by}-${pad(p.bm, 2)}-${pad(p.bd, 2)}`,
          appointment: `${p.ay}-${pad(p.am, 2)}`,
          gender: p.g,
        });
      }),
    );
  });

  /** Ways to break exactly one field of a valid NIP, and the field the reason must name. */
  const corruptions: [string, (p: Parts) => fc.Arbitrary<Parts>][] = [
    ['birth date', (p) => fc.constantFrom(0, 13, 19, 99).map((bm) => ({ ...p, bm }))],
    ['birth date', (p) => fc.integer({ min: daysIn(p.by, p.bm) + 1, max: 99 }).map((bd) => ({ ...p, bd }))],
    ['appointment', (p) => fc.constantFrom(0, 13, 20, 99).map((am) => ({ ...p, am }))],
    ['appointment', (p) => fc.oneof(fc.integer({ min: 1000, max: 1939 }), fc.integer({ min: 2028, max: 9999 })).map((ay) => ({ ...p, ay }))],
    ['gender', (p) => fc.constantFrom(0, 3, 4, 5, 6, 7, 8, 9).map((g) => ({ ...p, g }))],
  ];

  test.each(corruptions.map(([field, f], i) => [i, field, f] as const))('corruption #%i fails naming %s', (_i, field, corrupt) => {
    fc.assert(
      fc.property(
        validParts.chain((p) => corrupt(p)),
        (bad) => {
          const r = validateNip(nipOf(bad), NOW);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).toMatch(new RegExp(`^nip: ${field}\\b`));
        },
      ),
    );
  });

  test.each([
    ['leap day 2000', '200002292019031001', true],
    ['29 Feb of a common year', '199902292019031001', false],
    ['month 13', '198513012010011001', false],
    ['day 00', '198501002010011001', false],
    ['gender 3', '198501012010013001', false],
    ['serial 000 (unusual, not impossible)', '198501012010011000', true],
    ['born 1939', '193912312010011001', false],
    ['born 1940', '194001012010011001', true],
    ['appointed young (birth year + 10)', '199001012000011001', true],
    ['appointment next month (TMT ahead)', '198501012026121001', true],
    ['appointment in 2028', '198501012028011001', false],
    ['appointment year 0000', '198501010000011001', false],
  ])('%s', (_name, nip, ok) => {
    expect(validateNip(nip, NOW).ok).toBe(ok);
  });

  test('birth year after the current year is refused with the birth date named', () => {
    expect(validateNip('202701012045011001', NOW)).toEqual({ ok: false, reason: 'nip: birth date 20270101 must have a year from 1940 to 2026' });
  });

  test('the reason names the field and the bad part', () => {
    expect(validateNip('199913322010011002', NOW)).toEqual({ ok: false, reason: 'nip: birth date 19991332 is not a real date' });
    expect(validateNip('198501012029011001', NOW)).toEqual({ ok: false, reason: 'nip: appointment 202901 must have a year from 1940 to 2027' });
  });

  test.each([
    ['17 digits', '19850101201001100', 'nip: must be 18 digits, got 17'],
    ['19 digits', '1985010120100110011', 'nip: must be 18 digits, got 19'],
    ['letters', '19850101201001100A', 'nip: must contain digits only'],
    ['empty', '', 'nip: must contain digits only'],
  ])('length and characters: %s', (_name, nip, reason) => {
    expect(validateNip(nip, NOW)).toEqual({ ok: false, reason });
  });

  test('spaces between the groups are ignored', () => {
    expect(validateNip('19850312 201001 1 002', NOW).ok).toBe(true);
  });

  test('the appointment limit follows the injected clock (WIB year)', () => {
    const nip = '198501012028011001';
    expect(validateNip(nip, new Date('2026-12-31T16:59:59Z')).ok).toBe(false); // 23:59 WIB, 31 Dec 2026
    expect(validateNip(nip, new Date('2026-12-31T17:00:00Z')).ok).toBe(true); // 00:00 WIB, 1 Jan 2027
  });
});
