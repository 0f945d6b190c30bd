// The step names of every flow (a type declaration; imported so every program that runs the flows checks them).
import './steps.js';
import type { FlowPolicies } from '../src/engine/engine.js';
import { type CommandDef, type Flow, type GlobalChoice, goto, reply, type StrayInput } from '../src/engine/flow.js';
import { canBuy } from '../src/engine/user.js';
import { ADMIN_COMMANDS, ADMIN_FLOWS, ADMIN_GLOBAL_CHOICES } from './admin.js';
import { binaanFlow } from './binaan.js';
import { browseFlow, searchFor } from './browse.js';
import { cartFlow } from './cart.js';
import { COORDINATOR_COMMANDS, coordinatorFlow } from './coordinator.js';
import { menuFlow } from './menu.js';
import { myOrdersFlow } from './my-orders.js';
import { myRecipientsFlow } from './my-recipients.js';
import { OPT_OUT_COMMANDS } from './opt-out.js';
import { overdueCommands, overdueGlobalChoices, orderOverdueFlow } from './order-overdue.js';
import { retryGlobalChoices } from './order-retry.js';
import { paymentFlow } from './payment.js';
import { receiptFlow, strayReceipt } from './receipt.js';
import { recipientFlow } from './recipient.js';
import { registerFlow } from './register.js';
import { isInvitation } from './register-invite.js';
import { postCommands, postGlobalChoices, socialPostFlow, strayPostLink } from './social-post.js';
import { MENU_CHOICE_ID, text } from './ui.js';
import { umkmActingFlow } from './umkm-acting.js';
import { umkmCommands } from './umkm-commands.js';
import { ownerGlobalChoices } from './umkm-order-actions.js';
import { umkmOrdersFlow } from './umkm-orders.js';
import { umkmPaymentFlow } from './umkm-payment.js';
import { umkmProductsFlow } from './umkm-products.js';

/** Every conversation the engine runs. */
export const FLOWS: Flow[] = [
  registerFlow,
  menuFlow,
  browseFlow,
  cartFlow,
  recipientFlow,
  receiptFlow,
  paymentFlow,
  umkmPaymentFlow,
  socialPostFlow,
  myOrdersFlow,
  myRecipientsFlow,
  umkmActingFlow,
  umkmOrdersFlow,
  umkmProductsFlow,
  orderOverdueFlow,
  ...ADMIN_FLOWS,
  coordinatorFlow,
  binaanFlow,
];

const anyone = () => true;
const registered = (u: { registered: boolean }) => u.registered;

/** Slash commands (also typed as plain words `menu`, `batal` on WhatsApp). */
const INDONESIAN_COMMANDS: CommandDef[] = [
  {
    name: 'start',
    allowed: anyone,
    async run(ctx, args) {
      if (isInvitation(args)) return goto('register', 'invite', { data: { token: args.trim() } });
      if (!ctx.user.registered) return goto('register', 'start');
      // Back after blocking the bot (Telegram's "Restart" sends /start): what waited meanwhile comes now.
      const phone = ctx.user.phone;
      const waiting = phone ? await ctx.deps.store.waiting.of(phone) : [];
      return goto('menu', 'main', waiting.length && phone ? { effects: [{ type: 'deliver-waiting', phone }] } : {});
    },
  },
  { name: 'menu', allowed: registered, to: { flow: 'menu', step: 'main' } },
  {
    name: 'batal',
    allowed: anyone,
    run: (ctx) =>
      ctx.user.registered
        ? goto('menu', 'main', {
            replies: [
              text(
                ctx.session.cart
                  ? 'menu-cancelled-cart-kept'
                  : ctx.user.person?.role === 'asn' || ctx.session.orderId
                    ? 'menu-cancelled'
                    : 'menu-cancelled-plain',
              ),
            ],
          })
        : goto('register', 'start'),
  },
  {
    name: 'bahasa',
    allowed: anyone,
    // The screen the user was on is shown again, in the new language, once it is chosen.
    run: (ctx) =>
      goto('menu', 'language', {
        data: { back: { flow: ctx.session.flow, step: ctx.session.step, data: structuredClone(ctx.data) } },
      }),
  },
  { name: 'bantuan', allowed: anyone, to: { flow: 'menu', step: 'help' } },
  // `/cari batik` searches at once; `/cari` alone asks for the words.
  { name: 'cari', allowed: canBuy, run: (_ctx, args) => (args.trim() ? searchFor(args) : goto('browse', 'search')) },
  { name: 'binaan', allowed: canBuy, to: { flow: 'binaan', step: 'start' } },
  { name: 'keranjang', allowed: canBuy, to: { flow: 'cart', step: 'summary' } },
  { name: 'riwayat', allowed: canBuy, to: { flow: 'my-orders', step: 'list' } },
  { name: 'hapusdata', allowed: canBuy, to: { flow: 'my-recipients', step: 'delete' } },
  { name: 'ping', allowed: anyone, run: () => reply(text('menu-pong')) },
  ...umkmCommands,
  ...postCommands,
  ...overdueCommands,
  ...ADMIN_COMMANDS,
  ...COORDINATOR_COMMANDS,
  ...OPT_OUT_COMMANDS,
];

/** English names of the buyer's commands: what the English help and command menu show. */
export const ENGLISH_COMMANDS: Readonly<Record<string, string>> = {
  cancel: 'batal',
  language: 'bahasa',
  help: 'bantuan',
  search: 'cari',
  cart: 'keranjang',
  orders: 'riwayat',
  deletedata: 'hapusdata',
  skip: 'lewati',
  retry: 'ulang',
  unsubscribe: 'berhenti',
  subscribe: 'mulai',
};

export const COMMANDS: CommandDef[] = [
  ...INDONESIAN_COMMANDS,
  ...Object.entries(ENGLISH_COMMANDS).map(([name, of]) => ({ ...INDONESIAN_COMMANDS.find((c) => c.name === of)!, name })),
];

/** Buttons that work from anywhere (sent in reminders and notifications). */
export const GLOBAL_CHOICES: GlobalChoice[] = [
  ...postGlobalChoices,
  ...ownerGlobalChoices,
  ...retryGlobalChoices,
  ...overdueGlobalChoices,
  ...ADMIN_GLOBAL_CHOICES,
];

/** What the engine must know of these flows: where registration starts, the main menu, which answers are refusals. */
export const ENGINE_POLICIES: FlowPolicies = {
  registration: { flow: 'register', step: 'start' },
  home: { flow: 'menu', step: 'main' },
  homeChoiceId: MENU_CHOICE_ID,
  // /bahasa works before registering: the welcome is then shown in the chosen language
  openBeforeRegistering: (s) => s.flow === 'menu' && s.step === 'language',
  // "choose a button", "send a photo": a stray post link or receipt photo may mean something there
  refusals: new Set(['ui-choose-button', 'receipt-need-photo']),
};

/** What a post link or a receipt photo means on a screen that takes neither (see ENGINE_POLICIES.refusals). */
export const STRAY_INPUTS: StrayInput[] = [strayPostLink, strayReceipt];
