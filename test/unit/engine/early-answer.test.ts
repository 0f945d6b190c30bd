import type { IncomingMessage } from '../../../src/engine/types.js';
import type { OutboundMessage } from '../../../src/i18n/message.js';
import { createTestApp, type TestApp } from '../../support/engine-driver.js';

/** The engine hands a channel its answer before the session write (`onAnswer`), so both go out together. */
describe('the answer before the session write', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ name: 'early' });
  });
  afterAll(async () => {
    await t.close();
  });
  const message = (chatId: string, text: string, onAnswer: IncomingMessage['onAnswer']): IncomingMessage => ({
    chat: { channel: 'telegram', chatId },
    input: { kind: 'text', text },
    fetchMedia: async () => Buffer.alloc(0),
    onAnswer,
  });

  test('the answer handed over early is the answer handle returns, once', async () => {
    const early: OutboundMessage[][] = [];
    const out = await t.app.engine.handle(message('880001', 'halo', (m) => early.push(m)));
    expect(early).toHaveLength(1);
    expect(early[0]).toBe(out.messages);
    expect(out.messages[0]?.text).toMatch(/Bagikan nomor saya|nomor/i);
  });

  test('when the write fails after the answer was handed over, the error answer comes back to be sent after it', async () => {
    const sessions = t.app.sessions;
    const save = sessions.save;
    sessions.save = async () => {
      throw new Error('write refused');
    };
    try {
      let early: OutboundMessage[] | undefined;
      const out = await t.app.engine.handle(
        message('880002', 'halo', (m) => {
          early = m;
        }),
      );
      expect(early?.length).toBeGreaterThan(0);
      expect(out.messages).not.toBe(early);
      expect(out.messages.map((m) => m.text)).toEqual([t.app.i18n.t('id', 'engine-error')]);
    } finally {
      sessions.save = save;
    }
  });
});
