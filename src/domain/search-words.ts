/**
 * Words of a search as people type them on a phone in Depok: each group lists spellings of one
 * word (regional, informal, older or English), the first being the one the index keeps. Both the
 * catalogue and the typed words pass through it, so `kripik` finds "Keripik Tempe" and `baso`
 * finds "Bakso Urat".
 */
const VARIANT_GROUPS: string[][] = [
  ['keripik', 'kripik', 'kripick', 'keripick', 'chips'],
  ['kerupuk', 'krupuk', 'crackers'],
  ['bakso', 'baso', 'meatball', 'meatballs'],
  ['sambal', 'sambel', 'sambell', 'chili', 'chilli'],
  ['cabai', 'cabe', 'cabay', 'lombok'],
  ['mie', 'mi', 'mee', 'noodle', 'noodles'],
  ['sate', 'satay', 'sateh'],
  ['tempe', 'tempeh'],
  ['kue', 'kueh', 'kuih', 'cake', 'cakes'],
  ['kopi', 'kofi', 'coffee'],
  ['teh', 'tea'],
  ['jus', 'juice'],
  ['cokelat', 'coklat', 'chocolate', 'choco'],
  ['risoles', 'risol', 'rissoles'],
  ['siomay', 'siomai', 'somay', 'somai'],
  ['pempek', 'empek', 'mpek'],
  ['bakpao', 'bakpau'],
  ['kastengel', 'kastangel', 'castengel'],
  ['ketupat', 'kupat'],
  ['gulai', 'gule'],
  ['pecel', 'pecal'],
  ['terasi', 'trasi'],
  ['telur', 'telor', 'egg', 'eggs'],
  ['kunyit', 'kunir', 'turmeric'],
  ['jahe', 'ginger'],
  ['madu', 'honey'],
  ['pedas', 'pedes', 'spicy'],
  ['hijab', 'jilbab', 'kerudung', 'krudung'],
  ['peci', 'kopiah', 'songkok'],
  ['kaos', 'kaus', 'tshirt'],
  ['keramik', 'ceramic', 'ceramics'],
  ['nugget', 'naget', 'nuget'],
  ['frozen', 'beku'],
  ['nasi', 'rice'],
  ['ayam', 'chicken'],
  ['ikan', 'fish'],
  ['sapi', 'beef'],
  ['batik', 'bathik'],
  ['sayur', 'sayuran', 'vegetables', 'veggies'],
  ['masker', 'mask', 'masks'],
  ['tas', 'bag', 'bags'],
];

const SPELLING = new Map<string, string>();
for (const [canonical, ...others] of VARIANT_GROUPS) {
  SPELLING.set(canonical!, canonical!);
  for (const o of others) SPELLING.set(o, canonical!);
}

/** The one spelling the index keeps for `word` (already lower-case, accents folded). */
export function spellingOf(word: string): string {
  return SPELLING.get(word) ?? word;
}

/** Words that say nothing about the product ("mau beli keripik dong"): not searched. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'mau',
  'ingin',
  'pengen',
  'pingin',
  'beli',
  'cari',
  'carikan',
  'ada',
  'yang',
  'dan',
  'atau',
  'untuk',
  'buat',
  'saya',
  'aku',
  'tolong',
  'dong',
  'deh',
  'ya',
  'yg',
  'dgn',
  'dengan',
  'di',
  'ke',
  'dari',
  'the',
  'a',
  'an',
  'and',
  'or',
  'for',
  'of',
  'buy',
  'want',
  'some',
  'please',
  'i',
]);

/** Emoji people send for a product: searched as the word. */
const EMOJI_WORDS: Record<string, string> = {
  '🍜': 'mie',
  '🍝': 'mie',
  '🍚': 'nasi',
  '🍱': 'nasi',
  '🍙': 'nasi',
  '🍗': 'ayam',
  '🐔': 'ayam',
  '🍖': 'daging',
  '🥩': 'daging',
  '🐟': 'ikan',
  '🐠': 'ikan',
  '🍤': 'udang',
  '🦐': 'udang',
  '🥚': 'telur',
  '🍳': 'telur',
  '🍞': 'roti',
  '🥐': 'roti',
  '🎂': 'kue',
  '🍰': 'kue',
  '🧁': 'kue',
  '🍪': 'kue',
  '☕': 'kopi',
  '🍵': 'teh',
  '🍯': 'madu',
  '🌶': 'sambal',
  '🥗': 'sayur',
  '🥬': 'sayur',
  '🥦': 'sayur',
  '🍌': 'pisang',
  '🍊': 'jeruk',
  '🍋': 'lemon',
  '🥛': 'susu',
  '🍢': 'sate',
  '🥟': 'dimsum',
  '🍲': 'soto',
  '👕': 'kaos',
  '👔': 'kemeja',
  '🧕': 'hijab',
  '😷': 'masker',
  '👜': 'tas',
  '👝': 'tas',
  '👛': 'dompet',
  '🏺': 'keramik',
  '🧺': 'keranjang',
  '🍍': 'nanas',
};
const EMOJI = new RegExp(`(${Object.keys(EMOJI_WORDS).join('|')})\\uFE0F?`, 'gu');

/** `text` with each product emoji replaced by its word ("🍜 pedas" -> " mie  pedas"). */
export function emojiAsWords(text: string): string {
  return text.replace(EMOJI, (_, e: string) => ` ${EMOJI_WORDS[e]} `);
}

/** Whether `text` has an emoji (any, known or not). */
export function hasEmoji(text: string): boolean {
  return /\p{Extended_Pictographic}/u.test(text);
}
