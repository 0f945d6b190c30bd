import { parseScheduleTime, relativeDay } from '../../../src/domain/schedule-time.js';

// 10:00 WIB, 22 November 2026
const NOW = new Date('2026-11-22T03:00:00Z');
const at = (s: string) => {
  const r = parseScheduleTime(s, NOW);
  return r.ok ? r.at.toISOString() : r.reason;
};

test('typed WIB times become UTC instants', () => {
  expect(at('14:30')).toBe('2026-11-22T07:30:00.000Z');
  expect(at('14.30 WIB')).toBe('2026-11-22T07:30:00.000Z');
  expect(at('08:00')).toBe('2026-11-23T01:00:00.000Z'); // passed today: tomorrow
  expect(at('besok 08:00')).toBe('2026-11-23T01:00:00.000Z');
  expect(at('Tomorrow 23:59')).toBe('2026-11-23T16:59:00.000Z');
  expect(at('hari ini 16:00')).toBe('2026-11-22T09:00:00.000Z');
  expect(at('2026-12-01 07:30')).toBe('2026-12-01T00:30:00.000Z');
  expect(at('2026-11-23 00:00')).toBe('2026-11-22T17:00:00.000Z');
  // the date as the bot shows it
  expect(at('24/11/2026 08:00')).toBe('2026-11-24T01:00:00.000Z');
  expect(at('24-11-2026 08.00 WIB')).toBe('2026-11-24T01:00:00.000Z');
  expect(at('1/12/2026 7:30')).toBe('2026-12-01T00:30:00.000Z');
});

test('a bare time of this minute or the next is too soon, not tomorrow; one passed earlier is tomorrow', () => {
  const at0553 = (s: string, sec = 20) => {
    const r = parseScheduleTime(s, new Date(`2026-11-21T22:53:${String(sec).padStart(2, '0')}Z`)); // 05:53 WIB
    return r.ok ? r.at.toISOString() : r.reason;
  };
  expect(at0553('05:54')).toBe('too-soon');
  expect(at0553('05:53')).toBe('too-soon');
  expect(at0553('05:54', 0)).toBe('2026-11-21T22:54:00.000Z'); // a full minute ahead
  expect(at0553('05:55')).toBe('2026-11-21T22:55:00.000Z');
  expect(at0553('05:52')).toBe('2026-11-22T22:52:00.000Z'); // passed: tomorrow
  expect(relativeDay(new Date('2026-11-22T22:52:00Z'), new Date('2026-11-21T22:53:20Z'))).toBe('tomorrow');
  expect(relativeDay(new Date('2026-11-21T22:55:00Z'), new Date('2026-11-21T22:53:20Z'))).toBe('today');
  expect(relativeDay(new Date('2026-11-24T01:00:00Z'), NOW)).toBe('other');
});

test('impossible, past and far times are refused with the reason', () => {
  for (const s of [
    '',
    'nanti',
    '24:00',
    '12:60',
    '7',
    '2026-02-29 10:00',
    '2026-13-01 10:00',
    '31/11/2026 10:00',
    '22/11/26 10:00',
    '22/11-2026 10:00',
    '2026/11/22 10:00',
  ])
    expect(at(s)).toBe('format');
  expect(at('hari ini 09:00')).toBe('past');
  expect(at('today 10:00')).toBe('too-soon'); // less than a minute ahead
  expect(at('10:00')).toBe('too-soon');
  expect(at('22/11/2026 10:00')).toBe('too-soon');
  expect(at('21/11/2026 10:00')).toBe('past');
  expect(at('2026-11-21 23:00')).toBe('past');
  expect(at('2026-12-23 10:00')).toBe('too-far');
});
