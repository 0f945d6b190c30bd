import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/** Guard so a hung child fails the test instead of jest's global timeout (not a timing assertion). */
const GUARD_MS = 60_000;
const PROMPT = '\n> ';

/**
 * `npm start`'s terminal chat in a child process (no channel configured), typed into one line at
 * a time; each answer is read up to the next "> " prompt. Messages the bot sends on its own
 * (notifications, reports) print whenever they come, so `waitFor` waits on the output itself.
 */
export function startConsole(env: NodeJS.ProcessEnv) {
  const clean: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const k of ['BOT_TOKEN', 'WHATSAPP_ENABLED', 'CONSOLE', 'HTTP_PORT', 'TELEGRAM_WEBHOOK_URL', 'WORKER']) delete clean[k];
  const child: ChildProcessWithoutNullStreams = spawn('npx', ['tsx', 'src/main.ts'], { cwd: process.cwd(), env: clean, stdio: ['pipe', 'pipe', 'pipe'] });
  let pending = '';
  let all = '';
  let transcript = '';
  child.stderr.on('data', (b: Buffer) => (transcript += `[stderr] ${b.toString()}`));
  child.stdout.on('data', (b: Buffer) => {
    pending += b.toString();
    all += b.toString();
    transcript += b.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  /** Resolves once `ready()` holds on the output, checked at every chunk. */
  function until<T>(ready: () => T | undefined, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const v = ready();
        if (v === undefined) return false;
        cleanup();
        resolve(v);
        return true;
      };
      const onData = () => void check();
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`the console exited (${code}) before ${what}. Transcript:\n${transcript}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${what} within ${GUARD_MS} ms. Transcript:\n${transcript}`));
      }, GUARD_MS);
      const cleanup = () => {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.off('exit', onExit);
      };
      if (check()) return;
      child.stdout.on('data', onData);
      child.once('exit', onExit);
    });
  }

  const nextAnswer = () =>
    until(() => {
      const i = pending.indexOf(PROMPT);
      if (i < 0) return undefined;
      const answer = pending.slice(0, i);
      pending = pending.slice(i + PROMPT.length);
      return answer;
    }, 'prompt');

  return {
    child,
    exited,
    nextAnswer,
    /** Types one line and returns the answer. */
    async type(line: string): Promise<string> {
      transcript += `> ${line}\n`;
      child.stdin.write(`${line}\n`);
      return nextAnswer();
    },
    /** Waits until `text` has been printed (at any time since the start). */
    waitFor: (text: string) => until(() => (all.includes(text) ? true : undefined), `"${text}"`),
    /** Everything printed so far. */
    output: () => all,
    end() {
      child.stdin.end();
    },
    kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
