import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatRupiah } from '../domain/money.js';
import type { MediaStore } from '../media/media-store.js';
import { loadSharp } from '../media/sharp.js';
import type { OpdStats } from './stats.js';

/** At most this many OPD bars (the rest are in the text). */
export const CHART_MAX_BARS = 15;

const WIDTH = 900;
const LABEL_W = 300;
const VALUE_W = 150;
const ROW_H = 30;
const TOP = 60;

/** `&`, `<`, `>`, quotes made safe for SVG text (OPD names come from a CSV). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/**
 * Pure: a horizontal bar chart of this month's Rupiah per OPD (largest first), each bar labelled
 * with the OPD, its total and the share of its ASN who bought.
 */
export function statsChartSvg(title: string, rows: OpdStats[]): string {
  const bars = rows.slice(0, CHART_MAX_BARS);
  const max = Math.max(1, ...bars.map((r) => r.total));
  const height = TOP + Math.max(1, bars.length) * ROW_H + 20;
  const plot = WIDTH - LABEL_W - VALUE_W - 20;
  const lines = bars.map((r, i) => {
    const y = TOP + i * ROW_H;
    const w = Math.max(r.total ? 2 : 0, Math.round((r.total / max) * plot));
    return [
      `<text x="${LABEL_W - 8}" y="${y + 19}" text-anchor="end" class="l">${escapeXml(clip(r.opd, 38))}</text>`,
      `<rect x="${LABEL_W}" y="${y + 5}" width="${w}" height="${ROW_H - 10}" rx="3" fill="#1f77b4"/>`,
      `<text x="${LABEL_W + w + 6}" y="${y + 19}" class="v">${escapeXml(`${formatRupiah(r.total)} · ${Math.round(r.share * 100)}%`)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    '<style>text{font-family:DejaVu Sans,Arial,sans-serif;fill:#222}.t{font-size:20px;font-weight:bold}.l{font-size:14px}.v{font-size:13px}</style>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="34" class="t">${escapeXml(title)}</text>`,
    ...lines,
    '</svg>',
  ].join('');
}

/** Rasterises an SVG to PNG (sharp / librsvg). */
export async function svgToPng(svg: string): Promise<Buffer> {
  return (await loadSharp())(Buffer.from(svg, 'utf8')).png().toBuffer();
}

/**
 * Stores PNG bytes under MEDIA_DIR/`folder` by content hash and returns the relative path a Reply
 * photo takes (the same chart twice is one file, and one Telegram upload).
 */
export async function storePng(media: Pick<MediaStore, 'root' | 'resolve'>, bytes: Buffer, folder = 'charts'): Promise<string> {
  const rel = path.posix.join(folder, `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.png`);
  await mkdir(path.join(media.root, folder), { recursive: true });
  await writeFile(media.resolve(rel), bytes);
  return rel;
}
