const path = require('node:path');
const { renameSync, mkdirSync } = require('node:fs');
const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } = require('next/constants');

/**
 * The worker thread behind lib/workers/heavy.ts runs outside Next's bundles, so it is bundled here,
 * whenever a build or the dev server loads this config (once per process tree): TypeScript in,
 * one CommonJS file out (`.workers/heavy.worker.cjs`), packages left to node_modules.
 */
function bundleWorkers() {
  if (process.env.GRAPH_EXPLORER_WORKERS_BUNDLED) return;
  const outDir = path.join(__dirname, '.workers');
  const outfile = path.join(outDir, 'heavy.worker.cjs');
  const tmp = `${outfile}.${process.pid}.tmp`;
  mkdirSync(outDir, { recursive: true });
  // esbuild comes with tsx (a dev dependency, as the build needs anyway); resolved through it so
  // that hoisting choices of the package manager do not matter.
  const esbuild = require(require.resolve('esbuild', { paths: [path.dirname(require.resolve('tsx/package.json'))] }));
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, 'lib', 'workers', 'heavy.worker.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    external: ['next', 'react', 'react-dom', 'cytoscape', 'cytoscape-fcose'],
    logLevel: 'warning',
  });
  renameSync(tmp, outfile);
  process.env.GRAPH_EXPLORER_WORKERS_BUNDLED = '1';
}

module.exports = (phase) => {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) bundleWorkers();
  /** @type {import('next').NextConfig} */
  return {
    // The test build goes to its own folder so `npm test` never clobbers the app's build.
    distDir: process.env.NEXT_DIST_DIR || '.next',
    reactStrictMode: true,
    poweredByHeader: false,
    serverExternalPackages: ['neo4j-driver'],
  };
};
