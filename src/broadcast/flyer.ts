import { renderReply } from '../i18n/render.js';
import type { OutboundMessage, Reply } from '../i18n/message.js';
import type { I18n, Locale } from '../i18n/index.js';

/** The parts of a broadcast a flyer is made of. */
export interface FlyerContent {
  text: string;
  /** a stored image under MEDIA_DIR */
  photo?: string;
}

/**
 * The flyer as every recipient sees it: the admin's text, then how to stop flyers (/berhenti),
 * with the photo when there is one. The admin's preview is this same reply.
 */
export function flyerReply(f: FlyerContent): Reply {
  return {
    text: { key: f.text.trim() ? 'bc-flyer' : 'bc-flyer-photo-only', args: { text: f.text } },
    ...(f.photo ? { photo: { path: f.photo } } : {}),
    // never merged with a notice before it: the preview is exactly what recipients get
    standalone: true,
  };
}

/** The flyer localised for one recipient. */
export function renderFlyer(i18n: I18n, locale: Locale, f: FlyerContent): OutboundMessage {
  return renderReply(i18n, locale, flyerReply(f));
}
