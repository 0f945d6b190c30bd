import { parsePostLink } from '../src/domain/post-link.js';
import { z } from 'zod';
import { defineFlow, goto, gotoRef, invalid, msg, reply, type StepRef } from '../src/engine/flow.js';
import { choiceStyle } from '../src/i18n/render.js';
import type { Choice } from '../src/i18n/message.js';
import { canBuy, handlesOrders, isAdmin, isCoordinator, isOwner } from '../src/engine/user.js';
import { emojiAsWords } from '../src/domain/search-words.js';
import { anyBinaan } from './binaan.js';
import { searchFor } from './browse.js';
import { MENU_ENTRY, wordChoices } from './choice-ids.js';
import { choice, menuButton, text } from './ui.js';

/** Main menu entries and where each leads; shown by role. */
type MenuEntry = NonNullable<ReturnType<typeof MENU_ENTRY.parse>>;
const ENTRIES: { entry: MenuEntry; key: string; to: StepRef; who: 'buyer' | 'owner' | 'admin' | 'coordinator' }[] = [
  { entry: 'browse', key: 'menu-browse', to: { flow: 'browse', step: 'category' }, who: 'buyer' },
  { entry: 'search', key: 'menu-search', to: { flow: 'browse', step: 'search' }, who: 'buyer' },
  // shown only once some UMKM of the catalogue names who fosters it (the `binaan` column)
  { entry: 'binaan', key: 'menu-binaan', to: { flow: 'binaan', step: 'start' }, who: 'buyer' },
  { entry: 'cart', key: 'menu-cart', to: { flow: 'cart', step: 'summary' }, who: 'buyer' },
  { entry: 'orders', key: 'menu-my-orders', to: { flow: 'my-orders', step: 'list' }, who: 'buyer' },
  { entry: 'recipients', key: 'menu-my-recipients', to: { flow: 'my-recipients', step: 'list' }, who: 'buyer' },
  { entry: 'owner-orders', key: 'menu-owner-orders', to: { flow: 'umkm-orders', step: 'list' }, who: 'owner' },
  { entry: 'owner-products', key: 'menu-owner-products', to: { flow: 'umkm-products', step: 'list' }, who: 'owner' },
  { entry: 'owner-payment', key: 'menu-owner-payment', to: { flow: 'umkm-payment', step: 'view' }, who: 'owner' },
  { entry: 'admin', key: 'menu-admin', to: { flow: 'admin', step: 'main' }, who: 'admin' },
  { entry: 'unit', key: 'menu-coordinator', to: { flow: 'coordinator', step: 'main' }, who: 'coordinator' },
  { entry: 'help', key: 'menu-help', to: { flow: 'menu', step: 'help' }, who: 'buyer' },
];

/** What people type to say hello (the menu is shown again). */
const GREETINGS =
  /^(h[ae]l+o+|hai+|hi+|hey|p|ping|tes|test|pagi|siang|sore|malam|selamat (pagi|siang|sore|malam)|ass?alamu.?alaikum|assalamualaikum|salam|permisi|min|kak|halo min|halo kak)[\s!.,?]*$/u;

/**
 * Words a person typed to find a product (not a greeting, three letters or more, not a post
 * link): at the menu they search, and as a first message they are searched once the chat is linked.
 */
export function looksLikeSearch(typed: string): boolean {
  const t = typed.trim().toLowerCase();
  if (GREETINGS.test(t) || parsePostLink(typed).ok) return false;
  return emojiAsWords(t).replace(/[^\p{L}]/gu, '').length >= 3;
}

/** The menu flow's data: where /bahasa was typed, shown again in the new language. */
const MenuDataSchema = z.object({
  back: z.object({ flow: z.string(), step: z.string(), data: z.record(z.string(), z.unknown()).optional() }).optional(),
});

const LANGUAGE = wordChoices('lang:', 'the language of the chat', ['id', 'en']);

/** The main menu, help and language choice. */
export const menuFlow = defineFlow({
  name: 'menu',
  data: MenuDataSchema,
  steps: {
    main: {
      async enter(ctx) {
        const u = ctx.user;
        const binaan = canBuy(u) && (await anyBinaan(ctx));
        const visible = ENTRIES.filter(
          (e) =>
            (e.who === 'buyer' && (canBuy(u) || e.entry === 'help')) ||
            (e.who === 'owner' && isOwner(u)) ||
            (e.entry === 'owner-orders' && !isOwner(u) && handlesOrders(u)) || // a cooperative, for its members
            (e.who === 'admin' && isAdmin(u)) ||
            (e.who === 'coordinator' && isCoordinator(u)),
        ).filter((e) => (e.entry !== 'cart' || (ctx.session.cart?.items.length ?? 0) > 0) && (e.entry !== 'binaan' || binaan));
        const choices: Choice[] = visible.map((e) =>
          e.entry === 'cart'
            ? choice(MENU_ENTRY.pack(e.entry), e.key, { count: ctx.session.cart!.items.length }) // products, not units: "200" read as an error
            : choice(MENU_ENTRY.pack(e.entry), e.key),
        );
        const name = u.person?.name ?? u.umkms[0]?.ownerName ?? '';
        // Numbered channels: a buyer may type what they want instead of walking the catalogue.
        const hint = canBuy(u) && choiceStyle(ctx.chat.channel) === 'numbered' && !ctx.again ? { suffix: [msg('menu-search-hint')] } : {};
        return reply(text(name ? 'menu-title' : 'menu-title-anon', { name }, choices, hint));
      },
      handle(ctx, input) {
        if (input.kind === 'text') {
          // A greeting shows the menu again; a buyer typing words searches the catalogue with them.
          // A post link is no search: refused here, the engine offers it to the orders awaiting one.
          if (GREETINGS.test(input.text.trim().toLowerCase())) return goto('menu', 'main');
          if (canBuy(ctx.user) && looksLikeSearch(input.text)) return searchFor(input.text);
        }
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        const picked = MENU_ENTRY.parse(input.id);
        const entry = ENTRIES.find((e) => e.entry === picked);
        if (!entry) return invalid('engine-stale-button');
        return gotoRef(entry.to);
      },
    },
    help: {
      // What this user can do: shopping for ASN (and the not yet registered), the owner's and the
      // admin's commands for them, then the commands everyone has.
      enter(ctx) {
        const u = ctx.user;
        const t = ctx.deps.t;
        const parts: string[] = [];
        if (canBuy(u) || !u.registered) parts.push(t('menu-help-buyer'));
        if (isOwner(u)) parts.push(t('menu-help-owner'));
        if (isAdmin(u)) parts.push(t('menu-help-admin'));
        if (isCoordinator(u)) parts.push(t('menu-help-coordinator'));
        if (!u.registered) parts.push(t('menu-help-register'));
        parts.push(canBuy(u) ? `${t('menu-help-commands')}\n${t('menu-help-commands-buyer')}` : t('menu-help-commands'));
        return reply(text('ui-literal', { text: parts.join('\n\n') }, [menuButton()]));
      },
      handle: () => goto('menu', 'main'),
    },
    language: {
      enter: () =>
        reply(text('menu-language', {}, [choice(LANGUAGE.pack('id'), 'menu-language-id'), choice(LANGUAGE.pack('en'), 'menu-language-en')], { columns: 2 })),
      async handle(ctx, input) {
        const locale = input.kind === 'choice' ? LANGUAGE.parse(input.id) : null;
        if (!locale) return invalid('ui-choose-button');
        await ctx.deps.store.chatUsers.patch(ctx.chat.channel, ctx.chat.chatId, { locale });
        ctx.locale = locale;
        const replies = [text('menu-language-set')];
        const back = ctx.data.back;
        if (ctx.user.registered && back && !(back.flow === 'menu' && back.step === 'language')) {
          return gotoRef(back, { data: back.data, replies });
        }
        return goto(ctx.user.registered ? 'menu' : 'register', ctx.user.registered ? 'main' : 'start', { replies });
      },
    },
  },
});
