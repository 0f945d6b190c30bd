import { formatRupiah } from '../domain/money.js';
import { escapeXml } from './stats-chart.js';

const WIDTH = 900;
const HEIGHT = 420;
const TOP = 70;
const BOTTOM = 60;
const LEFT = 30;

/** One bar: a week's label (`16/11`), its Rupiah and how many of the unit's ASN bought. */
export interface WeekBar {
  label: string;
  total: number;
  buyers: number;
}

/**
 * Pure: a column chart of a unit's weeks, oldest left: each column its Rupiah, labelled with the
 * Rupiah and the buyers of that week; the week's Monday under it.
 */
export function unitChartSvg(title: string, subtitle: string, weeks: WeekBar[]): string {
  const max = Math.max(1, ...weeks.map((w) => w.total));
  const slot = (WIDTH - 2 * LEFT) / Math.max(1, weeks.length);
  const plotH = HEIGHT - TOP - BOTTOM;
  const cols = weeks.map((w, i) => {
    const h = Math.max(w.total ? 2 : 0, Math.round((w.total / max) * (plotH - 30)));
    const x = LEFT + i * slot;
    const y = HEIGHT - BOTTOM - h;
    const cx = x + slot / 2;
    return [
      `<rect x="${x + slot * 0.15}" y="${y}" width="${slot * 0.7}" height="${h}" rx="3" fill="#2ca02c"/>`,
      `<text x="${cx}" y="${y - 18}" text-anchor="middle" class="v">${escapeXml(formatRupiah(w.total))}</text>`,
      `<text x="${cx}" y="${y - 4}" text-anchor="middle" class="v">${escapeXml(`${w.buyers} ASN`)}</text>`,
      `<text x="${cx}" y="${HEIGHT - BOTTOM + 20}" text-anchor="middle" class="l">${escapeXml(w.label)}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`,
    '<style>text{font-family:DejaVu Sans,Arial,sans-serif;fill:#222}.t{font-size:20px;font-weight:bold}.s{font-size:14px}.l{font-size:13px}.v{font-size:11px}</style>',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="32" class="t">${escapeXml(title)}</text>`,
    `<text x="20" y="54" class="s">${escapeXml(subtitle)}</text>`,
    `<line x1="${LEFT}" y1="${HEIGHT - BOTTOM}" x2="${WIDTH - LEFT}" y2="${HEIGHT - BOTTOM}" stroke="#999"/>`,
    ...cols,
    '</svg>',
  ].join('');
}
