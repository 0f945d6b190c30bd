import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_CHOICE_BYTES } from '../../../src/domain/order-choices.js';
import { definedChoicePrefixes, indexChoices, keyChoices, wordChoices } from '../../../flows/choice-ids.js';
import { FLOWS, GLOBAL_CHOICES } from '../../../flows/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The files that build button ids: every flow, and the few places in src/ that put buttons on messages. */
const ID_FILES = [
  ...readdirSync(join(ROOT, 'flows'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `flows/${f}`),
  'src/domain/order-choices.ts', // owner order buttons (uo:), the ASN's retry (ar:)
  'src/queue/reminder-processor.ts', // skip posting / send the link (post:)
  'src/broadcast/progress.ts', // stop a broadcast (bcx:)
];

/**
 * Prefixes that several files use with ONE meaning. Any other prefix belongs to one file: a
 * second file using it would read the same id in another way.
 */
const SHARED: Record<string, string> = {
  'nav:': 'back and main menu, built by flows/ui.ts',
  'm:': 'entries of the main menu, also offered on empty lists',
  'adm:': 'the admin menu and "back to the admin menu"',
  'bc:': 'the broadcast draft, one flow written in two files',
  'bcx:': 'stop a broadcast: built by the progress message, handled by the broadcast flow and /hentikan',
  'rc:': "the recipient step's choices; order-retry.ts offers the rejected order's recipient there",
  'post:': 'skip posting / send the link: built by the reminder, handled by the social-post flow',
  'ov:': 'an order no owner accepted in time: the reminder buttons (src/domain/order-choices.ts) and the order-overdue flow',
  'reg:': 'the registration, one flow written in two files (register.ts, register-invite.ts)',
};

/** Source text without comments (examples in comments are no ids). */
const code = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');

/** The prefix of every string that starts like a button id (`'xx:`, `` `xx: ``), per file. */
function prefixesByFile(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const file of ID_FILES) {
    for (const m of code(file).matchAll(/['`]([a-z]+):/g)) {
      const prefix = `${m[1]}:`;
      if (['node:', 'http:', 'https:'].includes(prefix)) continue;
      if (!found.has(prefix)) found.set(prefix, new Set());
      found.get(prefix)!.add(file);
    }
  }
  return found;
}

/**
 * Flow files that still write fixed-word button ids as string literals (`'rx:cancel'`), each with
 * why. Every other flow builds them with its typed pack (`CHECKOUT.pack('confirm')`), so a typo is
 * a compile error. An entry whose file has no such literal left fails the test below.
 */
const WORD_LITERALS_LEFT: Record<string, string> = {
  'flows/admin-umkm.ts': 'not converted yet (worked on elsewhere)',
  'flows/binaan.ts': 'not converted yet (worked on elsewhere)',
  'flows/receipt.ts': 'not converted yet (worked on elsewhere)',
  'flows/recipient.ts': 'not converted yet (worked on elsewhere)',
  'flows/social-post.ts': 'post:skip is a global button (GLOBAL_CHOICES), read by its prefix',
  'flows/order-overdue.ts': 'ov:yes/ov:no share the prefix of the global overdue buttons (OVERDUE_CHOICE_PREFIX), which no flow pack may define',
  'flows/order-retry.ts': "rc:retry is a key of the recipient step's pack (flows/recipient.ts), offered from here",
};

/** Fixed-word button ids written as string literals in a file: `'co:confirm'`, `` `opd:next` ``. */
const wordLiterals = (file: string) =>
  [...code(file).matchAll(/(['`])([a-z]+:[a-z][a-z0-9-]*(?::[a-z0-9-]+)?)\1/g)].map((m) => m[2]!).filter((id) => !id.startsWith('node:'));

describe('button ids: one meaning per prefix, within Telegram limits', () => {
  it('fixed-word ids are built with their typed pack, not written as literals', () => {
    const flows = ID_FILES.filter((f) => f.startsWith('flows/') && f !== 'flows/choice-ids.ts');
    const found = flows.map((f) => [f, wordLiterals(f)] as const).filter(([, ids]) => ids.length);
    expect(found.filter(([f]) => !(f in WORD_LITERALS_LEFT)).map(([f, ids]) => `${f}: ${ids.join(', ')}`)).toEqual([]);
    const stale = Object.keys(WORD_LITERALS_LEFT).filter((f) => !found.some(([g]) => g === f));
    expect(stale).toEqual([]);
    // the scan sees a literal where there is one
    expect(wordLiterals('flows/order-overdue.ts')).toContain('ov:yes');
  });

  it('no prefix is used by two files unless it is one of the shared ones (one meaning)', () => {
    const clashes = [...prefixesByFile()]
      .filter(([prefix, files]) => files.size > 1 && !(prefix in SHARED))
      .map(([prefix, files]) => `${prefix} ${[...files].join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('finds the prefixes it should (the scan itself works)', () => {
    const found = prefixesByFile();
    expect(found.get('rp:')).toEqual(new Set(['flows/receipt.ts']));
    expect(found.get('rr:')).toEqual(new Set(['flows/recipient.ts']));
    expect(found.get('pp:')).toEqual(new Set(['flows/umkm-products.ts']));
    expect(found.get('sp:')).toEqual(new Set(['flows/social-post.ts']));
    expect(found.get('kec:')).toEqual(new Set(['flows/choice-ids.ts']));
    expect(found.get('uo:')).toEqual(new Set(['src/domain/order-choices.ts']));
  });

  it('every typed pack has its own prefix, and the flows loaded without a clash', () => {
    expect(FLOWS.length).toBeGreaterThan(10);
    const defined = definedChoicePrefixes();
    for (const p of [
      'p:',
      'kec:',
      'cat:',
      'pg:',
      'rc:',
      'rr:',
      'rp:',
      'sp:',
      'pp:',
      'q:',
      'ed:',
      'mo:',
      'ua:',
      'rj:',
      'opd:',
      'bcl:x:',
      'gf:r:',
      'imp:',
      'lang:',
      'sw:',
      'co:',
      'cl:',
      'nav:',
      'm:',
      'adm:',
      'bc:',
      'bca:',
      'bcl:',
      'reg:',
      'ko:',
      'rcp:',
      'st:',
      'gf:',
      'dv:',
      'uw:',
      'pc:',
      'pu:',
      'pr:',
      'pa:',
      'pe:',
    ]) {
      expect([p, defined.has(p)]).toEqual([p, true]);
    }
    expect(() => wordChoices('rp:', 'another meaning', ['x'])).toThrow(/taken: the order a receipt photo is for/);
  });

  it('global buttons (pressed from anywhere) do not use a prefix a flow defines for itself', () => {
    const defined = definedChoicePrefixes();
    for (const g of GLOBAL_CHOICES) {
      const top = /^[a-z]+:/.exec(g.prefix)![0];
      expect([g.prefix, defined.has(top)]).toEqual([g.prefix, false]);
    }
  });

  it('packs and parses: ids round-trip, foreign and malformed ids read as null', () => {
    const words = wordChoices('tw:', 'test words', ['yes', 'no']);
    expect(words.parse(words.pack('yes'))).toBe('yes');
    expect(words.parse('tw:maybe')).toBeNull();
    expect(words.parse('other:yes')).toBeNull();
    const keys = keyChoices('tk:', 'test keys', 10);
    expect(keys.parse(keys.pack('ORD-1'))).toBe('ORD-1');
    expect(keys.parse('tk:')).toBeNull();
    expect(keys.parse(`tk:${'x'.repeat(11)}`)).toBeNull();
    const index = indexChoices('ti:', 'test positions');
    expect(index.parse(index.pack(1), ['a', 'b'])).toBe('b');
    for (const bad of ['ti:2', 'ti:-1', 'ti:1e0', 'ti:', 'ti: 1']) expect(index.parse(bad, ['a', 'b'])).toBeNull();
    const paged = indexChoices('tp:', 'test positions and words', ['next']);
    expect(paged.word(paged.packWord('next'))).toBe('next');
    expect(paged.word('tp:1')).toBeNull();
    expect(paged.index('tp:next')).toBeNull();
  });

  it(`refuses a key pack whose ids could exceed ${MAX_CHOICE_BYTES} bytes (Telegram callback data)`, () => {
    expect(() => keyChoices('tl:', 'too long', MAX_CHOICE_BYTES)).toThrow(/exceeds 64 bytes/);
    expect(() => keyChoices('tl:', 'fits', MAX_CHOICE_BYTES - 3)).not.toThrow();
  });
});
