import { HttpError } from 'grammy';
import { retryNetworkErrors } from '../../../../src/channels/telegram/bot.js';

const ok = { ok: true as const, result: true };

test('a call that fails on the network is tried again, then answers', async () => {
  let calls = 0;
  const prev = async () => {
    calls++;
    if (calls === 1) throw new HttpError('Network request for sendMessage failed!', new Error('ECONNRESET'));
    return ok;
  };
  const res = await retryNetworkErrors(2)(prev as never, 'sendMessage', { chat_id: 1, text: 'x' } as never);
  expect(res).toEqual(ok);
  expect(calls).toBe(2);
});

test('a network that stays down: the failure comes back after the last try, not an endless retry', async () => {
  let calls = 0;
  const prev = async () => {
    calls++;
    throw new HttpError('Network request for sendMessage failed!', new Error('ECONNREFUSED'));
  };
  await expect(retryNetworkErrors(1)(prev as never, 'sendMessage', { chat_id: 1, text: 'x' } as never)).rejects.toBeInstanceOf(HttpError);
  expect(calls).toBe(2);
});

test('an answer from Telegram (even an error) is not retried here', async () => {
  let calls = 0;
  const prev = async () => {
    calls++;
    throw new Error('not a network error');
  };
  await expect(retryNetworkErrors(3)(prev as never, 'sendMessage', {} as never)).rejects.toThrow('not a network error');
  expect(calls).toBe(1);
});
