import { WIB_OFFSET_MS, wibDay } from './time.js';

/** A scheduled time must be at least this far ahead... */
export const MIN_AHEAD_MS = 60_000;
/** ...and at most this far. */
export const MAX_AHEAD_DAYS = 30;

export type ScheduleParse = { ok: true; at: Date } | { ok: false; reason: 'format' | 'past' | 'too-soon' | 'too-far' };

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The UTC instant of a WIB wall-clock time, or null when the date or time does not exist. */
export function wibInstant(day: string, hh: number, mm: number): Date | null {
  if (hh > 23 || mm > 59) return null;
  const t = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) return null;
  return new Date(t + (hh * 60 + mm) * 60_000 - WIB_OFFSET_MS);
}

/**
 * Reads a WIB send time an admin typed: `14:30` (today, or tomorrow once passed), `besok 08:00` /
 * `tomorrow 08:00`, `hari ini 16:00` / `today 16:00`, `2026-11-25 07:30`, or the date as the bot
 * shows it, `25/11/2026 07:30` (also `25-11-2026`). `.` works for `:`.
 * The time must be at least a minute ahead and at most 30 days. A bare time of this very minute
 * or the next is `too-soon`, not tomorrow: whoever types it means now, and is asked again.
 */
export function parseScheduleTime(input: string, now: Date): ScheduleParse {
  const s = input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*wib$/, '');
  const m = /^(?:(\d{4}-\d{2}-\d{2})|(\d{1,2})([/-])(\d{1,2})\3(\d{4})|(besok|tomorrow)|(hari ini|today))? ?(\d{1,2})[:.](\d{2})$/.exec(s);
  if (!m) return { ok: false, reason: 'format' };
  const [, iso, dd, , mo, yyyy, tomorrow, today, hh, mm] = m;
  const date = iso ?? (dd ? `${yyyy}-${mo!.padStart(2, '0')}-${dd.padStart(2, '0')}` : undefined);
  const base = wibDay(now);
  const day = date ?? (tomorrow ? addDays(base, 1) : base);
  let at = wibInstant(day, Number(hh), Number(mm));
  if (!at) return { ok: false, reason: 'format' };
  if (!date && !tomorrow && !today && at.getTime() - now.getTime() < MIN_AHEAD_MS) {
    // this minute or the next: too soon to schedule, and not a day later either
    if (at.getTime() > now.getTime() - MIN_AHEAD_MS) return { ok: false, reason: 'too-soon' };
    // a bare time already passed today means tomorrow (the confirmation says so)
    at = wibInstant(addDays(base, 1), Number(hh), Number(mm))!;
  }
  if (at.getTime() - now.getTime() < MIN_AHEAD_MS) return { ok: false, reason: at.getTime() > now.getTime() - MIN_AHEAD_MS ? 'too-soon' : 'past' };
  if (at.getTime() - now.getTime() > MAX_AHEAD_DAYS * 86_400_000) return { ok: false, reason: 'too-far' };
  return { ok: true, at };
}

/** Whether a scheduled instant falls today or tomorrow (WIB), for the confirmation to say so. */
export function relativeDay(at: Date, now: Date): 'today' | 'tomorrow' | 'other' {
  const day = wibDay(at);
  const base = wibDay(now);
  return day === base ? 'today' : day === addDays(base, 1) ? 'tomorrow' : 'other';
}
