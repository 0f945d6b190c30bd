/** Social networks whose post links are accepted as the ASN's post. */
export const SOCIAL_HOSTS: Record<string, string[]> = {
  Instagram: ['instagram.com', 'instagr.am'],
  Facebook: ['facebook.com', 'fb.com', 'fb.watch'],
  X: ['x.com', 'twitter.com'],
  TikTok: ['tiktok.com'],
  YouTube: ['youtube.com', 'youtu.be'],
};

/** Checks a typed post link: an http(s) URL on one of the accepted networks, with a path. */
export function parsePostLink(raw: string): { ok: true; url: string; network: string } | { ok: false } {
  const s = raw.trim();
  if (s.length > 500 || /\s/.test(s)) return { ok: false };
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false };
  if (url.username || url.password) return { ok: false };
  const host = url.hostname.toLowerCase();
  for (const [network, hosts] of Object.entries(SOCIAL_HOSTS)) {
    if (hosts.some((h) => host === h || host.endsWith(`.${h}`))) {
      if (url.pathname.length < 2) return { ok: false };
      url.protocol = 'https:';
      return { ok: true, url: url.toString(), network };
    }
  }
  return { ok: false };
}
