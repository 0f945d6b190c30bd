import type { Api } from 'grammy';
import type { I18n } from '../../i18n/index.js';

/** The commands every user sees in Telegram's menu button (role commands stay out of it). */
export const PUBLIC_COMMANDS = ['start', 'menu', 'cari', 'keranjang', 'riwayat', 'batal', 'bahasa', 'bantuan', 'hapusdata'] as const;

/**
 * Sets the command menu in Indonesian (default) and English; the English menu shows a command's
 * English name where `englishNames` (English name -> Indonesian name) has one, as the English
 * help does. Failures are the caller's to log.
 */
export async function registerCommandMenu(api: Api, i18n: I18n, englishNames: Readonly<Record<string, string>> = {}): Promise<void> {
  const toEnglish = new Map(Object.entries(englishNames).map(([en, id]) => [id, en]));
  for (const locale of ['id', 'en'] as const) {
    const commands = PUBLIC_COMMANDS.map((name) => ({
      command: locale === 'en' ? (toEnglish.get(name) ?? name) : name,
      description: i18n.t(locale, `cmd-${name}`),
    }));
    await api.setMyCommands(commands, locale === 'id' ? {} : { language_code: 'en' });
  }
}
