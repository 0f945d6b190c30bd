import { z } from 'zod';
import { storePng, svgToPng } from '../src/admin/stats-chart.js';
import { unitChartSvg } from '../src/admin/unit-chart.js';
import { loadUnitStats, type Participation, type UnitStats } from '../src/admin/unit-stats.js';
import { resolveAudience } from '../src/broadcast/audience.js';
import { flyerReply } from '../src/broadcast/flyer.js';
import { newBroadcastId } from '../src/store/broadcasts-repo.js';
import type { Broadcast } from '../src/domain/broadcast.js';
import { formatRupiah } from '../src/domain/money.js';
import { formatDay, formatWib } from '../src/domain/time.js';
import { type Scope, scopeKey, scopeLabel } from '../src/domain/unit.js';
import { type CommandDef, defineFlow, type Flow, type FlowCtx, goto, invalid, reply, type Step, type StepResult } from '../src/engine/flow.js';
import type { Reply } from '../src/i18n/message.js';
import { isAdmin, isCoordinator } from '../src/engine/user.js';
import { repoOf } from './admin-broadcast-send.js';
import { backButton, choice, menuButton, text } from './ui.js';
import { NAV_CHOICE, wordChoices } from './choice-ids.js';

/** A coordinator's unit: who has not bought, nudge them, send the nudge. */
const COORDINATOR = wordChoices('ko:', "a coordinator's unit: who has not bought, nudge them, send the nudge", ['names', 'nudge', 'send']);

/** Longest reminder text admins may approve (it goes out as a flyer, with the opt-out line). */
export const MAX_NUDGE_TEXT = 300;
/** A unit is nudged at most once in this long. */
export const NUDGE_INTERVAL_S = 7 * 24 * 3600;
/** Names listed at most in one message (the rest are counted). */
const MAX_NAMES = 80;

/** The unit of the coordinator: always from the roster row, never from a button or the session. */
const scopeOf = (ctx: FlowCtx): Scope => ctx.user.person!.scope!;

async function nudgeText(ctx: FlowCtx): Promise<string | null> {
  return ctx.deps.store.nudges.text();
}

/** When the unit was last nudged (ISO), if within the week. */
async function lastNudge(ctx: FlowCtx): Promise<string | null> {
  return ctx.deps.store.nudges.lastOf(scopeKey(scopeOf(ctx)));
}

const percent = (p: Participation) => Math.round(p.share * 100);

function statsText(ctx: FlowCtx, s: UnitStats): string {
  const t = ctx.deps.t;
  const period = (key: string, p: Participation & { start: string }) =>
    t(key, { day: formatDay(p.start), buyers: p.buyers, asn: p.asn, percent: percent(p), purchases: p.purchases, total: formatRupiah(p.total) });
  return [
    t('coord-title', { unit: scopeLabel(scopeOf(ctx)), asn: s.asn }),
    period('coord-this-month', s.thisMonth),
    period('coord-last-month', s.lastMonth),
    '',
    t('coord-weeks'),
    ...s.weeks.map((w) => t('coord-week-line', { day: formatDay(w.start), buyers: w.buyers, purchases: w.purchases, total: formatRupiah(w.total) })),
  ].join('\n');
}

/** The week chart as a stored PNG, or null when rasterising fails (the text carries the figures). */
async function chartPhoto(ctx: FlowCtx, s: UnitStats): Promise<string | null> {
  try {
    const svg = unitChartSvg(
      ctx.deps.t('coord-chart-title', { unit: scopeLabel(scopeOf(ctx)) }),
      ctx.deps.t('coord-chart-subtitle'),
      s.weeks.map((w) => ({ label: formatDay(w.start).slice(0, 5), total: w.total, buyers: w.buyers })),
    );
    return await storePng(ctx.deps.media, await svgToPng(svg));
  } catch {
    return null;
  }
}

const mainButtons = (s: UnitStats) => [
  choice(COORDINATOR.pack('names'), 'coord-names-button', { count: s.notBought.length }),
  choice(COORDINATOR.pack('nudge'), 'coord-nudge-button'),
  menuButton(),
];

/** Back to the unit's figures from the names or the nudge. */
function navigate(input: { kind: string; id?: string }): StepResult | null {
  if (input.kind !== 'choice') return invalid('ui-choose-button');
  if (NAV_CHOICE.parse(input.id ?? '') === 'back') return goto('coordinator', 'main');
  return null;
}

/** Sends the nudge: once a week per unit (claimed first), to the unit's ASN who have not bought this month. */
async function sendNudge(ctx: FlowCtx): Promise<StepResult> {
  if (!ctx.deps.admin) return invalid('admin-unavailable');
  const approved = await nudgeText(ctx);
  if (!approved) return goto('coordinator', 'nudge');
  const scope = scopeOf(ctx);
  const now = ctx.deps.clock();
  const s = await loadUnitStats(ctx.deps.store, scope, now);
  if (!s.notBought.length) return goto('coordinator', 'nudge');
  const audience = { kind: 'asn-nips' as const, unit: scopeLabel(scope), nips: s.notBought.map((x) => x.nip) };
  if (!(await resolveAudience(ctx.deps.store, audience)).recipients.length) return goto('coordinator', 'nudge');
  // One step claims the week: a second nudge (another coordinator of the unit, a double tap) is refused.
  if (!(await ctx.deps.store.nudges.claim(scopeKey(scope), now, NUDGE_INTERVAL_S))) {
    const at = await ctx.deps.store.nudges.lastOf(scopeKey(scope));
    return invalid('coord-nudge-week', { next: at ? formatWib(new Date(Date.parse(at) + NUDGE_INTERVAL_S * 1000)) : '-' });
  }
  const b: Broadcast = {
    id: newBroadcastId(now),
    createdBy: { channel: ctx.chat.channel, chatId: ctx.chat.chatId },
    locale: ctx.locale,
    text: approved,
    audience,
    createdAt: now.toISOString(),
  };
  await repoOf(ctx).createOnce(b);
  await ctx.deps.admin.startBroadcast(b.id);
  return goto('coordinator', 'nudge-sent', { data: { bid: b.id, count: audience.nips.length } });
}

const coordinatorBase = defineFlow({
  name: 'coordinator',
  data: z.object({ bid: z.string().optional(), count: z.number().int().optional() }),
  steps: {
    main: {
      async enter(ctx) {
        const s = await loadUnitStats(ctx.deps.store, scopeOf(ctx), ctx.deps.clock());
        const body = text('ui-literal', { text: statsText(ctx, s) }, undefined, { standalone: true });
        const photo = await chartPhoto(ctx, s);
        const chart: Reply | null = photo ? text('coord-chart-caption', { unit: scopeLabel(scopeOf(ctx)) }, mainButtons(s), { photo: { path: photo } }) : null;
        return chart ? reply(body, chart) : reply({ ...body, choices: mainButtons(s) });
      },
      handle(_ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (COORDINATOR.parse(input.id) === 'names') return goto('coordinator', 'names');
        if (COORDINATOR.parse(input.id) === 'nudge') return goto('coordinator', 'nudge');
        return invalid('engine-stale-button');
      },
    },
    names: {
      async enter(ctx) {
        const s = await loadUnitStats(ctx.deps.store, scopeOf(ctx), ctx.deps.clock());
        const buttons = [choice(COORDINATOR.pack('nudge'), 'coord-nudge-button'), backButton(), menuButton()];
        if (!s.notBought.length) return reply(text('coord-names-none', { unit: scopeLabel(scopeOf(ctx)) }, [backButton(), menuButton()]));
        const shown = s.notBought.slice(0, MAX_NAMES).map((x, i) => `${i + 1}. ${x.name}`);
        const more = s.notBought.length - shown.length;
        return reply(text('coord-names', { unit: scopeLabel(scopeOf(ctx)), count: s.notBought.length, names: shown.join('\n'), more }, buttons));
      },
      handle(_ctx, input) {
        const nav = navigate(input);
        if (nav) return nav;
        if (input.kind === 'choice' && COORDINATOR.parse(input.id) === 'nudge') return goto('coordinator', 'nudge');
        return invalid('engine-stale-button');
      },
    },
    nudge: {
      async enter(ctx) {
        const back = [backButton(), menuButton()];
        const approved = await nudgeText(ctx);
        if (!approved) return reply(text('coord-nudge-no-text', {}, back));
        const last = await lastNudge(ctx);
        if (last)
          return reply(
            text('coord-nudge-done-week', { at: formatWib(new Date(last)), next: formatWib(new Date(Date.parse(last) + NUDGE_INTERVAL_S * 1000)) }, back),
          );
        const s = await loadUnitStats(ctx.deps.store, scopeOf(ctx), ctx.deps.clock());
        if (!s.notBought.length) return reply(text('coord-names-none', { unit: scopeLabel(scopeOf(ctx)) }, back));
        const r = await resolveAudience(ctx.deps.store, { kind: 'asn-nips', unit: scopeLabel(scopeOf(ctx)), nips: s.notBought.map((x) => x.nip) });
        const counts = { count: s.notBought.length, reach: r.recipients.length, optedOut: r.optedOut, unreachable: r.unreachable };
        if (!r.recipients.length) return reply(text('coord-nudge-nobody', counts, back));
        return reply(
          text('coord-nudge-preview-title'),
          flyerReply({ text: approved }),
          text('coord-nudge-confirm', counts, [choice(COORDINATOR.pack('send'), 'coord-nudge-send'), backButton(), menuButton()]),
        );
      },
      handle(ctx, input) {
        const nav = navigate(input);
        if (nav) return nav;
        if (input.kind === 'choice' && COORDINATOR.parse(input.id) === 'send') return sendNudge(ctx);
        return invalid('engine-stale-button');
      },
    },
    'nudge-sent': {
      enter: (ctx) => reply(text('coord-nudge-sent', { id: ctx.data.bid ?? '-', count: ctx.data.count ?? 0 }, [backButton(), menuButton()])),
      handle(_ctx, input) {
        const nav = navigate(input);
        if (nav) return nav;
        return invalid('engine-stale-button');
      },
    },
  },
});

/** Where someone who is no (longer a) coordinator ends up. */
const refuse = (): StepResult => goto('menu', 'main', { replies: [text('engine-not-allowed')] });

/**
 * Every step checks the role on entering and on each input: a session left on a coordinator step
 * after the roster changed, or a crafted one, never reaches the unit's figures or names.
 */
function coordinatorOnly(flow: Flow): Flow {
  const steps: Record<string, Step> = {};
  for (const [name, step] of Object.entries(flow.steps)) {
    steps[name] = {
      enter: (ctx: FlowCtx) => (isCoordinator(ctx.user) ? step.enter(ctx) : refuse()),
      ...(step.handle ? { handle: (ctx: FlowCtx, input) => (isCoordinator(ctx.user) ? step.handle!(ctx, input) : refuse()) } : {}),
    };
  }
  return { ...flow, steps };
}

/** The coordinator's unit: figures, names of who has not bought this month, and the weekly nudge. */
export const coordinatorFlow: Flow = coordinatorOnly(coordinatorBase);

/** `/unit` for coordinators; `/tekspengingat [text]` for admins: read or approve the nudge text. */
export const COORDINATOR_COMMANDS: CommandDef[] = [
  { name: 'unit', allowed: isCoordinator, to: { flow: 'coordinator', step: 'main' } },
  {
    name: 'tekspengingat',
    allowed: isAdmin,
    async run(ctx, args) {
      const nudges = ctx.deps.store.nudges;
      const typed = args.trim();
      if (!typed) {
        const current = await nudges.text();
        return reply(current ? text('coord-text-current', { text: current, max: MAX_NUDGE_TEXT }) : text('coord-text-none', { max: MAX_NUDGE_TEXT }));
      }
      if (typed.length > MAX_NUDGE_TEXT) return invalid('coord-text-too-long', { max: MAX_NUDGE_TEXT, length: typed.length });
      await nudges.setText(typed);
      return reply(text('coord-text-set', { text: typed }));
    },
  },
];
