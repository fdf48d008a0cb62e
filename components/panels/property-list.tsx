import type { PropertyValue } from '@/lib/graph/types';

/** "joinedBri" -> "Joined bri": property keys read as words. */
export function propertyLabel(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function show(value: PropertyValue) {
  if (Array.isArray(value)) return value.length === 1 ? String(value[0]) : <ul>{value.map((v, i) => <li key={i}>{String(v)}</li>)}</ul>;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function PropertyList({ properties }: { properties: Record<string, PropertyValue> }) {
  const entries = Object.entries(properties);
  if (entries.length === 0) return null;
  return (
    <section className="panel-section" aria-label="Properties">
      <h3>Properties</h3>
      <dl className="properties">
        {entries.map(([key, value]) => (
          <div key={key}>
            <dt>{propertyLabel(key)}</dt>
            <dd>{show(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
