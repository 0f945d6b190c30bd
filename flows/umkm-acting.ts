import type { Umkm } from '../src/domain/schemas.js';
import { z } from 'zod';
import { defineFlow, type FlowCtx, goto, gotoRef, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { Choice } from '../src/engine/types.js';
import { handlesOrders, isOwner, orderUmkms } from '../src/engine/user.js';
import { keyChoices } from './choice-ids.js';
import { choice, clip, literal, menuButton, text } from './ui.js';

/** The UMKM an owner acts for, by id; `ua:switch` (no UMKM id) asks again. */
const ACTING = keyChoices('ua:', 'the UMKM an owner acts for, by id (ua:switch: choose again)', 32);

/** Id of the "switch UMKM" button shown on owner screens when the phone owns several UMKM. */
export const SWITCH_UMKM = ACTING.pack('switch');

/**
 * The flow's data: the owner step to come back to once the UMKM is chosen; `orders`: the choice is
 * for the order screens, where a cooperative also acts for its member UMKM.
 */
const ActingDataSchema = z.object({ next: z.tuple([z.string(), z.string()]).optional(), orders: z.boolean().optional() });

/** The UMKM the user may act for: their own; on the order screens also their cooperative's members. */
const actable = (ctx: FlowCtx, orders = false): Umkm[] => (orders ? orderUmkms(ctx.user) : ctx.user.umkms);
type ActingCtx = FlowCtx<z.output<typeof ActingDataSchema>>;

/** The UMKM an owner acts for: the only one they own, or the one chosen (session.actingUmkmId). */
export function actingUmkm(ctx: FlowCtx, orders = false): Umkm | null {
  const own = actable(ctx, orders);
  if (own.length === 1) return own[0]!;
  return own.find((u) => u.id === ctx.session.actingUmkmId) ?? null;
}

/**
 * Runs `then` with the UMKM the owner acts for. Someone who owns none is sent to the menu; an
 * owner of several who has not chosen yet picks one first and comes back to `next`.
 */
export async function withActingUmkm(
  ctx: FlowCtx,
  next: [string, string],
  then: (umkm: Umkm) => StepResult | Promise<StepResult>,
  orders = false,
): Promise<StepResult> {
  if (!(orders ? handlesOrders(ctx.user) : isOwner(ctx.user))) return goto('menu', 'main', { replies: [text('uo-owners-only')] });
  const umkm = actingUmkm(ctx, orders);
  if (!umkm) return goto('umkm-acting', 'choose', { data: { next, ...(orders ? { orders } : {}) } });
  return then(umkm);
}

/** The "switch UMKM" button, only for owners of several UMKM. */
export function switchButtons(ctx: FlowCtx, orders = false): Choice[] {
  const current = actingUmkm(ctx, orders);
  return actable(ctx, orders).length > 1 && current ? [choice(SWITCH_UMKM, 'ua-switch', { umkm: clip(current.name, 40) })] : [];
}

/** Leads to the UMKM choice and back to `next` afterwards. */
export const switchUmkm = (next: [string, string], orders = false): StepResult =>
  goto('umkm-acting', 'choose', { data: { next, ...(orders ? { orders } : {}) } });

const nextOf = (ctx: ActingCtx): [string, string] => ctx.data.next ?? ['menu', 'main'];

/** An owner of several UMKM chooses which one to act for (orders, products). */
export const umkmActingFlow = defineFlow({
  name: 'umkm-acting',
  data: ActingDataSchema,
  steps: {
    choose: {
      enter(ctx) {
        const own = actable(ctx, ctx.data.orders);
        if (!own.length) return goto('menu', 'main');
        const [flow, step] = nextOf(ctx);
        if (own.length === 1) return gotoRef({ flow, step }, { replies: [text('ua-only-one', { umkm: own[0]!.name })] });
        return reply(
          text(ctx.data.orders && ctx.user.koperasi?.length ? 'koperasi-choose' : 'ua-choose', { count: own.length }, [
            ...own.map((u) => literal(ACTING.pack(u.id), clip(`${u.name} · ${u.kecamatan}`, 60))),
            menuButton(),
          ]),
        );
      },
      handle(ctx, input) {
        const umkmId = input.kind === 'choice' ? ACTING.parse(input.id) : null;
        if (umkmId === null) return invalid('ui-choose-button');
        const umkm = actable(ctx, ctx.data.orders).find((u) => u.id === umkmId);
        if (!umkm) return invalid('engine-stale-button');
        ctx.session.actingUmkmId = umkm.id;
        const [flow, step] = nextOf(ctx);
        return gotoRef({ flow, step }, { replies: [text('ua-now-acting', { umkm: umkm.name })] });
      },
    },
  },
});
