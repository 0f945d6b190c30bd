import { wibDay, wibDayStart, wibHour } from '../domain/time.js';

/** Reminders are not sent from this WIB hour on ... */
export const NIGHT_START_HOUR = 21;
/** ... until this WIB hour. */
export const NIGHT_END_HOUR = 7;

const HOUR_MS = 3600 * 1000;

/** True when an instant falls in the quiet night window (21:00 to 07:00 WIB). */
export function isNight(at: Date): boolean {
  const h = wibHour(at);
  return h >= NIGHT_START_HOUR || h < NIGHT_END_HOUR;
}

/**
 * When a reminder due at `due` may go out: `due` itself in the day, else 07:00 WIB of the next
 * morning (a reminder due at 23:30 WIB goes at 07:00 WIB the day after, one due at 02:00 at 07:00
 * the same day).
 */
export function nextReminderTime(due: Date): Date {
  if (!isNight(due)) return due;
  const morningOfDay = new Date(wibDayStart(wibDay(due)).getTime() + NIGHT_END_HOUR * HOUR_MS);
  if (wibHour(due) < NIGHT_END_HOUR) return morningOfDay;
  return new Date(morningOfDay.getTime() + 24 * HOUR_MS);
}
