import { initAuthCreds, proto } from '@whiskeysockets/baileys';
import type { Redis } from 'ioredis';
import { useRedisAuthState, WhatsAppAuthError } from '../../../src/channels/whatsapp/auth-state.js';
import { createKeys, type Keys } from '../../../src/store/keys.js';
import { cleanPrefix, openRedis, uniquePrefix } from '../../support/redis.js';

let redis: Redis;
let keys: Keys;

beforeAll(() => {
  redis = openRedis();
});
beforeEach(() => {
  keys = createKeys(uniquePrefix('wa'));
});
afterEach(async () => {
  await cleanPrefix(redis, keys.prefix);
});
afterAll(async () => {
  await redis.quit();
});

test('a fresh store starts with new creds and writes nothing until saved', async () => {
  const auth = await useRedisAuthState(redis, keys);
  expect(auth.state.creds.registered).toBe(false);
  expect(auth.state.creds.noiseKey.private).toBeInstanceOf(Uint8Array);
  expect(await redis.exists(keys.waCreds())).toBe(0);
});

test('creds round-trip through Redis with their Buffers intact', async () => {
  const first = await useRedisAuthState(redis, keys);
  first.state.creds.registered = true;
  first.state.creds.me = { id: '6281234567890:3@s.whatsapp.net', name: 'Bot' };
  first.state.creds.routingInfo = Buffer.from([1, 2, 3, 250]);
  await first.saveCreds();

  const second = await useRedisAuthState(redis, keys);
  const a = first.state.creds;
  const b = second.state.creds;
  expect(Buffer.isBuffer(b.noiseKey.private)).toBe(true);
  expect(Buffer.from(b.noiseKey.private).equals(Buffer.from(a.noiseKey.private))).toBe(true);
  expect(Buffer.from(b.signedPreKey.signature).equals(Buffer.from(a.signedPreKey.signature))).toBe(true);
  expect(b.routingInfo?.equals(Buffer.from([1, 2, 3, 250]))).toBe(true);
  expect(b.registrationId).toBe(a.registrationId);
  expect(b.advSecretKey).toBe(a.advSecretKey);
  expect(b.registered).toBe(true);
  expect(b.me?.id).toBe('6281234567890:3@s.whatsapp.net');
});

test('signal keys are set, read back by a new state, and deleted with null', async () => {
  const auth = await useRedisAuthState(redis, keys);
  const preKey = { public: Buffer.from('pub-1'), private: Buffer.from('priv-1') };
  await auth.state.keys.set({
    'pre-key': { '1': preKey, '2': { public: Buffer.from('p2'), private: Buffer.from('q2') } },
    session: { 'a.0': Buffer.from([9, 8, 7]) },
  });

  const other = await useRedisAuthState(redis, keys);
  const got = await other.state.keys.get('pre-key', ['1', '2', '3']);
  expect(Object.keys(got).sort()).toEqual(['1', '2']);
  expect(Buffer.from(got['1']!.private).toString()).toBe('priv-1');
  const sessions = await other.state.keys.get('session', ['a.0']);
  expect(Buffer.from(sessions['a.0']!)).toEqual(Buffer.from([9, 8, 7]));

  await other.state.keys.set({ 'pre-key': { '1': null } });
  const after = await auth.state.keys.get('pre-key', ['1', '2']);
  expect(Object.keys(after)).toEqual(['2']);
});

test('app-state-sync-key values come back as proto objects', async () => {
  const auth = await useRedisAuthState(redis, keys);
  const keyData = proto.Message.AppStateSyncKeyData.fromObject({
    keyData: Buffer.from('secret-key-bytes'),
    timestamp: 1700000000,
  });
  await auth.state.keys.set({ 'app-state-sync-key': { AAAA: keyData } });
  const got = await auth.state.keys.get('app-state-sync-key', ['AAAA']);
  const value = got.AAAA!;
  expect(value).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
  expect(Buffer.from(value.keyData!).toString()).toBe('secret-key-bytes');
});

test('clear() wipes creds and keys and gives fresh creds', async () => {
  const auth = await useRedisAuthState(redis, keys);
  const oldNoise = Buffer.from(auth.state.creds.noiseKey.private);
  await auth.saveCreds();
  await auth.state.keys.set({ session: { x: Buffer.from('s') }, 'sender-key-memory': { g: { a: true } } });

  await auth.clear();
  expect(await redis.exists(keys.waCreds(), keys.waKeysOfType('session'), keys.waKeysOfType('sender-key-memory'))).toBe(0);
  expect(Buffer.from(auth.state.creds.noiseKey.private).equals(oldNoise)).toBe(false);
  expect(await auth.state.keys.get('session', ['x'])).toEqual({});
});

test('unreadable stored creds fail loudly instead of silently pairing anew', async () => {
  const { noiseKey: _dropped, ...partial } = initAuthCreds();
  await redis.set(keys.waCreds(), JSON.stringify(partial));
  await expect(useRedisAuthState(redis, keys)).rejects.toThrow(WhatsAppAuthError);
  await expect(useRedisAuthState(redis, keys)).rejects.toThrow(/noiseKey/);
});
