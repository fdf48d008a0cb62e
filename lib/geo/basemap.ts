import { geoBounds, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import atlas110m from 'world-atlas/countries-110m.json';
import { getWorld, SOUTH_LIMIT, worldBounds, type Atlas } from './projection';

/** The light world map drawn under the map layout, from Natural Earth's 1:110m outlines. */

export interface Basemap { svg: string; x: number; y: number; width: number; height: number }

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

let basemap: Basemap | null = null;

/** Land and borders as a small SVG whose viewBox is exactly the map rectangle in model space. Made once. */
export function basemapSvg(): Basemap {
  if (basemap) return basemap;
  const { projection } = getWorld();
  const { x, y, width, height } = worldBounds();
  const topology = atlas110m as unknown as Atlas;
  const path = geoPath(projection).digits(0);
  const land = feature(topology, topology.objects.land);
  const polygons = land.features.flatMap((f: Feature) => polygonsOf(f.geometry as Polygon | MultiPolygon))
    .filter((coordinates) => geoBounds({ type: 'Polygon', coordinates })[1][1] > SOUTH_LIMIT);
  const landPath = path({ type: 'MultiPolygon', coordinates: polygons }) ?? '';
  const borders = path(mesh(topology, topology.objects.countries, (a, b) => a !== b)) ?? '';
  // x and y are ignored in a standalone document and place the map right when nested in a larger SVG.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" x="${x}" y="${y}" width="${width}" height="${height}" viewBox="${x} ${y} ${width} ${height}">`
    + `<path d="${landPath}" fill="#e8edf3"/>`
    + `<path d="${borders}" fill="none" stroke="#ffffff" stroke-width="1" stroke-linejoin="round"/></svg>`;
  basemap = { svg, x, y, width, height };
  return basemap;
}
