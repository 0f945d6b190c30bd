import type { Channel } from '../domain/schemas.js';
import type { I18n, Locale } from './index.js';
import type { Msg, OutboundMessage, Reply } from './message.js';

/** How a channel shows choices: Telegram as buttons; WhatsApp and the console as a numbered list typed back. */
export type ChoiceStyle = 'buttons' | 'numbered';

export const choiceStyle = (channel: Channel | undefined): ChoiceStyle => (channel === undefined || channel === 'telegram' ? 'buttons' : 'numbered');

/**
 * Fluent arguments every message gets: `$channel` ("numbered" on WhatsApp and the console, where
 * there are no buttons to tap; "buttons" on Telegram) and `$choices`, the number of choices the
 * message offers (to name the valid range). A message's own arguments win.
 */
export function channelArgs(channel: Channel | undefined, choices = 0, args?: Msg['args']): NonNullable<Msg['args']> {
  return { channel: choiceStyle(channel), choices, ...args };
}

/** Localises an engine reply into what a person reads on `channel` (one renderer for every flow). */
export function renderReply(i18n: I18n, locale: Locale, reply: Reply, channel?: Channel): OutboundMessage {
  const count = reply.choices?.length ?? 0;
  return {
    // An empty optional part (a note that does not apply) leaves no blank lines or spaces behind.
    text: [...(reply.prefix ?? []), reply.text, ...(reply.suffix ?? [])]
      .map((m) =>
        i18n
          .t(locale, m.key, channelArgs(channel, count, m.args))
          .replace(/[ \t]+$/gm, '')
          .replace(/\n{3,}/g, '\n\n')
          .trimEnd(),
      )
      .join('\n\n'),
    choices: reply.choices?.map((c) => ({ id: c.id, label: i18n.msg(locale, c.label) })),
    columns: reply.columns,
    photo: reply.photo,
    document: reply.document,
    requestContact: reply.requestContact,
    expectsNumber: reply.expectsNumber,
    // Every message has every field (absent ones undefined, left out of JSON): one shape for V8,
    // so the senders' optimised code is not thrown away when a message with other fields comes.
    code: reply.code?.length ? reply.code : undefined,
    listed: reply.listed || undefined,
    standalone: reply.standalone || undefined,
    idempotencyKey: undefined,
  };
}
