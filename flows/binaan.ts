import { z } from 'zod';
import type { Umkm } from '../src/domain/schemas.js';
import { defineFlow, type FlowCtx, goto, invalid, reply, type StepResult } from '../src/engine/flow.js';
import type { Choice } from '../src/i18n/message.js';
import { backButton, choice, clip, literal, menuButton, text } from './ui.js';

/** UMKM listed (and cooperatives offered) at most on one screen. */
const MAX_LISTED = 20;

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** UMKM fostered by `type` + `name` (an OPD or a cooperative), sorted by name. */
async function fostered(ctx: FlowCtx, type: 'opd' | 'koperasi', name: string): Promise<Umkm[]> {
  return (await ctx.deps.store.catalogue.allUmkms())
    .filter((u) => u.binaan?.type === type && norm(u.binaan.name) === norm(name))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

/** Every cooperative some UMKM names, sorted. */
async function cooperatives(ctx: FlowCtx): Promise<string[]> {
  const names = new Map<string, string>();
  for (const u of await ctx.deps.store.catalogue.allUmkms()) if (u.binaan?.type === 'koperasi') names.set(norm(u.binaan.name), u.binaan.name);
  return [...names.values()].sort((a, b) => a.localeCompare(b, 'id'));
}

/** True when some UMKM of the catalogue has a `binaan` (the main menu offers the entry then). */
export async function anyBinaan(ctx: FlowCtx): Promise<boolean> {
  return (await ctx.deps.store.catalogue.allUmkms()).some((u) => u.binaan);
}

const BinaanDataSchema = z.object({
  /** the list shown: the buyer's own OPD, or the cooperative picked */
  source: z.enum(['opd', 'koperasi']).optional(),
  /** the cooperatives as offered (a button is an index into this list) */
  offered: z.array(z.string()).optional(),
  /** the cooperative picked */
  koperasi: z.string().optional(),
  /** the UMKM ids listed (a press of any other id is refused) */
  listed: z.array(z.string()).optional(),
});

/** "UMKM binaan OPD saya" and UMKM by cooperative; a UMKM picked opens its products in the catalogue. */
export const binaanFlow = defineFlow({
  name: 'binaan',
  data: BinaanDataSchema,
  steps: {
    start: {
      enter(ctx) {
        const opd = ctx.user.person?.opd;
        const choices: Choice[] = [
          ...(opd ? [choice('bn:opd', 'binaan-my-opd', { opd: clip(opd, 40) })] : []),
          choice('bn:kop', 'binaan-by-koperasi'),
          menuButton(),
        ];
        return reply(text('binaan-title', {}, choices));
      },
      handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'bn:opd' && ctx.user.person) return goto('binaan', 'list', { data: { source: 'opd' } });
        if (input.id === 'bn:kop') return goto('binaan', 'koperasi');
        return invalid('engine-stale-button');
      },
    },
    koperasi: {
      async enter(ctx) {
        const names = (await cooperatives(ctx)).slice(0, MAX_LISTED);
        if (!names.length) return reply(text('binaan-koperasi-none', {}, [backButton(), menuButton()]));
        return {
          ...reply(text('binaan-koperasi-pick', {}, [...names.map((n, i) => literal(`kp:${i}`, clip(n, 60))), backButton(), menuButton()])),
          data: { offered: names },
        };
      },
      handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'nav:back') return goto('binaan', 'start');
        const name = /^kp:(\d{1,3})$/.exec(input.id) ? ctx.data.offered?.[Number(input.id.slice(3))] : undefined;
        if (!name) return invalid('engine-stale-button');
        return goto('binaan', 'list', { data: { source: 'koperasi', koperasi: name } });
      },
    },
    list: {
      async enter(ctx) {
        const source = ctx.data.source;
        // The OPD is always the buyer's own, from the roster: never one named by the session.
        const name = source === 'opd' ? ctx.user.person?.opd : source === 'koperasi' ? ctx.data.koperasi : undefined;
        if (!source || !name) return goto('binaan', 'start');
        const umkms = (await fostered(ctx, source, name)).slice(0, MAX_LISTED);
        const label = source === 'opd' ? ctx.deps.t('binaan-label-opd', { name }) : ctx.deps.t('binaan-label-koperasi', { name });
        if (!umkms.length) return reply(text('binaan-none', { label }, [backButton(), menuButton()]));
        const lines = umkms.map((u, i) => `${i + 1}. ${u.name} (${ctx.deps.t(`category-${u.category}`)}, ${u.kecamatan})`).join('\n');
        return {
          ...reply(
            text(
              'binaan-list',
              { label, count: umkms.length, lines },
              [...umkms.map((u) => literal(`bu:${u.id}`, clip(u.name, 60))), backButton(), menuButton()],
              // The text numbers the UMKM as their choices: numbered channels list them once.
              { listed: umkms.length },
            ),
          ),
          data: { listed: umkms.map((u) => u.id) },
        };
      },
      handle(ctx, input): StepResult {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (input.id === 'nav:back') return goto('binaan', ctx.data.source === 'koperasi' ? 'koperasi' : 'start');
        const id = input.id.startsWith('bu:') ? input.id.slice(3) : '';
        if (!id || !ctx.data.listed?.includes(id)) return invalid('engine-stale-button');
        return goto('browse', 'list', { data: { mode: 'umkm', umkmId: id, page: 0, sort: 'fair' } });
      },
    },
  },
});
