import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { wibHour } from '../../../src/domain/time.js';
import { isNight, nextReminderTime } from '../../../src/queue/night-window.js';

/** An instant given as WIB wall-clock time. */
const wib = (s: string) => new Date(`${s}+07:00`);

describe('nextReminderTime (quiet from 21:00 to 07:00 WIB)', () => {
  it.each([
    ['2026-11-23T10:00:00', '2026-11-23T10:00:00'],
    ['2026-11-23T20:59:59', '2026-11-23T20:59:59'],
    ['2026-11-23T21:00:00', '2026-11-24T07:00:00'],
    ['2026-11-23T23:30:00', '2026-11-24T07:00:00'],
    ['2026-11-24T00:00:00', '2026-11-24T07:00:00'],
    ['2026-11-24T02:15:00', '2026-11-24T07:00:00'],
    ['2026-11-24T06:59:59', '2026-11-24T07:00:00'],
    ['2026-11-24T07:00:00', '2026-11-24T07:00:00'],
    ['2026-12-31T22:00:00', '2027-01-01T07:00:00'],
  ])('due %s WIB goes at %s WIB', (due, expected) => {
    expect(nextReminderTime(wib(due)).toISOString()).toBe(wib(expected).toISOString());
  });

  it('never returns a night time, never an earlier one, and waits at most 10 hours', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), (due) => {
        const at = nextReminderTime(due);
        expect(isNight(at)).toBe(false);
        expect(at.getTime()).toBeGreaterThanOrEqual(due.getTime());
        expect(at.getTime() - due.getTime()).toBeLessThanOrEqual(10 * 3600 * 1000);
        if (!isNight(due)) expect(at).toEqual(due);
        else expect(wibHour(at)).toBe(7);
      }),
    );
  });
});
