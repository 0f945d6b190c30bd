import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Layers only point down. Every import (static, `export … from`, dynamic) of every file under
 * src/ and flows/ is resolved to the folder it lands in and checked against the rules below.
 * A new import that points up fails here, naming the file, the import and the rule it breaks.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The layer of a repository file: `flows` for flows/, else the folder under src/ (`src` for src/*.ts). */
function layerOf(file: string): string {
  const rel = path.relative(ROOT, file).split(path.sep);
  const [top = '', sub = ''] = rel;
  if (top === 'src') return rel.length > 2 ? sub : 'src';
  return top;
}

interface Rule {
  /** the layer the rule is about */
  layer: string;
  /** our folders this layer may import (everything else of ours is refused) */
  only?: string[];
  /** our folders this layer must not import */
  not?: string[];
  /** packages this layer must not import (a name or a scope prefix ending in "/") */
  packages?: string[];
  why: string;
}

const PLATFORM_PACKAGES = ['grammy', '@grammyjs/', '@whiskeysockets/baileys'];

const RULES: Rule[] = [
  { layer: 'domain', only: ['domain'], why: 'the domain is pure rules and data: it imports nothing of ours but itself' },
  { layer: 'store', only: ['domain', 'store'], why: 'repositories know records and keys, not the layers that use them' },
  { layer: 'engine', not: ['channels', 'queue', 'broadcast', 'http', 'flows'], why: 'the engine runs flows; channels, queues and HTTP sit above it' },
  {
    layer: 'flows',
    not: ['channels', 'queue', 'http'],
    packages: PLATFORM_PACKAGES,
    why: 'flows speak in replies and effects: no platform library, no queue, no HTTP',
  },
  { layer: 'channels', not: ['flows'], why: 'channels hold no business rule: they render what the engine hands them' },
  { layer: 'i18n', not: ['engine', 'channels'], why: 'messages and their rendering sit below the engine and the channels' },
  {
    layer: 'reports',
    not: ['engine', 'flows', 'channels', 'queue', 'broadcast', 'workers', 'http'],
    why: 'what reports say is content: the flows and the queue processors use it, it uses neither',
  },
  {
    layer: 'admin',
    not: ['engine', 'flows', 'channels', 'queue', 'broadcast', 'workers', 'http'],
    why: 'admin statistics and the AdminJobs port sit below the engine; the BullMQ adapter is src/queue/admin-jobs.ts',
  },
  {
    layer: 'queue',
    not: ['broadcast', 'workers', 'flows', 'http'],
    why: 'the queue is infrastructure: broadcasts sit above it, and src/workers composes both',
  },
  { layer: 'broadcast', not: ['workers', 'flows', 'http'], why: 'broadcasts use the queue; src/workers starts their workers beside the queue processors' },
];

/** Folders only the entry points (src/*.ts: main, worker, app) may import: they compose the layers below. */
const COMPOSITION = ['workers'];

/** Layers the engine and the flows may not reach even through another folder, and packages they may not load that way. */
const NEVER_REACHED = { layers: ['queue', 'workers', 'channels', 'http'], packages: ['bullmq'] };

/**
 * The imports that still point up, each with its reason. Keep this list short; an entry whose
 * import is gone fails the test, so the list never outlives the exception.
 */
const EXCEPTIONS: { from: string; to: string; why: string }[] = [
  {
    from: 'src/domain/wilayah.ts',
    to: 'src/paths.ts',
    why: 'the kelurahan list is read from data/ when the module loads; paths.ts is a leaf (node only) that finds the project root',
  },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const IMPORT_RE = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** The repository file a relative import lands on (`.js` in the source names the `.ts` file). */
const resolveImport = (file: string, spec: string) => path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));

const FILES = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'flows'))];
const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

interface Edge {
  from: string;
  to: string;
  spec: string;
}

/** Every import that breaks a rule, exceptions included. */
function violations(): (Edge & { why: string })[] {
  const out: (Edge & { why: string })[] = [];
  for (const file of FILES) {
    const from = layerOf(file);
    for (const spec of importsOf(file)) {
      const to = spec.startsWith('.') ? layerOf(resolveImport(file, spec)) : '';
      if (COMPOSITION.includes(to) && from !== 'src' && from !== to) {
        out.push({
          from: rel(file),
          to: rel(resolveImport(file, spec)),
          spec,
          why: `${to} composes the layers below: only the entry points (src/*.ts) import it`,
        });
      }
    }
    const rule = RULES.find((r) => r.layer === from);
    if (!rule) continue;
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) {
        const target = resolveImport(file, spec);
        const layer = layerOf(target);
        const refused = (rule.only && !rule.only.includes(layer)) || rule.not?.includes(layer);
        if (refused) out.push({ from: rel(file), to: rel(target), spec, why: rule.why });
      } else if (rule.packages?.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p || spec.startsWith(`${p}/`)))) {
        out.push({ from: rel(file), to: spec, spec, why: rule.why });
      }
    }
  }
  return out;
}

/** Every file `file` reaches through relative imports (itself included), each with the chain that reaches it. */
function reachable(file: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[file, [rel(file)]]]);
  const todo = [file];
  while (todo.length) {
    const f = todo.pop()!;
    for (const spec of importsOf(f)) {
      if (!spec.startsWith('.')) continue;
      const target = resolveImport(f, spec);
      if (seen.has(target)) continue;
      seen.set(target, [...seen.get(f)!, rel(target)]);
      todo.push(target);
    }
  }
  return seen;
}

const importsPackage = (file: string, pkg: string) => importsOf(file).some((s) => s === pkg || s.startsWith(`${pkg}/`));

describe('layers only point down', () => {
  it('reads the imports of the source (the checker sees what it checks)', () => {
    expect(FILES.length).toBeGreaterThan(100);
    const engine = importsOf(path.join(ROOT, 'src/engine/engine.ts'));
    expect(engine).toContain('../i18n/render.js');
    expect(importsOf(path.join(ROOT, 'flows/index.ts')).length).toBeGreaterThan(5);
  });

  it('catches an import that points up', () => {
    const rule = RULES.find((r) => r.layer === 'engine')!;
    const target = resolveImport(path.join(ROOT, 'src/engine/engine.ts'), '../channels/types.js');
    expect(rule.not).toContain(layerOf(target));
    expect(layerOf(resolveImport(path.join(ROOT, 'flows/cart.ts'), '../src/queue/jobs.js'))).toBe('queue');
    expect(layerOf(path.join(ROOT, 'src/app.ts'))).toBe('src');
  });

  it('no import points up, except the few named exceptions', () => {
    const found = violations();
    const unexpected = found.filter((v) => !EXCEPTIONS.some((e) => e.from === v.from && e.to === v.to));
    expect(unexpected.map((v) => `${v.from} imports ${v.spec}: ${v.why}`)).toEqual([]);
  });

  it('flows reach Redis only through the repositories in Store', () => {
    const raw = FILES.filter((f) => layerOf(f) === 'flows' && /\bstore\.(redis|keys)\b/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(raw).toEqual([]);
  });

  it('the engine and the flows reach no queue, worker, channel or HTTP code, not even through another folder', () => {
    const found: string[] = [];
    for (const file of FILES.filter((f) => ['engine', 'flows'].includes(layerOf(f)))) {
      for (const [target, chain] of reachable(file)) {
        const why = NEVER_REACHED.layers.includes(layerOf(target)) ? layerOf(target) : NEVER_REACHED.packages.find((p) => importsPackage(target, p));
        if (why) found.push(`${chain.join(' -> ')} (${why})`);
      }
    }
    expect([...new Set(found)]).toEqual([]);
  });

  it('the reach check follows imports through other folders', () => {
    // src/app.ts reaches the queue (it wires the BullMQ adapter of AdminJobs) through src/queue/admin-jobs.ts
    const fromApp = reachable(path.join(ROOT, 'src/app.ts'));
    expect([...fromApp.keys()].some((f) => importsPackage(f, 'bullmq'))).toBe(true);
    expect(fromApp.get(path.join(ROOT, 'src/queue/jobs.ts'))?.length).toBeGreaterThan(1);
    // the engine reaches admin/ (the AdminJobs port) and what admin/ reaches, but that stops short of the queue
    const fromFlow = reachable(path.join(ROOT, 'src/engine/flow.ts'));
    expect(fromFlow.has(path.join(ROOT, 'src/admin/jobs-port.ts'))).toBe(true);
    expect(fromFlow.has(path.join(ROOT, 'src/reports/report-content.ts'))).toBe(true);
  });

  it('the queue and the broadcast workers import one way; only the entry points compose them', () => {
    const queueToBroadcast = violations().filter((v) => v.from.startsWith('src/queue/') && v.to.startsWith('src/broadcast/'));
    expect(queueToBroadcast).toEqual([]);
    const broadcastToQueue = FILES.filter((f) => layerOf(f) === 'broadcast').flatMap((f) => importsOf(f).filter((s) => s.startsWith('../queue/')));
    expect(broadcastToQueue.length).toBeGreaterThan(0);
    const composers = FILES.filter((f) => importsOf(f).some((s) => /(^|\/)workers\/index\.js$/.test(s))).map(rel);
    expect(composers.sort()).toEqual(['src/main.ts', 'src/worker.ts']);
  });

  it('every exception is still needed', () => {
    const found = violations();
    const stale = EXCEPTIONS.filter((e) => !found.some((v) => v.from === e.from && v.to === e.to));
    expect(stale).toEqual([]);
  });
});
