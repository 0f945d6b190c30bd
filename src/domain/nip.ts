import { wibMonth } from './time.js';

/** A NIP that passed every rule, with its parts decoded. */
export type ValidNip = {
  ok: true;
  /** `YYYY-MM-DD` */
  birthDate: string;
  /** `YYYY-MM` (TMT CPNS: month of appointment) */
  appointment: string;
  /** 1 = male, 2 = female */
  gender: 1 | 2;
};

/** Why a NIP was refused: a short English sentence naming the field, e.g. `nip: gender 3 must be 1 or 2`. */
export type InvalidNip = { ok: false; reason: string };

/** Earliest birth year accepted. */
export const NIP_MIN_BIRTH_YEAR = 1940;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * Checks an Indonesian civil servant number (NIP, 18 digits):
 * birth date YYYYMMDD (a real date, year 1940..current year), appointment YYYYMM (a real month,
 * year 1940..next year), gender digit 1 or 2, serial of 3 digits. Spaces inside the input are
 * ignored. Each part is checked on its own, never against another: a roster file is refused as a
 * whole for one bad row, and a NIP links nobody (linking is by phone), so the rules refuse only
 * what no NIP can be, not what is merely unusual (a young appointment, serial 000, a TMT next month).
 */
export function validateNip(nip: string, now: Date = new Date()): ValidNip | InvalidNip {
  const s = typeof nip === 'string' ? nip.replace(/\s+/g, '') : '';
  if (!/^\d+$/.test(s)) return { ok: false, reason: 'nip: must contain digits only' };
  if (s.length !== 18) return { ok: false, reason: `nip: must be 18 digits, got ${s.length}` };

  const birth = s.slice(0, 8);
  const by = Number(s.slice(0, 4));
  const bm = Number(s.slice(4, 6));
  const bd = Number(s.slice(6, 8));
  const nowMonth = wibMonth(now);
  const currentYear = Number(nowMonth.slice(0, 4));
  if (!isRealDate(by, bm, bd)) return { ok: false, reason: `nip: birth date ${birth} is not a real date` };
  if (by < NIP_MIN_BIRTH_YEAR || by > currentYear)
    return { ok: false, reason: `nip: birth date ${birth} must have a year from ${NIP_MIN_BIRTH_YEAR} to ${currentYear}` };

  const appt = s.slice(8, 14);
  const ay = Number(s.slice(8, 12));
  const am = Number(s.slice(12, 14));
  if (am < 1 || am > 12) return { ok: false, reason: `nip: appointment ${appt} is not a real month` };
  if (ay < NIP_MIN_BIRTH_YEAR || ay > currentYear + 1)
    return { ok: false, reason: `nip: appointment ${appt} must have a year from ${NIP_MIN_BIRTH_YEAR} to ${currentYear + 1}` };
  const apptMonth = `${s.slice(8, 12)}-${s.slice(12, 14)}`;

  const g = s.slice(14, 15);
  if (g !== '1' && g !== '2') return { ok: false, reason: `nip: gender ${g} must be 1 or 2` };

  return {
    ok: true,
    birthDate: `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`,
    appointment: apptMonth,
    gender: g === '1' ? 1 : 2,
  };
}
