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
import { CATEGORY_CHOICE, indexChoices, KECAMATAN_CHOICE } from './choice-ids.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';

/** OPD buttons per page of the multi-select. */
const OPD_PAGE = 20;
/** An OPD of the multi-select, by its position in the list first shown (`opd:prev`, `opd:next`, `opd:done` page and finish). */
const OPD_PICK = indexChoices('opd:', 'an OPD of the broadcast audience, by position (opd:prev/next/done: page, finish)');

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
              choice('bca:asn-all', 'admin-bc-aud-asn-all'),
              choice('bca:asn-opd', 'admin-bc-aud-asn-opd-pick'),
              choice('bca:umkm-all', 'admin-bc-aud-umkm-all'),
              choice('bca:umkm-kec', 'admin-bc-aud-umkm-kec-pick'),
              choice('bca:umkm-cat', 'admin-bc-aud-umkm-cat-pick'),
              backButton('bc:back'),
              menuButton(),
            ]),
          ),
        handle(_ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          switch (input.id) {
            case 'bca:asn-all':
              return toPreview({ kind: 'asn-all' });
            case 'bca:umkm-all':
              return toPreview({ kind: 'umkm-all' });
            case 'bca:asn-opd':
              return goto('admin-broadcast', 'opd', { data: { selected: [], page: 0, opdList: undefined } });
            case 'bca:umkm-kec':
              return goto('admin-broadcast', 'kecamatan');
            case 'bca:umkm-cat':
              return goto('admin-broadcast', 'category');
            case 'bc:back':
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
          if (page > 0) choices.push(choice('opd:prev', 'admin-bc-prev'));
          if (page < pages - 1) choices.push(choice('opd:next', 'admin-bc-next'));
          choices.push(choice('opd:done', 'admin-bc-opd-done', { count: selected.size }), backButton('bc:back'));
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
          if (input.id === 'bc:back') return goto('admin-broadcast', 'audience');
          if (input.id === 'opd:prev' || input.id === 'opd:next') {
            return goto('admin-broadcast', 'opd', { data: { page: page + (input.id === 'opd:next' ? 1 : -1) } });
          }
          if (input.id === 'opd:done') {
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
          reply(text('admin-bc-kec-ask', {}, [...KECAMATAN.map((k, i) => literal(KECAMATAN_CHOICE.pack(i), k)), backButton('bc:back')], { columns: 2 })),
        handle(_ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          if (input.id === 'bc:back') return goto('admin-broadcast', 'audience');
          const k = KECAMATAN_CHOICE.parse(input.id);
          if (!k) return invalid('engine-stale-button');
          return toPreview({ kind: 'umkm-kecamatan', kecamatan: k });
        },
      },
      category: {
        enter: () => reply(text('admin-bc-cat-ask', {}, [...CATEGORIES.map((c) => choice(CATEGORY_CHOICE.pack(c), `category-${c}`)), backButton('bc:back')])),
        handle(_ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          if (input.id === 'bc:back') return goto('admin-broadcast', 'audience');
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
