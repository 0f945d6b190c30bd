import type { Input } from './types.js';

/** Folds a label or typed text for comparison: lower case, letters and digits only. */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words that answer a question on their own, matched to the one button whose label starts with them. */
const ANSWER_WORDS = new Set(['ya', 'tidak', 'yes', 'no']);
/** A typed "no" to a yes/no question ... */
const NO_WORDS = new Set(['tidak', 'tdk', 'gak', 'nggak', 'enggak', 'bukan', 'no']);
/** ... picks its one other button, when that starts with one of these ("❌ Bukan saya", "❌ Batal", "⬅️ Kembali"). */
const NO_LABEL_STARTS = new Set(['tidak', 'bukan', 'batal', 'kembali', 'no', 'not', 'cancel', 'back']);

/**
 * Maps typed text to one of the offered choices: an exact label (ignoring case, emoji and
 * punctuation) first, then the first words of exactly one label, then a number 1..n for
 * numbered lists. When the step takes a typed number, digits are never matched to a button (the
 * step parses them).
 */
export function matchChoice(text: string, offered: { id: string; label: string }[], expectsNumber: boolean): string | null {
  if (!offered.length) return null;
  // On a step that takes a number, a typed number is the step's to read: folding would turn
  // "-1" or "1.5" into the button "1".
  if (expectsNumber && /^[\s\d.,+-]+$/.test(text)) return null;
  const words = fold(text);
  const t = words.replace(/ /g, '');
  if (!t) return null;
  // Each label folded once: the rules below all compare against the folded form.
  const labels = offered.map((o) => ({ id: o.id, folded: fold(o.label) }));
  const firstWord = (l: { folded: string }) => l.folded.split(' ')[0]!;
  // "Mekarjaya" picks "Mekar Jaya": spaces are not what people get wrong on purpose
  const byLabel = labels.find((l) => l.folded.replace(/ /g, '') === t);
  if (byLabel) return byLabel.id;
  // "ya" picks "✅ Ya, hapus": a confirmation is answered in one word
  if (ANSWER_WORDS.has(t)) {
    const hits = labels.filter((l) => firstWord(l) === t);
    if (hits.length === 1) return hits[0]!.id;
  }
  if (NO_WORDS.has(t)) {
    // a yes/no question: one button says "ya"/"yes"; "tidak" picks the one that declines
    const yes = labels.filter((l) => firstWord(l) === 'ya' || firstWord(l) === 'yes');
    const no = labels.filter((l) => NO_LABEL_STARTS.has(firstWord(l)));
    if (yes.length === 1 && no.length === 1) return no[0]!.id;
  }
  // "terima" picks "✅ Terima pesanan", "Dapur Bu Sari" picks "Dapur Bu Sari · Beji": the whole
  // words a label starts with, when they fit that label only (3+ characters: "di" picks nothing)
  if (words.length >= 3 && !/^\d+$/.test(words)) {
    const hits = labels.filter((l) => l.folded === words || l.folded.startsWith(`${words} `));
    if (hits.length === 1) return hits[0]!.id;
  }
  if (!expectsNumber && /^\d{1,3}$/.test(text.trim())) {
    const n = Number(text.trim());
    if (n >= 1 && n <= offered.length) return offered[n - 1]!.id;
  }
  return null;
}

/**
 * The labels typed text starts two or more of ("nasi box" for "Nasi Box Ayam Bakar" and "Nasi
 * Box Menu Sehat"): what to list when the step could not use the text. Empty when it fits one or
 * none, or is a number on a step that takes numbers.
 */
export function ambiguousLabels(text: string, offered: { id: string; label: string }[], expectsNumber: boolean): string[] {
  if (expectsNumber && /^[\s\d.,+-]+$/.test(text)) return [];
  const words = fold(text);
  if (words.length < 3 || /^\d+$/.test(words)) return [];
  const hits = offered.filter((o) => {
    const l = fold(o.label);
    return l === words || l.startsWith(`${words} `);
  });
  return hits.length > 1 ? hits.map((o) => o.label) : [];
}

/** Plain words that act as commands (WhatsApp users rarely type a slash). */
export const WORD_COMMANDS: ReadonlyMap<string, string> = new Map([
  ['menu', 'menu'],
  ['batal', 'batal'],
  ['cancel', 'batal'],
  ['bantuan', 'bantuan'],
  ['help', 'bantuan'],
]);

/** Commands that always mean themselves, even where a button's label starts with their name. */
const NAVIGATION = new Set(['start', 'menu', 'batal', 'cancel', 'bantuan', 'help', 'bahasa', 'language']);

/** What typed input means on a screen offering `offered`: a press of one of them, or itself. */
export function readInput(input: Input, offered: { id: string; label: string }[], expectsNumber: boolean): Input {
  if (input.kind === 'text') {
    // "menu" typed is the command, even where a label starts with it ("🛠️ Menu admin")
    if (WORD_COMMANDS.has(input.text.trim().toLowerCase())) return input;
    const id = matchChoice(input.text, offered, expectsNumber);
    if (id) return { kind: 'choice', id };
  }
  // "/lewati" where the screen has "⏭️ Lewati": a command whose name is a button's whole label
  // presses it ("/siaran" is not "🕒 Siaran terjadwal"). Navigation commands keep their meaning.
  if (input.kind === 'command' && !input.args && !NAVIGATION.has(input.name)) {
    const hits = offered.filter((o) => fold(o.label) === input.name);
    if (hits.length === 1) return { kind: 'choice', id: hits[0]!.id };
  }
  return input;
}
