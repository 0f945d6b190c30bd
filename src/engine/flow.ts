import type { AdminJobs } from '../admin/jobs-port.js';
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
  /** linked: the phone is verified and on a roster (or owns a UMKM) and the user confirmed */
  registered: boolean;
}

/** Who a phone is on the rosters: its roster row (if any) and the UMKM it owns. */
export interface Identity {
  person?: Person;
  umkms: Umkm[];
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
}

/** Everything a step sees for one input. `data` is the current flow's data (mutable copy). */
export interface FlowCtx {
  chat: ChatRef;
  locale: Locale;
  user: UserInfo;
  session: Session;
  data: Record<string, unknown>;
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

export interface StepRef {
  flow: string;
  step: string;
}

/** The tagged outcome of a step. Expected bad input is `invalid`, never an exception. */
export type StepResult =
  /** stay on this step; `data` is merged into the flow data */
  | { kind: 'reply'; replies: Reply[]; data?: Record<string, unknown>; effects?: Effect[] }
  /** move to another step and show it; data merges within a flow and starts afresh in a new one */
  | { kind: 'goto'; to: StepRef; replies?: Reply[]; data?: Record<string, unknown>; effects?: Effect[] }
  /** the input did not fit: tell why, then show the step again */
  | { kind: 'invalid'; reason: Msg };

export interface Step {
  /** what the user sees on arriving at the step */
  enter(ctx: FlowCtx): Promise<StepResult> | StepResult;
  /** handle one input while on the step (commands are handled by the engine first) */
  handle?(ctx: FlowCtx, input: Input): Promise<StepResult> | StepResult;
  /** the step answers files itself (an import, a photo sent as a file): global documents leave them to it */
  takesDocument?: boolean;
}

export interface Flow {
  name: string;
  steps: Record<string, Step>;
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
export const reply = (...replies: Reply[]): StepResult => ({ kind: 'reply', replies });
export const goto = (flow: string, step: string, extra: Omit<Extract<StepResult, { kind: 'goto' }>, 'kind' | 'to'> = {}): StepResult => ({
  kind: 'goto',
  to: { flow, step },
  ...extra,
});
export const invalid = (key: string, args?: Msg['args']): StepResult => ({ kind: 'invalid', reason: { key, args } });
export const msg = (key: string, args?: Msg['args']): Msg => ({ key, args });
