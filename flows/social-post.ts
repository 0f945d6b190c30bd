import { parsePostLink, SOCIAL_HOSTS } from '../src/domain/post-link.js';
import { type Flow, type FlowCtx, type GlobalChoice, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import { choice, menuButton, text } from './ui.js';

/** The caption the ASN copies for their post. */
export async function postCaption(ctx: FlowCtx, orderId: string): Promise<string> {
  const order = await ctx.deps.store.orders.get(orderId);
  const umkm = order ? await ctx.deps.store.catalogue.umkmToShow(order.umkmId) : null;
  const products = order?.items.map((i) => i.name).join(', ') ?? '';
  return ctx.deps.t('post-caption', { products, umkm: umkm?.name ?? '', kecamatan: umkm?.kecamatan ?? '' });
}

async function ownOrder(ctx: FlowCtx, orderId: string) {
  const order = await ctx.deps.store.orders.get(orderId);
  return order && order.asnNip === ctx.user.person?.nip ? order : null;
}

async function skip(ctx: FlowCtx, orderId: string): Promise<StepResult> {
  const order = await ownOrder(ctx, orderId);
  if (!order) return invalid('engine-stale-button');
  if (!order.postLink) await ctx.deps.store.orders.update(order.id, { postSkipped: true }, 'system', order);
  ctx.session.orderId = undefined;
  return goto('menu', 'main', { replies: [text('post-skipped')], effects: [{ type: 'cancel-reminder', orderId }] });
}

const networks = () => ({ networks: Object.keys(SOCIAL_HOSTS).join(', ') });
const askButtons = () => [choice('post:skip', 'post-skip'), menuButton()];

/** Why that was not a link, and the question again: one message, without repeating the caption. */
function askAgain(reasonKey: string): StepResult {
  return reply(text(reasonKey, networks()), text('post-ask-link', networks(), askButtons()));
}

/** After the receipt: a caption to copy and the post's link (or "skip": posting is the ASN's choice). */
export const socialPostFlow: Flow = {
  name: 'social-post',
  steps: {
    ask: {
      async enter(ctx) {
        const orderId = ctx.session.orderId;
        if (!orderId) return goto('menu', 'main');
        const caption = await postCaption(ctx, orderId);
        return reply(
          text('post-copy-caption', { caption }, undefined, { standalone: true }),
          text('post-ask-link', networks(), askButtons()),
        );
      },
      async handle(ctx, input) {
        const orderId = ctx.session.orderId;
        if (!orderId) return goto('menu', 'main');
        if (input.kind === 'choice' && input.id === 'post:skip') return skip(ctx, orderId);
        if (input.kind !== 'text') return askAgain('post-need-link');
        const link = parsePostLink(input.text);
        if (!link.ok) return askAgain('post-bad-link');
        const order = await ownOrder(ctx, orderId);
        if (!order) return goto('menu', 'main');
        await ctx.deps.store.orders.update(order.id, { postLink: link.url, postSkipped: false }, 'system', order);
        ctx.session.orderId = undefined;
        return goto('menu', 'main', {
          replies: [text('post-thanks', { network: link.network })],
          effects: [
            { type: 'cancel-reminder', orderId: order.id },
            { type: 'enqueue-followup', orderId: order.id },
          ],
        });
      },
    },
  },
};

/** Buttons sent by the reminder: skip posting, or send the link now. */
export const postGlobalChoices: GlobalChoice[] = [
  { prefix: 'post:skip:', handle: (ctx, id) => skip(ctx, id.slice('post:skip:'.length)) },
  {
    prefix: 'post:link:',
    async handle(ctx, id) {
      const order = await ownOrder(ctx, id.slice('post:link:'.length));
      if (!order || order.postLink) return invalid('engine-stale-button');
      ctx.session.orderId = order.id;
      return goto('social-post', 'ask');
    },
  },
];
