import { type CommandDef, goto } from '../src/engine/flow.js';
import { text } from './ui.js';

/**
 * `/berhenti` stops flyers (broadcasts) to this chat; `/mulai` turns them back on. Order messages,
 * reports and reminders are not flyers and keep coming. Both end on the main menu, so what the
 * user sees next is something to choose from.
 */
export const OPT_OUT_COMMANDS: CommandDef[] = [
  {
    name: 'berhenti',
    allowed: (u) => u.registered,
    async run(ctx) {
      await ctx.deps.store.chatUsers.patch(ctx.chat.channel, ctx.chat.chatId, { optedOut: true });
      return goto('menu', 'main', { replies: [text('bc-optout-done')] });
    },
  },
  {
    name: 'mulai',
    allowed: (u) => u.registered,
    async run(ctx) {
      await ctx.deps.store.chatUsers.patch(ctx.chat.channel, ctx.chat.chatId, { optedOut: false });
      return goto('menu', 'main', { replies: [text('bc-optin-done')] });
    },
  },
];
