import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cutText, splitText } from '../../../../src/channels/telegram/split-text.js';

describe('splitText', () => {
  it('keeps a short text whole', () => {
    expect(splitText('halo')).toEqual(['halo']);
    expect(splitText('')).toEqual(['']);
  });

  it('cuts at a line break, then a space, then hard', () => {
    expect(cutText('aaaa\nbbbb', 6)).toEqual(['aaaa', 'bbbb']);
    expect(cutText('aaaa bbbb', 6)).toEqual(['aaaa', 'bbbb']);
    expect(cutText('aaaaaaaaaa', 6)).toEqual(['aaaaaa', 'aaaa']);
  });

  it('never splits a surrogate pair (emoji)', () => {
    const [head, rest] = cutText('aaaaa😀bbb', 6);
    expect(head).toBe('aaaaa');
    expect(rest).toBe('😀bbb');
  });

  it('parts fit the limit and keep every non-separator character in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀'), maxLength: 400 }), fc.integer({ min: 8, max: 60 }), (text, limit) => {
        const parts = splitText(text, limit);
        for (const p of parts) expect(p.length).toBeLessThanOrEqual(limit);
        const squash = (s: string) => s.replace(/[\s]/g, '');
        expect(squash(parts.join(''))).toBe(squash(text));
      }),
    );
  });
});
