import { z } from 'zod';
import { defineFlow, goto, invalid, reply } from '../src/engine/flow.js';
import { choice, menuButton, text } from './ui.js';
import { wordChoices } from './choice-ids.js';

/** Saved recipients: delete them, then yes or no. */
const RECIPIENTS = wordChoices('rcp:', 'saved recipients: delete them, then yes or no', ['delete', 'yes', 'no']);

/** The ASN's saved recipients, and deleting them (/hapusdata). */
export const myRecipientsFlow = defineFlow({
  name: 'my-recipients',
  data: z.object({}),
  steps: {
    list: {
      async enter(ctx) {
        const nip = ctx.user.person?.nip;
        if (!nip) return goto('menu', 'main');
        const list = await ctx.deps.store.recipients.ofAsn(nip);
        if (!list.length) return reply(text('recipients-none', {}, [menuButton()]));
        const items = list.map((r) => ctx.deps.t('recipients-line', { name: r.name, kelurahan: r.kelurahan, kecamatan: r.kecamatan })).join('\n');
        return reply(text('recipients-list', { items }, [choice(RECIPIENTS.pack('delete'), 'recipients-delete'), menuButton()]));
      },
      handle(_ctx, input) {
        if (input.kind === 'choice' && RECIPIENTS.parse(input.id) === 'delete') return goto('my-recipients', 'delete');
        return invalid('ui-choose-button');
      },
    },
    delete: {
      async enter(ctx) {
        const nip = ctx.user.person?.nip;
        if (!nip) return goto('menu', 'main');
        if (!(await ctx.deps.store.recipients.ofAsn(nip)).length) return goto('my-recipients', 'list');
        return reply(
          text('recipients-delete-ask', {}, [choice(RECIPIENTS.pack('yes'), 'recipients-delete-yes'), choice(RECIPIENTS.pack('no'), 'recipients-delete-no')]),
        );
      },
      async handle(ctx, input) {
        if (input.kind !== 'choice') return invalid('ui-choose-button');
        if (RECIPIENTS.parse(input.id) === 'no') return goto('my-recipients', 'list');
        if (RECIPIENTS.parse(input.id) !== 'yes') return invalid('engine-stale-button');
        const n = await ctx.deps.store.recipients.deleteAll(ctx.user.person!.nip);
        return goto('menu', 'main', { replies: [text('recipients-deleted', { count: n })] });
      },
    },
  },
});
