import { parseScheduleTime } from '../../../src/domain/schedule-time.js';

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
});

test('impossible, past and far times are refused with the reason', () => {
  for (const s of ['', 'nanti', '24:00', '12:60', '7', '2026-02-29 10:00', '2026-13-01 10:00', '22/11/2026 10:00']) expect(at(s)).toBe('format');
  expect(at('hari ini 09:00')).toBe('past');
  expect(at('today 10:00')).toBe('past'); // less than a minute ahead
  expect(at('2026-11-21 23:00')).toBe('past');
  expect(at('2026-12-23 10:00')).toBe('too-far');
});
