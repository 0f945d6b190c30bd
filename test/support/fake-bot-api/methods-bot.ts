/**
 * Bot-level methods of the fake Bot API: getMe, getChat, getFile, answerCallbackQuery,
 * set/get/deleteMyCommands, sendChatAction, getUpdates, setWebhook, deleteWebhook,
 * getWebhookInfo, logOut, close.
 */
import type { MethodHandler } from './context.js';
import { badRequest } from './errors.js';
import { target } from './methods-messages.js';
import type { CallbackAnswer } from './state.js';

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
/** getFile refuses files above 20 MB, like the cloud Bot API. */
const MAX_DOWNLOAD = 20 * 1024 * 1024;

const commandsKey = (p: Record<string, unknown>): string =>
  `${JSON.stringify(p.scope ?? { type: 'default' })}|${(p.language_code as string | undefined) ?? ''}`;

const getMe: MethodHandler = (ctx) => ({
  ...ctx.state.bot,
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
});

const getChat: MethodHandler = (ctx, params) => ({
  ...ctx.state.resolveChat(params.chat_id),
  accent_color_id: 0,
  max_reaction_count: 11,
  accepted_gift_types: { unlimited_gifts: false, limited_gifts: false, unique_gifts: false, premium_subscription: false },
});

const getFile: MethodHandler = (ctx, params) => {
  const file = ctx.state.files.get(params.file_id as string);
  if (!file) throw badRequest('invalid file_id');
  if (file.file_size > MAX_DOWNLOAD) throw badRequest('file is too big');
  return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
};

const answerCallbackQuery: MethodHandler = (ctx, params) => {
  const id = params.callback_query_id as string;
  if (!ctx.state.openQueries.delete(id)) {
    throw badRequest('query is too old and response timeout expired or query ID is invalid');
  }
  const answer: CallbackAnswer = { callback_query_id: id, at: Date.now() };
  if (params.text !== undefined) answer.text = params.text as string;
  if (params.show_alert !== undefined) answer.show_alert = params.show_alert as boolean;
  if (params.url !== undefined) answer.url = params.url as string;
  ctx.state.record('answer', answer);
  return true;
};

const setMyCommands: MethodHandler = (ctx, params) => {
  const commands = params.commands as unknown[];
  if (commands.length > 100) throw badRequest('too many commands');
  ctx.state.commands.set(commandsKey(params), commands);
  return true;
};

const sendChatAction: MethodHandler = (ctx, params) => {
  target(ctx, params.chat_id, false);
  if (!CHAT_ACTIONS.has(params.action as string)) throw badRequest('wrong parameter action in request');
  return true;
};

const getUpdates: MethodHandler = (ctx, params, _plain, signal) => ctx.queue.poll(params as Parameters<typeof ctx.queue.poll>[0], signal);

const setWebhook: MethodHandler = (ctx, params) => {
  const url = params.url as string;
  if (url !== '') {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
    }
    if (parsed.protocol !== 'https:' && (ctx.requireHttpsWebhook || parsed.protocol !== 'http:')) {
      throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
    }
  }
  const secret = params.secret_token as string | undefined;
  if (secret !== undefined && !/^[A-Za-z0-9_-]*$/.test(secret)) throw badRequest('secret token contains unallowed characters');
  ctx.queue.setWebhook(params as Parameters<typeof ctx.queue.setWebhook>[0]);
  return true;
};

/** Handlers by canonical method name. */
export const botMethods: Record<string, MethodHandler> = {
  getMe,
  getChat,
  getFile,
  answerCallbackQuery,
  setMyCommands,
  getMyCommands: (ctx, params) => ctx.state.commands.get(commandsKey(params)) ?? [],
  deleteMyCommands: (ctx, params) => ctx.state.commands.delete(commandsKey(params)) || true,
  sendChatAction,
  getUpdates,
  setWebhook,
  deleteWebhook: (ctx, params) => {
    ctx.queue.deleteWebhook(params.drop_pending_updates === true);
    return true;
  },
  getWebhookInfo: (ctx) => ctx.queue.info(),
  logOut: () => true,
  close: () => true,
};
