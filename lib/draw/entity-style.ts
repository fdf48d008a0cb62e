/**
 * How each entity type looks: the ONE palette, shared by the canvas, the legend, badges, the server
 * picture, the share image and every export. Types outside the table (other datasets, any script)
 * get a stable colour derived from their name, always as #rrggbb: every renderer (Cytoscape, SVG,
 * canvas 2D, GEXF) reads that the same way.
 */
export interface TypeStyle {
  color: string;
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'triangle' | 'star' | 'round-tag' | 'barrel' | 'vee' | 'pentagon' | 'octagon';
  label: string;
}

const TYPE_STYLES: Record<string, TypeStyle> = {
  Event: { color: '#e4572e', shape: 'star', label: 'Event' },
  Document: { color: '#8e44ad', shape: 'round-tag', label: 'Document' },
  Organization: { color: '#2e86ab', shape: 'round-rectangle', label: 'Organization' },
  Person: { color: '#f29e4c', shape: 'ellipse', label: 'Person' },
  Role: { color: '#c0a36e', shape: 'ellipse', label: 'Role' },
  Place: { color: '#3bb273', shape: 'diamond', label: 'Place' },
  Region: { color: '#6ccf8e', shape: 'diamond', label: 'Region' },
  Country: { color: '#4d7ea8', shape: 'hexagon', label: 'Country' },
  Initiative: { color: '#d7263d', shape: 'octagon', label: 'Initiative' },
  Policy: { color: '#b5838d', shape: 'pentagon', label: 'Policy' },
  Program: { color: '#1b998b', shape: 'barrel', label: 'Programme' },
  Infrastructure: { color: '#7d8491', shape: 'vee', label: 'Infrastructure' },
  Field: { color: '#f4d35e', shape: 'triangle', label: 'Field' },
  Laboratory: { color: '#17bebb', shape: 'round-rectangle', label: 'Laboratory' },
  Claim: { color: '#ef476f', shape: 'round-tag', label: 'Claim' },
  NewsArticle: { color: '#6d597a', shape: 'round-tag', label: 'News article' },
};

function hue(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

const hex = (n: number) => Math.round(Math.min(255, Math.max(0, n))).toString(16).padStart(2, '0');

/** HSL (degrees, 0-1, 0-1) -> #rrggbb. */
export function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)));
  };
  return `#${hex(f(0))}${hex(f(8))}${hex(f(4))}`;
}

export function typeStyle(type: string): TypeStyle {
  // Own keys only: another database's label may be `constructor`.
  return (Object.hasOwn(TYPE_STYLES, type) ? TYPE_STYLES[type] : undefined) ?? { color: hslToHex(hue(type), 0.45, 0.5), shape: 'ellipse', label: type };
}

/** A type's colour mixed with white (`amount` of white, 0-1): a light background dark text reads on. */
export function typeTint(type: string, amount = 0.82): string {
  const color = typeStyle(type).color;
  const channel = (i: number) => parseInt(color.slice(1 + 2 * i, 3 + 2 * i), 16);
  return `#${[0, 1, 2].map((i) => hex(channel(i) + (255 - channel(i)) * amount)).join('')}`;
}

/** "PARTNER_OF" -> "partner of", for people rather than databases. */
export function relationshipLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}
