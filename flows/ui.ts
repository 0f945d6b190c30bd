import type { Choice, Msg, Reply } from '../src/i18n/message.js';
import { msg } from '../src/engine/flow.js';
import { NAV_CHOICE } from './choice-ids.js';

/** One renderer of common buttons for every flow. */
export const choice = (id: string, key: string, args?: Msg['args']): Choice => ({ id, label: msg(key, args) });

/** A button whose label is a literal (product names, kelurahan): passed through the `ui-literal` message. */
export const literal = (id: string, text: string): Choice => ({ id, label: msg('ui-literal', { text }) });

export const backButton = (id = NAV_CHOICE.pack('back')) => choice(id, 'ui-back');
/** The "main menu" button: the engine takes it on every screen that offered it (ENGINE_POLICIES). */
export const MENU_CHOICE_ID = NAV_CHOICE.pack('menu');
export const menuButton = () => choice(MENU_CHOICE_ID, 'ui-menu');

/** A text reply with optional buttons. */
export const text = (key: string, args?: Msg['args'], choices?: Choice[], extra: Partial<Reply> = {}): Reply => ({
  text: msg(key, args),
  choices,
  ...extra,
});

/** Cuts a user-visible string to `max` characters with an ellipsis. */
export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
