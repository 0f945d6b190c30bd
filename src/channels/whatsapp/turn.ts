import type { AnyMessageContent } from '@whiskeysockets/baileys';
import type { OutboundMessage } from '../../i18n/message.js';
import { CAPTION_LIMIT, toWhatsAppContents, type OutgoingOptions } from './convert.js';

/** WhatsApp shows a text message of up to this many characters whole (longer ones are cut behind "Read more"). */
export const TEXT_LIMIT = 4096;

/**
 * Splits a long text on paragraph boundaries (blank lines) into parts of at most `limit`
 * characters; a paragraph longer than that is split on line ends, a line longer than that by length.
 */
export function splitText(text: string, limit = TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let current = '';
  const add = (piece: string, sep: string) => {
    if (!current) current = piece;
    else if (current.length + sep.length + piece.length <= limit) current += sep + piece;
    else {
      parts.push(current);
      current = piece;
    }
  };
  for (const para of text.split(/\n{2,}/)) {
    if (para.length <= limit) {
      add(para, '\n\n');
      continue;
    }
    for (const line of para.split('\n')) {
      for (let i = 0; i < line.length || i === 0; i += limit) add(line.slice(i, i + limit), i === 0 ? '\n' : '');
    }
  }
  if (current) parts.push(current);
  return parts;
}

type Media = Extract<AnyMessageContent, { caption?: string }>;
const isText = (c: AnyMessageContent): c is { text: string } => typeof (c as { text?: unknown }).text === 'string';

/**
 * The messages of one turn for one chat -> as few WhatsApp messages as read the same: texts in a
 * row become one message (paragraphs apart, split again beyond TEXT_LIMIT); a text next to a photo
 * or file without caption becomes its caption when it fits. A `standalone` message (a caption to
 * copy) stays a message of its own.
 */
export function turnContents(messages: OutboundMessage[], opts: OutgoingOptions): AnyMessageContent[] {
  const limit = opts.captionLimit ?? CAPTION_LIMIT;
  const out: AnyMessageContent[] = [];
  let texts: string[] = [];
  /** the last media sent without a caption, nothing after it yet: the next text may become its caption */
  let openMedia: Media | undefined;
  const flush = () => {
    if (texts.length) out.push(...splitText(texts.join('\n\n')).map((text) => ({ text })));
    texts = [];
  };
  for (const msg of messages) {
    const contents = toWhatsAppContents(msg, opts);
    if (msg.standalone) {
      flush();
      out.push(...contents);
      openMedia = undefined;
      continue;
    }
    for (const c of contents) {
      if (isText(c)) {
        if (openMedia && !texts.length && c.text.length <= limit) {
          openMedia.caption = c.text;
          openMedia = undefined;
        } else {
          texts.push(c.text);
          openMedia = undefined;
        }
        continue;
      }
      const media = c as Media;
      const before = texts.join('\n\n');
      if (texts.length && (media.caption ? `${before}\n\n${media.caption}` : before).length <= limit) {
        media.caption = media.caption ? `${before}\n\n${media.caption}` : before;
        texts = [];
      } else flush();
      out.push(media);
      openMedia = media.caption ? undefined : media;
    }
  }
  flush();
  return out;
}
