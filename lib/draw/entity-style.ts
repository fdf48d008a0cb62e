/**
 * How each entity type looks: one table shared by the canvas, the legend and the preview image.
 * Types outside the table (other datasets) get a stable colour derived from their name.
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
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

export function typeStyle(type: string): TypeStyle {
  // Own keys only: another database's label may be `constructor`.
  return (Object.hasOwn(TYPE_STYLES, type) ? TYPE_STYLES[type] : undefined) ?? { color: `hsl(${hue(type)} 45% 50%)`, shape: 'ellipse', label: type };
}

/** "PARTNER_OF" -> "partner of", for people rather than databases. */
export function relationshipLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}
