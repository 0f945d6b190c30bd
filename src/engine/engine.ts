import type { Channel } from '../domain/schemas.js';
import type { I18n, Locale } from '../i18n/index.js';
import type { Msg, OutboundMessage, Reply } from '../i18n/message.js';
import { channelArgs, renderReply } from '../i18n/render.js';
import type { Logger } from '../logger.js';
import type { CommandDef, Flow, FlowCtx, FlowDeps, GlobalChoice, GlobalDocument, StepRef, StepResult, StrayInput, UserInfo } from './flow.js';
import type { FloodPolicy } from './flood.js';
import { ambiguousLabels, readInput, WORD_COMMANDS } from './match.js';
import { freshSession, parseSession, type Session, type SessionStore } from './session.js';
import type { ChatRef, Effect, HandledMessage, IncomingMessage, Input, MessageHandler } from './types.js';
import { createTurnLoader, type TurnState } from './turn-state.js';
import { createUserResolver } from './user.js';

/** Longest text any step takes; longer messages get one polite answer. */
export const MAX_TEXT = 2000;
/** Steps one input may pass through (guards against a goto loop in a flow). */
const MAX_HOPS = 8;
/**
 * Folds plain notices (no buttons, photo or file) into the next reply as its prefix, so one
 * input gets as few messages as possible: quicker to read and kinder to Telegram's per-chat limit.
 */
export function mergeReplies(replies: Reply[]): Reply[] {
  const out: Reply[] = [];
  let pending: Msg[] = [];
  const flush = () => {
    if (!pending.length) return;
    out.push({ text: pending[pending.length - 1]!, prefix: pending.length > 1 ? pending.slice(0, -1) : undefined });
    pending = [];
  };
  for (const r of replies) {
    if (r.standalone) {
      flush();
      out.push(r);
      continue;
    }
    if (!r.choices?.length && !r.photo && !r.document && !r.requestContact) {
      pending.push(...(r.prefix ?? []), r.text, ...(r.suffix ?? []));
      continue;
    }
    out.push(pending.length ? { ...r, prefix: [...pending, ...(r.prefix ?? [])] } : r);
    pending = [];
  }
  flush();
  return out;
}

/**
 * What the engine needs to know of the conversation it runs, without naming a flow itself:
 * given by the flows (flows/index.ts `ENGINE_POLICIES`).
 */
export interface FlowPolicies {
  /** where a chat that is not registered starts, and is sent back to */
  registration: StepRef;
  /** where "main menu" leads, and a step that takes no input */
  home: StepRef;
  /** the common "main menu" button: works on every screen that offered it */
  homeChoiceId: string;
  /** steps that take input before registering (besides the registration flow): the language choice */
  openBeforeRegistering(session: Pick<Session, 'flow' | 'step'>): boolean;
  /**
   * The answers of steps that take no such input at all ("choose a button", "send a photo, not
   * text"). Only these let a stray post link or receipt photo through: a step that is asking for
   * text (a recipient's name, a search) keeps what is typed.
   */
  refusals: ReadonlySet<string>;
}

/**
 * Whether the channel answers a tap on a stale button with a notice on the button itself (a
 * Telegram toast) instead of a message: given by the channels (`tapNotice` in src/channels/types.ts, passed in by src/app.ts).
 */
export type TapNotice = (chat: ChatRef, input: Input) => boolean;

export interface EngineDeps extends Omit<FlowDeps, 't'> {
  i18n: I18n;
  sessions: SessionStore;
  logger: Logger;
  flows: Flow[];
  commands: CommandDef[];
  globalChoices: GlobalChoice[];
  /** what the engine must know of the flows (where registration starts, the main menu, refusals) */
  policies: FlowPolicies;
  /** channels that show a stale tap as a notice on the button */
  tapNotice?: TapNotice;
  /** tried, in order, on input a step refused with one of `policies.refusals` */
  strayInputs?: StrayInput[];
  /** files taken on any step that does not take files itself */
  globalDocuments?: GlobalDocument[];
  /** performs effects (queue jobs); called before the answer is sent */
  effects: (effects: Effect[]) => Promise<void>;
  /** called with each handled step, for metrics */
  onStep?: (flow: string, step: string, ms: number) => void;
  /** per-chat flood control, counted in the same round trip as the turn's read */
  flood?: FloodPolicy;
}

/**
 * The flow runner: (user, session, input) -> localised replies + effects. Channel-agnostic;
 * an unknown, stale or forged input never throws, and an unexpected error answers politely
 * and leaves the session as it was.
 */
export function createEngine(deps: EngineDeps): MessageHandler {
  const flows = new Map(deps.flows.map((f) => [f.name, f]));
  const { policies } = deps;
  const commands = new Map(deps.commands.map((c) => [c.name, c]));
  const identities = createUserResolver(deps.store);
  const loadTurn = createTurnLoader(deps.store);

  function stepOf(flow: string, step: string) {
    return flows.get(flow)?.steps[step];
  }

  /** A flow's data, parsed with its schema: once when a turn starts, and on entering the flow. */
  function dataOf(flow: string, raw: Record<string, unknown>): Record<string, unknown> {
    const parse = flows.get(flow)?.parseData;
    return parse ? parse(raw) : raw;
  }

  async function run(ctx: FlowCtx, first: StepResult, sink: { replies: Reply[]; effects: Effect[] }) {
    let result = first;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      if (result.kind === 'invalid') {
        sink.replies.push({ text: result.reason });
        const again = stepOf(ctx.session.flow, ctx.session.step);
        if (!again) return;
        ctx.again = true;
        try {
          result = await again.enter(ctx);
        } finally {
          ctx.again = undefined;
        }
        if (result.kind === 'invalid') return; // an entering step cannot be invalid: stop
        continue;
      }
      if (result.effects) sink.effects.push(...result.effects);
      if (result.replies) sink.replies.push(...result.replies);
      if (result.kind === 'reply') {
        if (result.data) Object.assign(ctx.data, result.data);
        return;
      }
      const target = stepOf(result.to.flow, result.to.step);
      if (!target) throw new Error(`flow step ${result.to.flow}/${result.to.step} does not exist`);
      if (result.to.flow !== ctx.session.flow) ctx.data = dataOf(result.to.flow, result.data ?? {});
      else if (result.data) Object.assign(ctx.data, result.data);
      ctx.session.flow = result.to.flow;
      ctx.session.step = result.to.step;
      result = await target.enter(ctx);
    }
    throw new Error(`too many steps for one input (last ${ctx.session.flow}/${ctx.session.step})`);
  }

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

  /** Redis unreachable: nothing was read or changed. Say so, so the person sends it again later. */
  function unavailable(err: unknown, channel: Channel): HandledMessage {
    deps.logger.error({ err, channel }, 'turn state could not be read; update not processed');
    return { messages: [renderReply(deps.i18n, deps.config.DEFAULT_LOCALE, { text: { key: 'engine-unavailable' } }, channel)] };
  }

  /** A turn as read: the session (a fresh one for a new chat), and who the user is. */
  interface Turn {
    ctx: FlowCtx;
    /** the session as stored (null: none yet) and its raw text, to put back after a failed step */
    stored: Session | null;
    rawSession: TurnState['rawSession'];
    seenKey?: string;
  }

  /**
   * Stage 1, load the turn: flood count, chat user, session, roster version and whether the
   * update was seen, in one round trip for the hot path; then who the user is. Returns the
   * answer instead when the turn ends here (flooded, a redelivery, Redis unreachable).
   */
  async function loadTurnOf(msg: IncomingMessage): Promise<Turn | HandledMessage> {
    const { chat } = msg;
    const seenKey = msg.updateId ? deps.store.keys.seenUpdate(chat.channel, msg.updateId) : undefined;
    const floodKey = deps.flood?.keyOf(chat);
    let turn: TurnState;
    try {
      turn = await loadTurn(chat.channel, chat.chatId, { seenKey, floodKey });
    } catch (err) {
      return unavailable(err, chat.channel);
    }
    if (turn.floodCount !== undefined) {
      const instead = await deps.flood!.verdict(chat, turn.floodCount);
      if (instead) return instead;
    }
    const { chatUser, session: stored, rawSession, seen } = turn;
    if (seen) return { messages: [] }; // handled before: a redelivery
    deps.store.catalogue.observe(turn.catalogueVersion);
    let user: UserInfo;
    try {
      user = await identities.user(chatUser, turn.identityVersion);
    } catch (err) {
      return unavailable(err, chat.channel);
    }
    const locale: Locale = chatUser?.locale ?? deps.config.DEFAULT_LOCALE;
    const session: Session = stored ?? freshSession();
    if (!stored && !user.registered) Object.assign(session, { flow: policies.registration.flow, step: policies.registration.step });
    const ctx: FlowCtx = {
      chat,
      locale,
      user,
      session,
      data: dataOf(session.flow, session.data),
      fetchMedia: msg.fetchMedia,
      verifiedPhone: msg.verifiedPhone,
      whoIs: (phone) => identities.lookup(phone, turn.identityVersion),
      deps: { ...deps, t: (key, args) => deps.i18n.t(ctx.locale, key, channelArgs(chat.channel, 0, args)) },
    };
    return { ctx, stored, rawSession, seenKey };
  }

  /**
   * Stage 2, decide what the input means: the first step result, or a notice on the tapped
   * button (a repeated tap, or a stale one where the channel shows notices) and no message.
   */
  async function decide(ctx: FlowCtx, msg: IncomingMessage): Promise<StepResult | { notice: string }> {
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
  }

  /** Stage 4, respond: the replies rendered once, and the buttons they offer remembered (with labels, to match typed text). */
  function respond(ctx: FlowCtx, replies: Reply[]): OutboundMessage[] {
    if (!replies.length) replies.push({ text: { key: 'engine-nothing' } });
    const messages = mergeReplies(replies).map((r) => renderReply(deps.i18n, ctx.locale, r, ctx.chat.channel));
    ctx.session.offered = messages.flatMap((m) => (m.choices ?? []).map((c) => ({ id: c.id, label: c.label })));
    ctx.session.expectsNumber = replies.some((r) => r.expectsNumber) || undefined;
    return messages;
  }

  /** Stage 5, save: the session with the flow data, and the update marked seen, in one write. */
  async function save(ctx: FlowCtx, seenKey: string | undefined): Promise<void> {
    ctx.session.data = ctx.data;
    ctx.session.updatedAt = deps.clock().toISOString();
    await deps.sessions.save(ctx.chat.channel, ctx.chat.chatId, ctx.session, seenKey);
  }

  /** One incoming message: load turn, decide, run step (and effects), respond, save; a failed step puts the session back. */
  async function handle(msg: IncomingMessage): Promise<HandledMessage> {
    const started = Date.now();
    const loaded = await loadTurnOf(msg);
    if ('messages' in loaded) return loaded;
    const { ctx, stored, rawSession, seenKey } = loaded;
    const { chat, session } = ctx;
    const sink = { replies: [] as Reply[], effects: [] as Effect[] };
    let messages: OutboundMessage[] = [];
    // Where the update started, for the error log (a child logger only when there is an error).
    const at = { channel: chat.channel, flow: session.flow, step: session.step, input: msg.input.kind };
    let notice: string | undefined;
    try {
      const first = await decide(ctx, msg);
      if ('notice' in first) notice = first.notice;
      else {
        // Stage 3, run the step (and the steps it leads to); effects are performed before the answer is sent.
        await run(ctx, first, sink);
        if (sink.effects.length) await deps.effects(sink.effects);
        messages = respond(ctx, sink.replies);
      }
      await save(ctx, seenKey);
      if (deps.logger.isLevelEnabled('debug')) {
        // Kinds and step names only: what was typed never goes to the logs.
        deps.logger.debug(
          { ...at, to: `${session.flow}/${session.step}`, effects: sink.effects.map((e) => e.type), ms: Date.now() - started },
          'update handled',
        );
      }
    } catch (err) {
      deps.logger.child(at).error({ err }, 'step failed');
      // The session as it was read (the step may have changed the parsed one in place).
      const previous = stored && parseSession(deps.store.keys.session(chat.channel, chat.chatId), rawSession);
      if (previous) await deps.sessions.save(chat.channel, chat.chatId, previous, seenKey).catch(() => undefined);
      return { messages: [renderReply(deps.i18n, ctx.locale, { text: { key: 'engine-error' } }, chat.channel)] };
    } finally {
      deps.onStep?.(session.flow, session.step, Date.now() - started);
    }
    return notice ? { messages, notice } : { messages };
  }

  return { handle };
}
