/**
 * Rules the spec states in prose, checked after an object passed the structural check:
 * inline buttons need exactly one action, button URLs must be valid, reply-keyboard buttons take at
 * most one request_* field, bot commands are lower-case. Returns a description or undefined.
 */

const INLINE_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;
const KEYBOARD_REQUESTS = ['request_users', 'request_chat', 'request_managed_bot', 'request_contact', 'request_location', 'request_poll', 'web_app'] as const;
const STYLES = new Set(['danger', 'success', 'primary']);
/** Telegram limits an inline keyboard to 100 buttons. */
export const MAX_INLINE_BUTTONS = 100;

/** Checks the prose rules of `typeName` on an object that already passed the spec's structure. */
export function checkObjectRules(typeName: string, obj: Record<string, unknown>): string | undefined {
  switch (typeName) {
    case 'InlineKeyboardButton': {
      if (obj.text === '') return "can't parse inline keyboard button: Text must be non-empty";
      const actions = INLINE_ACTIONS.filter((k) => obj[k] !== undefined && obj[k] !== null);
      if (actions.length === 0) return "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard";
      if (actions.length > 1) {
        return `can't parse inline keyboard button: exactly one of the optional fields must be used, got ${actions.join(', ')}`;
      }
      if (typeof obj.url === 'string' && !/^(https?|tg):\/\/[^\s]+$/i.test(obj.url)) {
        return `inline keyboard button URL '${obj.url}' is invalid: Wrong HTTP URL`;
      }
      return checkStyle(obj);
    }
    case 'InlineKeyboardMarkup': {
      const rows = obj.inline_keyboard as unknown[][];
      const count = rows.reduce((n, row) => n + row.length, 0);
      return count > MAX_INLINE_BUTTONS ? 'reply markup is too long' : undefined;
    }
    case 'KeyboardButton': {
      if (obj.text === '') return "can't parse keyboard button: Text must be non-empty";
      const requests = KEYBOARD_REQUESTS.filter((k) => obj[k] !== undefined && obj[k] !== null);
      if (requests.length > 1) return `can't parse keyboard button: at most one of ${requests.join(', ')} can be used`;
      return checkStyle(obj);
    }
    case 'ReplyKeyboardMarkup': {
      const rows = obj.keyboard as unknown[][];
      return rows.length === 0 || rows.every((r) => r.length === 0) ? 'keyboard must be non-empty' : undefined;
    }
    case 'ReplyKeyboardRemove':
      return obj.remove_keyboard === true ? undefined : "can't parse reply keyboard markup JSON object";
    case 'ForceReply':
      return obj.force_reply === true ? undefined : "can't parse reply keyboard markup JSON object";
    case 'BotCommand':
      return typeof obj.command === 'string' && /^[a-z0-9_]+$/.test(obj.command) ? undefined : 'BOT_COMMAND_INVALID';
    default:
      return undefined;
  }
}

function checkStyle(obj: Record<string, unknown>): string | undefined {
  return obj.style === undefined || STYLES.has(obj.style as string) ? undefined : `unsupported button style "${String(obj.style)}"`;
}

/** Telegram's own wording for a length limit broken, by "Owner.field". */
export const LIMIT_ERRORS: Record<string, string> = {
  'InlineKeyboardButton.callback_data': 'BUTTON_DATA_INVALID',
  'answerCallbackQuery.text': 'MESSAGE_TOO_LONG',
  'BotCommand.command': 'BOT_COMMAND_INVALID',
  'BotCommand.description': 'BOT_COMMAND_DESCRIPTION_INVALID',
  'setWebhook.secret_token': 'secret token is invalid',
};

/** Telegram's wording for a missing required parameter, by name (else a generic one). */
export const MISSING_ERRORS: Record<string, string> = {
  chat_id: 'chat_id is empty',
  text: 'message text is empty',
  photo: 'there is no photo in the request',
  document: 'there is no document in the request',
  message_id: 'message identifier is not specified',
  from_chat_id: 'from_chat_id is empty',
  file_id: 'invalid file_id',
  callback_query_id: 'query is too old and response timeout expired or query ID is invalid',
  action: 'wrong parameter action in request',
};
