import { listOpds } from '../src/broadcast/audience.js';
import { newBroadcastId } from '../src/store/broadcasts-repo.js';
import { type Audience, MAX_FLYER_TEXT } from '../src/domain/broadcast.js';
import { CATEGORIES } from '../src/domain/schemas.js';
import { KECAMATAN } from '../src/domain/wilayah.js';
import { defineFlow, type Flow, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { MediaRef } from '../src/engine/types.js';
import { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from '../src/media/media-store.js';
import { adminOnly } from './admin-guard.js';
import { type BroadcastCtx, BroadcastDataSchema, confirmScheduleStep, previewStep, scheduleStep, sentStep } from './admin-broadcast-send.js';
import { BROADCAST_DRAFT, CATEGORY_CHOICE, indexChoices, KECAMATAN_CHOICE, wordChoices } from './choice-ids.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';

/** Who a broadcast goes to. */
const AUDIENCE_KIND = wordChoices('bca:', 'who a broadcast goes to', ['asn-all', 'asn-opd', 'umkm-all', 'umkm-kec', 'umkm-cat']);

/** OPD buttons per page of the multi-select. */
const OPD_PAGE = 20;
/** An OPD of the multi-select, by its position in the list first shown (`opd:prev`, `opd:next`, `opd:done` page and finish). */
const OPD_PICK = indexChoices('opd:', 'an OPD of the broadcast audience, by position (opd:prev/next/done: page, finish)', ['prev', 'next', 'done']);

const toPreview = (audience: Audience): StepResult => goto('admin-broadcast', 'preview', { data: { audience } });

async function acceptPhoto(ctx: BroadcastCtx, media: MediaRef): Promise<StepResult> {
  const caption = (media.caption ?? '').trim();
  if (caption.length > MAX_FLYER_TEXT) return invalid('admin-bc-too-long', { max: MAX_FLYER_TEXT, length: caption.length });
  if (media.size && media.size > MAX_IMAGE_BYTES) return invalid('admin-bc-photo-too-large');
  const stored = await ctx.deps.media.storeImage(await ctx.fetchMedia(media), 'flyers');
  if (!stored.ok)
    return invalid(
      stored.reason === 'too-large'
        ? 'admin-bc-photo-too-large'
        : stored.reason === 'too-many-pixels'
          ? 'admin-bc-photo-too-many-pixels'
          : 'admin-bc-not-image',
      { megapixels: MAX_IMAGE_PIXELS / 1_000_000 },
    );
  return goto('admin-broadcast', 'audience', { data: { bid: newBroadcastId(ctx.deps.clock()), text: caption, photo: stored.path } });
}

/** `/siaran`: the flyer (photo with caption, or text), then its audience; preview and sending follow. */
export const adminBroadcastFlow: Flow = adminOnly(
  defineFlow({
    name: 'admin-broadcast',
    data: BroadcastDataSchema,
    steps: {
      compose: {
        enter: () => reply(text('admin-bc-compose', { max: MAX_FLYER_TEXT }, [menuButton()])),
        handle(ctx, input) {
          if (input.kind === 'photo') return acceptPhoto(ctx, input.media);
          if (input.kind !== 'text' || !input.text.trim()) return invalid('admin-bc-need-content', { max: MAX_FLYER_TEXT });
          const t = input.text.trim();
          if (t.length > MAX_FLYER_TEXT) return invalid('admin-bc-too-long', { max: MAX_FLYER_TEXT, length: t.length });
          return goto('admin-broadcast', 'audience', { data: { bid: newBroadcastId(ctx.deps.clock()), text: t, photo: undefined } });
        },
      },
      audience: {
        enter: () =>
          reply(
            text('admin-bc-audience', {}, [
              choice(AUDIENCE_KIND.pack('asn-all'), 'admin-bc-aud-asn-all'),
              choice(AUDIENCE_KIND.pack('asn-opd'), 'admin-bc-aud-asn-opd-pick'),
              choice(AUDIENCE_KIND.pack('umkm-all'), 'admin-bc-aud-umkm-all'),
              choice(AUDIENCE_KIND.pack('umkm-kec'), 'admin-bc-aud-umkm-kec-pick'),
              choice(AUDIENCE_KIND.pack('umkm-cat'), 'admin-bc-aud-umkm-cat-pick'),
              backButton(BROADCAST_DRAFT.pack('back')),
              menuButton(),
            ]),
          ),
        handle(_ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          switch (input.id) {
            case AUDIENCE_KIND.pack('asn-all'):
              return toPreview({ kind: 'asn-all' });
            case AUDIENCE_KIND.pack('umkm-all'):
              return toPreview({ kind: 'umkm-all' });
            case AUDIENCE_KIND.pack('asn-opd'):
              return goto('admin-broadcast', 'opd', { data: { selected: [], page: 0, opdList: undefined } });
            case AUDIENCE_KIND.pack('umkm-kec'):
              return goto('admin-broadcast', 'kecamatan');
            case AUDIENCE_KIND.pack('umkm-cat'):
              return goto('admin-broadcast', 'category');
            case BROADCAST_DRAFT.pack('back'):
              return goto('admin-broadcast', 'compose');
            default:
              return invalid('engine-stale-button');
          }
        },
      },
      opd: {
        async enter(ctx) {
          const list = ctx.data.opdList ?? (await listOpds(ctx.deps.store));
          const selected = new Set(ctx.data.selected ?? []);
          const pages = Math.max(1, Math.ceil(list.length / OPD_PAGE));
          const page = Math.min(ctx.data.page ?? 0, pages - 1);
          const start = page * OPD_PAGE;
          const choices = list
            .slice(start, start + OPD_PAGE)
            .map((name, i) => literal(OPD_PICK.pack(start + i), `${selected.has(start + i) ? '✅' : '▫️'} ${clip(name, 48)}`));
          if (page > 0) choices.push(choice(OPD_PICK.packWord('prev'), 'admin-bc-prev'));
          if (page < pages - 1) choices.push(choice(OPD_PICK.packWord('next'), 'admin-bc-next'));
          choices.push(choice(OPD_PICK.packWord('done'), 'admin-bc-opd-done', { count: selected.size }), backButton(BROADCAST_DRAFT.pack('back')));
          return {
            kind: 'reply',
            replies: [text('admin-bc-opd-ask', { page: page + 1, pages }, choices)],
            data: { opdList: list, page },
          };
        },
        handle(ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          const list = ctx.data.opdList ?? [];
          const selected = ctx.data.selected ?? [];
          const page = ctx.data.page ?? 0;
          if (BROADCAST_DRAFT.parse(input.id) === 'back') return goto('admin-broadcast', 'audience');
          const word = OPD_PICK.word(input.id);
          if (word === 'prev' || word === 'next') {
            return goto('admin-broadcast', 'opd', { data: { page: page + (word === 'next' ? 1 : -1) } });
          }
          if (word === 'done') {
            if (!selected.length) return invalid('admin-bc-opd-none');
            return toPreview({ kind: 'asn-opd', opds: selected.map((i) => list[i]).filter((x): x is string => Boolean(x)) });
          }
          const i = OPD_PICK.index(input.id);
          if (i === null || !list[i]) return invalid('engine-stale-button');
          const next = selected.includes(i) ? selected.filter((x) => x !== i) : [...selected, i];
          return goto('admin-broadcast', 'opd', { data: { selected: next } });
        },
      },
      kecamatan: {
        enter: () =>
          reply(
            text('admin-bc-kec-ask', {}, [...KECAMATAN.map((k, i) => literal(KECAMATAN_CHOICE.pack(i), k)), backButton(BROADCAST_DRAFT.pack('back'))], {
              columns: 2,
            }),
          ),
        handle(_ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          if (BROADCAST_DRAFT.parse(input.id) === 'back') return goto('admin-broadcast', 'audience');
          const k = KECAMATAN_CHOICE.parse(input.id);
          if (!k) return invalid('engine-stale-button');
          return toPreview({ kind: 'umkm-kecamatan', kecamatan: k });
        },
      },
      category: {
        enter: () =>
          reply(
            text('admin-bc-cat-ask', {}, [
              ...CATEGORIES.map((c) => choice(CATEGORY_CHOICE.pack(c), `category-${c}`)),
              backButton(BROADCAST_DRAFT.pack('back')),
            ]),
          ),
        handle(_ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          if (BROADCAST_DRAFT.parse(input.id) === 'back') return goto('admin-broadcast', 'audience');
          const c = CATEGORY_CHOICE.parse(input.id);
          if (!c) return invalid('engine-stale-button');
          return toPreview({ kind: 'umkm-category', category: c });
        },
      },
      preview: previewStep,
      schedule: scheduleStep,
      'confirm-schedule': confirmScheduleStep,
      sent: sentStep,
    },
  }),
);
