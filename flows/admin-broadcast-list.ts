import { resolveAudience } from '../src/broadcast/audience.js';
import type { OpenBroadcast } from '../src/store/broadcasts-repo.js';
import { type Broadcast, BroadcastIdSchema } from '../src/domain/broadcast.js';
import { formatWib } from '../src/domain/time.js';
import { z } from 'zod';
import { defineFlow, type Flow, type FlowCtx, goto, invalid, reply } from '../src/engine/flow.js';
import { describeAudience, repoOf, requestStop, STOP_KEYS } from './admin-broadcast-send.js';
import { adminOnly } from './admin-guard.js';
import { ADMIN_MENU, keyChoices, wordChoices } from './choice-ids.js';
import { backButton, choice, clip, menuButton, text } from './ui.js';

/** The scheduled broadcasts: a new one, or yes/back when cancelling one. */
const LIST_ACTION = wordChoices('bcl:', 'the scheduled broadcasts: a new one, or yes/back when cancelling one', ['new', 'yes', 'back']);

const FLOW = 'admin-broadcast-list';
/** Broadcasts listed at once (rarely are more than a few open). */
const MAX_SHOWN = 10;

/** The flow's data: the broadcasts the list offered to cancel, and the one to confirm. */
const ListDataSchema = z.object({ listed: z.array(z.string()).optional(), bid: BroadcastIdSchema.optional() });
type ListCtx = FlowCtx<z.output<typeof ListDataSchema>>;

/** "Cancel broadcast N" of the list. */
const CANCEL = keyChoices('bcl:x:', 'a scheduled broadcast to cancel (admin-broadcast-list)', 56);

const nav = () => [choice(ADMIN_MENU.pack('back'), 'admin-back'), menuButton()];

/** One line of the flyer: its text clipped, marked when it comes with a photo. */
function preview(ctx: FlowCtx, b: Broadcast): string {
  const t = clip(b.text.replace(/\s+/g, ' ').trim(), 80).replace(/\s+…$/, '…');
  if (!b.photo) return ctx.deps.t('admin-bcl-preview-text', { text: t });
  return t ? ctx.deps.t('admin-bcl-preview-photo', { text: t }) : ctx.deps.t('admin-bcl-preview-photo-only');
}

/** Scheduled and nobody asked to stop it yet: the ones that can be cancelled here. */
const cancellable = (o: OpenBroadcast) => o.state.status === 'scheduled' && !o.state.cancelRequestedAt;

/** A scheduled one with the chats its audience has now; a running one with its progress. */
async function entry(ctx: FlowCtx, o: OpenBroadcast, n: number): Promise<string> {
  const b = o.broadcast;
  const common = { n, id: b.id, audience: describeAudience(ctx, b.audience), preview: preview(ctx, b) };
  if (o.state.status !== 'scheduled') return ctx.deps.t('admin-bcl-line-running', { ...common, sent: o.state.sent, total: o.state.total });
  const count = (await resolveAudience(ctx.deps.store, b.audience)).recipients.length;
  return ctx.deps.t('admin-bcl-line-scheduled', { ...common, at: formatWib(o.startsAt), count });
}

/** The broadcast of the confirm step, while it is still scheduled and not asked to stop. */
async function stillScheduled(ctx: ListCtx): Promise<Broadcast | null> {
  const id = ctx.data.bid;
  if (!id) return null;
  const repo = repoOf(ctx);
  const [b, st] = await Promise.all([repo.get(id), repo.state(id)]);
  return b && st.status === 'scheduled' && !st.cancelRequestedAt ? b : null;
}

/** `/siaranjadwal`: broadcasts scheduled and not started yet, and those being sent; a scheduled one can be cancelled. */
export const adminBroadcastListFlow: Flow = adminOnly(
  defineFlow({
    name: FLOW,
    data: ListDataSchema,
    steps: {
      list: {
        async enter(ctx) {
          const open = (await repoOf(ctx).listOpen()).filter((o) => !o.state.cancelRequestedAt);
          if (!open.length) return reply(text('admin-bcl-empty', {}, [choice(LIST_ACTION.pack('new'), 'admin-menu-broadcast'), ...nav()]));
          const shown = open.slice(0, MAX_SHOWN);
          const parts: string[] = [];
          for (const [i, o] of shown.entries()) parts.push(await entry(ctx, o, i + 1));
          if (open.length > shown.length) parts.push(ctx.deps.t('admin-bcl-more', { count: open.length - shown.length }));
          const cancels = shown.flatMap((o, i) =>
            cancellable(o) ? [choice(CANCEL.pack(o.broadcast.id), 'admin-bcl-cancel', { n: i + 1, at: formatWib(o.startsAt) })] : [],
          );
          if (cancels.length) parts.push(ctx.deps.t('admin-bcl-cancel-hint'));
          return {
            kind: 'reply',
            replies: [text('admin-bcl-list', { count: open.length, lines: parts.join('\n\n') }, [...cancels, ...nav()])],
            data: { listed: shown.filter(cancellable).map((o) => o.broadcast.id) },
          };
        },
        handle(ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          if (ADMIN_MENU.parse(input.id) === 'back') return goto('admin', 'main');
          if (LIST_ACTION.parse(input.id) === 'new') return goto('admin-broadcast', 'compose');
          const listed = ctx.data.listed ?? [];
          const id = CANCEL.parse(input.id);
          if (!id || !listed.includes(id)) return invalid('engine-stale-button');
          return goto(FLOW, 'confirm', { data: { bid: id } });
        },
      },
      confirm: {
        async enter(ctx) {
          const b = await stillScheduled(ctx);
          if (!b) return goto(FLOW, 'list', { replies: [text('admin-bcl-gone')] });
          const args = {
            id: b.id,
            at: formatWib(new Date(b.scheduledAt ?? b.createdAt)),
            audience: describeAudience(ctx, b.audience),
            preview: preview(ctx, b),
          };
          return reply(text('admin-bcl-confirm', args, [choice(LIST_ACTION.pack('yes'), 'admin-bcl-yes'), backButton(LIST_ACTION.pack('back')), menuButton()]));
        },
        async handle(ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          if (LIST_ACTION.parse(input.id) === 'back') return goto(FLOW, 'list');
          if (LIST_ACTION.parse(input.id) !== 'yes') return invalid('engine-stale-button');
          const id = ctx.data.bid;
          if (!id) return goto(FLOW, 'list', { replies: [text('admin-bcl-gone')] });
          // The flag and the start's claim are one step each in Redis: exactly one wins (see requestStop).
          const outcome = await requestStop(ctx, id);
          if (outcome === 'unavailable') return invalid('admin-unavailable');
          const key = outcome === 'stale' ? 'admin-bcl-gone' : outcome === 'stopping' ? 'admin-bcl-started-meanwhile' : STOP_KEYS[outcome];
          return goto(FLOW, 'list', { replies: [text(key, { id })] });
        },
      },
    },
  }),
);
