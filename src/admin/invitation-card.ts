import { loadSharp } from '../media/sharp.js';
import { escapeXml } from './stats-chart.js';

/** The invitation links of one UMKM: Telegram deep link and WhatsApp click-to-chat, when each runs. */
export interface InvitationLinks {
  telegram?: string;
  whatsapp?: string;
}

/** Where the bot can be reached, known once the channels started (getMe; the paired WhatsApp number). */
export interface BotAddresses {
  telegramBot?: () => string | undefined;
  whatsappNumber?: () => string | undefined;
}

/** `https://t.me/<bot>?start=<token>` and `https://wa.me/<number>?text=/start <token>` for the channels that run. */
export function invitationLinks(bot: BotAddresses | undefined, token: string): InvitationLinks {
  const username = bot?.telegramBot?.();
  const number = bot?.whatsappNumber?.()?.replace(/\D/g, '');
  return {
    ...(username ? { telegram: `https://t.me/${username}?start=${token}` } : {}),
    ...(number ? { whatsapp: `https://wa.me/${number}?text=${encodeURIComponent(`/start ${token}`)}` } : {}),
  };
}

const QR_SIDE = 420;
const PAD = 40;

/**
 * A printable PNG for field staff: the UMKM's name over one QR code per link (Telegram, WhatsApp),
 * each with its caption. Composed with sharp (text as SVG, QR codes from the qrcode library).
 */
export async function invitationCardPng(
  umkmName: string,
  links: InvitationLinks,
  labels: { title: string; telegram: string; whatsapp: string },
): Promise<Buffer> {
  const codes = [
    ...(links.telegram ? [{ link: links.telegram, label: labels.telegram }] : []),
    ...(links.whatsapp ? [{ link: links.whatsapp, label: labels.whatsapp }] : []),
  ];
  const n = Math.max(1, codes.length);
  const width = PAD + n * (QR_SIDE + PAD);
  const top = 150;
  const height = top + QR_SIDE + 90;
  const name = escapeXml(umkmName.length > 40 ? `${umkmName.slice(0, 39)}…` : umkmName);
  const captions = codes
    .map(
      (c, i) =>
        `<text x="${PAD + i * (QR_SIDE + PAD) + QR_SIDE / 2}" y="${top + QR_SIDE + 50}" font-size="28" text-anchor="middle" font-family="sans-serif">${escapeXml(c.label)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="${width / 2}" y="60" font-size="30" text-anchor="middle" font-family="sans-serif" fill="#444444">${escapeXml(labels.title)}</text>
<text x="${width / 2}" y="115" font-size="40" font-weight="bold" text-anchor="middle" font-family="sans-serif">${name}</text>
${captions}
</svg>`;
  const QRCode = (await import('qrcode')).default;
  const sharp = await loadSharp();
  const qrs = await Promise.all(codes.map((c) => QRCode.toBuffer(c.link, { type: 'png', width: QR_SIDE, margin: 1, errorCorrectionLevel: 'M' })));
  return sharp(Buffer.from(svg, 'utf8'))
    .composite(qrs.map((input, i) => ({ input, left: PAD + i * (QR_SIDE + PAD), top })))
    .png()
    .toBuffer();
}
