import countries from 'i18n-iso-countries';
import atlas50m from 'world-atlas/countries-50m.json';
import { getWorld, type Atlas, type Point } from './projection';

/**
 * Where each country is on the map, from Natural Earth's 1:50m outlines (1:110m lacks small
 * states such as Singapore or Bahrain). Atlas ids are ISO numeric codes.
 */

interface Moments { area: number; lon: number; lat: number; crossings: number }

const TAU = 2 * Math.PI;
const zero = (): Moments => ({ area: 0, lon: 0, lat: 0, crossings: 0 });

/**
 * Surface integrals of one arc on the unit sphere, by Green's theorem with one midpoint per
 * segment: area, and area-weighted longitude and latitude. `low` is the western edge of the
 * longitude frame: -π cuts the plane at the antimeridian, 0 at Greenwich (for Russia, whose
 * mainland crosses the antimeridian). A segment jumping across the cut adds the integral along
 * the cut line, so a ring's sums stay exact in either frame.
 */
function addSegment(sums: Moments, lon0: number, lon1: number, latMid: number, step: number, low: number): void {
  if (lon0 < low) lon0 += TAU;
  if (lon1 < low) lon1 += TAU;
  if (Math.abs(lon1 - lon0) > Math.PI) {
    // Crossing the frame's cut: add the integrals along the cut meridians instead (antiderivatives
    // in latitude of the three integrands), east edge to west edge or back.
    const sign = lon0 > lon1 ? 1 : -1;
    const sin = Math.sin(latMid);
    const cos = Math.cos(latMid);
    for (const edge of [low, low + TAU]) {
      const s = edge === low ? sign : -sign;
      sums.area += s * edge * sin;
      sums.lon += s * (edge * edge / 2) * sin;
      sums.lat += s * edge * (latMid * sin + cos);
    }
    sums.crossings += 1;
    return;
  }
  const lonMid = (lon0 + lon1) / 2;
  sums.area += lonMid * step;
  sums.lon += (lonMid * lonMid / 2) * step;
  sums.lat += lonMid * latMid * step;
}

const topology = atlas50m as unknown as Atlas;
interface DecodedArc { lons: Float64Array; lats: Float64Array; moments: [Moments, Moments] }
const arcCache: (DecodedArc | undefined)[] = [];

/**
 * One arc's points (radians) and its moments in both longitude frames, computed once: a polygon's
 * moments are sums over its arcs, and neighbours share arcs.
 */
function decodedArc(index: number): DecodedArc {
  const cached = arcCache[index];
  if (cached) return cached;
  const arc = topology.arcs[index]!;
  const { scale: [kx, ky], translate: [dx, dy] } = topology.transform!;
  const radians = Math.PI / 180;
  const lons = new Float64Array(arc.length);
  const lats = new Float64Array(arc.length);
  const moments: [Moments, Moments] = [zero(), zero()];
  // Quantised, delta-encoded positions (TopoJSON): running sums times the transform's scale.
  let x = 0;
  let y = 0;
  for (let k = 0; k < arc.length; k++) {
    x += arc[k]![0]!;
    y += arc[k]![1]!;
    lons[k] = (x * kx + dx) * radians;
    lats[k] = (y * ky + dy) * radians;
    if (k > 0) {
      const latMid = (lats[k - 1]! + lats[k]!) / 2;
      const step = Math.cos(latMid) * (lats[k]! - lats[k - 1]!);
      addSegment(moments[0], lons[k - 1]!, lons[k]!, latMid, step, -Math.PI);
      addSegment(moments[1], lons[k - 1]!, lons[k]!, latMid, step, 0);
    }
  }
  const decoded = { lons, lats, moments };
  arcCache[index] = decoded;
  return decoded;
}

type FramedMoments = Moments & { low: number };

function polygonMoments(rings: number[][]): FramedMoments {
  const frames = [zero(), zero()];
  for (const i of rings.flat()) {
    const sign = i < 0 ? -1 : 1;
    decodedArc(i < 0 ? ~i : i).moments.forEach((arc, frame) => {
      const total = frames[frame]!;
      total.area += sign * arc.area;
      total.lon += sign * arc.lon;
      total.lat += sign * arc.lat;
      total.crossings += arc.crossings;
    });
  }
  // The frame whose cut the polygon does not cross gives its true mean longitude.
  return frames[1]!.crossings < frames[0]!.crossings ? { ...frames[1]!, low: 0 } : { ...frames[0]!, low: -Math.PI };
}

/**
 * The mean point of a crescent or an S (Vietnam, Norway) can fall in a neighbour. Along the
 * parallel through it, the polygon's inside is a set of intervals: keep the point when it lies in
 * one, else move it to the middle of the widest. Longitudes in radians in the polygon's frame.
 */
function insidePoint(rings: number[][], lon: number, lat: number, low: number): [number, number] {
  const crossings: number[] = [];
  // Where each segment meets the parallel; an arc's direction does not matter for that.
  for (const index of rings.flat()) {
    const { lons, lats } = decodedArc(index < 0 ? ~index : index);
    for (let k = 1; k < lons.length; k++) {
      const [lat0, lat1] = [lats[k - 1]!, lats[k]!];
      if ((lat0 > lat) === (lat1 > lat)) continue;
      const lon0 = lons[k - 1]! < low ? lons[k - 1]! + TAU : lons[k - 1]!;
      const lon1 = lons[k]! < low ? lons[k]! + TAU : lons[k]!;
      if (Math.abs(lon1 - lon0) <= Math.PI) crossings.push(lon0 + ((lat - lat0) / (lat1 - lat0)) * (lon1 - lon0));
    }
  }
  crossings.sort((a, b) => a - b);
  let widest: [number, number] | null = null;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const [west, east] = [crossings[k]!, crossings[k + 1]!];
    if (lon >= west && lon <= east) return [lon, lat];
    if (!widest || east - west > widest[1] - widest[0]) widest = [west, east];
  }
  return widest ? [(widest[0] + widest[1]) / 2, lat] : [lon, lat];
}

type CountryGeometry = Atlas['objects']['countries']['geometries'][number];
let geometriesByCode: Map<string, CountryGeometry[]> | null = null;

/**
 * The area-weighted mean longitude and latitude of the country's largest polygon (France's
 * mainland rather than a mean with French Guiana), moved inside it if need be, projected. Atlas
 * ids are ISO numeric codes; a country may have several (Australia, Ashmore and Cartier Islands).
 */
function computePoint(alpha3: string): Point | null {
  if (!geometriesByCode) {
    geometriesByCode = new Map();
    for (const geometry of topology.objects.countries.geometries) {
      const code = geometry.id === undefined ? undefined : countries.numericToAlpha3(String(geometry.id));
      if (code) geometriesByCode.set(code, [...(geometriesByCode.get(code) ?? []), geometry]);
    }
  }
  let largest: { moments: FramedMoments; rings: number[][] } | null = null;
  for (const geometry of geometriesByCode.get(alpha3) ?? []) {
    const polygons = geometry.type === 'Polygon' ? [geometry.arcs] : geometry.type === 'MultiPolygon' ? geometry.arcs : [];
    for (const rings of polygons) {
      const moments = polygonMoments(rings);
      if (moments.area !== 0 && (!largest || Math.abs(moments.area) > Math.abs(largest.moments.area))) largest = { moments, rings };
    }
  }
  if (!largest) return null;
  const { area, lon, lat, low } = largest.moments;
  const [inLon, inLat] = insidePoint(largest.rings, lon / area, lat / area, low);
  const degrees = 180 / Math.PI;
  const projected = getWorld().projection([(inLon > Math.PI ? inLon - TAU : inLon) * degrees, inLat * degrees]);
  return projected ? { x: projected[0], y: projected[1] } : null;
}

const points = new Map<string, Point | null>();

/** Model-space point of a country (ISO alpha-3), or null when the atlas does not have it. Memoised. */
export function countryPoint(alpha3: string): Point | null {
  const code = alpha3.toUpperCase();
  if (!points.has(code)) points.set(code, computePoint(code));
  const point = points.get(code);
  return point ? { ...point } : null;
}
