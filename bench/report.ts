/** Printing helpers of the benchmark: the machine line, percentiles and plain-text tables. */
import os from 'node:os';

/** The machine the figures were measured on. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  date: string;
}

/** CPU model, cores, total memory, node version and today's date (UTC). */
export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim(),
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

/** One line describing the machine. */
export const machineLine = (m: Machine) => `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB RAM, node ${m.node} (${m.date})`;

/** The value at quantile `q` (0..1) of `values` (nearest rank); NaN for none. */
export function percentile(values: number[], q: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** A number with `digits` decimals and thousands separators. */
export function fmt(n: number, digits = 0): string {
  if (!Number.isFinite(n)) return '-';
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** "ok" / "MISSED" for a target check. */
export const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** A plain-text table with a title; the first row is the header. */
export function table(title: string, rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [`\n${title}`, line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

/** A seeded PRNG (mulberry32): uniform in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
