import type { I18n } from '../i18n/index.js';
import type { Msg, OutboundMessage, Reply } from '../i18n/message.js';
import { renderReply } from '../i18n/render.js';
import type { Logger } from '../logger.js';
import { createDecideStage } from './decide.js';
import type { CommandDef, Flow, FlowCtx, FlowDeps, GlobalChoice, GlobalDocument, StepRef, StepResult, StrayInput } from './flow.js';
import type { FloodPolicy } from './flood.js';
import { createLoadStage } from './load.js';
import { markSeen, parseSession, type Session, type SessionStore } from './session.js';
import type { ChatRef, Effect, HandledMessage, IncomingMessage, Input, MessageHandler } from './types.js';

export { MAX_TEXT } from './decide.js';
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

  function stepOf(flow: string, step: string) {
    return flows.get(flow)?.steps[step];
  }

  /** A flow's data, parsed with its schema: once when a turn starts, and on entering the flow. */
  function dataOf(flow: string, raw: Record<string, unknown>): Record<string, unknown> {
    const parse = flows.get(flow)?.parseData;
    return parse ? parse(raw) : raw;
  }
  const load = createLoadStage(deps, dataOf);
  const decide = createDecideStage(deps, flows);

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

  /** Stage 4, respond: the replies rendered once, and the buttons they offer remembered (with labels, to match typed text). */
  function respond(ctx: FlowCtx, replies: Reply[]): OutboundMessage[] {
    if (!replies.length) replies.push({ text: { key: 'engine-nothing' } });
    const messages = mergeReplies(replies).map((r) => renderReply(deps.i18n, ctx.locale, r, ctx.chat.channel));
    ctx.session.offered = messages.flatMap((m) => (m.choices ?? []).map((c) => ({ id: c.id, label: c.label })));
    ctx.session.expectsNumber = replies.some((r) => r.expectsNumber) || undefined;
    return messages;
  }

  /** Stage 5, save: the session with the flow data, and the update marked seen, in one write. */
  async function save(ctx: FlowCtx, updateId: string | undefined): Promise<void> {
    ctx.session.data = ctx.data;
    ctx.session.updatedAt = deps.clock().toISOString();
    markSeen(ctx.session, updateId);
    await deps.sessions.save(ctx.chat.channel, ctx.chat.chatId, ctx.session);
  }

  /** One incoming message: load turn, decide, run step (and effects), respond, save; a failed step puts the session back. */
  async function handle(msg: IncomingMessage): Promise<HandledMessage> {
    const started = Date.now();
    const loaded = await load(msg);
    if ('messages' in loaded) return loaded;
    const { ctx, stored, rawSession, updateId } = loaded;
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
        // Stage 3, run the step (and the steps it leads to).
        await run(ctx, first, sink);
        messages = respond(ctx, sink.replies);
      }
      // The effects (queue jobs) and the session are written together, both before the answer is
      // sent. Both are awaited before a failure counts: the session put back in `catch` is then
      // written after this turn's own write, never before it.
      if (!sink.effects.length) await save(ctx, updateId);
      else {
        const [effected, saved] = await Promise.allSettled([deps.effects(sink.effects), save(ctx, updateId)]);
        if (effected.status === 'rejected') throw effected.reason;
        if (saved.status === 'rejected') throw saved.reason;
      }
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
      if (previous) {
        markSeen(previous, updateId); // a redelivery of the failed update is not tried again
        await deps.sessions.save(chat.channel, chat.chatId, previous).catch(() => undefined);
      }
      return { messages: [renderReply(deps.i18n, ctx.locale, { text: { key: 'engine-error' } }, chat.channel)] };
    } finally {
      deps.onStep?.(session.flow, session.step, Date.now() - started);
    }
    return notice ? { messages, notice } : { messages };
  }

  return { handle };
}
