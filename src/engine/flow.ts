import type { z } from 'zod';
import type { AdminJobs } from '../admin/jobs-port.js';
import type { BotAddresses } from '../admin/invitation-card.js';
import type { Config } from '../config.js';
import type { Person, Umkm } from '../domain/schemas.js';
import type { Clock } from '../domain/time.js';
import type { FetchMedia } from '../channels/types.js';
import type { Locale } from '../i18n/index.js';
import type { MediaStore } from '../media/media-store.js';
import type { Store } from '../store/index.js';
import type { Session } from './session.js';
import type { ChatRef, Effect, Input, MediaRef, Msg, Reply } from './types.js';

/** Who the current chat user is, resolved from the verified phone. */
export interface UserInfo {
  phone?: string;
  /** the roster row (ASN or admin), when the phone is on the roster */
  person?: Person;
  /** UMKM owned by this phone */
  umkms: Umkm[];
  /** member UMKM whose orders this phone handles as their cooperative (`koperasi_phone`), owned ones left out */
  koperasi?: Umkm[];
  /** linked: the phone is verified and on a roster (or owns a UMKM) and the user confirmed */
  registered: boolean;
}

/** Who a phone is on the rosters: its roster row (if any) and the UMKM it owns. */
export interface Identity {
  person?: Person;
  umkms: Umkm[];
  /** member UMKM of the cooperative whose phone this is */
  koperasi?: Umkm[];
}

/** What flows may use. No channel library, no environment reads. */
export interface FlowDeps {
  store: Store;
  clock: Clock;
  config: Pick<Config, 'ADMIN_CONTACT' | 'DEFAULT_LOCALE' | 'MEDIA_DIR'> & Partial<Config>;
  media: MediaStore;
  /** localised text, for the few places that must build a string (captions to copy, label matching) */
  t: (key: string, args?: Msg['args']) => string;
  /** queue operations of the admin flows (broadcasts, failed reports); absent where no queues run */
  admin?: AdminJobs;
  /** where the bot is reached (Telegram username, WhatsApp number), for owner invitations; filled in once the channels start */
  bot?: BotAddresses;
}

/** Everything a step sees for one input. `data` is the current flow's data (parsed, mutable copy). */
export interface FlowCtx<D extends object = Record<string, unknown>> {
  chat: ChatRef;
  locale: Locale;
  user: UserInfo;
  session: Session;
  data: D;
  deps: FlowDeps;
  fetchMedia: FetchMedia;
  verifiedPhone?: string;
  /**
   * True while a step is shown again after an invalid input (the reason is already in the
   * answer): a step may then answer shortly, without repeating a long text or a photo.
   */
  again?: boolean;
  /** who a phone is (roster row, owned UMKM), as of this update's roster version */
  whoIs(phone: string): Promise<Identity>;
}

/**
 * The step names of every flow. The flows declare them (flows/steps.ts augments this interface),
 * so a reference to a step that does not exist does not compile. The engine itself names no flow.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FlowSteps {}
export type FlowName = keyof FlowSteps & string;
/** A step of a flow, checked at compile time: `{ flow: 'cart', step: 'summary' }`. */
export type StepRef = { [F in FlowName]: { flow: F; step: FlowSteps[F] & string } }[FlowName];
/** A step reference read back from storage (a session, a button): checked by the engine at run time. */
export interface StoredStepRef {
  flow: string;
  step: string;
}

/** Stay on this step; `data` is merged into the flow data. */
export type ReplyResult<D = Record<string, unknown>> = { kind: 'reply'; replies: Reply[]; data?: Partial<D>; effects?: Effect[] };
/** Move to another step and show it; data merges within a flow and starts afresh in a new one (parsed by that flow). */
export type GotoResult = { kind: 'goto'; to: StepRef | StoredStepRef; replies?: Reply[]; data?: Record<string, unknown>; effects?: Effect[] };
/** The input did not fit: tell why, then show the step again. */
export type InvalidResult = { kind: 'invalid'; reason: Msg };

/** The tagged outcome of a step. Expected bad input is `invalid`, never an exception. */
export type StepResult<D = Record<string, unknown>> = ReplyResult<D> | GotoResult | InvalidResult;

export interface Step<D extends object = Record<string, unknown>> {
  /** what the user sees on arriving at the step */
  enter(ctx: FlowCtx<D>): Promise<StepResult<D>> | StepResult<D>;
  /** handle one input while on the step (commands are handled by the engine first) */
  handle?(ctx: FlowCtx<D>, input: Input): Promise<StepResult<D>> | StepResult<D>;
  /** the step answers files itself (an import, a photo sent as a file): global documents leave them to it */
  takesDocument?: boolean;
}

/** A flow as the engine runs it. Write flows with `defineFlow`; this is its untyped face. */
export interface Flow {
  name: string;
  steps: Record<string, Step<any>>;
  /**
   * The flow data read from the session (or handed over by a goto from another flow), parsed with
   * the flow's schema once per turn. Data that does not parse (a session from an older version)
   * starts afresh.
   */
  parseData?(raw: unknown): Record<string, unknown>;
}

/** Data that survives a stale or foreign session: every field optional (or defaulted). */
export type FlowDataSchema = z.ZodObject;

/**
 * A flow with typed data and typed step names:
 *
 *     export const cartFlow = defineFlow({
 *       name: 'cart',
 *       data: z.object({ sku: z.string().optional() }),
 *       steps: { quantity: { enter(ctx) { ctx.data.sku ... } }, ... },
 *     });
 *
 * `steps` must hold exactly the step names declared for the flow in flows/steps.ts.
 */
export function defineFlow<N extends FlowName, S extends FlowDataSchema>(def: {
  name: N;
  data: S;
  steps: { [K in FlowSteps[N] & string]: Step<z.output<S>> };
}): Flow {
  const fresh = (): Record<string, unknown> => {
    const empty = def.data.safeParse({});
    return empty.success ? (empty.data as Record<string, unknown>) : {};
  };
  return {
    name: def.name,
    steps: def.steps,
    parseData(raw) {
      const parsed = def.data.safeParse(raw ?? {});
      return parsed.success ? (parsed.data as Record<string, unknown>) : fresh();
    },
  };
}

/** A button that works wherever the user is (it came in a notification or a reminder, not in the current step). */
export interface GlobalChoice {
  prefix: string;
  handle(ctx: FlowCtx, id: string): Promise<StepResult> | StepResult;
}

/**
 * Input a screen refused (it takes buttons only) that still means something from anywhere: a post
 * link or a receipt photo the ASN was asked for in a reminder. Returns null when it does not apply,
 * and the screen's refusal stands.
 */
export type StrayInput = (ctx: FlowCtx, input: Input) => Promise<StepResult | null> | StepResult | null;

/** A file handled wherever the user is (a captioned CSV from an admin), unless the current step takes files itself. */
export interface GlobalDocument {
  accepts(ctx: FlowCtx, media: MediaRef): boolean;
  handle(ctx: FlowCtx, media: MediaRef): Promise<StepResult> | StepResult;
}

/** A slash command: who may use it and where it leads. */
export interface CommandDef {
  name: string;
  /** which users may use it; the engine answers others that the command is not for them */
  allowed(user: UserInfo): boolean;
  to?: StepRef;
  run?(ctx: FlowCtx, args: string): Promise<StepResult> | StepResult;
}

/** Shorthands for step results. */
export const reply = (...replies: Reply[]): ReplyResult<never> => ({ kind: 'reply', replies });
/** Go to a step; the flow and step names are checked at compile time. */
export function goto<F extends FlowName>(flow: F, step: FlowSteps[F] & string, extra: Omit<GotoResult, 'kind' | 'to'> = {}): GotoResult {
  return { kind: 'goto', to: { flow, step } as StepRef, ...extra };
}
/** Go to a step read back from storage (where the user was); the engine checks it exists. */
export const gotoRef = (to: StoredStepRef, extra: Omit<GotoResult, 'kind' | 'to'> = {}): GotoResult => ({ kind: 'goto', to, ...extra });
export const invalid = (key: string, args?: Msg['args']): InvalidResult => ({ kind: 'invalid', reason: { key, args } });
export const msg = (key: string, args?: Msg['args']): Msg => ({ key, args });
