import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { OutboundMessage } from '../../../src/i18n/message.js';
import { textToInput } from '../../../src/channels/commands.js';
import { addToCart, createDriver, createTestApp, DEMO, type Driver, jpeg, newRecipient, png, type TestApp } from '../../support/engine-driver.js';

let t: TestApp;
let errorTexts: string[];
/** message ids with a dash (`category-kuliner`): one of them inside a text is a key shown raw */
let keyIds: Set<string>;
beforeAll(async () => {
  t = await createTestApp({ name: 'engine-prop' });
  errorTexts = [t.app.i18n.t('id', 'engine-error'), t.app.i18n.t('en', 'engine-error')];
  keyIds = new Set(t.app.i18n.keys('id').filter((k) => k.includes('-')));
});

/** What a person should never read: a message key, an unfilled argument, a JS value's name. */
function unlocalised(s: string): string | undefined {
  if (/\{\s*\$|\bundefined\b|\bNaN\b|\[object Object\]/.test(s)) return s;
  return s.match(/[a-z]+(?:-[a-z0-9]+)+/g)?.find((w) => keyIds.has(w) || /-(undefined|null)$/.test(w));
}
afterAll(async () => {
  await t.close();
});

/**
 * One thing a user can do. `offered` picks the n-th button of the last answer (modulo);
 * `forward` does the same among buttons that do not lead back or to the menu.
 */
type Action =
  | { kind: 'text'; text: string }
  | { kind: 'offered'; n: number }
  | { kind: 'forward'; n: number }
  | { kind: 'forged'; id: string }
  | { kind: 'photo'; seed: number; image: boolean }
  | { kind: 'contact'; phone: string; own: boolean }
  | { kind: 'command'; line: string };

const someText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: -200, max: 200 }).map(String),
  fc.double({ noNaN: true, min: -100, max: 100 }).map(String),
  fc.constantFrom(
    'rendang',
    'rendag',
    'keripik',
    'Siti Aminah',
    '0812 3456 7890',
    'Jl. Melati No. 5, RT 02/RW 03',
    'https://www.instagram.com/p/abc123/',
    'https://example.com/x',
    '😀',
    '5️⃣',
    '1.5',
    '-1',
    '99',
    'batal',
    'menu',
    'help',
    ' ',
    '\u0000\u0007',
    'x'.repeat(2500),
  ),
);
const knownIds = [
  'm:browse',
  'm:search',
  'm:cart',
  'm:orders',
  'm:recipients',
  'm:admin',
  'm:owner-orders',
  'm:owner-products',
  'cat:kuliner',
  'cat:x',
  'kec:99',
  'kec:-1',
  'p:UMKM-001-01',
  'p:nope',
  'buy',
  'q:0',
  'q:1000',
  'q:-3',
  'co:confirm',
  'sw:new',
  'ed:remove',
  'rc:new',
  'rc:zzz',
  'rk:42',
  'rl:1e3',
  'rn:skip',
  'rr:keep',
  'post:skip',
  'post:skip:ORD-1',
  'post:link:',
  'mo:ORD-1',
  'lang:en',
  'lang:xx',
  'reg:yes',
  'reg:no',
  'reg:again',
  'rx:recipient',
  'rx:cancel',
  'rx:cancel-yes',
  'rx:cancel-no',
  'nav:menu',
  'nav:back',
  'pg:next',
  'sort:price',
  'rcp:yes',
  'rj:yes',
  'rj:sold-out',
  'dv:yes',
  'uo:dlv:ORD-1',
  'uo:see:ORD-20261122-00001',
  'pe:photo',
];
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: someText.map((text) => ({ kind: 'text' as const, text })), weight: 3 },
  { arbitrary: fc.nat(200).map((n) => ({ kind: 'offered' as const, n })), weight: 3 },
  { arbitrary: fc.nat(200).map((n) => ({ kind: 'forward' as const, n })), weight: 4 },
  {
    arbitrary: fc
      .oneof(fc.constantFrom(...knownIds), fc.string({ maxLength: 64 }), fc.string({ unit: 'grapheme', maxLength: 64 }))
      .map((id) => ({ kind: 'forged' as const, id })),
    weight: 2,
  },
  { arbitrary: fc.record({ seed: fc.nat(1_000_000), image: fc.boolean() }).map((p) => ({ kind: 'photo' as const, ...p })), weight: 1 },
  {
    arbitrary: fc
      .record({
        phone: fc.oneof(fc.constantFrom(DEMO.asn.phone, DEMO.asn2.phone, DEMO.owner.phone, '0812-9999-0000'), fc.string({ maxLength: 20 })),
        own: fc.boolean(),
      })
      .map((c) => ({ kind: 'contact' as const, ...c })),
    weight: 1,
  },
  {
    arbitrary: fc
      .constantFrom(
        '/menu',
        '/batal',
        '/start',
        '/bahasa',
        '/cari',
        '/keranjang',
        '/riwayat',
        '/hapusdata',
        '/bantuan',
        '/ping',
        '/tidakada',
        '/start@UmkmBot xyz',
        '/pesanan',
        '/produk',
        '/umkm',
        '/terima',
        '/tolak ORD-1',
        '/lunas ORD-20261122-00001',
        '/antar x',
        '/ulang',
        '/admin',
        '/siaran',
        '/siaranjadwal',
        '/statistik',
        '/rekap',
        '/rekap kemarin',
        '/rekap 31-02-2026',
        '/gagal',
        '/impor',
        '/hentikan',
        '/berhenti',
        '/mulai',
      )
      .map((line) => ({ kind: 'command' as const, line })),
    weight: 2,
  },
);

async function perform(d: Driver, a: Action): Promise<OutboundMessage[]> {
  switch (a.kind) {
    case 'text':
      return d.send(textToInput(a.text));
    case 'offered':
    case 'forward': {
      const ids = a.kind === 'offered' ? d.ids : d.ids.filter((id) => !/^(nav:|m:help|co:clear|rr:other|rcp:)/.test(id));
      return ids.length ? d.choose(ids[a.n % ids.length]!) : d.say(String(a.n));
    }
    case 'forged':
      return d.choose(a.id);
    case 'photo':
      return d.sendPhoto(a.image ? (a.seed % 2 ? await jpeg(a.seed) : await png(a.seed)) : randomBytes(64 + (a.seed % 500)));
    case 'contact':
      return d.sendContact(a.phone, a.own);
    case 'command':
      return d.send(textToInput(a.line));
  }
}

function checkAnswer(messages: OutboundMessage[], a: Action): void {
  const where = JSON.stringify(a).slice(0, 200);
  if (messages.length < 1) throw new Error(`no answer to ${where}`);
  for (const m of messages) {
    if (!m.text.trim()) throw new Error(`empty text after ${where}`);
    if (errorTexts.includes(m.text)) throw new Error(`engine error after ${where}`);
    // a missing locale key shows the key itself; a missing argument shows {$name}
    // (what the person typed may be quoted back, as a search does: that part is theirs)
    const typed = a.kind === 'text' ? a.text.trim() : '';
    const raw = unlocalised(typed ? m.text.split(typed).join(' ') : m.text);
    if (raw) throw new Error(`unlocalised text "${raw}" in "${m.text.slice(0, 200)}" after ${where}`);
    for (const c of m.choices ?? []) {
      if (unlocalised(c.label)) throw new Error(`unlocalised label "${c.label}" after ${where}`);
      if (Buffer.byteLength(c.id, 'utf8') > 64) throw new Error(`button id over 64 bytes: ${c.id}`);
      if (!c.id) throw new Error(`empty button id after ${where}`);
      if (!c.label.trim()) throw new Error(`empty label for ${c.id} after ${where}`);
    }
  }
}

/** Where a run starts, so the later flows (recipient, receipt, post) get random input too. */
const STARTS = ['menu', 'cart', 'recipient', 'receipt', 'post', 'owner', 'admin'] as const;
let run = 0;
async function startAt(d: Driver, start: (typeof STARTS)[number]): Promise<void> {
  if (start === 'owner' || start === 'admin') return void (await d.register(start === 'owner' ? DEMO.owner.phone : DEMO.admin.phone));
  await d.register(DEMO.asn.phone);
  if (start === 'menu') return;
  await addToCart(d, 'Rendang Paru', 1);
  if (start === 'cart') return;
  await d.press('co:confirm');
  if (start === 'recipient') return;
  await newRecipient(d, { phone: `0812 6000 ${1000 + run}`, address: `Jl. Acak No. ${run}, RT 01/RW 01` });
  if (start === 'receipt') return;
  await d.sendPhoto(await jpeg(900_000 + run));
}

test('a registered ASN, UMKM owner or admin doing anything in any order always gets a sensible answer and valid buttons', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...STARTS), fc.array(action, { minLength: 30, maxLength: 30 }), async (start, actions) => {
      const d = createDriver(t.app, { chatId: `prop-${++run}` });
      await startAt(d, start);
      for (const a of actions) checkAnswer(await perform(d, a), a);
    }),
    { numRuns: Number(process.env.PROP_RUNS ?? 50) },
  );
}, 240_000);
