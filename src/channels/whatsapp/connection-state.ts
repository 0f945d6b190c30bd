import type { WASocketLike } from './wa-socket.js';

/**
 * The WhatsApp connection as one value: what the channel is doing and what it holds while doing
 * it. `nextState` is the only place it changes; the channel (socket.ts) dispatches events to it
 * and carries out the effects (make a socket, wait, wipe the session, end the socket).
 *
 *   closed(not-started) --start--> connecting --opened--> open --closed--> connecting (backoff)
 *   connecting|open|logged-out --closed with 401--> logged-out (session wiped) --opened--> open
 *   connecting|open|logged-out --stop--> closed(stopping) --stopped--> closed(stopped), for good
 */

/** A socket with the channel's listeners on it; `detach` takes them off. */
export interface Link {
  sock: WASocketLike;
  detach: () => void;
}

/** How an unpaired number is being paired: a QR shown, or a pairing code asked for (`code` once WhatsApp answered). */
export type Pairing = { by: 'qr'; qr: string } | { by: 'code'; code?: string };

/** The wait before the next connect attempt; `wake` ends it early (stop). */
export interface Retry {
  delayMs: number;
  wake: () => void;
}

/** What a channel that is not open but still running holds. */
interface Reconnecting {
  /** backoff waits since the socket was last open: the next wait doubles with each */
  attempt: number;
  /** the socket being opened, once made */
  link?: Link;
  /** while waiting before the next attempt */
  retry?: Retry;
  /** while the number is not paired (a QR or a pairing code for the operator) */
  pairing?: Pairing;
  /** the status code of the last close, if any */
  lastCode?: number;
}

export type ConnectionState =
  /** not started yet */
  | { status: 'closed'; reason: 'not-started' }
  /**
   * stop() is letting the messages in hand finish: nothing new is taken; `sending` while the
   * socket that was open still carries their replies. `stopped`: for good (no restart).
   */
  | { status: 'closed'; reason: 'stopping'; link?: Link; sending: boolean }
  | { status: 'closed'; reason: 'stopped' }
  | ({ status: 'connecting' } & Reconnecting)
  | { status: 'open'; link: Link }
  /** WhatsApp removed the linked device (401): the session was wiped; pairing again, reconnecting meanwhile */
  | ({ status: 'logged-out' } & Reconnecting);

export type ConnectionEvent =
  | { type: 'start' }
  /** a socket was made and the channel listens to it */
  | { type: 'socket'; link: Link }
  | { type: 'pairing'; pairing: Pairing }
  | { type: 'opened' }
  /** the current socket closed; `loggedOut` when WhatsApp says the device was removed */
  | { type: 'closed'; code?: number; loggedOut: boolean }
  /** waiting `retry.delayMs` before the next attempt (counts one attempt for the backoff) */
  | { type: 'wait'; retry: Retry }
  | { type: 'stop' }
  | { type: 'stopped' };

export const INITIAL_STATE: ConnectionState = { status: 'closed', reason: 'not-started' };

/** The next state; an event that does not apply to the state leaves it as it is. */
export function nextState(s: ConnectionState, e: ConnectionEvent): ConnectionState {
  switch (e.type) {
    case 'start':
      return s.status === 'closed' && s.reason === 'not-started' ? { status: 'connecting', attempt: 0 } : s;
    case 'socket':
      // a new socket: no wait any more, and its own pairing (a QR or code of the last socket is stale)
      return isReconnecting(s) ? { status: s.status, attempt: s.attempt, link: e.link, ...lastCode(s) } : s;
    case 'pairing':
      return isReconnecting(s) && s.link ? { ...s, pairing: e.pairing } : s;
    case 'opened':
      return isReconnecting(s) && s.link ? { status: 'open', link: s.link } : s;
    case 'closed': {
      if (s.status === 'closed') return s.reason === 'stopping' ? { status: 'closed', reason: 'stopping', sending: false } : s;
      const attempt = s.status === 'open' ? 0 : s.attempt;
      const code = e.code === undefined ? {} : { lastCode: e.code };
      // logged out stays logged out through reconnects until a socket opens (paired again)
      return { status: e.loggedOut || s.status === 'logged-out' ? 'logged-out' : 'connecting', attempt, ...code };
    }
    case 'wait':
      return isReconnecting(s) ? { status: s.status, attempt: s.attempt + 1, retry: e.retry, ...lastCode(s) } : s;
    case 'stop':
      if (s.status === 'closed') return s;
      return { status: 'closed', reason: 'stopping', ...(s.link ? { link: s.link } : {}), sending: s.status === 'open' };
    case 'stopped':
      return s.status === 'closed' && s.reason === 'stopping' ? { status: 'closed', reason: 'stopped' } : s;
  }
}

/** Running but not open: connecting, or logged out and pairing again. */
export function isReconnecting(s: ConnectionState): s is Extract<ConnectionState, { status: 'connecting' | 'logged-out' }> {
  return s.status === 'connecting' || s.status === 'logged-out';
}

const lastCode = (s: Reconnecting) => (s.lastCode === undefined ? {} : { lastCode: s.lastCode });

/** The socket a send may use now: the open one, or the one stop() lets finish the replies in hand. */
export function sendingSocket(s: ConnectionState): WASocketLike | undefined {
  if (s.status === 'open') return s.link.sock;
  if (s.status === 'closed' && s.reason === 'stopping' && s.sending) return s.link?.sock;
  return undefined;
}

/** The current socket, open or not. */
export function currentLink(s: ConnectionState): Link | undefined {
  return s.status === 'closed' && s.reason !== 'stopping' ? undefined : s.link;
}
