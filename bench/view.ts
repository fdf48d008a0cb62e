import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { FrameResult, LayoutResult } from './view-page';
import { summarize } from './stats';

/**
 * Big views: frames per second while panning and zooming a 5,000-entity / 20,000-relationship view,
 * today's renderer (canvas, the app's stylesheet as it is) next to the new one (components/graph/render-options:
 * WebGL where the browser has it, level of detail), and the time the app's layout takes for 1,000
 * entities, on the main thread and in the layout worker. Headless Chromium, 1280x800.
 *
 *   npm run bench:view   (CHROMIUM_PATH picks the browser, BENCH_FLAGS its flags for every variant; BENCH_PARTS=frames or layout runs one half, draw the cost of one full redraw; BENCH_NODES, BENCH_EDGES, BENCH_LAYOUT_NODES,
 *                         BENCH_LAYOUT_EDGES, BENCH_RUNS change the sizes and the number of layout runs;
 *                         BENCH_RENDER='{"textureOnViewport":false}' tries renderer options on top of the app's choice;
 *                         BENCH_FAST_BB=0 leaves out components/graph/fast-bounding-box.ts; BENCH_PROFILE=dir writes CPU profiles of the redraws)
 */
const NODES = Number(process.env.BENCH_NODES ?? 5000);
const EDGES = Number(process.env.BENCH_EDGES ?? 20000);
const LAYOUT_NODES = Number(process.env.BENCH_LAYOUT_NODES ?? 1000);
const LAYOUT_EDGES = Number(process.env.BENCH_LAYOUT_EDGES ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PARTS = (process.env.BENCH_PARTS ?? 'frames,layout').split(',');
const VARIANTS = process.env.BENCH_VARIANTS?.split(',') as FrameResult['variant'][] | undefined;
/**
 * Two browsers. The canvas renderers run in Chromium as it starts by default on a machine without a
 * GPU: 2D canvases are drawn by the CPU. WebGL only exists here through Chromium's software GPU
 * (SwiftShader), which must be asked for, and which would also take over 2D canvases (measured 4x
 * slower for them), so the WebGL variant gets a browser of its own with it.
 */
const CANVAS_FLAGS = ['--disable-quic'];
const WEBGL_FLAGS = ['--disable-quic', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const FLAGS = process.env.BENCH_FLAGS?.split(' ');

const root = path.resolve(import.meta.dirname, '..');

async function bundle(dir: string): Promise<void> {
  const common = { bundle: true, format: 'esm' as const, target: 'es2022', minify: !process.env.BENCH_PROFILE, logLevel: 'error' as const, absWorkingDir: root, tsconfig: path.join(root, 'tsconfig.json') };
  await build({ ...common, entryPoints: [path.join(root, 'bench/view-page.ts')], outfile: path.join(dir, 'page.js') });
  await build({ ...common, entryPoints: [path.join(root, 'lib/layout/layout.worker.ts')], outfile: path.join(dir, 'layout.worker.js') });
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>bench:view</title>
<style>html,body{margin:0;height:100%}#cy{width:100vw;height:100vh}</style>
<div id="cy"></div><script type="module" src="/page.js"></script>`;

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0];
    if (name === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
      return;
    }
    if (name !== '/page.js' && name !== '/layout.worker.js') {
      res.writeHead(404).end();
      return;
    }
    readFile(path.join(dir, name)).then(
      (body) => res.writeHead(200, { 'content-type': 'text/javascript' }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

const LABELS: Record<FrameResult['variant'], string> = {
  today: "today's renderer (canvas, app stylesheet)",
  new: 'new: renderOptions (WebGL + level of detail)',
  'new-canvas': 'new without WebGL: renderOptions (canvas + level of detail)',
};

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-view-'));
  await bundle(dir);
  const { server, url } = await serve(dir);
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const canvasBrowser = await chromium.launch({ executablePath, args: FLAGS ?? CANVAS_FLAGS });
  const webglBrowser = await chromium.launch({ executablePath, args: FLAGS ?? WEBGL_FLAGS });
  const lines: string[] = [];
  const out = (line = '') => { lines.push(line); console.log(line); };
  try {
    const open = async (browser = canvasBrowser) => {
      // A fresh page per measurement: the WebGL renderer changes a prototype shared by later instances.
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
      page.on('crash', () => console.error('page crashed'));
      if (process.env.BENCH_DEBUG) page.on('console', (message) => console.error(`page: ${message.text()}`));
      await page.goto(url);
      await page.waitForFunction(() => 'bench' in window);
      // Experiments: renderer options on top of the app's choice, or the canvas without the fast bounding box.
      if (process.env.BENCH_RENDER) await page.evaluate((o) => { window.benchRenderOverride = JSON.parse(o) as never; }, process.env.BENCH_RENDER);
      if (process.env.BENCH_FAST_BB === '0') await page.evaluate(() => { window.benchFastBoundingBox = false; });
      return page;
    };
    const probe = await open(webglBrowser);
    const webgl = await probe.evaluate(() => window.bench.webglAvailable());
    const gpu = await probe.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'none';
    });
    await probe.close();

    out(`Load average (1, 5, 15 min) at the start: ${loadavg().map((x) => x.toFixed(1)).join(', ')}`);
    out(`Machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; headless Chromium ${canvasBrowser.version()}; canvas variants: ${(FLAGS ?? CANVAS_FLAGS).join(' ')}; WebGL variant: ${(FLAGS ?? WEBGL_FLAGS).join(' ')} (WebGL 2: ${webgl ? gpu : 'not available'})`);
    if (PARTS.includes('draw')) {
      out();
      out(`One full redraw (the frame that ends a gesture), ${NODES.toLocaleString('en')} entities / ${EDGES.toLocaleString('en')} relationships, median of 5, ms`);
      out();
      out('| renderer | mode | fitted zoom | zoom 1.0 | fitted, edges hidden |');
      out('| --- | --- | --- | --- | --- |');
      for (const variant of VARIANTS ?? (['today', 'new-canvas'] as FrameResult['variant'][])) {
        const page = await open(variant === 'new' ? webglBrowser : canvasBrowser);
        // BENCH_PROFILE=dir: a CPU profile of each variant's redraws (Chrome DevTools format) for a closer look.
        const cdp = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
        if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'));
        const r = await page.evaluate(([v, n, e]) => window.bench.drawCost(v as FrameResult['variant'], n as number, e as number), [variant, NODES, EDGES] as const);
        if (cdp) {
          const { profile } = await cdp.send('Profiler.stop');
          await writeFile(path.join(process.env.BENCH_PROFILE!, `draw-${variant}.cpuprofile`), JSON.stringify(profile));
        }
        await page.close();
        out(`| ${LABELS[variant]} | ${r.mode} | ${r.fittedMs} | ${r.zoomedMs} | ${r.nodesOnlyMs} |`);
      }
    }
    if (PARTS.includes('frames')) {
    out();
    out(`Pan and zoom, ${NODES.toLocaleString('en')} entities / ${EDGES.toLocaleString('en')} relationships, 1280x800: two circular drags of 40 moves and 35 wheel steps in and out, one step per frame`);
    out();
    out('| renderer | mode | first draw, ms | frames | frames per second | p95 frame, ms | worst frame, ms | mean draw call, ms | zoom range |');
    out('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const variants: FrameResult['variant'][] = VARIANTS ?? (webgl ? ['today', 'new', 'new-canvas'] : ['today', 'new']);
    for (const variant of variants) {
      const page = await open(variant === 'new' ? webglBrowser : canvasBrowser);
      const r = await page.evaluate(([v, n, e]) => window.bench.panZoom(v as FrameResult['variant'], n as number, e as number), [variant, NODES, EDGES] as const);
      await page.close();
      out(`| ${LABELS[variant]} | ${r.mode}${r.webgl ? '' : ' (canvas)'} | ${r.firstDrawMs} | ${r.frames} | **${r.fps}** | ${r.p95FrameMs} | ${r.worstFrameMs} | ${r.drawMs} | ${r.zoomRange[0]}–${r.zoomRange[1]} |`);
    }
    }
    if (PARTS.includes('layout')) {
    out();
    out(`Layout (the app's computeLayout, fCoSE), ${LAYOUT_NODES.toLocaleString('en')} entities / ${LAYOUT_EDGES.toLocaleString('en')} relationships in one batch, ${RUNS} different graphs after one warm-up`);
    out();
    out('| where | median ms | p95 ms | runs ms | longest frame on the page meanwhile, ms |');
    out('| --- | --- | --- | --- | --- |');
    for (const where of ['main thread', 'worker'] as const) {
      const page = await open();
      const r: LayoutResult = await page.evaluate(([w, n, e, runs]) => window.bench.layoutTimes(w as LayoutResult['where'], n as number, e as number, runs as number),
        [where, LAYOUT_NODES, LAYOUT_EDGES, RUNS] as const);
      await page.close();
      const s = summarize(r.runsMs);
      if (r.error) out(`| ${where} | failed: ${r.error} | | ${r.runsMs.join(', ')} | ${r.longestStallMs} |`);
      else out(`| ${where} | **${Math.round(s.median)}** | ${Math.round(s.p95)} | ${r.runsMs.join(', ')} | ${r.longestStallMs} |`);
    }
    }
    out();
    out(`Load average (1, 5, 15 min) at the end: ${loadavg().map((x) => x.toFixed(1)).join(', ')}`);
  } finally {
    await canvasBrowser.close();
    await webglBrowser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
