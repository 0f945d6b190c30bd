/**
 * Simulated users of the fake Bot API: they send text, commands, contacts, photos and documents,
 * press inline buttons (only ones present on the bot's message unless forged), or push any raw
 * update. Each action becomes an update in the queue (getUpdates or webhook).
 */
import type { CallbackQuery, Message, Update } from 'grammy/types';
import type { FakeChat, FakeMessage, FakeState } from './state.js';
import type { UpdateQueue } from './updates.js';

/** Where a simulated user writes: their private chat with the bot (default) or a registered group. */
export interface InChat {
  chatId?: number;
}

/** The simulation helpers (bound to one fake server). */
export interface UserSimulator {
  /** A text message from `userId`; a leading /command gets its bot_command entity like real clients. */
  sendText(userId: number, text: string, opts?: InChat): Message;
  /** `/command payload` from `userId`. */
  sendCommand(userId: number, command: string, payload?: string, opts?: InChat): Message;
  /** A shared contact; `user_id` defaults to the sender's own id (request_contact), `null` leaves it out. */
  sendContact(userId: number, contact: { phone_number: string; user_id?: number | null; first_name?: string; last_name?: string }, opts?: InChat): Message;
  /** A photo (registered as a file: getFile + download give back these bytes), three sizes. */
  sendPhoto(userId: number, data: Buffer, opts?: InChat & { caption?: string }): Message;
  /** A document with file name and MIME type. */
  sendDocument(userId: number, data: Buffer, opts: InChat & { file_name: string; mime_type: string; caption?: string }): Message;
  /** Presses an inline button: throws unless the bot's message carries that callback_data (or `forge`). */
  pressButton(userId: number, messageId: number, callbackData: string, opts?: InChat & { forge?: boolean }): CallbackQuery;
  /** Queues any raw update (update_id assigned when missing; duplicates allowed); learns its users/chats. */
  pushUpdate(raw: Record<string, unknown>): Update;
  /** The user blocks the bot: later sends answer 403; `notify` also pushes the my_chat_member update. */
  blockUser(userId: number, opts?: { notify?: boolean }): void;
  /** The user unblocks the bot. */
  unblockUser(userId: number): void;
}

/** Builds the helpers over the state and the queue. */
export function createUserSimulator(state: FakeState, queue: UpdateQueue): UserSimulator {
  let querySeq = 0;
  const date = (): number => Math.floor(Date.now() / 1000);
  const chatFor = (userId: number, opts?: InChat): FakeChat => {
    const id = opts?.chatId ?? userId;
    const chat = state.chats.get(id);
    if (!chat) throw new Error(`fake Bot API: chat ${id} is unknown; call addUser/addChat first`);
    return chat;
  };
  const userMessage = (userId: number, content: Record<string, unknown>, opts?: InChat): Message => {
    const from = state.user(userId);
    const chat = chatFor(userId, opts);
    const m: FakeMessage = { message_id: state.nextMessageId(chat.id), from, chat, date: date(), ...content };
    state.putMessage(m);
    queue.push({ message: m });
    return m as unknown as Message;
  };
  const text = (userId: number, t: string, opts?: InChat): Message => {
    const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(t);
    return userMessage(userId, cmd ? { text: t, entities: [{ type: 'bot_command', offset: 0, length: cmd[0].length }] } : { text: t }, opts);
  };
  const pushUpdate = (raw: Record<string, unknown>): Update => {
    state.learnFrom(raw);
    const payload = raw.message as FakeMessage | undefined;
    if (payload && typeof payload.message_id === 'number' && payload.chat) state.putMessage(payload);
    return queue.push(raw) as unknown as Update;
  };

  return {
    sendText: text,
    sendCommand: (userId, command, payload, opts) => text(userId, `/${command}${payload ? ` ${payload}` : ''}`, opts),
    sendContact(userId, contact, opts) {
      const from = state.user(userId);
      const c: Record<string, unknown> = { phone_number: contact.phone_number, first_name: contact.first_name ?? from.first_name };
      const last = contact.last_name ?? (contact.first_name === undefined ? from.last_name : undefined);
      if (last) c.last_name = last;
      const uid = contact.user_id === undefined ? userId : contact.user_id;
      if (uid !== null) c.user_id = uid;
      return userMessage(userId, { contact: c }, opts);
    },
    sendPhoto(userId, data, opts) {
      const file = state.addFile(data, 'photo');
      return userMessage(userId, { photo: file.sizes, ...(opts?.caption !== undefined ? { caption: opts.caption } : {}) }, opts);
    },
    sendDocument(userId, data, opts) {
      const f = state.addFile(data, 'document', { file_name: opts.file_name, mime_type: opts.mime_type });
      const document = { file_id: f.file_id, file_unique_id: f.file_unique_id, file_name: opts.file_name, mime_type: opts.mime_type, file_size: f.file_size };
      return userMessage(userId, { document, ...(opts.caption !== undefined ? { caption: opts.caption } : {}) }, opts);
    },
    pressButton(userId, messageId, callbackData, opts) {
      const from = state.user(userId);
      const chat = chatFor(userId, opts);
      const m = state.getMessage(chat.id, messageId);
      if (!opts?.forge) {
        if (!m || m.from?.id !== state.bot.id) throw new Error(`fake Bot API: no bot message ${messageId} in chat ${chat.id}`);
        const rows = (m.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
        if (!rows.some((row) => row.some((b) => b.callback_data === callbackData))) {
          throw new Error(`fake Bot API: message ${messageId} in chat ${chat.id} has no button with callback_data "${callbackData}"`);
        }
      }
      const id = `${Date.now()}${String(++querySeq).padStart(6, '0')}`;
      state.openQueries.set(id, { from: from.id, at: Date.now() });
      const query = {
        id,
        from,
        message: m ? structuredClone(m) : { chat, message_id: messageId, date: 0 },
        chat_instance: String(chat.id),
        data: callbackData,
      };
      queue.push({ callback_query: query });
      return query as unknown as CallbackQuery;
    },
    pushUpdate,
    blockUser(userId, opts) {
      state.blocked.add(userId);
      if (opts?.notify) {
        const from = state.user(userId);
        const member = (status: string): Record<string, unknown> => ({ user: state.bot, status, ...(status === 'kicked' ? { until_date: 0 } : {}) });
        queue.push({ my_chat_member: { chat: chatFor(userId), from, date: date(), old_chat_member: member('member'), new_chat_member: member('kicked') } });
      }
    },
    unblockUser: (userId) => void state.blocked.delete(userId),
  };
}
