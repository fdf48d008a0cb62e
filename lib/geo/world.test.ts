import { geoArea, geoCentroid, geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import countries from 'i18n-iso-countries';
import atlas from 'world-atlas/countries-50m.json';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_DIR } from '@/graph-seed/load';
import { readSeedDir } from '@/graph-seed/validate';
import { getWorld } from './projection';
import { basemapSvg, countryPoint, project, WORLD_WIDTH, worldBounds } from './world';

const seedCodes = readSeedDir(DEFAULT_SEED_DIR).nodes.filter((n) => n.id.startsWith('country:')).map((n) => n.id.slice('country:'.length));
const at = (alpha3: string) => {
  const point = countryPoint(alpha3);
  if (!point) throw new Error(`no point for ${alpha3}`);
  return point;
};

describe('countryPoint', () => {
  it('puts countries where they are relative to each other', () => {
    expect(at('KAZ').x).toBeGreaterThan(at('ITA').x);
    expect(at('KAZ').y).toBeLessThan(at('IND').y); // y grows downwards, as on screen
    expect(at('CHL').y).toBeGreaterThan(at('PER').y);
    expect(at('JPN').x).toBeGreaterThan(at('CHN').x);
    expect(at('BRA').x).toBeLessThan(at('NGA').x);
  });

  it('takes the mainland of a country in several parts', () => {
    // France without French Guiana: between Spain and Germany, north of Spain.
    expect(at('FRA').x).toBeGreaterThan(at('ESP').x);
    expect(at('FRA').x).toBeLessThan(at('DEU').x);
    expect(at('FRA').y).toBeLessThan(at('ESP').y);
    // Russia's mainland crosses the antimeridian; its point is still west of Japan and north of Kazakhstan.
    expect(at('RUS').x).toBeLessThan(at('JPN').x);
    expect(at('RUS').x).toBeGreaterThan(at('KAZ').x);
    expect(at('RUS').y).toBeLessThan(at('KAZ').y);
  });

  it('has a point inside the map for every seed country, small island states included', () => {
    const { x, y, width, height } = worldBounds();
    for (const code of [...seedCodes, 'SGP', 'MDV', 'BHR']) {
      const p = at(code);
      expect(p.x, code).toBeGreaterThan(x);
      expect(p.x, code).toBeLessThan(x + width);
      expect(p.y, code).toBeGreaterThan(y);
      expect(p.y, code).toBeLessThan(y + height);
    }
  });

  it('agrees with d3-geo’s spherical centroid of the largest polygon for every seed country', () => {
    // An independent reference: d3's own spherical area and centroid on the same outlines.
    const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
    const features = feature(topology, topology.objects.countries).features;
    const area = (p: Polygon) => Math.min(geoArea(p), 4 * Math.PI - geoArea(p));
    for (const code of seedCodes) {
      const polygons = features.filter((f) => f.id === countries.alpha3ToNumeric(code))
        .flatMap((f) => {
          const g = f.geometry as Polygon | MultiPolygon;
          return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
        })
        .map((coordinates): Polygon => ({ type: 'Polygon', coordinates }));
      const largest = polygons.reduce((a, b) => (area(b) > area(a) ? b : a));
      const expected = project(...geoCentroid(largest))!;
      // Means of longitude and latitude differ a little from a 3-D centroid for very large countries,
      // and a point moved inside a crescent (Vietnam) by a few units.
      expect(Math.hypot(expected.x - at(code).x, expected.y - at(code).y), code).toBeLessThan(code === 'RUS' ? 60 : 25);
    }
  });

  it('lies inside its own country, even for an S-shaped one such as Vietnam', () => {
    const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
    const features = feature(topology, topology.objects.countries).features;
    const { projection } = getWorld();
    for (const code of [...seedCodes, 'NOR', 'ISR']) {
      const p = at(code);
      const lonLat = projection.invert!([p.x, p.y])!;
      const outlines = features.filter((f) => f.id === countries.alpha3ToNumeric(code));
      expect(outlines.some((f) => geoContains(f, lonLat)), code).toBe(true);
    }
  });

  it('knows nothing of codes that name no country', () => {
    expect(countryPoint('ZZZ')).toBeNull();
  });
});

describe('basemapSvg', () => {
  it('is a light SVG whose viewBox is exactly the map rectangle, centred on the origin', () => {
    const map = basemapSvg();
    expect(map.width).toBe(WORLD_WIDTH);
    expect(map.x).toBe(-map.width / 2);
    expect(map.y).toBeCloseTo(-map.height / 2, 9);
    expect(map.width / map.height).toBeGreaterThan(1.8);
    expect(map.svg).toContain(`viewBox="${map.x} ${map.y} ${map.width} ${map.height}"`);
    expect(map.svg).toMatch(/^<svg [^>]*>.*<path d="M[^"]{1000,}".*<\/svg>$/s);
    expect(new TextEncoder().encode(map.svg).length).toBeLessThan(150_000);
  });
});
