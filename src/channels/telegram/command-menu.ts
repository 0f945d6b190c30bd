import type { Api } from 'grammy';
import type { I18n } from '../../i18n/index.js';

/** The commands every user sees in Telegram's menu button (role commands stay out of it). */
export const PUBLIC_COMMANDS = ['start', 'menu', 'cari', 'keranjang', 'riwayat', 'batal', 'bahasa', 'bantuan', 'hapusdata'] as const;

/** Sets the command menu in Indonesian (default) and English. Failures are the caller's to log. */
export async function registerCommandMenu(api: Api, i18n: I18n): Promise<void> {
  for (const locale of ['id', 'en'] as const) {
    const commands = PUBLIC_COMMANDS.map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) }));
    await api.setMyCommands(commands, locale === 'id' ? {} : { language_code: 'en' });
  }
}
