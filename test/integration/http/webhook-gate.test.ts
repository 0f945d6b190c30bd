import { startHttpServer } from '../../../src/http/server.js';
import { createWebhookGate } from '../../../src/http/webhook-gate.js';
import { createLogger } from '../../../src/logger.js';

test('on shutdown the webhook answers 503 to new deliveries and waits for the one in hand', async () => {
  let finish!: () => void;
  const handled: string[] = [];
  const gate = createWebhookGate(async (_req, res) => {
    await new Promise<void>((r) => (finish = r));
    handled.push('update');
    res.writeHead(200).end('ok');
  });
  const server = await startHttpServer({ port: 0, host: '127.0.0.1', logger: createLogger('silent'), routes: new Map([['/telegram', gate.handler]]) });
  const url = `http://127.0.0.1:${server.port}/telegram`;
  try {
    const inHand = fetch(url, { method: 'POST', body: '{}' });
    while (gate.inFlight() === 0) await new Promise((r) => setImmediate(r));

    let closed = false;
    const closing = gate.close().then(() => (closed = true));
    const refused = await fetch(url, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(closed).toBe(false);

    finish();
    expect((await inHand).status).toBe(200);
    await closing;
    expect(handled).toEqual(['update']);
    expect(gate.isOpen()).toBe(false);
  } finally {
    await server.close();
  }
});
