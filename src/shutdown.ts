import type { RunnerHandle } from '@grammyjs/runner';
import type { Logger } from './logger.js';

/**
 * The order things stop in: first nothing new comes in (polling, webhook, WhatsApp) and the
 * updates in hand finish, then the HTTP server, then the queue workers finish their jobs in hand,
 * then the connections close.
 */
export const SHUTDOWN_PHASES = ['intake', 'http', 'workers', 'connections'] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];

/** How long a graceful shutdown may take before the process exits anyway (under the 60 s the
 * compose file and the systemd units allow before they kill). */
export const SHUTDOWN_DEADLINE_MS = 50_000;

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
  /** the step being waited for, for the logs */
  let current: string | undefined;

  async function runAll(reason: string): Promise<number> {
    logger.info({ reason }, 'shutting down');
    let code = 0;
    for (const phase of SHUTDOWN_PHASES) {
      for (const step of steps.filter((s) => s.phase === phase)) {
        try {
          current = step.name;
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
    /**
     * On SIGTERM or SIGINT: shut down, then exit with the code. A second signal is only logged.
     * A step that hangs (a Bot API or Redis that no longer answers) does not keep the process
     * alive: after `deadlineMs` it exits with 1, naming the step it was waiting for. Returns a
     * function that removes the signal handlers.
     */
    onSignals(exit: (code: number) => void = (code) => process.exit(code), deadlineMs = SHUTDOWN_DEADLINE_MS): () => void {
      const handler = (signal: NodeJS.Signals) => {
        if (running) {
          logger.warn({ signal, waitingFor: current }, 'already shutting down: waiting for the work in hand');
          return;
        }
        const timer = setTimeout(() => {
          logger.error({ waitingFor: current, deadlineMs }, 'shutdown took too long: exiting without waiting further');
          exit(1);
        }, deadlineMs);
        timer.unref();
        void run(signal).then((code) => {
          clearTimeout(timer);
          exit(code);
        });
      };
      process.on('SIGTERM', handler);
      process.on('SIGINT', handler);
      return () => {
        process.off('SIGTERM', handler);
        process.off('SIGINT', handler);
      };
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
