import { resolveAudience } from '../src/broadcast/audience.js';
import { flyerReply } from '../src/broadcast/flyer.js';
import { stopChoiceId } from '../src/broadcast/progress.js';
import { type Audience, AudienceSchema, type Broadcast, BroadcastIdSchema, MAX_FLYER_TEXT } from '../src/domain/broadcast.js';
import { parseScheduleTime, relativeDay } from '../src/domain/schedule-time.js';
import { formatWib } from '../src/domain/time.js';
import { z } from 'zod';
import { type FlowCtx, type GlobalChoice, goto, invalid, reply, type Step, type StepResult } from '../src/engine/flow.js';
import { isAdmin } from '../src/engine/user.js';
import { backButton, choice, clip, menuButton, text } from './ui.js';
import { ADMIN_MENU, BROADCAST_DRAFT } from './choice-ids.js';

/** The broadcast records, on the store's connection. */
export const repoOf = (ctx: FlowCtx) => ctx.deps.store.broadcasts;

/** The admin-broadcast flow's data: the draft (flyer, audience, time) and the OPD multi-select. */
export const BroadcastDataSchema = z.object({
  bid: BroadcastIdSchema.optional(),
  /** the flyer's text (a photo's caption) */
  text: z.string().max(MAX_FLYER_TEXT).optional(),
  /** the flyer photo, stored under MEDIA_DIR */
  photo: z.string().optional(),
  audience: AudienceSchema.optional(),
  /** the scheduled time (ISO) waiting for the admin's "yes" */
  at: z.string().optional(),
  /** the OPD multi-select: the list as first shown, the positions ticked, the page */
  opdList: z.array(z.string()).optional(),
  selected: z.array(z.number().int()).optional(),
  page: z.number().int().optional(),
});
export type BroadcastCtx = FlowCtx<z.output<typeof BroadcastDataSchema>>;

/** The draft in the flow data, or null when it is incomplete (a stale session). */
function draftOf(ctx: BroadcastCtx): { bid: string; text: string; photo?: string; audience: Audience } | null {
  const { bid, text: t, photo, audience } = ctx.data;
  return bid && t !== undefined && audience ? { bid, text: t, photo, audience } : null;
}

/** The audience in words: "ASN of Dinas Kesehatan, Kecamatan Beji". */
export function describeAudience(ctx: FlowCtx, a: Audience): string {
  switch (a.kind) {
    case 'asn-all':
      return ctx.deps.t('admin-bc-aud-asn-all');
    case 'asn-opd':
      return ctx.deps.t('admin-bc-aud-asn-opd', { opds: clip(a.opds.join(', '), 300) });
    case 'asn-nips':
      return ctx.deps.t('admin-bc-aud-asn-nips', { unit: a.unit, count: a.nips.length });
    case 'umkm-all':
      return ctx.deps.t('admin-bc-aud-umkm-all');
    case 'umkm-kecamatan':
      return ctx.deps.t('admin-bc-aud-umkm-kec', { kecamatan: a.kecamatan });
    case 'umkm-category':
      return ctx.deps.t('admin-bc-aud-umkm-cat', { category: ctx.deps.t(`category-${a.category}`) });
  }
}

const restart = (): StepResult => goto('admin-broadcast', 'compose', { replies: [text('admin-bc-draft-lost')] });

/** Stores the broadcast once (a double tap finds it stored) and queues its start. */
async function confirmSend(ctx: BroadcastCtx, at?: Date): Promise<StepResult> {
  const d = draftOf(ctx);
  if (!d) return restart();
  if (!ctx.deps.admin) return invalid('admin-unavailable');
  const b: Broadcast = {
    id: d.bid,
    createdBy: { channel: ctx.chat.channel, chatId: ctx.chat.chatId },
    locale: ctx.locale,
    text: d.text,
    ...(d.photo ? { photo: d.photo } : {}),
    audience: d.audience,
    createdAt: ctx.deps.clock().toISOString(),
    ...(at ? { scheduledAt: at.toISOString() } : {}),
  };
  if (!(await repoOf(ctx).createOnce(b))) return goto('menu', 'main', { replies: [text('admin-bc-already', { id: b.id })] });
  await ctx.deps.admin.startBroadcast(b.id, at);
  const buttons = [choice(stopChoiceId(b.id), 'bc-stop'), choice(ADMIN_MENU.pack('back'), 'admin-back'), menuButton()];
  const done = at
    ? text('admin-bc-scheduled', { id: b.id, at: formatWib(at), when: relativeDay(at, ctx.deps.clock()) }, buttons)
    : text('admin-bc-queued', { id: b.id }, buttons);
  return goto('admin-broadcast', 'sent', { replies: [done] });
}

/** What asking a broadcast to stop did (`stale`: no such broadcast). */
export type StopOutcome = 'stale' | 'unavailable' | 'too-late' | 'was-cancelled' | 'already' | 'stopping' | 'before-start';

/** The answer to each outcome that has one. */
export const STOP_KEYS: Record<Exclude<StopOutcome, 'stale' | 'unavailable'>, string> = {
  'too-late': 'admin-bc-stop-too-late',
  'was-cancelled': 'admin-bc-stop-was-cancelled',
  already: 'admin-bc-stop-already',
  stopping: 'admin-bc-stopping',
  'before-start': 'admin-bc-stopped-before-start',
};

/**
 * Sets a broadcast's cancelled flag and queues the removal of what waits. `before-start` only when
 * the flag was set before the start was claimed (one step in Redis): then nothing is ever sent.
 */
export async function requestStop(ctx: FlowCtx, id: string): Promise<StopOutcome> {
  const repo = repoOf(ctx);
  if (!(await repo.get(id))) return 'stale';
  const before = await repo.requestCancel(id, ctx.deps.clock());
  if (before.status === 'done') return 'too-late';
  if (before.status === 'cancelled') return 'was-cancelled';
  if (before.cancelRequestedAt) return 'already';
  if (!ctx.deps.admin) return 'unavailable';
  await ctx.deps.admin.cancelBroadcast(id);
  return before.status === 'running' ? 'stopping' : 'before-start';
}

/**
 * "Stop this broadcast" from an admin: the button of the progress or the scheduled message
 * (`bcx:<id>`), or typed as `/hentikan <id>` (`typed`: a wrong id is answered as not found, not
 * as a stale button). A broadcast scheduled for later is cancelled after a confirmation, as in
 * /siaranjadwal; one being sent (or sent now) stops at once.
 */
export async function stopBroadcast(ctx: FlowCtx, choiceId: string, typed = false): Promise<StepResult> {
  // A coordinator may stop their own nudge (its progress came to their chat), nothing else.
  const coordinator = ctx.user.registered && ctx.user.person?.role === 'koordinator';
  if (!isAdmin(ctx.user) && !coordinator) return invalid('engine-not-allowed');
  const raw = choiceId.slice('bcx:'.length);
  const bid = BroadcastIdSchema.safeParse(typed ? raw.replace(/^bc-/i, 'BC-') : raw);
  const notFound = () => (typed ? invalid('admin-bc-stop-not-found', { id: clip(raw, 40) }) : invalid('engine-stale-button'));
  if (!bid.success) return notFound();
  const repo = repoOf(ctx);
  const [b, st] = await Promise.all([repo.get(bid.data), repo.state(bid.data)]);
  if (!b) return notFound();
  if (!isAdmin(ctx.user) && (b.createdBy.channel !== ctx.chat.channel || b.createdBy.chatId !== ctx.chat.chatId)) return notFound();
  if (b.scheduledAt && st.status === 'scheduled' && !st.cancelRequestedAt) return goto('admin-broadcast-list', 'confirm', { data: { bid: b.id } });
  const outcome = await requestStop(ctx, bid.data);
  if (outcome === 'stale') return notFound();
  if (outcome === 'unavailable') return invalid('admin-unavailable');
  return reply(text(STOP_KEYS[outcome], { id: bid.data }, [menuButton()]));
}

/** After sending: the confirmation's buttons (stop, admin menu); anything else leads to the main menu. */
export const sentStep: Step<z.output<typeof BroadcastDataSchema>> = {
  enter: () => reply(),
  handle(ctx, input) {
    if (input.kind === 'choice' && input.id.startsWith('bcx:')) return stopBroadcast(ctx, input.id);
    if (input.kind === 'choice' && ADMIN_MENU.parse(input.id) === 'back') return goto('admin', 'main');
    return goto('menu', 'main');
  },
};

/** The flyer exactly as recipients will see it, then who gets it and how many chats. */
export const previewStep: Step<z.output<typeof BroadcastDataSchema>> = {
  async enter(ctx) {
    const d = draftOf(ctx);
    if (!d) return restart();
    const r = await resolveAudience(ctx.deps.store, d.audience);
    const counts = {
      audience: describeAudience(ctx, d.audience),
      count: r.recipients.length,
      telegram: r.telegram,
      whatsapp: r.whatsapp,
      console: r.console,
      optedOut: r.optedOut,
      unreachable: r.unreachable,
    };
    if (!r.recipients.length) {
      return reply(
        text('admin-bc-nobody', counts, [
          choice(BROADCAST_DRAFT.pack('audience'), 'admin-bc-change-audience'),
          choice(BROADCAST_DRAFT.pack('cancel'), 'admin-bc-cancel'),
        ]),
      );
    }
    return reply(
      text('admin-bc-preview-title'),
      flyerReply(d),
      text('admin-bc-preview', counts, [
        choice(BROADCAST_DRAFT.pack('send'), 'admin-bc-send-now'),
        choice(BROADCAST_DRAFT.pack('schedule'), 'admin-bc-schedule'),
        choice(BROADCAST_DRAFT.pack('audience'), 'admin-bc-change-audience'),
        choice(BROADCAST_DRAFT.pack('cancel'), 'admin-bc-cancel'),
      ]),
    );
  },
  handle(ctx, input) {
    if (input.kind !== 'choice') return invalid('ui-choose-button');
    switch (input.id) {
      case BROADCAST_DRAFT.pack('send'):
        return confirmSend(ctx);
      case BROADCAST_DRAFT.pack('schedule'):
        return goto('admin-broadcast', 'schedule');
      case BROADCAST_DRAFT.pack('audience'):
        return goto('admin-broadcast', 'audience');
      case BROADCAST_DRAFT.pack('cancel'):
        return goto('menu', 'main', { replies: [text('admin-bc-cancelled')] });
      default:
        return invalid('engine-stale-button');
    }
  },
};

/** A later WIB time, typed. */
export const scheduleStep: Step<z.output<typeof BroadcastDataSchema>> = {
  enter: (ctx) => reply(text('admin-bc-schedule-ask', { now: formatWib(ctx.deps.clock()) }, [backButton(BROADCAST_DRAFT.pack('back'))])),
  handle(ctx, input) {
    if (input.kind === 'choice' && BROADCAST_DRAFT.parse(input.id) === 'back') return goto('admin-broadcast', 'preview');
    if (input.kind !== 'text') return invalid('admin-bc-time-format');
    const p = parseScheduleTime(input.text, ctx.deps.clock());
    if (!p.ok) return invalid(`admin-bc-time-${p.reason}`, { now: formatWib(ctx.deps.clock()) });
    return goto('admin-broadcast', 'confirm-schedule', { data: { at: p.at.toISOString() } });
  },
};

/** "Send at 25/11/2026 07.30 WIB?" */
export const confirmScheduleStep: Step<z.output<typeof BroadcastDataSchema>> = {
  enter(ctx) {
    const at = new Date(ctx.data.at ?? '');
    if (Number.isNaN(at.getTime())) return goto('admin-broadcast', 'schedule');
    // "besok" said plainly: a bare time already passed today was taken as tomorrow's
    return reply(
      text('admin-bc-schedule-confirm', { at: formatWib(at), when: relativeDay(at, ctx.deps.clock()) }, [
        choice(BROADCAST_DRAFT.pack('schedule-yes'), 'admin-bc-schedule-yes'),
        backButton(BROADCAST_DRAFT.pack('back')),
      ]),
    );
  },
  handle(ctx, input) {
    if (input.kind !== 'choice') return invalid('ui-choose-button');
    if (BROADCAST_DRAFT.parse(input.id) === 'back') return goto('admin-broadcast', 'schedule');
    if (BROADCAST_DRAFT.parse(input.id) !== 'schedule-yes') return invalid('engine-stale-button');
    const at = new Date(ctx.data.at ?? '');
    if (Number.isNaN(at.getTime()) || at.getTime() <= ctx.deps.clock().getTime())
      return goto('admin-broadcast', 'schedule', { replies: [text('admin-bc-time-past')] });
    return confirmSend(ctx, at);
  },
};

/** "Stop this broadcast": on the progress message and the confirmation, pressed from anywhere; admins only. */
export const broadcastGlobalChoices: GlobalChoice[] = [{ prefix: 'bcx:', handle: stopBroadcast }];
