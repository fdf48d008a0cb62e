import { typeStyle, type TypeStyle } from '../draw/entity-style';
import { shapeSvg } from '../draw/node-shapes';
import type { ExportView } from './model';
import type { ExportTexts } from './texts';
import { xmlAttr, xmlText } from './xml';

/**
 * The legend under an exported picture: title and counts, a swatch per type shown, what each group
 * stands for, what the filter hid, the sources and the link. Laid out here once (the caller says how
 * wide a text is: the canvas measures, SVG estimates) and drawn by both the PNG and the SVG export.
 */

export const LEGEND_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', sans-serif";
const SIZE = 13;
const TITLE_SIZE = 15;
const LINE = 20;
const PAD = 16;
const SWATCH = 12;
/** Past this many characters the link is cut on the picture (it is whole in the file's metadata). */
export const MAX_PRINTED_LINK = 600;
const MAX_PUBLISHERS = 5;

export type LegendItem =
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean; color: string }
  | { kind: 'swatch'; x: number; y: number; size: number; color: string; shape: TypeStyle['shape'] }
  | { kind: 'group'; x: number; y: number; size: number; color: string };

export interface LegendLayout {
  width: number;
  height: number;
  items: LegendItem[];
}

/** Width of a text in px at a font size. */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** An estimate good enough for SVG, where the viewer's font decides: wide CJK, narrower Latin and Cyrillic. */
export const estimateWidth: Measure = (text, size, bold) => {
  let em = 0;
  for (const ch of text) em += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u.test(ch) ? 1 : 0.58;
  return em * size * (bold ? 1.06 : 1);
};

/** Words of a text in lines no wider than `width`; a word longer than a line (a link) is cut anywhere. */
export function wrap(text: string, width: number, measure: (t: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (piece: string) => {
    const next = line ? `${line} ${piece}` : piece;
    if (measure(next) <= width || !line) line = next;
    else {
      lines.push(line);
      line = piece;
    }
    // A single piece wider than the line: break it by characters.
    while (measure(line) > width && [...line].length > 1) {
      const chars = [...line];
      let fit = chars.length - 1;
      while (fit > 1 && measure(chars.slice(0, fit).join('')) > width) fit -= 1;
      lines.push(chars.slice(0, fit).join(''));
      line = chars.slice(fit).join('');
    }
  };
  for (const word of text.split(/ +/)) if (word) push(word);
  if (line) lines.push(line);
  return lines;
}

export function layoutLegend(view: ExportView, texts: ExportTexts, width: number, measure: Measure = estimateWidth): LegendLayout {
  const items: LegendItem[] = [];
  const inner = width - 2 * PAD;
  let y = PAD;
  const paragraph = (text: string, { size = SIZE, bold = false, color = '#1d2433', indent = 0 } = {}) => {
    for (const line of wrap(text, inner - indent, (t) => measure(t, size, bold))) {
      items.push({ kind: 'text', x: PAD + indent, y: y + size, text: line, size, bold, color });
      y += size === TITLE_SIZE ? LINE + 2 : LINE;
    }
  };
  paragraph(`${texts.title} · ${texts.summary(view.entities.length, view.relationships.length)}`, { size: TITLE_SIZE, bold: true });
  y += 4;
  // Types flow along lines: swatch, label and count.
  let x = PAD;
  for (const t of view.types) {
    const text = t.count > 0 ? `${texts.typeLabel(t.type)} ${texts.count(t.count)}` : texts.typeLabel(t.type);
    const w = SWATCH + 6 + measure(text, SIZE, false);
    if (x > PAD && x + w > width - PAD) {
      x = PAD;
      y += LINE;
    }
    items.push({ kind: 'swatch', x: x + SWATCH / 2, y: y + SIZE / 2 + 2, size: SWATCH, color: t.color, shape: typeStyle(t.type).shape });
    items.push({ kind: 'text', x: x + SWATCH + 6, y: y + SIZE, text, size: SIZE, bold: false, color: '#1d2433' });
    x += w + 18;
  }
  if (view.types.length > 0) y += LINE + 4;
  for (const g of view.groups) {
    items.push({ kind: 'group', x: PAD, y: y + 2, size: SWATCH, color: view.types.find((t) => t.type === g.entityType)?.color ?? '#667085' });
    paragraph(texts.group(g), { indent: SWATCH + 6 });
  }
  if (view.hidden.length > 0) paragraph(texts.hidden(view.hidden), { color: '#5e6a7d' });
  const gone = view.entities.filter((e) => !e.inDatabase).length;
  if (gone > 0) paragraph(texts.gone(gone), { color: '#b42318' });
  const publishers = [...new Set(view.sources.map((s) => s.publisher))];
  paragraph(texts.sources(view.sources.length, publishers.slice(0, MAX_PUBLISHERS), Math.max(0, publishers.length - MAX_PUBLISHERS)), { color: '#5e6a7d' });
  paragraph(texts.exported(view.exportedAt), { color: '#5e6a7d' });
  paragraph(texts.link, { color: '#5e6a7d' });
  if (view.link.length <= MAX_PRINTED_LINK) paragraph(view.link, { color: '#1d4ed8' });
  else {
    paragraph(`${view.link.slice(0, MAX_PRINTED_LINK)}…`, { color: '#1d4ed8' });
    paragraph(texts.linkTooLong, { color: '#5e6a7d' });
  }
  return { width, height: Math.ceil(y + PAD - 4), items };
}

/** The legend as SVG elements, to be placed at its top-left corner. */
export function legendSvg(layout: LegendLayout): string {
  const parts = [`<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="#ffffff"/>`,
    `<line x1="0" y1="0.5" x2="${layout.width}" y2="0.5" stroke="#dde3ec"/>`];
  for (const item of layout.items) {
    if (item.kind === 'swatch') parts.push(shapeSvg(item.shape, item.x, item.y, item.size, ` fill="${xmlAttr(item.color)}"`));
    else if (item.kind === 'group') {
      parts.push(`<rect x="${item.x}" y="${item.y}" width="${item.size}" height="${item.size}" rx="3" fill="${xmlAttr(item.color)}" fill-opacity="0.18" stroke="${xmlAttr(item.color)}" stroke-dasharray="3 2"/>`);
    } else {
      parts.push(`<text x="${item.x}" y="${item.y}" font-size="${item.size}"${item.bold ? ' font-weight="700"' : ''} fill="${xmlAttr(item.color)}">${xmlText(item.text)}</text>`);
    }
  }
  return `<g font-family="${xmlAttr(LEGEND_FONT)}">${parts.join('')}</g>`;
}
