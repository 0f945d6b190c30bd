// Stops the private redis-server started by global-setup.mjs.
export default async function globalTeardown() {
  const redis = globalThis.__PRIVATE_REDIS__;
  if (redis) await redis.stop();
}
