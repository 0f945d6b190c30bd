import type { Input } from '../engine/types.js';

/**
 * Turns typed text into an engine input: `/menu`, `/start@MyBot payload` become commands,
 * anything else stays text. Shared by every channel.
 */
export function textToInput(text: string): Input {
  const m = /^\/([a-zA-Z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (m) return { kind: 'command', name: m[1]!.toLowerCase(), args: (m[2] ?? '').trim() };
  return { kind: 'text', text };
}
