/** Telegram's limit for a message text. */
export const TELEGRAM_TEXT_LIMIT = 4096;
/** Telegram's limit for a media caption. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/**
 * Cuts `text` into the longest head of at most `limit` UTF-16 units, preferring a line break,
 * then a space; never splits a surrogate pair. Returns [head, rest] (rest without the separator).
 */
export function cutText(text: string, limit: number): [string, string] {
  if (text.length <= limit) return [text, ''];
  const window = text.slice(0, limit + 1);
  let at = window.lastIndexOf('\n');
  if (at < limit / 2) {
    const space = window.lastIndexOf(' ');
    at = space >= limit / 2 ? space : -1;
  }
  if (at > 0 && at <= limit) return [text.slice(0, at), text.slice(at + 1)];
  let hard = limit;
  const code = text.charCodeAt(hard - 1);
  if (code >= 0xd800 && code <= 0xdbff) hard -= 1; // keep a surrogate pair together
  return [text.slice(0, hard), text.slice(hard)];
}

/** Splits a text into parts of at most `limit` units (line breaks first, then spaces). */
export function splitText(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const [head, tail] = cutText(rest, limit);
    parts.push(head);
    rest = tail;
  }
  if (rest.length || !parts.length) parts.push(rest);
  return parts;
}
