import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { typeStyle } from '../draw/entity-style';
import { toRgb } from './color';
import { exportFilename } from './filename';
import { estimateWidth, layoutLegend, MAX_PRINTED_LINK, wrap } from './legend';
import { buildExportView } from './model';
import { pngSize, readPngText, withPngText } from './png-text';
import { exportSvg } from './svg';
import { ENGLISH_TEXTS, GRAPH, LINK, NOW, RECORDS, textsIn } from './test-view';

const view = buildExportView({ graph: GRAPH, hiddenTypes: [], records: RECORDS, link: LINK, now: NOW });
const positions = Object.fromEntries(GRAPH.nodes.map((n, i) => [n.id, { x: i * 80, y: (i % 3) * 60 }]));
const texts = (layout: ReturnType<typeof layoutLegend>) => layout.items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));

describe('legend', () => {
  it('names each type shown with its count, the group, the sources and the link', () => {
    const layout = layoutLegend(view, ENGLISH_TEXTS, 800);
    const lines = texts(layout).join('\n');
    expect(lines).toContain('Country 1');
    expect(lines).toContain('Initiative 1');
    expect(lines).toMatch(/150 of the 151 neighbours of Belt and Road Initiative/);
    expect(lines).toMatch(/2 sources: Xinhua, МИД России/);
    expect(lines).toContain(LINK);
    expect(layout.items.filter((i) => i.kind === 'swatch').map((i) => i.kind === 'swatch' && i.shape)).toEqual(view.types.map((t) => typeStyle(t.type).shape));
  });

  it('speaks the interface language', () => {
    const lines = texts(layoutLegend(view, textsIn('ru'), 800)).join('\n');
    expect(lines).toContain('Граф НТС «Пояса и пути» · 6 сущностей · 3 связи');
    expect(lines).toMatch(/2 источника: Xinhua, МИД России/);
    expect(lines).toMatch(/Экспортировано 20 ноября 2026/);
    expect(texts(layoutLegend(view, textsIn('zh'), 800)).join('\n')).toContain('导出于 2026年11月20日');
  });

  it('wraps long lines within the width, cutting a link that has no spaces', () => {
    const long = `${LINK}&n=${'country:XYZ,'.repeat(40)}`;
    const layout = layoutLegend({ ...view, link: long }, ENGLISH_TEXTS, 390);
    for (const item of layout.items) if (item.kind === 'text') expect(item.x + estimateWidth(item.text, item.size, item.bold)).toBeLessThanOrEqual(390 - 16 + 0.5);
    expect(texts(layout).join('')).toContain(long.replace(/ /g, ''));
    expect(wrap('一带一路倡议科技交流大会', 60, (t) => estimateWidth(t, 13, false)).length).toBeGreaterThan(1);
  });

  it('prints an endless link cut short and says where the whole one is', () => {
    const layout = layoutLegend({ ...view, link: `http://x/?n=${'a'.repeat(5000)}` }, ENGLISH_TEXTS, 1280);
    expect(texts(layout).join('').length).toBeLessThan(MAX_PRINTED_LINK + 1000);
    expect(texts(layout).join(' ')).toContain('metadata');
  });
});

describe('SVG', () => {
  const svg = exportSvg(view, ENGLISH_TEXTS, {
    graph: GRAPH, positions, size: { width: 1000, height: 600 }, frame: { x: -50, y: -40, width: 500, height: 300 }, options: { hiddenTypes: [] },
  });
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as Record<string, any>;

  it('is well-formed, as wide as the canvas, with the graph framed as on screen and the legend below', () => {
    expect(XMLValidator.validate(svg)).toBe(true);
    const [, , w, h] = (doc.svg.viewBox as string).split(' ').map(Number);
    expect(w).toBe(1000);
    expect(h).toBeGreaterThan(600);
    expect(doc.svg.svg.viewBox).toBe('-50 -40 500 300');
    expect(svg).toContain('>A "B" &amp; &lt;C&gt;</text>');
  });

  it('draws each type in its own shape with arrowheads, as the canvas does', () => {
    // Initiative is an octagon, Person a circle, Document a tag.
    const [x, y] = [positions['initiative:bri']!.x, positions['initiative:bri']!.y];
    expect(svg).not.toMatch(new RegExp(`<circle cx="${x}" cy="${y}"`));
    const octagon = [...svg.matchAll(/<polygon points="([^"]+)"/g)].map((m) => m[1]!.split(' ')).find((pts) => pts.length === 8);
    expect(octagon).toBeDefined();
    expect(svg.match(/<polygon points="[^"]+" fill="#8a96a8"/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('carries the link and every source in its metadata', () => {
    expect(doc.svg.metadata.view.link).toBe(LINK);
    expect(doc.svg.metadata.view.source.map((s: { url: string }) => s.url)).toEqual(view.sources.map((s) => s.url));
    expect(doc.svg.desc).toContain(LINK);
  });

  it('leaves hidden types out of the picture', () => {
    const hidden = exportSvg(buildExportView({ graph: GRAPH, hiddenTypes: ['Person'], records: RECORDS, link: LINK, now: NOW }), ENGLISH_TEXTS, {
      graph: GRAPH, positions, size: { width: 1000, height: 600 }, frame: { x: 0, y: 0, width: 10, height: 10 }, options: { hiddenTypes: ['Person'] },
    });
    expect(hidden).not.toContain('>A "B" &amp; &lt;C&gt;</text>');
    expect(hidden).toContain('Hidden by the filter: Person (1)');
  });
});

describe('PNG text', () => {
  // A real 3x2 PNG: signature, IHDR, one IDAT, IEND.
  function tinyPng(): Uint8Array {
    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const out = Buffer.alloc(12 + data.length);
      out.writeUInt32BE(data.length, 0);
      body.copy(out, 4);
      out.writeUInt32BE(crc(body), 8 + data.length);
      return out;
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(3, 0);
    ihdr.writeUInt32BE(2, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const raw = Buffer.alloc(2 * (1 + 3 * 3), 255);
    raw[0] = 0;
    raw[10] = 0;
    return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
  }
  function crc(bytes: Buffer): number {
    let c = 0xffffffff;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  }

  it('adds UTF-8 text after the header, keeps the size and the pixels, and reads it back', () => {
    const png = tinyPng();
    const tagged = withPngText(png, [['Title', 'Граф 一带一路'], ['Source', LINK]]);
    expect(pngSize(tagged)).toEqual({ width: 3, height: 2 });
    expect(readPngText(tagged)).toEqual({ Title: 'Граф 一带一路', Source: LINK });
    expect(tagged.length).toBeGreaterThan(png.length);
    expect(Buffer.from(tagged.slice(-12)).equals(Buffer.from(png.slice(-12)))).toBe(true);
    expect(() => withPngText(png, [['ключ', 'x']])).toThrow(/keyword/);
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});

describe('names and colours', () => {
  it('dates the file name in local time', () => {
    expect(exportFilename('png', new Date(2026, 0, 5, 23, 59))).toBe('belt-road-graph-2026-01-05.png');
    expect(exportFilename('csv', new Date(2026, 10, 20))).toBe('belt-road-graph-2026-11-20.zip');
  });

  it('turns the type table colours into channels', () => {
    expect(toRgb('#e4572e')).toEqual({ r: 228, g: 87, b: 46 });
    expect(toRgb('hsl(120 45% 50%)')).toEqual({ r: 70, g: 185, b: 70 });
  });
});
