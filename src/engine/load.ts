import type { Channel } from '../domain/schemas.js';
import type { Locale } from '../i18n/index.js';
import { channelArgs, renderReply } from '../i18n/render.js';
import type { EngineDeps } from './engine.js';
import type { FlowCtx, UserInfo } from './flow.js';
import { freshSession, type Session, wasSeen } from './session.js';
import { storeForTurn } from '../store/turn-scope.js';
import { createTurnLoader, type TurnState } from './turn-state.js';
import type { HandledMessage, IncomingMessage } from './types.js';
import { createUserResolver } from './user.js';

/** A turn as read: the session (a fresh one for a new chat), and who the user is. */
export interface Turn {
  ctx: FlowCtx;
  /** the session as stored (null: none yet) and its raw text, to put back after a failed step */
  stored: Session | null;
  rawSession: TurnState['rawSession'];
  /** the update's id, remembered in the session when it is saved (dedupe) */
  updateId?: string;
}

/**
 * Stage 1 of a turn, load it: flood count, chat user, session, roster and catalogue versions and
 * whether the update was seen, in one round trip (src/engine/turn-state.ts); then who the user is
 * (no round trip while the roster did not change). Returns the answer instead when the turn ends
 * here (flooded, a redelivery, Redis unreachable). `dataOf` parses a flow's data with its schema.
 */
export function createLoadStage(deps: EngineDeps, dataOf: (flow: string, raw: Record<string, unknown>) => Record<string, unknown>) {
  const { policies } = deps;
  const identities = createUserResolver(deps.store);
  const loadTurn = createTurnLoader(deps.store);

  /** Redis unreachable: nothing was read or changed. Say so, so the person sends it again later. */
  function unavailable(err: unknown, channel: Channel): HandledMessage {
    deps.logger.error({ err, channel }, 'turn state could not be read; update not processed');
    return { messages: [renderReply(deps.i18n, deps.config.DEFAULT_LOCALE, { text: { key: 'engine-unavailable' } }, channel)] };
  }

  return async function load(msg: IncomingMessage): Promise<Turn | HandledMessage> {
    const { chat } = msg;
    const floodKey = deps.flood?.keyOf(chat);
    let turn: TurnState;
    try {
      turn = await loadTurn(chat.channel, chat.chatId, { floodKey });
    } catch (err) {
      return unavailable(err, chat.channel);
    }
    if (turn.floodCount !== undefined) {
      const instead = await deps.flood!.verdict(chat, turn.floodCount);
      if (instead) return instead;
    }
    const { chatUser, session: stored, rawSession } = turn;
    if (wasSeen(stored, msg.updateId)) return { messages: [] }; // handled before: a redelivery
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
      // The orders this update reads or writes are remembered for the rest of it (src/store/turn-scope.ts).
      // What a step sees of the engine's dependencies (FlowDeps), not a copy of all of them.
      deps: {
        store: storeForTurn(deps.store),
        clock: deps.clock,
        config: deps.config,
        media: deps.media,
        admin: deps.admin,
        bot: deps.bot,
        t: (key, args) => deps.i18n.t(ctx.locale, key, channelArgs(chat.channel, 0, args)),
      },
    };
    return { ctx, stored, rawSession, updateId: msg.updateId };
  };
}
