import { normalizePhone } from '../src/domain/phone.js';
import { z } from 'zod';
import { defineFlow, type FlowCtx, type StepResult, goto, invalid, msg, reply } from '../src/engine/flow.js';
import { asUser, canBuy } from '../src/engine/user.js';
import { findsProducts, searchFor } from './browse.js';
import { looksLikeSearch } from './menu.js';
import { inviteStep, spendInvitation } from './register-invite.js';
import { choice, text } from './ui.js';
import { REGISTER_CHOICE } from './choice-ids.js';

/** The reply-keyboard button that shares the user's own contact (Telegram). */
const shareButton = () => choice(REGISTER_CHOICE.pack('contact'), 'register-share-contact');

/**
 * Registration: the roster is the gate. The phone must be verified by the platform (Telegram:
 * the user's own shared contact; WhatsApp/console: the sender's number) and be on a roster.
 */
export const registerFlow = defineFlow({
  name: 'register',
  /** the phone found on a roster, waiting for the user's "yes, that is me"; the owner invitation that led here (register-invite.ts) */
  data: z.object({
    phone: z.string().optional(),
    token: z.string().optional(),
    /** a first message that named a product: searched once the chat is linked */
    search: z.string().max(100).optional(),
  }),
  steps: {
    start: {
      async enter(ctx) {
        if (ctx.verifiedPhone) return checkPhone(ctx, ctx.verifiedPhone);
        return reply(text('register-welcome', {}, [shareButton()], { requestContact: true }));
      },
      async handle(ctx, input) {
        if (ctx.verifiedPhone) {
          // "rendang" as a first message: asked who they are first, then shown what they looked for.
          const wanted = input.kind === 'text' && looksLikeSearch(input.text) && (await findsProducts(ctx, input.text)) ? input.text.trim() : undefined;
          return checkPhone(ctx, ctx.verifiedPhone, wanted);
        }
        if (input.kind === 'contact') {
          if (!input.own) return invalid('register-not-own-contact');
          return checkPhone(ctx, input.phone);
        }
        if (input.kind === 'text' && normalizePhone(input.text)) return invalid('register-use-button');
        return invalid('register-need-contact');
      },
    },
    confirm: {
      async enter(ctx) {
        const { person, umkms, koperasi } = await ctx.whoIs(ctx.data.phone ?? '');
        const lines: string[] = [];
        if (person) lines.push(ctx.deps.t('register-found-person', { name: person.name, opd: person.opd, role: person.role }));
        for (const u of umkms) lines.push(ctx.deps.t('register-found-umkm', { umkm: u.name, kecamatan: u.kecamatan }));
        for (const u of koperasi ?? []) {
          lines.push(ctx.deps.t('koperasi-register-found', { koperasi: u.binaan?.name ?? '-', umkm: u.name, kecamatan: u.kecamatan }));
        }
        const search = person && ctx.data.search ? { suffix: [msg('register-search-kept', { query: ctx.data.search })] } : {};
        return reply(
          text(
            'register-confirm',
            { details: lines.join('\n') },
            [choice(REGISTER_CHOICE.pack('yes'), 'register-yes'), choice(REGISTER_CHOICE.pack('no'), 'register-no')],
            search,
          ),
        );
      },
      async handle(ctx, input) {
        if (input.kind === 'choice' && REGISTER_CHOICE.parse(input.id) === 'yes') {
          const phone = ctx.data.phone;
          if (!phone) return goto('register', 'start');
          const linked = await ctx.deps.store.chatUsers.patch(ctx.chat.channel, ctx.chat.chatId, {
            phone,
            linkedAt: ctx.deps.clock().toISOString(),
          });
          Object.assign(ctx.user, asUser(linked.phone ?? phone, await ctx.whoIs(phone)));
          // An owner invitation that led here is spent (its phone matched); what waited is delivered
          // (counted after the link: a notification parked before it is seen here, one after it finds the chat).
          const [, waiting] = await Promise.all([spendInvitation(ctx, phone), ctx.deps.store.waiting.count(phone)]);
          const done = { replies: [text('register-done')], effects: waiting ? [{ type: 'deliver-waiting' as const, phone }] : [] };
          const search = ctx.data.search && canBuy(ctx.user) ? searchFor(ctx.data.search) : null;
          if (search?.kind === 'goto') return { ...search, replies: [...done.replies, ...(search.replies ?? [])], effects: done.effects };
          return goto('menu', 'main', done);
        }
        if (input.kind === 'choice' && REGISTER_CHOICE.parse(input.id) === 'no') return goto('register', 'declined');
        return invalid('ui-choose-button');
      },
    },
    /** `/start <token>`: an owner invitation (register-invite.ts). */
    invite: inviteStep,
    // "Not me": nothing is linked, and nothing is asked again until the user wants to (on WhatsApp
    // the number is the sender's, so starting over at once would show the same data again).
    declined: {
      enter: (ctx) => reply(text('register-not-me', { contact: ctx.deps.config.ADMIN_CONTACT }, [choice(REGISTER_CHOICE.pack('again'), 'register-again')])),
      handle(_ctx, input) {
        if (input.kind === 'choice' && REGISTER_CHOICE.parse(input.id) === 'again') return goto('register', 'start');
        return invalid('ui-choose-button');
      },
    },
  },
});

async function checkPhone(ctx: FlowCtx, raw: string, search?: string): Promise<StepResult> {
  const phone = normalizePhone(raw);
  if (!phone) return invalid('register-bad-phone');
  const { person, umkms, koperasi } = await ctx.whoIs(phone);
  if (!person && !umkms.length && !koperasi?.length) {
    const again = ctx.verifiedPhone ? {} : { requestContact: true };
    return reply(text('register-not-on-roster', { contact: ctx.deps.config.ADMIN_CONTACT }, ctx.verifiedPhone ? undefined : [shareButton()], again));
  }
  return goto('register', 'confirm', { data: { phone, search } });
}
