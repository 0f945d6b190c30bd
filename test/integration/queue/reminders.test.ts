import { afterEach, describe, expect, it } from '@jest/globals';
import type { Queue } from 'bullmq';
import type { Config } from '../../../src/config.js';
import { createReminderProcessor } from '../../../src/queue/reminder-processor.js';
import { ASN, makeMediaDir, seedPaidOrder, testConfig } from '../../support/queue/fixtures.js';
import { createHarness, i18n, recordingSender, settled, silentLogger } from '../../support/queue/harness.js';
import { FAKE_BOT_TOKEN, type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api/index.js';

/** 10:00 WIB on a weekday */
const DAY = new Date('2026-11-23T03:00:00.000Z');
/** 22:30 WIB */
const LATE = new Date('2026-11-23T15:30:00.000Z');

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(now: Date, delayMinutes: number) {
  const media = await makeMediaDir();
  const bot = await startFakeBotApi({ rateLimits: false });
  bot.addUser({ id: 5551, first_name: 'Budi' });
  const config: Config = {
    ...testConfig({ BOT_TOKEN: FAKE_BOT_TOKEN, TELEGRAM_API_ROOT: bot.url, MEDIA_DIR: media.dir }),
    REMINDER_DELAY_MINUTES: delayMinutes,
  };
  const h = createHarness(config, { clock: () => now });
  const wa = recordingSender('whatsapp');
  await h.store.chatUsers.save({ channel: 'telegram', chatId: '5551', phone: ASN.phone, locale: 'id', optedOut: false, unreachable: false });
  await h.store.chatUsers.save({ channel: 'whatsapp', chatId: '6281234567890@s.whatsapp.net', phone: ASN.phone, optedOut: false, unreachable: false });
  const order = await seedPaidOrder(h.store, { receipt: media });
  cleanup = async () => {
    await h.close();
    await bot.close();
  };
  return { h, bot, wa, order, config };
}

async function waitForState(queue: Queue, id: string, state: string): Promise<void> {
  const until = Date.now() + 15_000;
  while ((await (await queue.getJob(id))?.getState()) !== state) {
    if (Date.now() > until) throw new Error(`job ${id} never became ${state}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function callbackData(bot: FakeBotApi, i: number): string[] {
  const markup = bot.sent(5551)[i]!.reply_markup as { inline_keyboard: { callback_data: string }[][] };
  return markup.inline_keyboard.flat().map((b) => b.callback_data);
}

describe('reminders queue', () => {
  it('asks for the post link on every linked chat after the delay, twice at most', async () => {
    const { h, bot, wa, order } = await setup(DAY, 0.002); // 120 ms
    await h.start({ telegram: h.telegramSender(), whatsapp: wa });
    await h.queues.performEffects([{ type: 'schedule-reminder', orderId: order.id }]);
    const first = await settled(h.queues.reminders, `reminder.${order.id}.1`);
    expect(first.returnvalue).toMatchObject({ status: 'sent', chats: 2 });
    const second = await settled(h.queues.reminders, `reminder.${order.id}.2`);
    expect(second.returnvalue).toMatchObject({ status: 'sent', chats: 2 });
    expect(second.returnvalue.next).toBeUndefined();

    const msgs = bot.sent();
    expect(msgs).toHaveLength(2);
    expect(msgs.map((m) => [m.method, m.chat_id])).toEqual([
      ['sendMessage', 5551],
      ['sendMessage', 5551],
    ]);
    expect(msgs[0]!.text).toContain('#ASNDepokPeduli #BeliProdukUMKMDepok');
    expect(msgs[0]!.text).toContain('Keripik Tempe Bu Sri');
    expect(callbackData(bot, 0)).toEqual([`post:link:${order.id}`, `post:skip:${order.id}`]);
    for (const id of callbackData(bot, 0)) expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
    expect(wa.sent).toHaveLength(2);
    // WhatsApp numbers no out-of-band choices ("2" would answer the chat's current screen): it says what works anywhere.
    expect(wa.sent[0]!.msg.choices ?? []).toEqual([]);
    expect(wa.sent[0]!.msg.text).toContain(`Tempel tautannya di sini kapan saja. Bila tidak mengunggah, ketik /lewati ${order.id}`);
    expect(await h.queues.reminders.getJob(`reminder.${order.id}.3`)).toBeUndefined();
  });

  it('is cancelled when the link arrives, and sends nothing if it runs anyway', async () => {
    const { h, bot, wa, order, config } = await setup(DAY, 60);
    await h.queues.performEffects([{ type: 'schedule-reminder', orderId: order.id }]);
    const job = await h.queues.reminders.getJob(`reminder.${order.id}.1`);
    expect(await job!.getState()).toBe('delayed');
    expect(job!.opts.delay).toBe(60 * 60_000);

    await h.store.orders.update(order.id, { postLink: 'https://www.instagram.com/p/ABC/' });
    await h.queues.performEffects([{ type: 'cancel-reminder', orderId: order.id }]);
    expect(await h.queues.reminders.getJob(`reminder.${order.id}.1`)).toBeUndefined();

    const process = createReminderProcessor({
      redis: h.redis,
      keys: h.keys,
      store: h.store,
      config,
      logger: silentLogger,
      i18n,
      clock: () => DAY,
      senders: { whatsapp: wa },
      scheduleReminder: h.queues.scheduleReminder,
    });
    expect(await process({ id: 'x', data: { orderId: order.id, n: 1 } })).toEqual({ status: 'not-needed', reason: 'post link received' });
    await h.store.orders.update(order.id, { postLink: undefined, postSkipped: true });
    expect(await process({ id: 'x', data: { orderId: order.id, n: 1 } })).toEqual({ status: 'not-needed', reason: 'post skipped' });
    expect(wa.sent).toHaveLength(0);
    expect(bot.calls()).toHaveLength(0);
  });

  it('never at night: one due at 23:30 WIB is scheduled for 07:00 WIB; one that comes due at night moves itself', async () => {
    const { h, bot, wa, order } = await setup(LATE, 60);
    const at = await h.queues.scheduleReminder(order.id, 1, LATE);
    expect(at.toISOString()).toBe('2026-11-24T00:00:00.000Z'); // 07:00 WIB next morning
    const job = await h.queues.reminders.getJob(`reminder.${order.id}.1`);
    expect(job!.opts.delay).toBe(at.getTime() - LATE.getTime());

    // A reminder that reaches a worker at 22:30 WIB (e.g. after an outage) is put back to the morning.
    await h.queues.reminders.add('reminder', { orderId: order.id, n: 2 }, { jobId: `reminder.${order.id}.2` });
    await h.start({ telegram: h.telegramSender(), whatsapp: wa });
    await waitForState(h.queues.reminders, `reminder.${order.id}.2`, 'delayed');
    const moved = await h.queues.reminders.getJob(`reminder.${order.id}.2`);
    expect(moved!.attemptsMade).toBe(0);
    expect(bot.calls()).toHaveLength(0);
    expect(wa.sent).toHaveLength(0);
  });
});
