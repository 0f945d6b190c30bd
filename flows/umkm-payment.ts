import { z } from 'zod';
import { normalizePhone } from '../src/domain/phone.js';
import {
  BankAccountSchema,
  detailsOnly,
  EWALLETS,
  methodsOf,
  normalizeBank,
  parseAccountNumber,
  type PaymentDetails,
  PaymentDetailsSchema,
  PAYMENT_METHODS,
} from '../src/domain/payment.js';
import type { Umkm } from '../src/domain/schemas.js';
import { defineFlow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import { MAX_IMAGE_BYTES } from '../src/media/media-store.js';
import { readQrisImage } from '../src/media/qris-image.js';
import { detailLines } from './pay-details.js';
import { actingUmkm, SWITCH_UMKM, switchButtons, switchUmkm, withActingUmkm } from './umkm-acting.js';
import { backButton, choice, literal, menuButton, text } from './ui.js';
import { NAV_CHOICE, wordChoices } from './choice-ids.js';

/** The way to be paid the owner removes. */
const REMOVE_METHOD = wordChoices('pr:', 'the way to be paid the owner removes', PAYMENT_METHODS);

/** The owner's payment details read back: right or not. */
const PAY_CONFIRM = wordChoices('pc:', "the owner's payment details read back: right or not", ['yes', 'no']);

/** Which payment detail the owner changes or removes. */
const PAY_UPDATE = wordChoices('pu:', 'which payment detail the owner changes or removes', ['bank', 'ewallet', 'qris', 'remove']);

const DataSchema = z.object({
  /** the details as they will be once confirmed */
  draft: PaymentDetailsSchema.optional(),
  /** the bank account being typed, part by part */
  bank: BankAccountSchema.partial().optional(),
  /** the e-wallet provider chosen */
  provider: z.enum(EWALLETS).optional(),
});
type Ctx = FlowCtx<z.output<typeof DataSchema>>;

const HOLDER_MAX = 100;

/** The acting UMKM's current details (only the details). */
async function currentOf(ctx: Ctx, umkm: Umkm): Promise<PaymentDetails> {
  return detailsOnly(await ctx.deps.store.payments.get(umkm.id));
}

/** Every editing step needs the owner's UMKM: someone else is sent to the menu, an owner of several chooses. */
const guarded = (ctx: Ctx, step: 'view', then: (umkm: Umkm) => StepResult | Promise<StepResult>) => withActingUmkm(ctx, ['umkm-payment', step], then);

/** Starts a change from the current details, then goes to `step`. */
async function startChange(ctx: Ctx, umkm: Umkm, step: 'bank' | 'ewallet' | 'qris' | 'remove'): Promise<StepResult> {
  return goto('umkm-payment', step, { data: { draft: await currentOf(ctx, umkm), bank: {}, provider: undefined } });
}

/** The owner's own payment details: view, change (bank, e-wallet, QRIS), remove one; every change confirmed first. */
export const umkmPaymentFlow = defineFlow({
  name: 'umkm-payment',
  data: DataSchema,
  steps: {
    view: {
      enter: (ctx) =>
        guarded(ctx, 'view', async (umkm) => {
          const current = await currentOf(ctx, umkm);
          const methods = methodsOf(current);
          const buttons = [
            choice(PAY_UPDATE.pack('bank'), current.bank ? 'pay-own-change-bank' : 'pay-own-add-bank'),
            choice(PAY_UPDATE.pack('ewallet'), current.ewallet ? 'pay-own-change-ewallet' : 'pay-own-add-ewallet'),
            choice(PAY_UPDATE.pack('qris'), current.qris ? 'pay-own-change-qris' : 'pay-own-add-qris'),
            ...(methods.length > 1 ? [choice(PAY_UPDATE.pack('remove'), 'pay-own-remove')] : []),
            ...switchButtons(ctx),
            menuButton(),
          ];
          if (!methods.length) return reply(text('pay-own-none', { umkm: umkm.name }, buttons));
          const { lines, code } = detailLines(ctx, current);
          return reply(text('pay-own-view', { umkm: umkm.name, details: lines }, buttons, { code }));
        }),
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === SWITCH_UMKM) return switchUmkm(['umkm-payment', 'view']);
        const umkm = actingUmkm(ctx);
        if (!umkm) return goto('umkm-payment', 'view');
        if (PAY_UPDATE.parse(input.id) === 'bank') return startChange(ctx, umkm, 'bank');
        if (PAY_UPDATE.parse(input.id) === 'ewallet') return startChange(ctx, umkm, 'ewallet');
        if (PAY_UPDATE.parse(input.id) === 'qris') return startChange(ctx, umkm, 'qris');
        if (PAY_UPDATE.parse(input.id) === 'remove') return startChange(ctx, umkm, 'remove');
        return invalid('engine-stale-button');
      },
    },
    bank: {
      enter: () => reply(text('pay-own-bank-ask', {}, [backButton(), menuButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-payment', 'view');
        if (input.kind !== 'text') return invalid('pay-own-need-text');
        const b = normalizeBank(input.text);
        if (!b.ok) return invalid('pay-own-bank-unknown', { nearest: b.nearest.join(', ') });
        return goto('umkm-payment', 'bank-number', { data: { bank: { bank: b.name } } });
      },
    },
    'bank-number': {
      enter: (ctx) => reply(text('pay-own-number-ask', { bank: ctx.data.bank?.bank ?? '-' }, [backButton(), menuButton()], { expectsNumber: true })),
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-payment', 'bank');
        if (input.kind !== 'text') return invalid('pay-own-need-text');
        const n = parseAccountNumber(input.text);
        if (!n) return invalid('pay-own-number-bad');
        return goto('umkm-payment', 'bank-holder', { data: { bank: { ...ctx.data.bank, number: n } } });
      },
    },
    'bank-holder': {
      enter: () => reply(text('pay-own-holder-ask', {}, [backButton(), menuButton()])),
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-payment', 'bank-number');
        if (input.kind !== 'text') return invalid('pay-own-need-text');
        const holder = input.text.trim().replace(/\s+/g, ' ');
        if (holder.length < 2 || holder.length > HOLDER_MAX || !/\p{L}/u.test(holder)) return invalid('pay-own-holder-bad', { max: HOLDER_MAX });
        const bank = BankAccountSchema.safeParse({ ...ctx.data.bank, holder });
        if (!bank.success) return goto('umkm-payment', 'bank');
        return goto('umkm-payment', 'confirm', { data: { draft: { ...ctx.data.draft, bank: bank.data } } });
      },
    },
    ewallet: {
      enter: () => reply(text('pay-own-ewallet-ask', {}, [...EWALLETS.map((e) => literal(`pw:${e}`, e)), backButton(), menuButton()], { columns: 1 })),
      handle(_ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-payment', 'view');
        if (input.kind !== 'choice' || !input.id.startsWith('pw:')) return invalid('ui-choose-button');
        const provider = EWALLETS.find((e) => e === input.id.slice(3));
        if (!provider) return invalid('engine-stale-button');
        return goto('umkm-payment', 'ewallet-number', { data: { provider } });
      },
    },
    'ewallet-number': {
      enter: (ctx) => reply(text('pay-own-ewallet-number-ask', { provider: ctx.data.provider ?? '-' }, [backButton(), menuButton()], { expectsNumber: true })),
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-payment', 'ewallet');
        if (input.kind !== 'text') return invalid('pay-own-need-text');
        const provider = ctx.data.provider;
        if (!provider) return goto('umkm-payment', 'ewallet');
        const number = normalizePhone(input.text);
        if (!number) return invalid('pay-own-ewallet-number-bad');
        return goto('umkm-payment', 'confirm', { data: { draft: { ...ctx.data.draft, ewallet: { provider, number } } } });
      },
    },
    qris: {
      enter: () => reply(text('pay-own-qris-ask', {}, [backButton(), menuButton()])),
      takesDocument: true,
      async handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-payment', 'view');
        if (input.kind !== 'photo' && input.kind !== 'document') return invalid('pay-own-qris-need-photo');
        const media = input.media;
        if (media.size && media.size > MAX_IMAGE_BYTES) return invalid('pay-qris-too-large');
        const bytes = await ctx.fetchMedia(media);
        const q = await readQrisImage(bytes);
        if (!q.ok) return invalid(`pay-qris-bad-${q.reason}`);
        const stored = await ctx.deps.media.storeImage(bytes, 'qris');
        if (!stored.ok) return invalid(stored.reason === 'too-large' ? 'pay-qris-too-large' : 'pay-qris-bad-not-image');
        return goto('umkm-payment', 'confirm', { data: { draft: { ...ctx.data.draft, qris: { path: stored.path, merchant: q.merchant } } } });
      },
    },
    remove: {
      enter(ctx) {
        const methods = methodsOf(ctx.data.draft);
        if (methods.length < 2) return goto('umkm-payment', 'view', { replies: [text('pay-own-keep-one')] });
        return reply(text('pay-own-remove-ask', {}, [...methods.map((m) => choice(REMOVE_METHOD.pack(m), `pay-method-${m}`)), backButton(), menuButton()]));
      },
      handle(ctx, input) {
        if (input.kind === 'choice' && NAV_CHOICE.parse(input.id) === 'back') return goto('umkm-payment', 'view');
        if (input.kind !== 'choice' || !input.id.startsWith(REMOVE_METHOD.prefix)) return invalid('ui-choose-button');
        const m = REMOVE_METHOD.parse(input.id);
        const draft = { ...ctx.data.draft };
        if (!m || !draft[m] || methodsOf(draft).length < 2) return invalid('engine-stale-button');
        delete draft[m];
        return goto('umkm-payment', 'confirm', { data: { draft } });
      },
    },
    // The new details read back; nothing changes until the owner says they are right.
    confirm: {
      enter(ctx) {
        const draft = ctx.data.draft;
        if (!draft || !methodsOf(draft).length) return goto('umkm-payment', 'view');
        const { lines, code } = detailLines(ctx, draft);
        return reply(
          text(
            'pay-own-confirm',
            { details: lines },
            [choice(PAY_CONFIRM.pack('yes'), 'pay-own-confirm-yes'), choice(PAY_CONFIRM.pack('no'), 'pay-own-confirm-no')],
            {
              code,
              ...(draft.qris ? { photo: { path: draft.qris.path } } : {}),
            },
          ),
        );
      },
      handle: (ctx, input) =>
        guarded(ctx, 'view', async (umkm) => {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          if (PAY_CONFIRM.parse(input.id) === 'no') return goto('umkm-payment', 'view', { replies: [text('pay-own-unchanged')] });
          if (PAY_CONFIRM.parse(input.id) !== 'yes') return invalid('engine-stale-button');
          const draft = ctx.data.draft;
          if (!draft || !methodsOf(draft).length) return goto('umkm-payment', 'view');
          const changed = await ctx.deps.store.payments.set(umkm.id, draft, `owner:${ctx.user.phone ?? ctx.chat.channel}`);
          return goto('umkm-payment', 'view', { replies: [text(changed ? 'pay-own-saved' : 'pay-own-unchanged')] });
        }),
    },
  },
});
