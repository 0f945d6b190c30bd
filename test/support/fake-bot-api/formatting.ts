/**
 * parse_mode handling: turns HTML / MarkdownV2 / Markdown text into the plain text Telegram would
 * show (so lengths are counted "after entities parsing", in UTF-16 code units) or refuses it with
 * Telegram's "can't parse entities" errors. Entities themselves are not produced.
 */

/** Either the plain text or the error description (without the "Bad Request: " prefix). */
export type FormatResult = { ok: true; text: string } | { ok: false; error: string };

const HTML_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-emoji',
  'tg-time',
]);
const MDV2_RESERVED = new Set('_*[]()~`>#+-=|{}.!'.split(''));

const fail = (msg: string): FormatResult => ({ ok: false, error: `can't parse entities: ${msg}` });
const byteOffset = (text: string, i: number): number => Buffer.byteLength(text.slice(0, i));

/** Applies parse_mode (case-insensitive; undefined = plain text). */
export function parseFormatted(text: string, parseMode: string | undefined): FormatResult {
  if (parseMode === undefined || parseMode === '') return { ok: true, text };
  switch (parseMode.toLowerCase()) {
    case 'html':
      return parseHtml(text);
    case 'markdownv2':
      return parseMarkdownV2(text);
    case 'markdown':
      return parseMarkdown(text);
    default:
      return { ok: false, error: 'unsupported parse_mode' };
  }
}

function decodeEntity(name: string): string | undefined {
  if (name === 'lt') return '<';
  if (name === 'gt') return '>';
  if (name === 'amp') return '&';
  if (name === 'quot') return '"';
  const num = /^#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}))$/.exec(name);
  if (!num) return undefined;
  const code = num[1] !== undefined ? parseInt(num[1], 16) : Number(num[2]);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

function parseHtml(text: string): FormatResult {
  let out = '';
  const stack: string[] = [];
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '&') {
      const semi = text.indexOf(';', i);
      const decoded = semi > i && semi - i <= 10 ? decodeEntity(text.slice(i + 1, semi)) : undefined;
      if (decoded !== undefined) {
        out += decoded;
        i = semi + 1;
      } else {
        out += c;
        i++;
      }
      continue;
    }
    if (c !== '<') {
      out += c;
      i++;
      continue;
    }
    const end = text.indexOf('>', i);
    if (end < 0) return fail(`Can't find end of the tag starting at byte offset ${byteOffset(text, i)}`);
    const inner = text.slice(i + 1, end);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase();
      const open = stack.pop();
      if (open === undefined) return fail(`Unexpected end tag at byte offset ${byteOffset(text, i)}`);
      if (name !== open) {
        return fail(`Unmatched end tag at byte offset ${byteOffset(text, i)}, expected "</${open}>", found "</${name}>"`);
      }
    } else {
      const m = /^([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*$/.exec(inner);
      const name = (m?.[1] ?? inner.split(/\s/)[0] ?? '').toLowerCase();
      if (!m || !HTML_TAGS.has(name)) return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(text, i)}`);
      const attrs = m[2] ?? '';
      if (name === 'span' && !/class\s*=\s*["']?tg-spoiler/.test(attrs)) {
        return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(text, i)}`);
      }
      if (name === 'tg-emoji' && !/emoji-id\s*=/.test(attrs)) {
        return fail(`Tag "tg-emoji" must have attribute "emoji-id" at byte offset ${byteOffset(text, i)}`);
      }
      stack.push(name);
    }
    i = end + 1;
  }
  const open = stack.pop();
  if (open !== undefined) return fail(`Can't find end tag corresponding to start tag "${open}"`);
  return { ok: true, text: out };
}

const MDV2_NAMES: Record<string, string> = {
  '*': 'Bold',
  _: 'Italic',
  __: 'Underline',
  '~': 'Strikethrough',
  '||': 'Spoiler',
  '`': 'Code',
  '```': 'Pre',
  '[': 'TextUrl',
};

function parseMarkdownV2(text: string): FormatResult {
  let out = '';
  const stack: { marker: string; at: number }[] = [];
  const top = (): string | undefined => stack[stack.length - 1]?.marker;
  const reserved = (i: number): FormatResult =>
    fail(`Character '${text[i]}' is reserved and must be escaped with the preceding '\\' (byte offset ${byteOffset(text, i)})`);
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined || next.charCodeAt(0) > 126) return reserved(i);
      out += next;
      i += 2;
      continue;
    }
    const inCode = top() === '`' || top() === '```';
    if (inCode) {
      if (top() === '```' && text.startsWith('```', i)) {
        stack.pop();
        i += 3;
      } else if (top() === '`' && c === '`') {
        stack.pop();
        i++;
      } else {
        out += c;
        i++;
      }
      continue;
    }
    let marker: string | undefined;
    if (text.startsWith('```', i)) marker = '```';
    else if (text.startsWith('__', i)) marker = '__';
    else if (text.startsWith('||', i)) marker = '||';
    else if (c === '*' || c === '_' || c === '~' || c === '`') marker = c;
    if (marker) {
      if (top() === marker) stack.pop();
      else if (stack.some((s) => s.marker === marker)) {
        const opener = stack.find((s) => s.marker === marker)!;
        return fail(`Can't find end of ${MDV2_NAMES[marker]} entity at byte offset ${byteOffset(text, opener.at)}`);
      } else {
        stack.push({ marker, at: i });
        if (marker === '```') {
          const nl = text.indexOf('\n', i + 3);
          const lang = nl < 0 ? '' : text.slice(i + 3, nl);
          if (/^[A-Za-z0-9_+-]*$/.test(lang) && nl >= 0) i = nl + 1 - marker.length; // skip the language line
        }
      }
      i += marker.length;
      continue;
    }
    if (c === '[' || (c === '!' && text[i + 1] === '[')) {
      stack.push({ marker: '[', at: i });
      i += c === '!' ? 2 : 1;
      continue;
    }
    if (c === ']' && top() === '[') {
      if (text[i + 1] !== '(') return reserved(i);
      let j = i + 2;
      while (j < text.length && text[j] !== ')') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return fail(`Can't find end of a URL at byte offset ${byteOffset(text, i + 2)}`);
      stack.pop();
      i = j + 1;
      continue;
    }
    if (c === '>' && (i === 0 || text[i - 1] === '\n')) {
      i++;
      continue;
    }
    if (MDV2_RESERVED.has(c)) return reserved(i);
    out += c;
    i++;
  }
  const open = stack.pop();
  if (open) return fail(`Can't find end of ${MDV2_NAMES[open.marker]} entity at byte offset ${byteOffset(text, open.at)}`);
  return { ok: true, text: out };
}

function parseMarkdown(text: string): FormatResult {
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '_*`['.includes(text[i + 1]!)) {
      out += text[i + 1];
      i += 2;
      continue;
    }
    const marker = text.startsWith('```', i) ? '```' : c === '*' || c === '_' || c === '`' ? c : undefined;
    if (marker) {
      const end = text.indexOf(marker, i + marker.length);
      if (end < 0) return fail(`Can't find end of the entity starting at byte offset ${byteOffset(text, i)}`);
      out += text.slice(i + marker.length, end);
      i = end + marker.length;
      continue;
    }
    if (c === '[') {
      const close = text.indexOf('](', i);
      const urlEnd = close < 0 ? -1 : text.indexOf(')', close);
      if (urlEnd < 0) return fail(`Can't find end of the entity starting at byte offset ${byteOffset(text, i)}`);
      out += text.slice(i + 1, close);
      i = urlEnd + 1;
      continue;
    }
    out += c;
    i++;
  }
  return { ok: true, text: out };
}
