import { parsePostLink, SOCIAL_HOSTS } from '../src/domain/post-link.js';
import type { Order } from '../src/domain/schemas.js';
import { z } from 'zod';
import {
  type CommandDef,
  defineFlow,
  type FlowCtx,
  type GlobalChoice,
  goto,
  gotoRef,
  invalid,
  msg,
  reply,
  type StepResult,
  type StrayInput,
} from '../src/engine/flow.js';
import { canBuy } from '../src/engine/user.js';
import { choiceStyle } from '../src/i18n/render.js';
import { keyChoices } from './choice-ids.js';
import { orderButton, ordersWaitingFor, resumeStep } from './my-orders.js';
import { choice, menuButton, text } from './ui.js';

/** The caption the ASN copies for their post. */
/** "A, B, dan C" per locale: made once (an Intl formatter costs far more to make than to use). */
const listFormats = new Map<string, Intl.ListFormat>();
function listFormat(locale: string): Intl.ListFormat {
  let f = listFormats.get(locale);
  if (!f) listFormats.set(locale, (f = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return f;
}

export async function postCaption(ctx: FlowCtx, orderId: string): Promise<string> {
  const order = await ctx.deps.store.orders.get(orderId);
  const umkm = order ? await ctx.deps.store.catalogue.umkmToShow(order.umkmId) : null;
  // "Nasi Box, Rendang, dan Keripik": a sentence people post as they would write it
  const products = listFormat(ctx.locale).format(order?.items.map((i) => i.name) ?? []);
  return ctx.deps.t('post-caption', { products, umkm: umkm?.name ?? '', kecamatan: umkm?.kecamatan ?? '' });
}

/** One word with a dot, colon or slash (or an http address): meant as a link, even if not a post's. */
const looksLikeLink = (s: string) => /https?:\/\//i.test(s) || (/^\S+$/.test(s.trim()) && /[.:/]/.test(s));

async function ownOrder(ctx: FlowCtx, orderId: string) {
  const order = await ctx.deps.store.orders.get(orderId);
  return order && order.asnNip === ctx.user.person?.nip ? order : null;
}

/** Forgets the session's unfinished order only when it is this one (a reminder may concern another). */
function finished(ctx: FlowCtx, orderId: string): void {
  if (ctx.session.orderId === orderId) ctx.session.orderId = undefined;
}

async function skip(ctx: FlowCtx, orderId: string): Promise<StepResult> {
  const order = await ownOrder(ctx, orderId);
  if (!order) return invalid('engine-stale-button');
  if (!order.postLink) await ctx.deps.store.orders.update(order.id, { postSkipped: true }, 'system', order);
  finished(ctx, orderId);
  return goto('menu', 'main', { replies: [text('post-skipped')], effects: [{ type: 'cancel-reminder', orderId }] });
}

type PostLink = { url: string; network: string };

/** Records the link on the order; the thanks names the order, since it may not be the one on screen. */
async function saveLink(ctx: FlowCtx, order: Order, link: PostLink): Promise<Omit<Extract<StepResult, { kind: 'goto' }>, 'kind' | 'to'>> {
  await ctx.deps.store.orders.update(order.id, { postLink: link.url, postSkipped: false }, 'system', order);
  finished(ctx, order.id);
  return {
    replies: [text('post-thanks', { network: link.network, id: order.id })],
    effects: [
      { type: 'cancel-reminder', orderId: order.id },
      { type: 'enqueue-followup', orderId: order.id },
    ],
  };
}

const networks = () => ({ networks: Object.keys(SOCIAL_HOSTS).join(', ') });
const askButtons = () => [choice('post:skip', 'post-skip'), menuButton()];

/** Why that was not a link, and the question again: one message, without repeating the caption. */
function askAgain(reasonKey: string): StepResult {
  return reply(text(reasonKey, networks()), text('post-ask-link', networks(), askButtons()));
}

/** Choice id of "this link is for order X" on the pick step. */
const PICK = keyChoices('sp:', 'the order a post link is for (social-post pick step)', 56);

/** The social-post flow's data: the link pasted elsewhere, kept by the pick step. */
const PostDataSchema = z.object({ link: z.string().optional(), network: z.string().optional() });

/** After the receipt: a caption to copy and the post's link (or "skip": posting is the ASN's choice). */
export const socialPostFlow = defineFlow({
  name: 'social-post',
  data: PostDataSchema,
  steps: {
    ask: {
      async enter(ctx) {
        const orderId = ctx.session.orderId;
        if (!orderId) return goto('menu', 'main');
        const caption = await postCaption(ctx, orderId);
        // Numbered channels (WhatsApp): the question with what came before it, then the caption
        // alone, so it is copied whole: two messages. Telegram: one message, the caption in it as a
        // part one tap copies whole (`code`), the question after it.
        if (choiceStyle(ctx.chat.channel) === 'numbered') {
          return reply(
            text('post-ask-link', networks(), askButtons(), { prefix: [msg('post-caption-below')] }),
            text('ui-literal', { text: caption }, undefined, { standalone: true }),
          );
        }
        return reply(text('post-ask-link', networks(), askButtons(), { prefix: [msg('post-copy-caption', { caption })], code: [caption] }));
      },
      async handle(ctx, input) {
        const orderId = ctx.session.orderId;
        if (!orderId) return goto('menu', 'main');
        if (input.kind === 'choice' && input.id === 'post:skip') return skip(ctx, orderId);
        if (input.kind !== 'text') return askAgain('post-need-link');
        const link = parsePostLink(input.text);
        // "sudah saya upload" is not a link at all: ask for the link itself, not about its site
        if (!link.ok) return askAgain(looksLikeLink(input.text) ? 'post-bad-link' : 'post-need-link');
        const order = await ownOrder(ctx, orderId);
        if (!order) return goto('menu', 'main');
        return goto('menu', 'main', await saveLink(ctx, order, link));
      },
    },
    /** A link pasted elsewhere while several orders wait for one: which order is it for? */
    pick: {
      async enter(ctx) {
        const waiting = await ordersWaitingFor(ctx, 'social-post');
        if (!waiting.length || ctx.data.link === undefined) return goto('menu', 'main');
        const buttons = await Promise.all(waiting.slice(0, 8).map((o) => orderButton(ctx, PICK.pack(o.id), o)));
        return reply(text('post-pick-order', { network: ctx.data.network ?? '' }, [...buttons, menuButton()]));
      },
      async handle(ctx, input) {
        const orderId = input.kind === 'choice' ? PICK.parse(input.id) : null;
        if (orderId === null) return invalid('ui-choose-button');
        const order = await ownOrder(ctx, orderId);
        const { link, network } = ctx.data;
        if (!order || resumeStep(order)?.flow !== 'social-post' || link === undefined) return invalid('engine-stale-button');
        return goto('menu', 'main', await saveLink(ctx, order, { url: link, network: String(network) }));
      },
    },
  },
});

/**
 * A post link pasted on a screen that takes no text (the reminder says "send the link here"): for
 * the one order waiting for a link, recorded at once and the screen shown again; with several, the
 * ASN picks the order.
 */
export const strayPostLink: StrayInput = async (ctx, input) => {
  if (input.kind !== 'text' || !ctx.user.person) return null;
  const link = parsePostLink(input.text);
  if (!link.ok) return null;
  const waiting = await ordersWaitingFor(ctx, 'social-post');
  if (!waiting.length) return invalid('post-none-waiting');
  if (waiting.length === 1) return gotoRef(ctx.session, await saveLink(ctx, waiting[0]!, link));
  return goto('social-post', 'pick', { data: { link: link.url, network: link.network } });
};

/** `/lewati <order>`: the typed "I won't post" of a reminder on numbered channels (no order: the only one waiting). */
async function skipTyped(ctx: FlowCtx, args: string): Promise<StepResult> {
  const typed = args.trim().toUpperCase();
  if (!typed) {
    const waiting = await ordersWaitingFor(ctx, 'social-post');
    if (!waiting.length) return invalid('post-none-waiting');
    return waiting.length === 1 ? skip(ctx, waiting[0]!.id) : invalid('post-skip-need-id');
  }
  const order = /^[A-Z0-9-]{1,40}$/.test(typed) ? await ownOrder(ctx, typed) : null;
  if (!order || resumeStep(order)?.flow !== 'social-post') return invalid('post-skip-unknown', { id: typed });
  return skip(ctx, order.id);
}

export const postCommands: CommandDef[] = [{ name: 'lewati', allowed: canBuy, run: skipTyped }];

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
