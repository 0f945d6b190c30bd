import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { Msg } from './message.js';
import { PROJECT_ROOT } from '../paths.js';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

const defaultDir = path.join(PROJECT_ROOT, 'locales');

/**
 * Amounts come formatted the Indonesian way ("Rp 25.000", src/domain/money.ts); in an English
 * sentence they read the English way ("Rp 25,000"), also inside a line or label passed whole.
 * Counts are passed as numbers, which Fluent formats per language itself.
 */
function englishAmounts(args: NonNullable<Msg['args']>): NonNullable<Msg['args']> {
  const out: NonNullable<Msg['args']> = {};
  for (const [k, v] of Object.entries(args)) {
    out[k] = typeof v === 'string' ? v.replace(/Rp (\d{1,3}(?:\.\d{3})+)(?!\d)/g, (_, n: string) => `Rp ${n.replace(/\./g, ',')}`) : v;
  }
  return out;
}

/** Fluent bundles for every locale in `locales/`; `t` falls back to Indonesian, then to the key. */
export function createI18n(dir = defaultDir) {
  const bundles = new Map<Locale, FluentBundle>();
  /** the message ids of each locale, read from the parsed resource (terms, `-name`, are no messages) */
  const ids = new Map<Locale, string[]>();
  for (const locale of LOCALES) {
    const bundle = new FluentBundle(locale, { useIsolating: false });
    const resource = new FluentResource(readFileSync(path.join(dir, `${locale}.ftl`), 'utf8'));
    const errors = bundle.addResource(resource);
    if (errors.length) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join('; ')}`);
    bundles.set(locale, bundle);
    ids.set(locale, [...new Set(resource.body.map((e) => e.id).filter((id) => !id.startsWith('-')))]);
  }

  function format(locale: Locale, key: string, args?: Msg['args']): string | null {
    const bundle = bundles.get(locale)!;
    const m = bundle.getMessage(key);
    if (!m?.value) return null;
    return bundle.formatPattern(m.value, locale === 'en' && args ? englishAmounts(args) : (args ?? {}));
  }

  return {
    /** Localised text of a message id. */
    t(locale: Locale, key: string, args?: Msg['args']): string {
      return format(locale, key, args) ?? format('id', key, args) ?? key;
    },
    /** Localised text of a Msg. */
    msg(locale: Locale, m: Msg): string {
      return this.t(locale, m.key, m.args);
    },
    has(locale: Locale, key: string): boolean {
      return Boolean(bundles.get(locale)?.getMessage(key)?.value);
    },
    keys(locale: Locale): string[] {
      return [...ids.get(locale)!];
    },
  };
}
export type I18n = ReturnType<typeof createI18n>;
