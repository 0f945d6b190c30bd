/** Times are stored UTC and shown in Asia/Jakarta (WIB, UTC+7, no daylight saving). */
export const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** A clock, injected wherever time matters. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** WIB calendar day `YYYY-MM-DD` of an instant. */
export function wibDay(d: Date): string {
  return new Date(d.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** WIB month `YYYY-MM` of an instant. */
export function wibMonth(d: Date): string {
  return wibDay(d).slice(0, 7);
}

/** WIB hour 0-23 of an instant. */
export function wibHour(d: Date): number {
  return new Date(d.getTime() + WIB_OFFSET_MS).getUTCHours();
}

/** `22/11/2026 14.05 WIB` */
export function formatWib(d: Date): string {
  const w = new Date(d.getTime() + WIB_OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(w.getUTCDate())}/${p(w.getUTCMonth() + 1)}/${w.getUTCFullYear()} ${p(w.getUTCHours())}.${p(w.getUTCMinutes())} WIB`;
}

/** A WIB day `YYYY-MM-DD` as people here write it: `22/11/2026`. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/** The UTC instant at which a WIB day starts. */
export function wibDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - WIB_OFFSET_MS);
}
