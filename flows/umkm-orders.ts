import { formatRupiah } from '../src/domain/money.js';
import { OWNER_CHOICE_PREFIX, ownerChoiceId } from '../src/domain/order-choices.js';
import { waitsForOwner } from '../src/domain/order-status.js';
import { ownerActions, ownerOrderDetails, rejectReasonText } from '../src/domain/order-text.js';
import type { Order } from '../src/domain/schemas.js';
import { formatDay, formatWib, wibDay, wibDayStart } from '../src/domain/time.js';
import { z } from 'zod';
import { defineFlow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { Input } from '../src/engine/types.js';
import { cleanField } from '../src/domain/product-input.js';
import { NAV_CHOICE, wordChoices } from './choice-ids.js';
import { actingUmkm, SWITCH_UMKM, switchButtons, switchUmkm, withActingUmkm } from './umkm-acting.js';
import { deliverOrder, ownedOrder, ownerChoice, rejectOrder } from './umkm-order-actions.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';

/** The owner confirms an order was delivered. */
const DELIVERED = wordChoices('dv:', 'the owner confirms an order was delivered', ['yes']);

/** The owner's orders of the week. */
const WEEK = wordChoices('uw:', "the owner's orders of the week", ['week']);

/** Open orders listed at once (each with its button). */
export const OPEN_LIST_MAX = 10;
/** Orders of one UMKM read for the list and the weekly summary. */
const SCAN = 300;
const DAY_MS = 24 * 3600 * 1000;
/** A typed rejection reason: long enough to mean something, short enough for one message. */
const REASON_MIN = 3;
const REASON_MAX = 200;
/** Statuses that count as sold through the program. */
const SOLD = ['paid', 'accepted', 'delivered'];

/** The flow's data: the order on screen, and the rejection reason waiting for the owner's "yes". */
const OwnerOrdersDataSchema = z.object({ orderId: z.string().optional(), reason: z.string().optional() });

/** The rejection buttons: a reason (sold out, outside the area), "type another", or "yes, reject". */
const REJECT = wordChoices('rj:', 'a rejection of an order: its reason, another one typed, or the final yes', ['sold-out', 'area', 'other', 'yes']);

/** The owner's order buttons (`uo:...`) work on every owner step, whether offered there or not. */
function ownerButton(ctx: FlowCtx, input: Input): Promise<StepResult> | null {
  return input.kind === 'choice' && input.id.startsWith(OWNER_CHOICE_PREFIX) ? ownerChoice(ctx, input.id) : null;
}

/** An order's status as the owner's list shows it: a delivered one still says the payment waits for them. */
function ownerStatus(ctx: FlowCtx, o: Order): string {
  return ctx.deps.t(o.status === 'delivered' && !o.paymentConfirmed ? 'uo-status-delivered-unconfirmed' : `order-status-${o.status}`);
}

/** Counts, Rupiah and top products of the orders sold in the last 7 WIB days (today included). */
export function weekSummary(orders: Order[], now: Date) {
  const from = wibDayStart(wibDay(new Date(now.getTime() - 6 * DAY_MS)));
  const sold = orders.filter((o) => SOLD.includes(o.status) && Date.parse(o.createdAt) >= from.getTime());
  const bySku = new Map<string, { name: string; qty: number; rupiah: number }>();
  for (const o of sold) {
    for (const it of o.items) {
      const p = bySku.get(it.sku) ?? { name: it.name, qty: 0, rupiah: 0 };
      p.qty += it.qty;
      p.rupiah += it.qty * it.price;
      bySku.set(it.sku, p);
    }
  }
  const top = [...bySku.values()].sort((a, b) => b.qty - a.qty || b.rupiah - a.rupiah || a.name.localeCompare(b.name)).slice(0, 3);
  return { from: wibDay(from), to: wibDay(now), count: sold.length, rupiah: sold.reduce((s, o) => s + o.total, 0), top };
}

/** `/pesanan` for owners: open orders with their buttons, one order's details and actions, rejection reasons, the week. */
export const umkmOrdersFlow = defineFlow({
  name: 'umkm-orders',
  data: OwnerOrdersDataSchema,
  steps: {
    list: {
      enter: (ctx) =>
        withActingUmkm(
          ctx,
          ['umkm-orders', 'list'],
          async (umkm) => {
            const all = await ctx.deps.store.orders.ofUmkm(umkm.id, SCAN);
            const open = all.filter(waitsForOwner).slice(0, OPEN_LIST_MAX);
            const nav = [choice(WEEK.pack('week'), 'uo-week'), ...switchButtons(ctx, true), menuButton()];
            if (!open.length) return reply(text('uo-list-none', { umkm: umkm.name }, nav));
            const lines = open.map((o, i) =>
              ctx.deps.t('uo-list-line', {
                n: i + 1,
                id: o.id,
                date: formatWib(new Date(o.createdAt)),
                total: formatRupiah(o.total),
                status: ownerStatus(ctx, o),
                items: clip(o.items.map((i) => `${i.qty}× ${i.name}`).join(', '), 120),
                kelurahan: o.recipient?.kelurahan ?? '-',
              }),
            );
            const buttons = open.map((o) => literal(ownerChoiceId('see', o.id), clip(`${o.id} · ${ownerStatus(ctx, o)}`, 60)));
            // Numbered channels number the lines (uo-list-line) and list the orders once.
            return reply(text('uo-list', { umkm: umkm.name, count: open.length, items: lines.join('\n\n') }, [...buttons, ...nav], { listed: buttons.length }));
          },
          true,
        ),
      handle(ctx, input) {
        const owner = ownerButton(ctx, input);
        if (owner) return owner;
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (WEEK.parse(input.id) === 'week') return goto('umkm-orders', 'week');
        if (input.id === SWITCH_UMKM) return switchUmkm(['umkm-orders', 'list'], true);
        return invalid('engine-stale-button');
      },
    },
    order: {
      async enter(ctx) {
        const own = await ownedOrder(ctx, ctx.data.orderId ?? '');
        if ('refused' in own) return goto('umkm-orders', 'list');
        const { order } = own;
        const buttons = [...ownerActions(order).map((a) => choice(a.id, a.key)), backButton(), menuButton()];
        // After a wrong input the reason is said above: the buttons again, not the details and the receipt photo.
        if (ctx.again) return reply(text('uo-order-again', { id: order.id, status: ownerStatus(ctx, order) }, buttons));
        const asn = await ctx.deps.store.roster.byNip(order.asnNip);
        return reply(
          text(
            'uo-order',
            { umkm: own.umkm.name, details: ownerOrderDetails(ctx.deps.t, order, asn) },
            buttons,
            order.receipt?.path ? { photo: { path: order.receipt.path } } : {},
          ),
        );
      },
      handle(ctx, input) {
        const owner = ownerButton(ctx, input);
        if (owner) return owner;
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-orders', 'list');
        return invalid('ui-choose-button');
      },
    },
    deliver: {
      async enter(ctx) {
        const own = await ownedOrder(ctx, ctx.data.orderId ?? '');
        if ('refused' in own) return goto('umkm-orders', 'list');
        const r = own.order.recipient;
        const buttons = [choice(DELIVERED.pack('yes'), 'uo-deliver-yes'), backButton()];
        if (!r) return reply(text('uo-deliver-ask-plain', { id: own.order.id }, buttons));
        return reply(text('uo-deliver-ask', { id: own.order.id, name: r.name, kelurahan: r.kelurahan }, buttons));
      },
      handle(ctx, input) {
        const orderId = ctx.data.orderId ?? '';
        const owner = ownerButton(ctx, input);
        if (owner) return owner;
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-orders', 'order', { data: { orderId } });
        if (input.kind === 'choice' && DELIVERED.parse(input.id) === 'yes') return deliverOrder(ctx, orderId);
        return invalid('ui-choose-button');
      },
    },
    reject: {
      enter: (ctx) =>
        reply(
          text('uo-reject-ask', { id: ctx.data.orderId ?? '' }, [
            choice(REJECT.pack('sold-out'), 'uo-reason-sold-out'),
            choice(REJECT.pack('area'), 'uo-reason-area'),
            choice(REJECT.pack('other'), 'uo-reason-other-type'),
            backButton(),
          ]),
        ),
      handle(ctx, input) {
        const orderId = ctx.data.orderId ?? '';
        const owner = ownerButton(ctx, input);
        if (owner) return owner;
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-orders', 'order', { data: { orderId } });
        const answer = input.kind === 'choice' ? REJECT.parse(input.id) : null;
        if (answer === 'other') return goto('umkm-orders', 'reject-other');
        if (answer === 'sold-out' || answer === 'area') return askReject(answer);
        if (input.kind === 'text') return typedReason(input.text);
        return invalid('ui-choose-button');
      },
    },
    'reject-other': {
      enter: () => reply(text('uo-reject-type', { min: REASON_MIN, max: REASON_MAX }, [backButton()])),
      handle(ctx, input) {
        const owner = ownerButton(ctx, input);
        if (owner) return owner;
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-orders', 'reject');
        if (input.kind !== 'text') return invalid('uo-reject-need-text', { min: REASON_MIN, max: REASON_MAX });
        return typedReason(input.text);
      },
    },
    'reject-confirm': {
      enter(ctx) {
        const reason = ctx.data.reason ?? '';
        if (!reason) return goto('umkm-orders', 'reject');
        return reply(
          text('uo-reject-confirm', { id: ctx.data.orderId ?? '', reason: rejectReasonText(ctx.deps.t, reason) }, [
            choice(REJECT.pack('yes'), 'uo-reject-yes'),
            backButton(),
          ]),
        );
      },
      handle(ctx, input) {
        const orderId = ctx.data.orderId ?? '';
        const owner = ownerButton(ctx, input);
        if (owner) return owner;
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-orders', 'order', { data: { orderId, reason: undefined } });
        if (input.kind === 'choice' && REJECT.parse(input.id) === 'yes') return rejectOrder(ctx, orderId, ctx.data.reason ?? '');
        return invalid('ui-choose-button');
      },
    },
    week: {
      async enter(ctx) {
        const umkm = actingUmkm(ctx, true);
        if (!umkm) return goto('umkm-orders', 'list');
        const s = weekSummary(await ctx.deps.store.orders.ofUmkm(umkm.id, SCAN), ctx.deps.clock());
        const top = s.top.map((p, i) => ctx.deps.t('uo-week-top-line', { rank: i + 1, name: p.name, qty: p.qty, rupiah: formatRupiah(p.rupiah) }));
        return reply(
          text(
            s.count ? 'uo-week-summary' : 'uo-week-none',
            { umkm: umkm.name, from: formatDay(s.from), to: formatDay(s.to), count: s.count, rupiah: formatRupiah(s.rupiah), top: top.join('\n') },
            [backButton(), menuButton()],
          ),
        );
      },
      handle(ctx, input) {
        const owner = ownerButton(ctx, input);
        if (owner) return owner;
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-orders', 'list');
        return invalid('ui-choose-button');
      },
    },
  },
});

/** The reason is read back before anything happens: a rejection cannot be undone and tells the ASN at once. */
const askReject = (reason: string): StepResult => goto('umkm-orders', 'reject-confirm', { data: { reason } });

function typedReason(raw: string): StepResult {
  const reason = cleanField(raw);
  if ([...reason].length < REASON_MIN || [...reason].length > REASON_MAX || !/\p{L}/u.test(reason)) {
    return invalid('uo-reject-bad-reason', { min: REASON_MIN, max: REASON_MAX });
  }
  return askReject(reason);
}
