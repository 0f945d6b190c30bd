import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Row `i` of a generated roster: a valid, unique NIP and phone (i < 20,000,000). */
export function rosterRow(i: number): string {
  const serial = String(i % 1000).padStart(3, '0');
  const gender = 1 + (Math.floor(i / 1000) % 2);
  const rest = Math.floor(i / 2000);
  const birth = new Date(Date.UTC(1960, 0, 1) + (rest % 10_000) * 86_400_000);
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const apptYear = 1990 + (Math.floor(rest / 10_000) % 30);
  const nip = `${ymd}${apptYear}01${gender}${serial}`;
  return `${nip},Pegawai Nomor ${i},+62811${String(i).padStart(8, '0')},Dinas Nomor ${i % 40},asn`;
}

/** Writes a roster CSV of `rows` generated rows (streamed); `badLast` makes the last row's phone invalid. */
export async function writeRosterFile(file: string, rows: number, opts: { badLast?: boolean } = {}): Promise<void> {
  const out = createWriteStream(file);
  out.write('nip,name,phone,opd,role\n');
  for (let i = 0; i < rows; i++) {
    const line = opts.badLast && i === rows - 1 ? rosterRow(i).replace(/\+62811\d+/, 'bukan-nomor') : rosterRow(i);
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
