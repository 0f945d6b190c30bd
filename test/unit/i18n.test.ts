import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createI18n } from '../../src/i18n/index.js';

const i18n = createI18n();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Every .ts file under a directory. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

/** Message ids written literally in the code: text('…'), invalid('…'), t('…'), choice(id, '…'), { key: '…' }. */
function literalKeys(): Map<string, string> {
  const found = new Map<string, string>();
  const patterns = [
    /\btext\(\s*'([a-z][a-z0-9-]*-[a-z0-9-]+)'/g,
    /\binvalid\(\s*'([a-z][a-z0-9-]*-[a-z0-9-]+)'/g,
    /\bt\(\s*'([a-z][a-z0-9-]*-[a-z0-9-]+)'/g,
    /\bchoice\([^,()]+,\s*'([a-z][a-z0-9-]*-[a-z0-9-]+)'/g,
    /\bkey: '([a-z][a-z0-9-]*-[a-z0-9-]+)'/g,
  ];
  for (const file of [...sources(path.join(ROOT, 'flows')), ...sources(path.join(ROOT, 'src'))]) {
    const code = readFileSync(file, 'utf8');
    for (const re of patterns) for (const m of code.matchAll(re)) found.set(m[1]!, path.relative(ROOT, file));
  }
  return found;
}

test('Indonesian and English have the same messages', () => {
  const id = new Set(i18n.keys('id'));
  const en = new Set(i18n.keys('en'));
  expect([...id].filter((k) => !en.has(k))).toEqual([]);
  expect([...en].filter((k) => !id.has(k))).toEqual([]);
  expect(id.size).toBeGreaterThan(300);
});

test('every message id written in the code exists (a typo would show the raw id to a person)', () => {
  const keys = literalKeys();
  expect(keys.size).toBeGreaterThan(200);
  const missing = [...keys].filter(([k]) => !i18n.has('id', k)).map(([k, file]) => `${k} (${file})`);
  expect(missing).toEqual([]);
});

describe('English counts in the daily recap', () => {
  test('"1 purchase", "2 purchases"; Indonesian has one form', () => {
    expect(i18n.t('en', 'recap-opd-line', { opd: 'Dinkes', purchases: 1, asn: 1, total: 'Rp 5.000' })).toBe('• Dinkes: 1 purchase, 1 civil servant, Rp 5,000');
    expect(i18n.t('en', 'recap-kecamatan-line', { kecamatan: 'Beji', purchases: 2, total: 'Rp 9.000' })).toBe('• Beji: 2 purchases, Rp 9,000');
    expect(i18n.t('id', 'recap-opd-line', { opd: 'Dinkes', purchases: 1, asn: 1, total: 'Rp 5.000' })).toBe('• Dinkes: 1 pembelian, 1 ASN, Rp 5.000');
  });
});

describe('amounts and counts in English sentences read the English way', () => {
  test('"Rp 1.250.000" becomes "Rp 1,250,000", also inside a line passed whole; counts are grouped by Fluent', () => {
    expect(i18n.t('en', 'cart-confirmed', { id: 'ORD-1', total: 'Rp 1.250.000' })).toBe('✅ Order ORD-1 created. Total Rp 1,250,000.');
    expect(i18n.t('en', 'ui-literal', { text: 'Rendang Paru · Rp 48.000' })).toBe('Rendang Paru · Rp 48,000');
    expect(i18n.t('en', 'recap-kecamatan-line', { kecamatan: 'Beji', purchases: 1200, total: 'Rp 9.000' })).toBe('• Beji: 1,200 purchases, Rp 9,000');
    // Indonesian keeps its own way
    expect(i18n.t('id', 'cart-confirmed', { id: 'ORD-1', total: 'Rp 1.250.000' })).toBe('✅ Pesanan ORD-1 dibuat. Total Rp 1.250.000.');
    expect(i18n.t('id', 'recap-kecamatan-line', { kecamatan: 'Beji', purchases: 1200, total: 'Rp 9.000' })).toContain('1.200 pembelian');
  });
});
