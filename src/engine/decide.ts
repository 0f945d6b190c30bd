import { channelArgs } from '../i18n/render.js';
import type { EngineDeps } from './engine.js';
import type { Flow, FlowCtx, StepResult } from './flow.js';
import { ambiguousLabels, readInput, WORD_COMMANDS } from './match.js';
import type { Session } from './session.js';
import type { IncomingMessage, Input } from './types.js';

/** Longest text any step takes; longer messages get one polite answer. */
export const MAX_TEXT = 2000;

/**
 * Stage 2 of a turn, decide what the input means: a command, a tap on an offered or global
 * button, a stray link or photo, or the step's own answer. Returns the first step result, or a
 * notice on the tapped button (a repeated tap, or a stale one where the channel shows notices).
 */
export function createDecideStage(deps: EngineDeps, flows: ReadonlyMap<string, Flow>) {
  const { policies } = deps;
  const commands = new Map(deps.commands.map((c) => [c.name, c]));
  const stepOf = (flow: string, step: string) => flows.get(flow)?.steps[step];

  async function dispatch(ctx: FlowCtx, input: Input): Promise<StepResult> {
    const { session, user } = ctx;
    // A Map, not an object: typed "constructor" or "__proto__" must not look like a command.
    const word = input.kind === 'text' ? WORD_COMMANDS.get(input.text.trim().toLowerCase()) : undefined;
    if (input.kind === 'command' || word) {
      const name = input.kind === 'command' ? input.name : word!;
      const args = input.kind === 'command' ? input.args : '';
      const cmd = commands.get(name);
      if (!cmd) {
        const key = user.registered ? 'engine-unknown-command' : 'engine-unknown-command-unregistered';
        return { kind: 'invalid', reason: { key, args: { command: name } } };
      }
      if (!cmd.allowed(user)) return { kind: 'invalid', reason: { key: user.registered ? 'engine-not-allowed' : 'engine-register-first' } };
      if (cmd.run) return cmd.run(ctx, args);
      return { kind: 'goto', to: cmd.to! };
    }
    // Before registering, only the registration and the language choice (/bahasa) take input.
    const { registration, home, homeChoiceId } = policies;
    const openToAll = session.flow === registration.flow || policies.openBeforeRegistering(session);
    if (!user.registered && !openToAll) {
      // Back to registration, and this input is its answer: a contact shared from the help
      // screen registers at once instead of being swallowed by a fresh welcome.
      session.flow = registration.flow;
      session.step = registration.step;
      for (const k of Object.keys(ctx.data)) delete ctx.data[k];
      const start = stepOf(registration.flow, registration.step);
      const back = input.kind === 'choice' && input.id === homeChoiceId; // "Menu utama" from the help screen
      if (back || !start?.handle) return { kind: 'goto', to: registration };
      return start.handle(ctx, input);
    }
    if (input.kind === 'choice') {
      if (input.id === homeChoiceId && session.offered.some((o) => o.id === homeChoiceId)) {
        return { kind: 'goto', to: home };
      }
      if (!session.offered.some((o) => o.id === input.id)) {
        const global = deps.globalChoices.find((g) => input.id.startsWith(g.prefix));
        if (global && user.registered) return global.handle(ctx, input.id);
        return { kind: 'invalid', reason: { key: 'engine-stale-button' } };
      }
    }
    const step = stepOf(session.flow, session.step);
    if (input.kind === 'document' && !step?.takesDocument) {
      const global = deps.globalDocuments?.find((g) => g.accepts(ctx, input.media));
      if (global) return global.handle(ctx, input.media);
    }
    if (!step?.handle) return { kind: 'goto', to: home };
    const result = await step.handle(ctx, input);
    if (result.kind === 'invalid' && input.kind === 'text') {
      // Typed words that start two or more buttons: name them, so the next try picks one.
      const labels = ambiguousLabels(input.text, session.offered, Boolean(session.expectsNumber));
      if (labels.length)
        return {
          kind: 'invalid',
          reason: { key: 'engine-ambiguous-choice', args: { typed: input.text.trim(), options: labels.map((l) => `• ${l}`).join('\n') } },
        };
    }
    if (result.kind !== 'invalid' || !policies.refusals.has(result.reason.key)) return result;
    return (await stray(ctx, input)) ?? result;
  }

  /** What a stray link, photo or file means from anywhere, or null (the step's refusal stands). */
  async function stray(ctx: FlowCtx, input: Input): Promise<StepResult | null> {
    if (input.kind !== 'text' && input.kind !== 'photo' && input.kind !== 'document') return null;
    for (const s of deps.strayInputs ?? []) {
      const r = await s(ctx, input);
      if (r) return r;
    }
    return null;
  }

  function normalise(input: Input, session: Session): Input | { tooLong: true } {
    if (input.kind === 'text' && input.text.length > MAX_TEXT) return { tooLong: true };
    return readInput(input, session.offered, Boolean(session.expectsNumber));
  }

  /** The first step result, or `{ notice }`: a toast on the tapped button and no message. */
  return async function decide(ctx: FlowCtx, msg: IncomingMessage): Promise<StepResult | { notice: string }> {
    const input = normalise(msg.input, ctx.session);
    const repeatTap = msg.repeatTap === true && msg.input.kind === 'choice';
    const first: StepResult | null = repeatTap
      ? null
      : 'tooLong' in input
        ? { kind: 'invalid', reason: { key: 'engine-too-long', args: { max: MAX_TEXT } } }
        : await dispatch(ctx, input);
    if (!first || (first.kind === 'invalid' && first.reason.key === 'engine-stale-button' && deps.tapNotice?.(ctx.chat, msg.input))) {
      // A tap on an old button, or a second tap on the same one: a toast on the button. The
      // screen the user is on stays as it is (no copy of it under a warning).
      return { notice: deps.i18n.t(ctx.locale, repeatTap ? 'engine-repeat-tap' : 'engine-stale-button', channelArgs(ctx.chat.channel)) };
    }
    return first;
  };
}
