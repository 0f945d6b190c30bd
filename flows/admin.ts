import { z } from 'zod';
import {
  type CommandDef,
  defineFlow,
  type Flow,
  type GlobalChoice,
  type GlobalDocument,
  goto,
  gotoRef,
  invalid,
  reply,
  type StepRef,
} from '../src/engine/flow.js';
import { isAdmin } from '../src/engine/user.js';
import { adminBroadcastFlow } from './admin-broadcast.js';
import { adminBroadcastListFlow } from './admin-broadcast-list.js';
import { broadcastGlobalChoices, stopBroadcast } from './admin-broadcast-send.js';
import { adminOnly } from './admin-guard.js';
import { adminImportFlow, importDocument } from './admin-import.js';
import { adminReportsFlow, parseRecapDay, parseRecapMonth } from './admin-reports.js';
import { adminUmkmFlow } from './admin-umkm.js';
import { choice, menuButton, text } from './ui.js';
import { ADMIN_MENU } from './choice-ids.js';

/** Admin menu entries and where each leads. */
const ENTRIES: { id: string; key: string; to: StepRef }[] = [
  { id: ADMIN_MENU.pack('broadcast'), key: 'admin-menu-broadcast', to: { flow: 'admin-broadcast', step: 'compose' } },
  { id: ADMIN_MENU.pack('scheduled'), key: 'admin-menu-scheduled', to: { flow: 'admin-broadcast-list', step: 'list' } },
  { id: ADMIN_MENU.pack('stats'), key: 'admin-menu-stats', to: { flow: 'admin-reports', step: 'stats' } },
  { id: ADMIN_MENU.pack('recap'), key: 'admin-menu-recap', to: { flow: 'admin-reports', step: 'recap' } },
  { id: ADMIN_MENU.pack('failed'), key: 'admin-menu-failed', to: { flow: 'admin-reports', step: 'failed' } },
  { id: ADMIN_MENU.pack('import'), key: 'admin-menu-import', to: { flow: 'admin-import', step: 'ask' } },
  { id: ADMIN_MENU.pack('umkm'), key: 'admin-menu-umkm', to: { flow: 'admin-umkm', step: 'overview' } },
];

/** The admin menu (`admin/main`, linked from the main menu for admins of the roster). */
export const adminFlow: Flow = adminOnly(
  defineFlow({
    name: 'admin',
    data: z.object({}),
    steps: {
      main: {
        enter: () => reply(text('admin-title', {}, [...ENTRIES.map((e) => choice(e.id, e.key)), menuButton()])),
        handle(_ctx, input) {
          if (input.kind !== 'choice') return invalid('ui-choose-button');
          const e = ENTRIES.find((x) => x.id === input.id);
          return e ? gotoRef(e.to) : invalid('engine-stale-button');
        },
      },
    },
  }),
);

/** Every admin flow, for the registry. */
export const ADMIN_FLOWS: Flow[] = [adminFlow, adminBroadcastFlow, adminBroadcastListFlow, adminReportsFlow, adminImportFlow, adminUmkmFlow];

/** Admin commands; everyone else gets the engine's "not for your account". */
export const ADMIN_COMMANDS: CommandDef[] = [
  { name: 'admin', allowed: isAdmin, to: { flow: 'admin', step: 'main' } },
  { name: 'siaran', allowed: isAdmin, to: { flow: 'admin-broadcast', step: 'compose' } },
  { name: 'siaranjadwal', allowed: isAdmin, to: { flow: 'admin-broadcast-list', step: 'list' } },
  { name: 'statistik', allowed: isAdmin, to: { flow: 'admin-reports', step: 'stats' } },
  {
    name: 'rekap',
    allowed: isAdmin,
    run(ctx, args) {
      // `/rekap bulan [YYYY-MM]` (or `month`): the monthly report of the mayor's office.
      const monthly = /^\s*(bulan|month)\b\s*(.*)$/i.exec(args);
      if (monthly) {
        const m = parseRecapMonth(monthly[2] ?? '', ctx.deps.clock());
        return m.ok ? goto('admin-reports', 'monthly', { data: { month: m.month } }) : goto('admin', 'main', { replies: [text('admin-recap-bad-month')] });
      }
      const d = parseRecapDay(args, ctx.deps.clock());
      // A bad date answers on the admin menu: re-entering the step the admin is on could be an
      // earlier recap, shown again under the error as if it were the answer.
      return d.ok ? goto('admin-reports', 'recap', { data: { day: d.day } }) : goto('admin', 'main', { replies: [text('admin-recap-bad-date')] });
    },
  },
  { name: 'gagal', allowed: isAdmin, to: { flow: 'admin-reports', step: 'failed' } },
  { name: 'impor', allowed: isAdmin, to: { flow: 'admin-import', step: 'ask' } },
  {
    // the typed form of the stop button (WhatsApp lists buttons as numbers of the current step only)
    name: 'hentikan',
    // coordinators stop their own nudges (stopBroadcast checks whose broadcast it is)
    allowed: (u) => isAdmin(u) || (u.registered && u.person?.role === 'koordinator'),
    run: (ctx, args) => (args.trim() ? stopBroadcast(ctx, `bcx:${args.trim()}`, true) : invalid('admin-bc-stop-need-id')),
  },
];

/** Buttons of admin messages that work from anywhere (stop a broadcast); each checks the role itself. */
export const ADMIN_GLOBAL_CHOICES: GlobalChoice[] = [...broadcastGlobalChoices];

/** Files that admins may send from anywhere (a captioned CSV import); each checks the role itself. */
export const ADMIN_GLOBAL_DOCUMENTS: GlobalDocument[] = [importDocument];
