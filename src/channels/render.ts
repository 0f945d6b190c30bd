import type { OutboundMessage } from '../i18n/message.js';

/**
 * Text form of a message with its choices as a numbered list (WhatsApp, console):
 * "1. Kuliner". When the step expects a typed number, choices are listed without numbers. Choices
 * the text already lists with their numbers (`listed`) are not listed again: the list that follows
 * goes on from the next number.
 */
export function numberedText(msg: OutboundMessage): string {
  if (!msg.choices?.length) return msg.text;
  const skip = msg.expectsNumber ? 0 : Math.min(msg.listed ?? 0, msg.choices.length);
  const lines = msg.expectsNumber ? [msg.choices.map((c) => c.label).join(' · ')] : msg.choices.slice(skip).map((c, i) => `${skip + i + 1}. ${c.label}`);
  return lines.length ? `${msg.text}\n\n${lines.join('\n')}` : msg.text;
}
