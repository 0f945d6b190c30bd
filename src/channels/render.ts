import type { Reply } from '../engine/types.js';
import type { I18n, Locale } from '../i18n/index.js';
import type { OutboundMessage } from './types.js';

/** Localises an engine reply into what a person reads (one renderer for every flow). */
export function renderReply(i18n: I18n, locale: Locale, reply: Reply): OutboundMessage {
  return {
    // An empty optional part (a note that does not apply) leaves no blank lines or spaces behind.
    text: [...(reply.prefix ?? []), reply.text]
      .map((m) => i18n.msg(locale, m).replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trimEnd())
      .join('\n\n'),
    choices: reply.choices?.map((c) => ({ id: c.id, label: i18n.msg(locale, c.label) })),
    columns: reply.columns,
    photo: reply.photo,
    document: reply.document,
    requestContact: reply.requestContact,
    expectsNumber: reply.expectsNumber,
    ...(reply.standalone ? { standalone: true } : {}),
  };
}

/**
 * Text form of a message with its choices as a numbered list (WhatsApp, console):
 * "1. Kuliner". When the step expects a typed number, choices are listed without numbers.
 */
export function numberedText(msg: OutboundMessage): string {
  if (!msg.choices?.length) return msg.text;
  const lines = msg.expectsNumber
    ? [msg.choices.map((c) => c.label).join(' · ')]
    : msg.choices.map((c, i) => `${i + 1}. ${c.label}`);
  return `${msg.text}\n\n${lines.join('\n')}`;
}
