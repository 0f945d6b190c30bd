/** The parent's handle on a subject child process (bench/bot-process.ts): start, ask usage, stop. */
import { type ChildProcess, execFile, fork } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../src/paths.js';
import type { SubjectSettings, Usage } from './bot-process.js';

const SOURCE_ENTRY = path.join(PROJECT_ROOT, 'bench/bot-process.ts');
/** tsconfig.bench.json compiles to dist-bench/ */
const COMPILED_ENTRY = path.join(PROJECT_ROOT, 'dist-bench/bench/bot-process.js');
let compiled = false;

/** Compiles both bots (bench/bot-process.ts and what it imports) to dist-bench/; later subjects run that. */
export async function compileSubjects(): Promise<void> {
  const tsc = path.join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', path.join(PROJECT_ROOT, 'tsconfig.bench.json')], { cwd: PROJECT_ROOT });
  compiled = true;
}

/** A running subject. */
export interface Subject {
  pid: number;
  usage(gc?: boolean): Promise<Usage>;
  /** starts a CPU profile in the child */
  profileStart(): Promise<void>;
  /** stops it and writes it into `dir`; resolves with the file */
  profileStop(dir: string): Promise<string>;
  stop(): Promise<void>;
}

function next<T>(child: ChildProcess, type: string, timeoutMs = 60_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`bench subject: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (m: { type: string } & Record<string, unknown>) => {
      if (m.type === type) done(undefined, m as T);
    };
    const onExit = (code: number | null) => done(new Error(`bench subject exited (code ${code}) before "${type}"`));
    function done(err?: Error, value?: T) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Forks a subject under tsx with --expose-gc and waits until it is ready. */
export async function startSubject(settings: SubjectSettings): Promise<Subject> {
  const execArgv = [
    ...(compiled ? [] : ['--import', 'tsx']),
    '--expose-gc',
    '--max-old-space-size=192',
    ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
  ];
  const child = fork(compiled ? COMPILED_ENTRY : SOURCE_ENTRY, [JSON.stringify(settings)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await next(child, 'ready');
  return {
    pid: child.pid!,
    async usage(gc = false) {
      const reply = next<{ usage: Usage }>(child, 'usage');
      child.send({ cmd: 'usage', gc });
      return (await reply).usage;
    },
    async profileStart() {
      const reply = next(child, 'profile-start');
      child.send({ cmd: 'profile-start' });
      await reply;
    },
    async profileStop(dir) {
      const reply = next<{ file: string }>(child, 'profile-stop');
      child.send({ cmd: 'profile-stop', dir });
      return (await reply).file;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ cmd: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
