import { type Flow, type FlowCtx, goto, type Step, type StepResult } from '../src/engine/flow.js';
import { isAdmin } from '../src/engine/user.js';
import { text } from './ui.js';

/** Where a non-admin who reached an admin step ends up (a roster change mid-conversation). */
const refuse = (): StepResult => goto('menu', 'main', { replies: [text('engine-not-allowed')] });

/**
 * Every step of an admin flow checks the role again on entering and on each input, so a session
 * left on an admin step after the roster changed (or a crafted session) never reaches the feature.
 */
export function adminOnly(flow: Flow): Flow {
  const steps: Record<string, Step> = {};
  for (const [name, step] of Object.entries(flow.steps)) {
    steps[name] = {
      enter: (ctx: FlowCtx) => (isAdmin(ctx.user) ? step.enter(ctx) : refuse()),
      ...(step.handle ? { handle: (ctx: FlowCtx, input) => (isAdmin(ctx.user) ? step.handle!(ctx, input) : refuse()) } : {}),
      ...(step.takesDocument ? { takesDocument: true } : {}),
    };
  }
  return { name: flow.name, steps, ...(flow.parseData ? { parseData: flow.parseData } : {}) };
}
