import type { RunnerHandle } from '@grammyjs/runner';
import type { Logger } from './logger.js';

/**
 * The order things stop in: first nothing new comes in (polling, webhook, WhatsApp) and the
 * updates in hand finish, then the HTTP server, then the queue workers finish their jobs in hand,
 * then the connections close.
 */
export const SHUTDOWN_PHASES = ['intake', 'http', 'workers', 'connections'] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

interface Step {
  phase: ShutdownPhase;
  name: string;
  run: () => Promise<void>;
}

/**
 * A graceful shutdown: steps registered by phase run once, in phase order (and in the order
 * they were added within a phase). A failing step is logged and the next ones still run; the
 * exit code is 1 then, 0 otherwise.
 */
export function createShutdown(logger: Logger) {
  const steps: Step[] = [];
  let running: Promise<number> | undefined;
  let began = false;

  async function runAll(reason: string): Promise<number> {
    logger.info({ reason }, 'shutting down');
    let code = 0;
    for (const phase of SHUTDOWN_PHASES) {
      for (const step of steps.filter((s) => s.phase === phase)) {
        try {
          await step.run();
          logger.debug({ step: step.name }, 'stopped');
        } catch (err) {
          code = 1;
          logger.error({ err, step: step.name }, 'could not stop cleanly');
        }
      }
    }
    logger.info({ code }, 'shut down');
    return code;
  }

  function run(reason: string): Promise<number> {
    began = true;
    running ??= runAll(reason);
    return running;
  }

  return {
    /** Registers what to do on shutdown. */
    add(phase: ShutdownPhase, name: string, run: () => Promise<void>): void {
      steps.push({ phase, name, run });
    },
    /** True once shutdown began (health checks answer 503 from then on). */
    draining: () => began,
    /** Runs every step once; later calls get the same result. Resolves with the exit code. */
    run,
    /** On SIGTERM or SIGINT: shut down, then exit with the code. A second signal is only logged. */
    onSignals(exit: (code: number) => void = (code) => process.exit(code)): void {
      const handler = (signal: NodeJS.Signals) => {
        if (running) {
          logger.warn({ signal }, 'already shutting down: waiting for the work in hand');
          return;
        }
        void run(signal).then(exit);
      };
      process.on('SIGTERM', handler);
      process.on('SIGINT', handler);
    },
  };
}
export type Shutdown = ReturnType<typeof createShutdown>;

/**
 * Stops the grammY runner and waits for the updates it already fetched to be handled:
 * `runner.stop()` stops fetching but resolves before the updates in its sink are done.
 */
export async function drainRunner(runner: RunnerHandle, pollMs = 50): Promise<void> {
  if (runner.isRunning()) await runner.stop();
  while (runner.size() > 0) await new Promise((r) => setTimeout(r, pollMs));
}
