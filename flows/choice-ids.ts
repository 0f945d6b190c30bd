import { MAX_CHOICE_BYTES } from '../src/domain/order-choices.js';
import { CATEGORIES, type Category } from '../src/domain/schemas.js';
import { KECAMATAN } from '../src/domain/wilayah.js';

/**
 * Button ids as typed values: `prefix` + a value, built with `pack` and read back with `parse`
 * (null: the id is not of this kind), instead of slicing strings in the steps. Every prefix is
 * defined once, with its meaning: defining it twice throws when the flows load, so no two flows
 * read one prefix in different ways (test/unit/flows/choice-ids.test.ts checks the rest).
 * Telegram takes at most MAX_CHOICE_BYTES of callback data.
 */
export interface ChoiceIds<V, P = V> {
  readonly prefix: string;
  readonly meaning: string;
  pack(value: P): string;
  parse(id: string): V | null;
}

const DEFINED = new Map<string, string>();

/** Every prefix defined so far, with its meaning. */
export const definedChoicePrefixes = (): ReadonlyMap<string, string> => DEFINED;

function define(prefix: string, meaning: string): void {
  if (!/^[a-z]+:(?:[a-z]+:)?$/.test(prefix)) throw new Error(`button prefix "${prefix}" must be lower-case letters and a colon (twice at most)`);
  const taken = DEFINED.get(prefix);
  if (taken !== undefined) throw new Error(`button prefix "${prefix}" (${meaning}) is taken: ${taken}`);
  DEFINED.set(prefix, meaning);
}

/** A fixed set of words: `rr:keep`. */
export function wordChoices<const W extends string>(prefix: string, meaning: string, words: readonly W[]): ChoiceIds<W> {
  define(prefix, meaning);
  return {
    prefix,
    meaning,
    pack: (w) => `${prefix}${w}`,
    parse: (id) => {
      if (!id.startsWith(prefix)) return null;
      const w = id.slice(prefix.length);
      return (words as readonly string[]).includes(w) ? (w as W) : null;
    },
  };
}

/** A key of at most `maxKey` bytes (a SKU, an order id): `p:UMKM-001-01`. */
export function keyChoices(prefix: string, meaning: string, maxKey: number): ChoiceIds<string> & { maxKey: number } {
  if (prefix.length + maxKey > MAX_CHOICE_BYTES) throw new Error(`button prefix "${prefix}" with ${maxKey}-byte keys exceeds ${MAX_CHOICE_BYTES} bytes`);
  define(prefix, meaning);
  return {
    prefix,
    meaning,
    maxKey,
    pack: (key) => `${prefix}${key}`,
    parse: (id) => {
      if (!id.startsWith(prefix)) return null;
      const key = id.slice(prefix.length);
      return key && Buffer.byteLength(key) <= maxKey ? key : null;
    },
  };
}

/**
 * A position in a list that the step shows (kecamatan, kelurahan): `rk:3`; `parse` needs the list.
 * `words` are buttons beside the positions under the same prefix (`opd:next`).
 */
export interface IndexChoices<W extends string = never> {
  readonly prefix: string;
  readonly meaning: string;
  pack(index: number): string;
  parse<T>(id: string, list: readonly T[]): T | null;
  /** the position itself (a list read later, as pages of OPD) */
  index(id: string): number | null;
  packWord(word: W): string;
  word(id: string): W | null;
}
export function indexChoices<const W extends string = never>(prefix: string, meaning: string, words: readonly W[] = []): IndexChoices<W> {
  define(prefix, meaning);
  const index = (id: string): number | null => {
    if (!id.startsWith(prefix)) return null;
    const digits = id.slice(prefix.length);
    return /^\d{1,4}$/.test(digits) ? Number(digits) : null;
  };
  return {
    prefix,
    meaning,
    pack: (i) => `${prefix}${i}`,
    index,
    packWord: (w) => `${prefix}${w}`,
    word: (id) => {
      const w = id.startsWith(prefix) ? id.slice(prefix.length) : null;
      return w !== null && (words as readonly string[]).includes(w) ? (w as W) : null;
    },
    parse<T>(id: string, list: readonly T[]): T | null {
      const i = index(id);
      return i === null ? null : (list[i] ?? null);
    },
  };
}

/** A kecamatan of Depok, by its position (browse, broadcast audience). */
const kecamatanIndex = indexChoices('kec:', 'a kecamatan of Depok, by its position in KECAMATAN (kec:all: every one)', ['all']);
export const KECAMATAN_CHOICE: ChoiceIds<string, number> = {
  prefix: kecamatanIndex.prefix,
  meaning: kecamatanIndex.meaning,
  pack: kecamatanIndex.pack,
  parse: (id) => kecamatanIndex.parse(id, KECAMATAN),
};
/** Every kecamatan at once (browse): no position, so KECAMATAN_CHOICE never reads it as one. */
export const ALL_KECAMATAN = kecamatanIndex.packWord('all');

/** A product category (browse, broadcast audience). */
export const CATEGORY_CHOICE: ChoiceIds<Category> = wordChoices('cat:', 'a product category', CATEGORIES);

/** The next or previous page of a list (browse, the owner's products). */
export const PAGE_CHOICE = wordChoices('pg:', 'the next or previous page of a list', ['next', 'prev']);

/** Back one step, or the main menu: on every step (flows/ui.ts builds them). */
export const NAV_CHOICE = wordChoices('nav:', 'back one step, or the main menu (flows/ui.ts)', ['back', 'menu']);

/** An entry of the main menu (flows/menu.ts), also offered on empty lists ("browse the products"). */
export const MENU_ENTRY = wordChoices('m:', 'an entry of the main menu, also offered on empty lists', [
  'browse',
  'search',
  'binaan',
  'cart',
  'orders',
  'recipients',
  'owner-orders',
  'owner-products',
  'owner-payment',
  'admin',
  'unit',
  'help',
]);

/** The admin menu's entries, and "back to the admin menu" (every admin flow). */
export const ADMIN_MENU = wordChoices('adm:', 'the admin menu and "back to the admin menu"', [
  'broadcast',
  'scheduled',
  'stats',
  'recap',
  'failed',
  'import',
  'umkm',
  'back',
]);

/** The broadcast draft: one flow written in two files (admin-broadcast.ts, admin-broadcast-send.ts). */
export const BROADCAST_DRAFT = wordChoices('bc:', 'the broadcast draft (admin-broadcast.ts, admin-broadcast-send.ts)', [
  'audience',
  'back',
  'cancel',
  'send',
  'schedule',
  'schedule-yes',
]);

/** The registration: one flow written in two files (register.ts, register-invite.ts). */
export const REGISTER_CHOICE = wordChoices('reg:', 'the registration (register.ts, register-invite.ts)', ['contact', 'yes', 'no', 'again']);
