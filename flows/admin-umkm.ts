import { z } from 'zod';
import { invitationCardPng, invitationLinks } from '../src/admin/invitation-card.js';
import { storePng } from '../src/admin/stats-chart.js';
import { formatRupiah } from '../src/domain/money.js';
import { displayPhone } from '../src/domain/phone.js';
import type { Umkm } from '../src/domain/schemas.js';
import { formatWib } from '../src/domain/time.js';
import { defineFlow, type FlowCtx, goto, invalid, reply } from '../src/engine/flow.js';
import type { Reply } from '../src/i18n/message.js';
import { choiceStyle } from '../src/i18n/render.js';
import { csvCell } from '../src/reports/recap.js';
import { adminOnly } from './admin-guard.js';
import { choice, clip, literal, menuButton, text } from './ui.js';

/** UMKM buttons on the overview (the rest: typed id or name, and the CSV). */
const MAX_BUTTONS = 8;
/** UMKM lines in the overview text. */
const MAX_LINES = 15;
const PICK = 'au:u:';

const AdminUmkmDataSchema = z.object({ umkmId: z.string().optional() });
type AdminUmkmCtx = FlowCtx<z.output<typeof AdminUmkmDataSchema>>;

interface OwnerState {
  umkm: Umkm;
  linked: boolean;
  /** orders with notifications waiting for the owner to link */
  waiting: number;
}

/** Every UMKM with whether its owner is linked and how many orders wait for them; unlinked with waiting orders first. */
async function ownerStates(ctx: FlowCtx<object>): Promise<OwnerState[]> {
  const { store } = ctx.deps;
  const out: OwnerState[] = [];
  for (const umkm of await store.catalogue.allUmkms()) {
    const linked = await store.chatUsers.reachable(umkm.ownerPhone);
    const waiting = linked ? 0 : (await store.waiting.orderIds(umkm.ownerPhone)).length;
    out.push({ umkm, linked, waiting });
  }
  return out.sort((a, b) => Number(a.linked) - Number(b.linked) || b.waiting - a.waiting || a.umkm.name.localeCompare(b.umkm.name));
}

/** One CSV of the invitations of every UMKM not linked yet, for field staff. */
async function invitationsCsv(ctx: FlowCtx<object>, states: OwnerState[]): Promise<{ csv: string; count: number }> {
  const header = ['umkm_id', 'name', 'owner_name', 'owner_phone', 'kecamatan', 'kelurahan', 'waiting_orders', 'telegram_link', 'whatsapp_link', 'expires_at'];
  const rows = [header.join(',')];
  let count = 0;
  for (const s of states.filter((x) => !x.linked)) {
    const inv = await ctx.deps.store.invitations.current(s.umkm.id);
    const links = invitationLinks(ctx.deps.bot, inv.token);
    const u = s.umkm;
    rows.push(
      [u.id, u.name, u.ownerName, displayPhone(u.ownerPhone), u.kecamatan, u.kelurahan, s.waiting, links.telegram ?? '', links.whatsapp ?? '', inv.expiresAt]
        .map(csvCell)
        .join(','),
    );
    count++;
  }
  return { csv: `${rows.join('\r\n')}\r\n`, count };
}

/** The UMKM an admin typed: its id, or the first whose name contains the words. */
function findUmkm(states: OwnerState[], query: string): Umkm | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  return states.find((s) => s.umkm.id.toLowerCase() === q)?.umkm ?? states.find((s) => s.umkm.name.toLowerCase().includes(q))?.umkm;
}

async function overviewReply(ctx: AdminUmkmCtx, states: OwnerState[]): Promise<Reply[]> {
  const t = ctx.deps.t;
  const byKec = new Map<string, { linked: number; unlinked: number }>();
  for (const s of states) {
    const k = byKec.get(s.umkm.kecamatan) ?? { linked: 0, unlinked: 0 };
    if (s.linked) k.linked++;
    else k.unlinked++;
    byKec.set(s.umkm.kecamatan, k);
  }
  const kecLines = [...byKec.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kecamatan, c]) => t('au-kecamatan-line', { kecamatan, linked: c.linked, unlinked: c.unlinked }));
  const linked = states.filter((s) => s.linked).length;
  const lines = [t('au-title', { linked, unlinked: states.length - linked, total: states.length, kecamatan: kecLines.join('\n') })];

  const overdue = await ctx.deps.store.orders.overdue();
  const byId = new Map(states.map((s) => [s.umkm.id, s]));
  if (overdue.length) {
    lines.push('', t('au-overdue-title', { minutes: ctx.deps.config.UMKM_ACCEPT_MINUTES ?? 120 }));
    for (const o of overdue.slice(0, 10)) {
      const s = byId.get(o.umkmId);
      lines.push(
        t('au-overdue-line', {
          id: o.id,
          umkm: s?.umkm.name ?? o.umkmId,
          total: formatRupiah(o.total),
          at: formatWib(new Date(o.createdAt)),
          linked: s && !s.linked ? t('au-overdue-unlinked-mark') : '',
        }),
      );
    }
  } else lines.push('', t('au-none-overdue'));

  const unlinked = states.filter((s) => !s.linked);
  // Numbered channels: the lines are numbered and each number is its UMKM's choice (the list
  // once); Telegram: bullet lines and a button for the first MAX_BUTTONS.
  const numbered = choiceStyle(ctx.chat.channel) === 'numbered';
  const listed = unlinked.slice(0, MAX_LINES);
  if (unlinked.length) {
    lines.push('', t('au-unlinked-title'));
    listed.forEach((s, i) => {
      const waiting = s.waiting ? ` ${t('au-waiting-mark', { count: s.waiting })}` : '';
      const args = { id: s.umkm.id, umkm: s.umkm.name, kecamatan: s.umkm.kecamatan, waiting };
      lines.push(numbered ? t('au-umkm-line-numbered', { ...args, n: i + 1 }) : t('au-umkm-line', args));
    });
  }
  lines.push('', t('au-pick-hint'));
  const buttons = (numbered ? listed : unlinked.slice(0, MAX_BUTTONS)).map((s) => literal(`${PICK}${s.umkm.id}`, clip(s.umkm.name, 40)));
  const rest = [choice('au:csv', 'au-csv'), choice('adm:back', 'admin-back'), menuButton()];
  return [text('ui-literal', { text: lines.join('\n') }, [...buttons, ...rest], numbered ? { listed: buttons.length } : {})];
}

/** The invitation of one UMKM: links as text (to copy and send), and the printable card with both QR codes. */
async function invitationReply(ctx: AdminUmkmCtx, umkm: Umkm): Promise<Reply> {
  const t = ctx.deps.t;
  const inv = await ctx.deps.store.invitations.current(umkm.id);
  const links = invitationLinks(ctx.deps.bot, inv.token);
  const linkLines = [
    ...(links.telegram ? [t('au-invite-telegram', { link: links.telegram })] : []),
    ...(links.whatsapp ? [t('au-invite-whatsapp', { link: links.whatsapp })] : []),
  ];
  const linked = await ctx.deps.store.chatUsers.reachable(umkm.ownerPhone);
  const args = {
    umkm: umkm.name,
    kecamatan: umkm.kecamatan,
    owner: umkm.ownerName,
    ownerPhone: displayPhone(umkm.ownerPhone),
    status: t(linked ? 'au-invite-linked' : 'au-invite-unlinked'),
    links: linkLines.length ? linkLines.join('\n') : t('au-invite-no-links'),
    expires: formatWib(new Date(inv.expiresAt)),
  };
  const buttons = [choice('au:back', 'au-back'), menuButton()];
  if (!linkLines.length) return text('au-invite', args, buttons);
  const png = await invitationCardPng(umkm.name, links, { title: t('au-card-title'), telegram: t('au-card-telegram'), whatsapp: t('au-card-whatsapp') });
  const rel = await storePng(ctx.deps.media, png, 'invitations');
  return text('au-invite', args, buttons, { photo: { path: rel } });
}

/** `/umkm`: owners linked or not per kecamatan, orders nobody accepted, and an invitation per UMKM. */
export const adminUmkmFlow = adminOnly(
  defineFlow({
    name: 'admin-umkm',
    data: AdminUmkmDataSchema,
    steps: {
      overview: {
        async enter(ctx) {
          return reply(...(await overviewReply(ctx, await ownerStates(ctx))));
        },
        async handle(ctx, input) {
          if (input.kind === 'choice' && input.id === 'adm:back') return goto('admin', 'main');
          if (input.kind === 'choice' && input.id === 'au:csv') {
            const { csv, count } = await invitationsCsv(ctx, await ownerStates(ctx));
            const fileName = `undangan-umkm-${new Date(ctx.deps.clock().getTime() + 7 * 3600_000).toISOString().slice(0, 10)}.csv`;
            return reply(text('au-csv-done', { count }, undefined, { document: { fileName, content: csv } }));
          }
          if (input.kind === 'choice' && input.id.startsWith(PICK)) {
            const umkm = await ctx.deps.store.catalogue.umkm(input.id.slice(PICK.length));
            return umkm ? goto('admin-umkm', 'umkm', { data: { umkmId: umkm.id } }) : invalid('engine-stale-button');
          }
          if (input.kind === 'text') {
            const umkm = findUmkm(await ownerStates(ctx), input.text);
            return umkm ? goto('admin-umkm', 'umkm', { data: { umkmId: umkm.id } }) : invalid('au-not-found', { query: clip(input.text.trim(), 40) });
          }
          return invalid('ui-choose-button');
        },
      },
      umkm: {
        async enter(ctx) {
          const umkm = ctx.data.umkmId ? await ctx.deps.store.catalogue.umkm(ctx.data.umkmId) : null;
          if (!umkm) return goto('admin-umkm', 'overview');
          return reply(await invitationReply(ctx, umkm));
        },
        handle(_ctx, input) {
          if (input.kind === 'choice' && input.id === 'au:back') return goto('admin-umkm', 'overview');
          return invalid('ui-choose-button');
        },
      },
    },
  }),
);
