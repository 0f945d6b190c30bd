import { randomUUID } from 'node:crypto';
import { displayPhone, isIndonesianMobile, normalizePhone } from '../src/domain/phone.js';
import type { Recipient } from '../src/domain/schemas.js';
import { KECAMATAN, kelurahanOf } from '../src/domain/wilayah.js';
import { type Flow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import { RETRY_RECIPIENT, retryRecipient } from './order-retry.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';

const NAME_RE = /^[\p{L}][\p{L} .,'-]{1,79}$/u;

/** Text typed into a field: trimmed, single spaces, no control characters. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

async function attach(ctx: FlowCtx, r: Recipient): Promise<StepResult> {
  const orderId = ctx.session.orderId;
  const person = ctx.user.person;
  if (!orderId || !person) return goto('menu', 'main');
  await ctx.deps.store.recipients.save(person.nip, r);
  const res = await ctx.deps.store.orders.update(orderId, { recipient: r });
  if (!res.ok) return goto('my-orders', 'list', { replies: [text('recipient-order-gone')] });
  ctx.session.retryOf = undefined; // the rejected order's recipient is offered once
  return goto('receipt', 'ask', { replies: [recipientSummary(ctx, r)] });
}

/** The whole recipient record, for the ASN to check (the receipt step offers to change it). */
function recipientSummary(ctx: FlowCtx, r: Recipient) {
  const note = r.note ? `\n${ctx.deps.t('recipient-saved-note', { note: r.note })}` : '';
  return text('recipient-saved', {
    name: r.name,
    phone: displayPhone(r.phone),
    address: r.address,
    kelurahan: r.kelurahan,
    kecamatan: r.kecamatan,
    note,
  });
}

/** After the recipient is complete: warn when the same household got packages in the last 7 days. */
async function checkRepeat(ctx: FlowCtx, r: Recipient): Promise<StepResult> {
  const n = await ctx.deps.store.recipients.recentDeliveries(r, ctx.session.orderId);
  if (n > 0) return goto('recipient', 'repeat', { data: { draft: r, repeatCount: n } });
  return attach(ctx, r);
}

/** What people type when they have no note for the courier. */
const NO_NOTE = /^(-+|\.+|tidak( ada)?|tdk( ada)?|gak ada|ga ada|nggak ada|kosong|lewati|skip|none|no|n\/a)$/i;

/** The isoman recipient: reuse an earlier one, or name, phone, address, kecamatan, kelurahan, note. */
export const recipientFlow: Flow = {
  name: 'recipient',
  steps: {
    start: {
      async enter(ctx) {
        const person = ctx.user.person;
        if (!person || !ctx.session.orderId) return goto('menu', 'main');
        const earlier = await ctx.deps.store.recipients.ofAsn(person.nip);
        const retry = await retryRecipient(ctx);
        // Changing the recipient from the payment step: "Kembali" keeps the one the order has.
        const order = await ctx.deps.store.orders.get(ctx.session.orderId);
        const changing = order?.status === 'confirmed' && Boolean(order.recipient);
        const choices = [
          ...(retry ? [literal(RETRY_RECIPIENT, clip(`✅ ${retry.recipient.name} · ${retry.recipient.kelurahan}`, 50))] : []),
          ...earlier
            .filter((r) => r.id !== retry?.recipient.id)
            .slice(0, 8)
            .map((r) => literal(`rc:${r.id}`, clip(`${r.name} · ${r.kelurahan}`, 50))),
          choice('rc:new', 'recipient-new'),
          ...(changing ? [backButton()] : []),
          menuButton(),
        ];
        if (retry) return reply(text('ar-recipient-offer', { id: retry.order.id, name: retry.recipient.name, kelurahan: retry.recipient.kelurahan }, choices));
        return reply(text(earlier.length ? 'recipient-start-reuse' : 'recipient-start', {}, choices));
      },
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'nav:back') return goto('receipt', 'ask');
        if (input.id === 'rc:new') return goto('recipient', 'name', { data: { draft: {} } });
        if (input.id === RETRY_RECIPIENT) {
          const retry = await retryRecipient(ctx);
          if (!retry) return invalid('engine-stale-button');
          return checkRepeat(ctx, { ...retry.recipient });
        }
        if (input.id.startsWith('rc:')) {
          const r = await ctx.deps.store.recipients.get(ctx.user.person!.nip, input.id.slice(3));
          if (!r) return invalid('engine-stale-button');
          return checkRepeat(ctx, r);
        }
        return invalid('engine-stale-button');
      },
    },
    name: {
      enter: () => reply(text('recipient-ask-name', {}, [backButton(), menuButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'start');
        if (input.kind !== 'text') return invalid('recipient-need-text');
        const name = clean(input.text);
        if (!NAME_RE.test(name)) return invalid('recipient-bad-name');
        return goto('recipient', 'phone', { data: { draft: { ...(ctx.data.draft as object), name } } });
      },
    },
    phone: {
      enter: () => reply(text('recipient-ask-phone', {}, [backButton(), menuButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'name');
        const draft = ctx.data.draft as { phone?: string } | undefined;
        // The buyer's own number, confirmed: an ASN in isoman may receive too.
        if (input.kind === 'choice' && input.id === 'ph:self' && draft?.phone) return goto('recipient', 'address');
        if (input.kind === 'choice' && input.id === 'ph:other') return goto('recipient', 'phone');
        const raw = input.kind === 'text' ? input.text : input.kind === 'contact' ? input.phone : '';
        const phone = normalizePhone(raw);
        // The UMKM's courier calls or messages this number: an Indonesian mobile, not a landline.
        if (!phone || !isIndonesianMobile(phone)) return invalid('recipient-bad-phone');
        const next = { data: { draft: { ...(ctx.data.draft as object), phone } } };
        if (phone === ctx.user.person?.phone) {
          return {
            ...reply(text('recipient-own-phone-ask', { phone: displayPhone(phone) }, [choice('ph:self', 'recipient-own-phone-yes'), choice('ph:other', 'recipient-own-phone-no'), menuButton()])),
            ...next,
          };
        }
        return goto('recipient', 'address', next);
      },
    },
    address: {
      enter: () => reply(text('recipient-ask-address', {}, [backButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'phone');
        if (input.kind !== 'text') return invalid('recipient-need-text');
        const address = clean(input.text);
        if (address.length < 10 || !/\p{L}/u.test(address)) return invalid('recipient-bad-address');
        if (address.length > 300) return invalid('recipient-address-too-long');
        return goto('recipient', 'kecamatan', { data: { draft: { ...(ctx.data.draft as object), address } } });
      },
    },
    kecamatan: {
      enter: () =>
        reply(text('recipient-ask-kecamatan', {}, [...KECAMATAN.map((k, i) => literal(`rk:${i}`, k)), backButton()], { columns: 2 })),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'address');
        const k = input.kind === 'choice' && input.id.startsWith('rk:') ? KECAMATAN[Number(input.id.slice(3))] : undefined;
        if (!k) return invalid('ui-choose-button');
        return goto('recipient', 'kelurahan', { data: { draft: { ...(ctx.data.draft as object), kecamatan: k } } });
      },
    },
    kelurahan: {
      enter(ctx) {
        const kec = String((ctx.data.draft as Partial<Recipient>).kecamatan ?? '');
        return reply(
          text('recipient-ask-kelurahan', { kecamatan: kec }, [...kelurahanOf(kec).map((k, i) => literal(`rl:${i}`, k)), backButton()], {
            columns: 2,
          }),
        );
      },
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'kecamatan');
        const kec = String((ctx.data.draft as Partial<Recipient>).kecamatan ?? '');
        const kel = input.kind === 'choice' && input.id.startsWith('rl:') ? kelurahanOf(kec)[Number(input.id.slice(3))] : undefined;
        if (!kel) return invalid('ui-choose-button');
        return goto('recipient', 'note', { data: { draft: { ...(ctx.data.draft as object), kelurahan: kel } } });
      },
    },
    note: {
      enter: () => reply(text('recipient-ask-note', {}, [choice('rn:skip', 'recipient-skip-note'), backButton()])),
      async handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'kelurahan');
        let note: string | undefined;
        if (input.kind === 'text') {
          note = clean(input.text);
          if (note.length > 300) return invalid('recipient-note-too-long');
          if (NO_NOTE.test(note)) note = undefined; // "-", "tidak ada", "skip": the same as the skip button
        } else if (!(input.kind === 'choice' && input.id === 'rn:skip')) return invalid('recipient-need-text');
        const r: Recipient = { ...(ctx.data.draft as Omit<Recipient, 'id'>), id: randomUUID().slice(0, 8), note: note || undefined };
        return checkRepeat(ctx, r);
      },
    },
    repeat: {
      enter: (ctx) =>
        reply(
          text('recipient-repeat', { count: Number(ctx.data.repeatCount ?? 0) }, [
            choice('rp:other', 'recipient-pick-other'),
            choice('rp:keep', 'recipient-keep'),
          ]),
        ),
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'rp:other') return goto('recipient', 'start');
        if (input.id === 'rp:keep') return attach(ctx, ctx.data.draft as Recipient);
        return invalid('engine-stale-button');
      },
    },
  },
};
