import type { OutboundMessage } from '../i18n/message.js';
import type { I18n, Locale } from '../i18n/index.js';
import { type BroadcastState, leftOf } from '../domain/broadcast.js';

/** The pacing the estimate assumes. */
export interface Pacing {
  telegramPerSecond: number;
  whatsappDelayMs: number;
}

/** Seconds until every recipient is done, at the configured pace (WhatsApp's daily cap not counted). */
export function etaSeconds(s: BroadcastState, p: Pacing): number {
  const tgLeft = Math.max(0, s.totalTelegram - s.doneTelegram);
  const waLeft = Math.max(0, s.totalWhatsapp - s.doneWhatsapp);
  return Math.ceil(tgLeft / p.telegramPerSecond + (waLeft * p.whatsappDelayMs) / 1000);
}

/** Button id of "stop this broadcast" (a global choice: it works from the progress message). */
export const stopChoiceId = (id: string) => `bcx:${id}`;

function counts(s: BroadcastState) {
  return { sent: s.sent, failed: s.failed, unreachable: s.unreachable, skipped: s.skipped, cancelled: s.cancelled, total: s.total, left: leftOf(s) };
}

/**
 * The progress message the admin sees (edited every few seconds on Telegram), with a stop button;
 * `typedStop` (WhatsApp, console) says how to stop it by typing instead, with no numbered choice:
 * the message arrives out of band, and a typed "1" would be read against the admin's current screen.
 */
export function progressMessage(i18n: I18n, locale: Locale, id: string, s: BroadcastState, p: Pacing, typedStop = false): OutboundMessage {
  const eta = etaSeconds(s, p);
  const etaText = eta >= 90 ? i18n.t(locale, 'bc-eta-minutes', { n: Math.ceil(eta / 60) }) : i18n.t(locale, 'bc-eta-seconds', { n: eta });
  const hint = typedStop ? `\n${i18n.t(locale, 'bc-stop-hint', { id })}` : '';
  const text = i18n.t(locale, 'bc-progress', { id, ...counts(s), eta: etaText }) + hint;
  return typedStop ? { text } : { text, choices: [{ id: stopChoiceId(id), label: i18n.t(locale, 'bc-stop') }] };
}

/**
 * The progress message's last state, once every recipient is accounted for: it says the broadcast
 * is done (or stopped), with no stop button, so it never reads "being sent… 0 left" above the summary.
 */
export function finalProgressMessage(i18n: I18n, locale: Locale, id: string, s: BroadcastState, cancelled: boolean): OutboundMessage {
  return { text: i18n.t(locale, cancelled ? 'bc-progress-cancelled' : 'bc-progress-done', { id, ...counts(s) }) };
}

/** The final summary: done or stopped, with every count. */
export function summaryText(i18n: I18n, locale: Locale, id: string, s: BroadcastState, cancelled: boolean): string {
  return [i18n.t(locale, cancelled ? 'bc-summary-cancelled' : 'bc-summary-done', { id }), i18n.t(locale, 'bc-summary-counts', counts(s))].join('\n');
}
