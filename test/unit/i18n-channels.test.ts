import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelArgs } from '../../src/i18n/render.js';
import { createI18n, LOCALES } from '../../src/i18n/index.js';

const i18n = createI18n();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A value for every variable any message uses (selectors then take their default variant). */
const anyArgs = (locale: string): Record<string, string> =>
  Object.fromEntries(
    [...readFileSync(path.join(ROOT, 'locales', `${locale}.ftl`), 'utf8').matchAll(/\$([a-zA-Z][\w-]*)/g)]
      .filter((m) => m[1] !== 'channel' && m[1] !== 'choices')
      .map((m) => [m[1]!, 'x']),
  );

/** Words that only make sense where there are buttons to press and Telegram's 📎 icon. */
const BUTTON_WORDS = {
  id: /\b(tombol|tekan|menekan|ketuk|klik|sentuh)\b|📎/i,
  en: /\b(buttons?|tap|taps|tapping|press|pressing|click)\b|📎/i,
} as const;

test.each(LOCALES.flatMap((locale) => (['whatsapp', 'console'] as const).map((channel) => [locale, channel] as const)))(
  'every message in %s on %s speaks of typing numbers and sending photos, never of buttons or 📎',
  (locale, channel) => {
    const keys = i18n.keys(locale);
    const args = anyArgs(locale);
    expect(keys.length).toBeGreaterThan(300);
    const offending = keys
      .flatMap((key) => [0, 1, 12].map((choices) => [key, i18n.t(locale, key, channelArgs(channel, choices, args))] as const))
      .filter(([, text]) => BUTTON_WORDS[locale].test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect([...new Set(offending)]).toEqual([]);
  },
);

test('Telegram keeps its button words; a refused choice names the valid range on numbered channels', () => {
  expect(i18n.t('id', 'receipt-need-photo', channelArgs('telegram'))).toMatch(/📎/);
  expect(i18n.t('id', 'receipt-need-photo', channelArgs('whatsapp'))).toMatch(/kirim foto/);
  expect(i18n.t('id', 'ui-choose-button', channelArgs('whatsapp', 12))).toBe('Ketik angka 1–12 atau nama pilihannya.');
  expect(i18n.t('en', 'ui-choose-button', channelArgs('console', 3))).toBe('Type a number from 1 to 3 or the name of the option.');
  expect(i18n.t('id', 'ui-choose-button', channelArgs('telegram', 3))).toMatch(/tombol/);
});
