import { randomUUID } from 'node:crypto';
import { validateNip } from '../src/domain/nip.js';
import { reasonMsg } from '../src/import/error-text.js';
import { displayPhone } from '../src/domain/phone.js';
import type { PaymentDetails } from '../src/domain/payment.js';
import { type Recipient, RecipientSchema } from '../src/domain/schemas.js';
import { KECAMATAN, kelurahanOf } from '../src/domain/wilayah.js';
import { z } from 'zod';
import { defineFlow, type FlowCtx, goto, invalid, msg, reply, type StepResult } from '../src/engine/flow.js';
import type { Input } from '../src/engine/types.js';
import { indexChoices, keyChoices, wordChoices } from './choice-ids.js';
import { RETRY_RECIPIENT, retryRecipient } from './order-retry.js';
import { payToToKeepOf } from './pay-details.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';
import { readAddress, readName, readNote, readPhone } from './recipient-fields.js';
import { type Draft, type FormProblem, formLines, missingField, NAMED_FIELDS, type NamedField, readForm } from './recipient-form.js';

/** The recipient flow's data: the recipient typed so far, and how many recent deliveries it had. */
const RecipientDataSchema = z.object({
  draft: RecipientSchema.partial().default({}),
  /** packages the same household got in the last 7 days (the repeat step) */
  repeatCount: z.number().int().optional(),
  /** the draft came from the one-message form: each step goes on to the next field still missing */
  form: z.boolean().optional(),
});
type RecipientCtx = FlowCtx<z.output<typeof RecipientDataSchema>>;

/** Button ids of the recipient flow. `rc:retry` (order-retry.ts) is the rejected order's recipient. */
const EARLIER = keyChoices('rc:', "a recipient on the recipient step: saved (by id), new, or the rejected order's", 32);
const NEW_RECIPIENT = EARLIER.pack('new');
const KECAMATAN_PICK = indexChoices('rk:', "the recipient's kecamatan, by its position in KECAMATAN");
const KELURAHAN_PICK = indexChoices('rl:', "the recipient's kelurahan, by its position in the kecamatan's list");
const NOTE_IDS = wordChoices('rn:', 'the note step: no note for the courier, or the recipient is an ASN', ['skip', 'asn']);
const SKIP_NOTE = NOTE_IDS.pack('skip');
const ASN_RECIPIENT = NOTE_IDS.pack('asn');
const REPEAT = wordChoices('rr:', 'after the repeat warning: another recipient, or keep this one', ['other', 'keep']);

/** `read`: the payment details the order keeps once the payment step (next) shows them, when already asked for; written with the recipient. */
async function attach(ctx: RecipientCtx, r: Recipient, read?: Promise<PaymentDetails | undefined>): Promise<StepResult> {
  const orderId = ctx.session.orderId;
  const person = ctx.user.person;
  if (!orderId || !person) return goto('menu', 'main');
  const payTo = await (read ?? payToToKeepOf(ctx, orderId));
  // Both at once: the recipient is kept for next time even if the order is gone (as before).
  const [, res] = await Promise.all([
    ctx.deps.store.recipients.save(person.nip, r),
    ctx.deps.store.orders.update(orderId, { recipient: r, ...(payTo ? { payTo } : {}) }),
  ]);
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
async function checkRepeat(ctx: RecipientCtx, r: Recipient): Promise<StepResult> {
  // The order and its payment details are read meanwhile (the update reads the order from memory: src/store/turn-scope.ts).
  const orderId = ctx.session.orderId;
  const read = orderId ? payToToKeepOf(ctx, orderId) : undefined;
  read?.catch(() => undefined); // a failure is attach's to see
  const n = await ctx.deps.store.recipients.recentDeliveries(r, orderId);
  if (n > 0) return goto('recipient', 'repeat', { data: { draft: r, repeatCount: n } });
  return attach(ctx, r, read);
}

/** Where a text may be the whole recipient in one message, the prompt says so (not the terminal: one line is one message). */
function formHint(ctx: RecipientCtx): { suffix?: ReturnType<typeof msg>[] } {
  return ctx.again || ctx.chat.channel === 'console' ? {} : { suffix: [msg('recipient-form-hint')] };
}

/** The recipient complete: a fresh id, then the repeat check (as after the note step). */
async function complete(ctx: RecipientCtx, draft: Draft): Promise<StepResult> {
  const r = RecipientSchema.safeParse({ ...draft, id: randomUUID().slice(0, 8), note: draft.note || undefined });
  if (!r.success) return goto('recipient', 'name', { data: { draft: {}, form: false } });
  return checkRepeat(ctx, r.data);
}

/**
 * The whole recipient sent in one message: complete, it is taken as the note step takes the last
 * answer; otherwise each refused line is named with its step's reason, what passed is kept, and
 * the step of the first field missing asks the rest.
 */
async function fromForm(ctx: RecipientCtx, lines: string[]): Promise<StepResult> {
  const { draft, problems } = readForm(lines);
  const next = missingField(draft, problems);
  if (!next && draft.phone === ctx.user.person?.phone) return goto('recipient', 'own-phone', { data: { draft, form: true } });
  if (!next) return complete(ctx, draft);
  const t = ctx.deps.t;
  const field = (f: NamedField) => t(`recipient-form-field-${f}`);
  const kept = NAMED_FIELDS.filter((f) => draft[f] !== undefined);
  const replies = [
    ...(kept.length ? [text('recipient-form-kept', { fields: kept.map(field).join(', ') })] : []),
    ...problems.map((p: FormProblem) => text('recipient-form-problem', { field: field(p.field), reason: t(p.reason.key, p.reason.args) })),
  ];
  return goto('recipient', next, { data: { draft, form: true }, replies });
}

/** After a field's step: the next step; for a draft from the form, the next field still missing. */
function advance(ctx: RecipientCtx, draft: Draft, next: 'phone' | 'address' | 'kecamatan' | 'note'): StepResult | Promise<StepResult> {
  if (!ctx.data.form) return goto('recipient', next, { data: { draft } });
  const missing = missingField(draft);
  return missing ? goto('recipient', missing, { data: { draft } }) : complete(ctx, draft);
}

/** A phone typed or shared for the recipient: the buyer's own number is asked about once. */
function phoneAnswer(ctx: RecipientCtx, input: Input): StepResult | Promise<StepResult> {
  const raw = input.kind === 'text' ? input.text : input.kind === 'contact' ? input.phone : '';
  const read = readPhone(raw);
  if (!read.ok) return invalid(read.reason);
  const draft = { ...ctx.data.draft, phone: read.value };
  if (read.value === ctx.user.person?.phone) return goto('recipient', 'own-phone', { data: { draft, form: ctx.data.form } });
  return advance(ctx, draft, 'address');
}

/** The isoman recipient: reuse an earlier one, or name, phone, address, kecamatan, kelurahan, note. */
export const recipientFlow = defineFlow({
  name: 'recipient',
  data: RecipientDataSchema,
  steps: {
    start: {
      async enter(ctx) {
        const person = ctx.user.person;
        if (!person || !ctx.session.orderId) return goto('menu', 'main');
        // Changing the recipient from the payment step: "Kembali" keeps the one the order has.
        const [earlier, retry, order] = await Promise.all([
          ctx.deps.store.recipients.ofAsn(person.nip),
          retryRecipient(ctx),
          ctx.deps.store.orders.get(ctx.session.orderId),
        ]);
        const changing = order?.status === 'confirmed' && Boolean(order.recipient);
        const choices = [
          ...(retry ? [literal(RETRY_RECIPIENT, clip(`✅ ${retry.recipient.name} · ${retry.recipient.kelurahan}`, 50))] : []),
          ...earlier
            .filter((r) => r.id !== retry?.recipient.id)
            .slice(0, 8)
            .map((r) => literal(EARLIER.pack(r.id), clip(`${r.name} · ${r.kelurahan}`, 50))),
          choice(NEW_RECIPIENT, 'recipient-new'),
          ...(changing ? [backButton()] : []),
          menuButton(),
        ];
        const hint = formHint(ctx);
        if (retry)
          return reply(text('ar-recipient-offer', { id: retry.order.id, name: retry.recipient.name, kelurahan: retry.recipient.kelurahan }, choices, hint));
        return reply(text(earlier.length ? 'recipient-start-reuse' : 'recipient-start', {}, choices, hint));
      },
      async handle(ctx, input) {
        const lines = formLines(input);
        if (lines) return fromForm(ctx, lines);
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'nav:back') return goto('receipt', 'ask');
        if (input.id === NEW_RECIPIENT) return goto('recipient', 'name', { data: { draft: {}, form: false } });
        if (input.id === RETRY_RECIPIENT) {
          const retry = await retryRecipient(ctx);
          if (!retry) return invalid('engine-stale-button');
          return checkRepeat(ctx, { ...retry.recipient });
        }
        const earlierId = EARLIER.parse(input.id);
        if (earlierId) {
          const r = await ctx.deps.store.recipients.get(ctx.user.person!.nip, earlierId);
          if (!r) return invalid('engine-stale-button');
          return checkRepeat(ctx, r);
        }
        return invalid('engine-stale-button');
      },
    },
    name: {
      enter: (ctx) => reply(text('recipient-ask-name', {}, [backButton(), menuButton()], ctx.data.form ? {} : formHint(ctx))),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'start');
        const lines = formLines(input);
        if (lines) return fromForm(ctx, lines);
        if (input.kind !== 'text') return invalid('recipient-need-text');
        const name = readName(input.text);
        if (!name.ok) return invalid(name.reason);
        return advance(ctx, { ...ctx.data.draft, name: name.value }, 'phone');
      },
    },
    phone: {
      enter: () => reply(text('recipient-ask-phone', {}, [backButton(), menuButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'name');
        return phoneAnswer(ctx, input);
      },
    },
    // The buyer typed their own number (one at a time or in the one-message form): asked once.
    'own-phone': {
      enter: (ctx) =>
        reply(
          text('recipient-own-phone-ask', { phone: displayPhone(ctx.data.draft.phone ?? '') }, [
            choice('ph:self', 'recipient-own-phone-yes'),
            choice('ph:other', 'recipient-own-phone-no'),
            menuButton(),
          ]),
        ),
      handle(ctx, input) {
        // The buyer's own number, confirmed: an ASN in isoman may receive too.
        if (input.kind === 'choice' && input.id === 'ph:self' && ctx.data.draft.phone) return advance(ctx, ctx.data.draft, 'address');
        if (input.kind === 'choice' && input.id === 'ph:other')
          return goto('recipient', 'phone', { data: { draft: { ...ctx.data.draft, phone: undefined }, form: ctx.data.form } });
        // Another number typed here instead of choosing: read as the phone step would.
        if (input.kind === 'text' || input.kind === 'contact') return phoneAnswer(ctx, input);
        return invalid('ui-choose-button');
      },
    },
    address: {
      enter: () => reply(text('recipient-ask-address', {}, [backButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'phone');
        if (input.kind !== 'text') return invalid('recipient-need-text');
        const address = readAddress(input.text);
        if (!address.ok) return invalid(address.reason);
        return advance(ctx, { ...ctx.data.draft, address: address.value }, 'kecamatan');
      },
    },
    kecamatan: {
      enter: () => reply(text('recipient-ask-kecamatan', {}, [...KECAMATAN.map((k, i) => literal(KECAMATAN_PICK.pack(i), k)), backButton()], { columns: 2 })),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'address');
        const k = input.kind === 'choice' ? KECAMATAN_PICK.parse(input.id, KECAMATAN) : null;
        if (!k) return invalid('ui-choose-button');
        return goto('recipient', 'kelurahan', { data: { draft: { ...ctx.data.draft, kecamatan: k, kelurahan: undefined } } });
      },
    },
    kelurahan: {
      enter(ctx) {
        const kec = ctx.data.draft.kecamatan ?? '';
        return reply(
          text('recipient-ask-kelurahan', { kecamatan: kec }, [...kelurahanOf(kec).map((k, i) => literal(KELURAHAN_PICK.pack(i), k)), backButton()], {
            columns: 2,
          }),
        );
      },
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'kecamatan');
        const kec = ctx.data.draft.kecamatan ?? '';
        const kel = input.kind === 'choice' ? KELURAHAN_PICK.parse(input.id, kelurahanOf(kec)) : null;
        if (!kel) return invalid('ui-choose-button');
        return advance(ctx, { ...ctx.data.draft, kelurahan: kel }, 'note');
      },
    },
    note: {
      enter: (ctx) => {
        // The recipient may be an ASN in isoman (the circular names both): a NIP, asked only when offered.
        const asn = ctx.data.draft.asnNip;
        const choices = [choice(SKIP_NOTE, 'recipient-skip-note'), ...(asn ? [] : [choice(ASN_RECIPIENT, 'recipient-is-asn')]), backButton()];
        return reply(...(asn ? [text('recipient-asn-noted')] : []), text('recipient-ask-note', {}, choices));
      },
      async handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'kelurahan');
        if (input.kind === 'choice' && input.id === ASN_RECIPIENT) return goto('recipient', 'asn-nip');
        let note: string | undefined;
        if (input.kind === 'text') {
          // "-", "tidak ada", "skip": the same as the skip button
          const read = readNote(input.text);
          if (!read.ok) return invalid(read.reason);
          note = read.value;
        } else if (!(input.kind === 'choice' && input.id === SKIP_NOTE)) return invalid('recipient-need-text');
        // A draft that misses a field (a session from an older version) starts again from the name.
        return complete(ctx, { ...ctx.data.draft, note });
      },
    },
    'asn-nip': {
      enter: () => reply(text('recipient-ask-nip', {}, [backButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && input.id === 'nav:back') return goto('recipient', 'note');
        if (input.kind !== 'text') return invalid('recipient-need-text');
        const v = validateNip(input.text, ctx.deps.clock());
        if (!v.ok) {
          const reason = reasonMsg(v.reason.replace(/^nip: /, ''));
          return invalid('recipient-nip-bad', { reason: reason ? ctx.deps.t(reason.key, reason.args) : v.reason });
        }
        return goto('recipient', 'note', { data: { draft: { ...ctx.data.draft, asnNip: input.text.replace(/\s+/g, ''), asn: true } } });
      },
    },
    repeat: {
      enter: (ctx) =>
        reply(
          text('recipient-repeat', { count: ctx.data.repeatCount ?? 0 }, [
            choice(REPEAT.pack('other'), 'recipient-pick-other'),
            choice(REPEAT.pack('keep'), 'recipient-keep'),
          ]),
        ),
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        const answer = REPEAT.parse(input.id);
        if (answer === 'other') return goto('recipient', 'start');
        if (answer === 'keep') {
          const r = RecipientSchema.safeParse(ctx.data.draft);
          return r.success ? attach(ctx, r.data) : goto('recipient', 'start');
        }
        return invalid('engine-stale-button');
      },
    },
  },
});
