import { Api } from 'grammy';
import { ENGLISH_COMMANDS } from '../../../flows/index.js';
import { registerCommandMenu } from '../../../src/channels/telegram/command-menu.js';
import { createI18n } from '../../../src/i18n/index.js';
import { startFakeBotApi } from '../../support/fake-bot-api/index.js';

describe("Telegram's command menu", () => {
  test('Indonesian names by default; English names for English clients, each with a description', async () => {
    const fake = await startFakeBotApi();
    try {
      await registerCommandMenu(new Api(fake.token, { apiRoot: fake.url }), createI18n(), ENGLISH_COMMANDS);
      const id = fake.commands() as { command: string; description: string }[];
      const en = fake.commands(undefined, 'en') as { command: string; description: string }[];
      expect(id.map((c) => c.command)).toEqual(['start', 'menu', 'cari', 'keranjang', 'riwayat', 'batal', 'bahasa', 'bantuan', 'hapusdata']);
      expect(en.map((c) => c.command)).toEqual(['start', 'menu', 'search', 'cart', 'orders', 'cancel', 'language', 'help', 'deletedata']);
      expect(en.find((c) => c.command === 'cancel')?.description).toBe('Cancel this step');
      expect(id.find((c) => c.command === 'batal')?.description).toBe('Batalkan langkah ini');
    } finally {
      await fake.close();
    }
  });
});
