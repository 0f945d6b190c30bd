import { createLogger } from '../../src/logger.js';
import { createShutdown } from '../../src/shutdown.js';

const lines: string[] = [];
const logger = createLogger('info', { write: (s: string) => void lines.push(s) });

test('steps run once, in phase order; a failing step is logged, the rest still run, exit code 1', async () => {
  const s = createShutdown(logger);
  const order: string[] = [];
  s.add('connections', 'redis', async () => void order.push('redis'));
  s.add('intake', 'polling', async () => void order.push('polling'));
  s.add('workers', 'reports', async () => {
    order.push('reports');
    throw new Error('worker would not close');
  });
  s.add('http', 'server', async () => void order.push('server'));
  expect(s.draining()).toBe(false);
  const code = await Promise.all([s.run('test'), s.run('again')]);
  expect(code).toEqual([1, 1]);
  expect(order).toEqual(['polling', 'server', 'reports', 'redis']);
  expect(s.draining()).toBe(true);
  expect(lines.some((l) => l.includes('could not stop cleanly') && l.includes('reports'))).toBe(true);
});

test('a step that never finishes does not keep the process alive: exit 1 after the deadline, naming it', async () => {
  const s = createShutdown(logger);
  s.add('intake', 'telegram polling', () => new Promise<void>(() => undefined)); // a Bot API that no longer answers
  s.add('connections', 'redis', async () => undefined);
  const exited = new Promise<number>((resolve) => {
    const off = s.onSignals((code) => {
      off();
      resolve(code);
    }, 100);
    process.emit('SIGTERM');
  });
  expect(await exited).toBe(1);
  expect(lines.some((l) => l.includes('shutdown took too long') && l.includes('telegram polling'))).toBe(true);
});

test('a quick shutdown exits with its own code before the deadline', async () => {
  const s = createShutdown(logger);
  s.add('connections', 'redis', async () => undefined);
  const code = await new Promise<number>((resolve) => {
    const off = s.onSignals((c) => {
      off();
      resolve(c);
    }, 60_000);
    process.emit('SIGINT');
  });
  expect(code).toBe(0);
});
