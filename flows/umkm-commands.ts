import { type OwnerAction, ownerChoiceId } from '../src/domain/order-choices.js';
import { type CommandDef, goto, invalid } from '../src/engine/flow.js';
import { canBuy, handlesOrders, isAdmin, isOwner } from '../src/engine/user.js';
import { ownerChoice } from './umkm-order-actions.js';
import { retryRejected } from './order-retry.js';
import { switchUmkm } from './umkm-acting.js';

/** The typed forms of the owner's order buttons (WhatsApp shows no buttons on notifications). */
const OWNER_TYPED: [command: string, action: OwnerAction][] = [
  ['terima', 'acc'],
  ['tolak', 'rej'],
  ['lunas', 'pay'],
  ['antar', 'dlv'],
];

/**
 * Commands of the UMKM owner's side: `/pesanan` (an owner's incoming orders; for an ASN who owns
 * no UMKM, their own orders), `/produk`, `/umkm` (switch the UMKM acted for), and the ASN's
 * `/ulang <order id>` after a rejection (the typed form of the button, for WhatsApp), and the
 * owner's typed actions `/terima`, `/tolak`, `/lunas`, `/antar <order id>`.
 */
export const umkmCommands: CommandDef[] = [
  {
    name: 'pesanan',
    allowed: (u) => handlesOrders(u) || canBuy(u),
    run: (ctx) => (handlesOrders(ctx.user) ? goto('umkm-orders', 'list') : goto('my-orders', 'list')),
  },
  { name: 'produk', allowed: isOwner, to: { flow: 'umkm-products', step: 'list' } },
  // the owner's own bank account, e-wallet and QRIS (issue 12)
  { name: 'pembayaran', allowed: isOwner, to: { flow: 'umkm-payment', step: 'view' } },
  {
    // An admin's /umkm is the owners' overview and invitations (admin-umkm.ts); an owner's switches the UMKM acted for.
    name: 'umkm',
    allowed: (u) => isOwner(u) || isAdmin(u),
    run: (ctx) => (isAdmin(ctx.user) ? goto('admin-umkm', 'overview') : switchUmkm(['menu', 'main'])),
  },
  ...OWNER_TYPED.map(([name, action]): CommandDef => ({
    name,
    allowed: handlesOrders,
    // The same checks as the button: own (or the cooperative's member) UMKM only, legal status moves only.
    run: (ctx, args) => {
      const id = args.trim().toUpperCase();
      return /^[A-Z0-9-]{1,40}$/.test(id) ? ownerChoice(ctx, ownerChoiceId(action, id)) : invalid('uo-need-id', { command: name });
    },
  })),
  {
    name: 'ulang',
    allowed: canBuy,
    run: (ctx, args) => (args.trim() ? retryRejected(ctx, args.trim().toUpperCase()) : invalid('ar-need-id')),
  },
];
