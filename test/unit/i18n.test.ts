import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import type { Attempt, OwnerMove } from '../../flows/umkm-order-actions.js';
import { PUBLIC_COMMANDS } from '../../src/channels/telegram/command-menu.js';
import { REJECT_REASONS } from '../../src/domain/order-text.js';
import { PAYMENT_METHODS } from '../../src/domain/payment.js';
import type { ScheduleParse } from '../../src/domain/schedule-time.js';
import { CATEGORIES, ORDER_STATUSES } from '../../src/domain/schemas.js';
import { createI18n, LOCALES } from '../../src/i18n/index.js';
import type { DemoPersona } from '../../src/import/demo.js';
import { NOT_COLUMNS } from '../../src/import/error-text.js';
import { IMPORT_KINDS } from '../../src/import/runner.js';
import type { QrisImageRefusal } from '../../src/media/qris-image.js';
import type { InvitationCheck } from '../../src/store/invitations-repo.js';
import { NAMED_FIELDS } from '../../flows/recipient-form.js';

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

/**
 * Every member of the union U, checked when the tests compile: a list that misses a member (a new
 * refusal reason, a new category) does not compile, so its message cannot be forgotten.
 */
const every =
  <U extends string>() =>
  <const A extends readonly U[]>(list: A & ([Exclude<U, A[number]>] extends [never] ? unknown : never)): readonly string[] =>
    list;

type Failure<R> = Extract<R, { ok: false }> extends { reason: infer W } ? W & string : never;

/**
 * Message ids built at run time (`` `category-${c}` ``): each template as the code writes it (every
 * `${…}` read as `${}`), with the values it is filled with. The scan below finds every such
 * template in src/ and flows/, so a new one without its entry here fails.
 */
const DYNAMIC_KEYS: Record<string, readonly string[]> = {
  'category-${}': CATEGORIES,
  'order-status-${}': ORDER_STATUSES,
  'uo-reason-${}': REJECT_REASONS,
  'pay-method-${}': PAYMENT_METHODS,
  'pay-method-name-${}': PAYMENT_METHODS,
  'admin-import-kind-${}': IMPORT_KINDS,
  'admin-import-kind-name-${}': IMPORT_KINDS,
  'cmd-${}': PUBLIC_COMMANDS,
  'imp-err-at-${}': NOT_COLUMNS,
  'console-persona-${}': every<DemoPersona['kind']>()(['asn', 'owner', 'admin', 'mayor']),
  'invite-${}': every<Failure<InvitationCheck>>()(['unknown', 'expired', 'used']),
  'admin-bc-time-${}': every<Failure<ScheduleParse>>()(['format', 'past', 'too-soon', 'too-far']),
  'pay-qris-bad-${}': every<QrisImageRefusal>()(['not-image', 'no-qr', 'not-emv', 'bad-tlv', 'no-crc', 'bad-crc', 'no-merchant']),
  'uo-refused-${}': every<Attempt>()(['accept', 'reject', 'deliver', 'payment']),
  'recipient-form-field-${}': NAMED_FIELDS,
  'uo-done-${}': every<OwnerMove>()(['accepted', 'delivered', 'rejected']),
  // flows/umkm-order-actions.ts: the owner's "done" answer when the ASN's chat is gone
  '${}-unlinked': [...every<OwnerMove>()(['accepted', 'delivered', 'rejected']).map((m) => `uo-done-${m}`), 'uo-done-delivered-unpaid'],
};

/** Templates that look like message ids but are not: names in logs and chat ids. */
const NOT_MESSAGES: Record<string, string> = {
  'broadcast-${}': 'a queue name in the logs (src/broadcast/delivery.ts)',
  'persona-${}': "a demo persona's terminal chat id (src/import/demo.ts)",
};

/** Every template literal in src/ and flows/ shaped like a message id with a `${…}` in it, with its files. */
let scanned: Map<string, Set<string>> | undefined;
function dynamicTemplates(): Map<string, Set<string>> {
  if (scanned) return scanned;
  const found = new Map<string, Set<string>>();
  for (const file of [...sources(path.join(ROOT, 'flows')), ...sources(path.join(ROOT, 'src'))]) {
    const visit = (node: ts.Node): void => {
      if (ts.isTemplateExpression(node)) {
        // the template as written, every `${…}` read as `${}` (nested templates are visited on their own)
        const template = node.head.text + node.templateSpans.map((span) => '${}' + span.literal.text).join('');
        // kebab words and `${}` joined by dashes, starting with a word (or `${}-word`): no dates, file names or sentences
        if (/^(?:[a-z][a-z0-9]*|\$\{\}(?=-[a-z]))(?:-[a-z][a-z0-9]*|-\$\{\})+$/.test(template)) {
          if (!found.has(template)) found.set(template, new Set());
          found.get(template)!.add(path.relative(ROOT, file));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  }
  scanned = found;
  return found;
}

describe('message ids built at run time', () => {
  it('the scan finds the templates it should', () => {
    const found = dynamicTemplates();
    expect(found.get('category-${}')).toEqual(expect.any(Set));
    expect([...found.get('order-status-${}')!]).toContain('src/domain/order-text.ts');
    expect(found.has('${}-unlinked')).toBe(true);
    expect(found.has('${}-${}-01')).toBe(false); // a date, not a message
  });

  it('every template in the code has its values listed here', () => {
    const unlisted = [...dynamicTemplates()]
      .filter(([t]) => !(t in DYNAMIC_KEYS) && !(t in NOT_MESSAGES))
      .map(([t, files]) => `${t} (${[...files].join(', ')})`);
    expect(unlisted).toEqual([]);
  });

  it('every listed template is still in the code (the list does not outlive it)', () => {
    const found = dynamicTemplates();
    expect([...Object.keys(DYNAMIC_KEYS), ...Object.keys(NOT_MESSAGES)].filter((t) => !found.has(t))).toEqual([]);
  });

  it('every id the templates can build exists in Indonesian and in English', () => {
    const built = Object.entries(DYNAMIC_KEYS).flatMap(([t, values]) => values.map((v) => t.replace('${}', v)));
    expect(built.length).toBeGreaterThan(50);
    const missing = LOCALES.flatMap((locale) => built.filter((k) => !i18n.has(locale, k)).map((k) => `${locale}: ${k}`));
    expect(missing).toEqual([]);
  });
});
