import { openRedis, uniquePrefix, cleanPrefix } from '../support/redis.js';

test('talks to the real test Redis', async () => {
  const r = openRedis();
  const p = uniquePrefix('smoke');
  await r.set(`${p}k`, 'v');
  expect(await r.get(`${p}k`)).toBe('v');
  await cleanPrefix(r, p);
  expect(await r.exists(`${p}k`)).toBe(0);
  r.disconnect();
});
