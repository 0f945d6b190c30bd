import type { Handler } from './server.js';

/**
 * Wraps the Telegram webhook route for a graceful shutdown: once `close()` is called, new
 * deliveries get 503 (Telegram delivers them again later, to whichever instance answers), and
 * `close()` resolves when the deliveries in hand are handled.
 */
export function createWebhookGate(inner: Handler) {
  let open = true;
  let inFlight = 0;
  let idle: (() => void)[] = [];

  const handler: Handler = async (req, res) => {
    if (!open) {
      res.writeHead(503, { 'retry-after': '5', 'content-type': 'text/plain' }).end('shutting down');
      return;
    }
    inFlight++;
    try {
      await inner(req, res);
    } finally {
      inFlight--;
      if (inFlight === 0) {
        for (const done of idle) done();
        idle = [];
      }
    }
  };

  return {
    handler,
    /** True until `close()`. */
    isOpen: () => open,
    /** Updates being handled right now. */
    inFlight: () => inFlight,
    /** Refuses new deliveries; resolves when the ones in hand are done. */
    close(): Promise<void> {
      open = false;
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
export type WebhookGate = ReturnType<typeof createWebhookGate>;
