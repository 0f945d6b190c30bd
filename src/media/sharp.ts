import type Sharp from 'sharp';

let loading: Promise<typeof Sharp> | undefined;

/**
 * sharp, loaded on first use instead of at start-up: its native libvips adds about 20 MB of RSS
 * and a tenth of a second to a start, and most processes (a bot that nobody has sent a photo yet)
 * do not need it.
 */
export function loadSharp(): Promise<typeof Sharp> {
  return (loading ??= import('sharp').then((m) => m.default));
}
