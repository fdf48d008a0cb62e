/**
 * The world map in model space: projection, country points and basemap. Import the narrower
 * modules where weight matters (the basemap alone needs only the 1:110m atlas; the country points
 * only the 1:50m one).
 */
export { project, WORLD_WIDTH, worldBounds, worldHeight, type Point } from './projection';
export { countryPoint } from './country-points';
export { basemapSvg, type Basemap } from './basemap';
