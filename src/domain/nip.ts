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
/** Minimum age (in calendar years) at appointment. */
export const NIP_MIN_AGE_AT_APPOINTMENT = 17;

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/**
 * Checks an Indonesian civil servant number (NIP, 18 digits):
 * birth date YYYYMMDD (a real date, year 1940..current year), appointment YYYYMM (a real month,
 * not before birth year + 17, not after the month of `now` in WIB), gender digit 1 or 2,
 * serial of 3 digits other than 000. Spaces inside the input are ignored.
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
  if (ay < by + NIP_MIN_AGE_AT_APPOINTMENT)
    return { ok: false, reason: `nip: appointment ${appt} is before birth year + ${NIP_MIN_AGE_AT_APPOINTMENT}` };
  const apptMonth = `${s.slice(8, 12)}-${s.slice(12, 14)}`;
  if (apptMonth > nowMonth) return { ok: false, reason: `nip: appointment ${appt} is in the future` };

  const g = s.slice(14, 15);
  if (g !== '1' && g !== '2') return { ok: false, reason: `nip: gender ${g} must be 1 or 2` };

  if (s.slice(15) === '000') return { ok: false, reason: 'nip: serial 000 is not allowed' };

  return {
    ok: true,
    birthDate: `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`,
    appointment: apptMonth,
    gender: g === '1' ? 1 : 2,
  };
}
