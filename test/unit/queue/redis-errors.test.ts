import { jest } from '@jest/globals';
import net from 'node:net';
import type { Redis } from 'ioredis';
import { openAppConnection, openProducerConnection, openWorkerConnection } from '../../../src/queue/connection.js';

/** A loopback port where nothing listens (taken, then given back). */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

const reconnects = (redis: Redis, n: number) =>
  new Promise<void>((resolve) => {
    let seen = 0;
    redis.on('reconnecting', () => {
      if (++seen >= n) resolve();
    });
  });

test('while Redis is down, each connection logs the outage once and prints nothing to stderr', async () => {
  const url = `redis://127.0.0.1:${await closedPort()}`;
  const stderr = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const warnings: string[] = [];
  const logger = { warn: (_o: object, msg: string) => warnings.push(msg), info: () => undefined };
  const conns = [openAppConnection(url, logger), openWorkerConnection(url, logger), openProducerConnection(url, logger)];
  try {
    await Promise.all(conns.map((c) => reconnects(c, 3)));
    expect(stderr).not.toHaveBeenCalled();
    expect(warnings).toEqual(['redis unreachable; retrying', 'redis unreachable; retrying', 'redis unreachable; retrying']);
  } finally {
    for (const c of conns) c.disconnect();
    stderr.mockRestore();
  }
}, 20_000);
