import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The world in model space: one Natural Earth projection fitted to a fixed rectangle centred at
 * (0, 0), in the same units as every other layout (a node is about 40 wide). No map data here,
 * so that the basemap and the country points can each load only the atlas they need.
 */

export const WORLD_WIDTH = 2400;
/** Below this latitude there is only Antarctica; the map rectangle stops there to save space. */
export const SOUTH_LIMIT = -58;

export interface Point { x: number; y: number }
export type Atlas = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;

interface World { projection: GeoProjection; height: number }

let world: World | null = null;

/** The fitted projection and the map's height, made once. */
export function getWorld(): World {
  if (world) return world;
  const sphere = { type: 'Sphere' } as const;
  const projection = geoNaturalEarth1().fitWidth(WORLD_WIDTH, sphere);
  const [[x0, y0], [x1]] = geoPath(projection).bounds(sphere);
  const bottom = projection([0, SOUTH_LIMIT])![1];
  const [tx, ty] = projection.translate();
  projection.translate([tx - (x0 + x1) / 2, ty - (y0 + bottom) / 2]);
  world = { projection, height: bottom - y0 };
  return world;
}

/** Height of the map rectangle in model units (its width is WORLD_WIDTH). */
export function worldHeight(): number {
  return getWorld().height;
}

/** Model-space point of a longitude and latitude (degrees). */
export function project(lon: number, lat: number): Point | null {
  const projected = getWorld().projection([lon, lat]);
  return projected ? { x: projected[0], y: projected[1] } : null;
}

/** The map rectangle in model space: centred at (0, 0). */
export function worldBounds(): { x: number; y: number; width: number; height: number } {
  const { height } = getWorld();
  return { x: -WORLD_WIDTH / 2, y: -height / 2, width: WORLD_WIDTH, height };
}

