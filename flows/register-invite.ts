import { z } from 'zod';
import { normalizePhone } from '../src/domain/phone.js';
import type { Umkm } from '../src/domain/schemas.js';
import { type FlowCtx, goto, invalid, reply, type Step, type StepResult } from '../src/engine/flow.js';
import { looksLikeToken } from '../src/store/invitations-repo.js';
import { choice, text } from './ui.js';
import { REGISTER_CHOICE } from './choice-ids.js';

/** The invite step's data: the token from `/start <token>`. */
const InviteDataSchema = z.object({ token: z.string().optional() });
type InviteData = z.output<typeof InviteDataSchema>;
const dataOf = (ctx: FlowCtx): InviteData => {
  const r = InviteDataSchema.safeParse(ctx.data);
  return r.success ? r.data : {};
};

/** Whether `/start` carried an invitation token (a Telegram deep link, a WhatsApp click-to-chat text). */
export const isInvitation = (args: string) => looksLikeToken(args.trim());

/**
 * Where someone goes after an invitation that links nothing: their menu, or the ordinary
 * registration (of their own identity), without the token.
 */
const away = (ctx: FlowCtx, key: string, args: Record<string, string>): StepResult =>
  ctx.user.registered
    ? goto('menu', 'main', { replies: [text(key, args)] })
    : goto('register', 'start', { replies: [text(key, args)], data: { token: undefined } });

/**
 * On confirming a link: spends the invitation that led here, only when it is valid and `phone`
 * is its UMKM's owner (a person who registered as themselves after a refused invitation spends nothing).
 */
export async function spendInvitation(ctx: FlowCtx, phone: string): Promise<void> {
  const token = dataOf(ctx).token;
  if (!token) return;
  const check = await ctx.deps.store.invitations.check(token);
  if (!check.ok) return;
  const umkm = await ctx.deps.store.catalogue.umkm(check.invitation.umkmId);
  if (umkm?.ownerPhone === phone) await ctx.deps.store.invitations.use(token);
}

/** The invitation's UMKM when the token is valid now; else the answer that says why (nothing changes). */
async function invitedUmkm(ctx: FlowCtx): Promise<{ umkm: Umkm; token: string } | { refused: StepResult }> {
  const token = dataOf(ctx).token ?? '';
  const contact = ctx.deps.config.ADMIN_CONTACT;
  const check = await ctx.deps.store.invitations.check(token);
  if (!check.ok) return { refused: away(ctx, `invite-${check.reason}`, { contact }) };
  const umkm = await ctx.deps.store.catalogue.umkm(check.invitation.umkmId);
  if (!umkm) return { refused: away(ctx, 'invite-unknown', { contact }) };
  return { umkm, token };
}

/** The owner's own verified phone against the UMKM's owner_phone: a forwarded invitation links nobody else. */
async function matchPhone(ctx: FlowCtx, umkm: Umkm, token: string, raw: string): Promise<StepResult> {
  const phone = normalizePhone(raw);
  if (!phone) return invalid('register-bad-phone');
  if (phone !== umkm.ownerPhone) return away(ctx, 'invite-not-yours', { umkm: umkm.name, contact: ctx.deps.config.ADMIN_CONTACT });
  // The ordinary confirmation links the chat; it spends the token.
  return goto('register', 'confirm', { data: { phone, token } });
}

/**
 * `/start <token>`: an owner invitation. Valid, unexpired, unused, and the phone the platform
 * verifies (Telegram: the user's own shared contact; WhatsApp: the sender) must be the UMKM's
 * owner_phone; then the register flow's confirmation links the chat and delivers what waited.
 */
export const inviteStep: Step = {
  async enter(ctx) {
    const found = await invitedUmkm(ctx);
    if ('refused' in found) return found.refused;
    const { umkm, token } = found;
    if (ctx.user.registered) {
      const key = ctx.user.phone === umkm.ownerPhone ? 'invite-already-linked' : 'invite-not-yours';
      return goto('menu', 'main', { replies: [text(key, { umkm: umkm.name, contact: ctx.deps.config.ADMIN_CONTACT })] });
    }
    if (ctx.verifiedPhone) return matchPhone(ctx, umkm, token, ctx.verifiedPhone);
    return reply(text('invite-welcome', { umkm: umkm.name }, [choice(REGISTER_CHOICE.pack('contact'), 'register-share-contact')], { requestContact: true }));
  },
  async handle(ctx, input) {
    const found = await invitedUmkm(ctx);
    if ('refused' in found) return found.refused;
    if (ctx.verifiedPhone) return matchPhone(ctx, found.umkm, found.token, ctx.verifiedPhone);
    if (input.kind === 'contact') {
      if (!input.own) return invalid('register-not-own-contact');
      return matchPhone(ctx, found.umkm, found.token, input.phone);
    }
    if (input.kind === 'text' && normalizePhone(input.text)) return invalid('register-use-button');
    return invalid('register-need-contact');
  },
};
