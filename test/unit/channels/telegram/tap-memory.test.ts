import { REPEAT_TAP_MS, createTapMemory } from '../../../../src/channels/telegram/bot.js';

describe('double taps on Telegram buttons', () => {
  test('the same button of the same message tapped again within moments is a repeat; later, or another button, is not', () => {
    let now = 1_000_000;
    const taps = createTapMemory(() => now);
    expect(taps.isRepeat('1', '10:uo:acc:ORD-1')).toBe(false);
    now += 400;
    expect(taps.isRepeat('1', '10:uo:acc:ORD-1')).toBe(true); // double tap
    expect(taps.isRepeat('2', '10:uo:acc:ORD-1')).toBe(false); // another chat
    expect(taps.isRepeat('1', '11:uo:acc:ORD-1')).toBe(false); // the same data on a newer message
    expect(taps.isRepeat('1', '11:pg:next')).toBe(false);
    now += REPEAT_TAP_MS;
    expect(taps.isRepeat('1', '11:pg:next')).toBe(false); // long after: a deliberate press
  });

  test('memory stays bounded: the oldest chats are forgotten', () => {
    const taps = createTapMemory(() => 0, 3);
    for (const chat of ['a', 'b', 'c', 'd']) taps.isRepeat(chat, 'k');
    expect(taps.isRepeat('a', 'k')).toBe(false); // "a" was dropped to keep 3
    expect(taps.isRepeat('d', 'k')).toBe(true);
  });
});
