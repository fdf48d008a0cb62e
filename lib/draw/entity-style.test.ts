import { describe, expect, it } from 'vitest';
import { toRgb } from '../export/color';
import { toElements } from './to-elements';
import { typeStyle, typeTint } from './entity-style';

const luminance = (hex: string) => {
  const { r, g, b } = toRgb(hex);
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

describe('one palette for every renderer', () => {
  it('gives any type, in any script, a #rrggbb colour every renderer reads the same way', () => {
    for (const type of ['Country', 'Research Lab', 'Научный центр', '研究所', 'constructor', 'a"b\\c']) {
      expect(typeStyle(type).color, type).toMatch(/^#[0-9a-f]{6}$/);
      expect(typeStyle(type).color).toBe(typeStyle(type).color);
    }
    expect(typeStyle('Research Lab').color).not.toBe(typeStyle('Научный центр').color);
  });

  it('puts the legend colour on each canvas element, whatever the label', () => {
    const node = { id: 'Учёный:Ада', name: 'Ада', type: 'Учёный', degree: 1 };
    const [element] = toElements({ nodes: [node], edges: [] }, { positions: {}, expanded: {}, hiddenTypes: [], pathIds: new Set() });
    expect(element?.data).toMatchObject({ typeColour: typeStyle('Учёный').color, shape: typeStyle('Учёный').shape });
  });

  it('makes badge backgrounds light enough for dark text (contrast at least 4.5:1)', () => {
    const ink = luminance('#1d2433');
    for (const type of ['Event', 'Country', 'Initiative', 'Organization', 'Research Lab', 'Научный центр']) {
      const bg = luminance(typeTint(type));
      expect((bg + 0.05) / (ink + 0.05), type).toBeGreaterThanOrEqual(4.5);
    }
  });
});
