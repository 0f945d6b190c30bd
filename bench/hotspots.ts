/**
 * Reads a V8 .cpuprofile and sums sampled time: self time per function, and inclusive time per
 * area (our src/ and flows/ directories, each npm package, node internals, GC), so a missed
 * target comes with what dominates.
 */
import { readFileSync } from 'node:fs';
import { fmt, table } from './report.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: `src/engine`, `flows`, `grammy`, `node:internal`, `(garbage collector)`... */
export function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const own = /\/(src\/[^/]+|flows|bench|test\/support)\//.exec(url);
  if (own) return own[1]!;
  if (url.startsWith('node:')) return 'node:internal';
  return url.split('/').slice(-2).join('/');
}

/** Self ms per function and inclusive ms per area (each area counted once per sample). */
export function summarise(file: string): { totalMs: number; functions: [string, number][]; areas: [string, number][] } {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    total += ms;
    const cf = node.callFrame;
    const name = `${cf.functionName || '(anonymous)'} ${areaOf(cf.url, cf.functionName)}${cf.url ? `:${cf.lineNumber + 1}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (f.functionName === '(root)') continue;
      seen.add(areaOf(f.url, f.functionName));
    }
    for (const a of seen) inclusive.set(a, (inclusive.get(a) ?? 0) + ms);
  });
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { totalMs: total, functions: top(self, 15), areas: top(inclusive, 15) };
}

/** Prints the hot spots of a profile over `updates` updates. */
export function printHotspots(label: string, file: string, updates: number): void {
  const s = summarise(file);
  const pct = (ms: number) => `${fmt((ms / s.totalMs) * 100, 1)}%`;
  const perUpdate = (ms: number) => fmt((ms / updates) * 1000, 0);
  console.log(`\nCPU profile of ${label} (${file}): ${fmt(s.totalMs)} ms on CPU over ${fmt(updates)} updates`);
  console.log(
    table('inclusive time by area (a sample counts for every area on its stack; async code counts from where it resumed)', [
      ['area', 'share', 'µs/update'],
      ...s.areas.map(([a, ms]) => [a, pct(ms), perUpdate(ms)]),
    ]),
  );
  console.log(table('self time by function', [['function', 'share', 'µs/update'], ...s.functions.map(([f, ms]) => [f, pct(ms), perUpdate(ms)])]));
}
