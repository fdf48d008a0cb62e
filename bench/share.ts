import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DEFAULT_SEED_DIR } from '../graph-seed/load';
import { readSeedDir } from '../graph-seed/validate';
import { EMPTY_STATE, serializeExplorerState, type ExplorerState } from '../lib/url-state';
import { summarize } from './stats';

/**
 * Deep links: the URL length of a 50- and a 200-entity view made of real seed ids, and the time
 * from opening such a link in a fresh browser to the graph drawn on the canvas (the page's
 * `graph-drawn` performance mark) and to the first contentful paint (the server-drawn picture).
 *
 *   npm start, then npm run bench:share   (BENCH_URL, default http://127.0.0.1:3000; BENCH_RUNS, default 7)
 */
const BASE = process.env.BENCH_URL ?? 'http://127.0.0.1:3000';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** A view as a person would build it: the conference, its neighbours, then pages of partner countries. */
function view(size: number): ExplorerState {
  const data = readSeedDir(DEFAULT_SEED_DIR);
  const conference = 'event:brst-2023';
  const neighbours = [...new Set(data.relationships.flatMap((r) => (r.from === conference ? [r.to] : r.to === conference ? [r.from] : [])))].sort();
  const countries = data.relationships.filter((r) => r.type === 'PARTNER_OF').map((r) => r.from).filter((id) => !neighbours.includes(id)).sort();
  // Past the partner countries, whatever else the seed holds (labs, people, ...), as further steps.
  const others = data.nodes.map((n) => n.id).filter((id) => id !== conference && !neighbours.includes(id) && !countries.includes(id)).sort();
  const candidates = [...countries, ...others];
  const batches: string[][] = [[conference], neighbours.slice(0, Math.min(neighbours.length, size - 1))];
  let rest = size - 1 - batches[1]!.length;
  for (let page = 0; rest > 0; page++) {
    const batch = candidates.slice(page * 25, page * 25 + Math.min(25, rest));
    if (batch.length === 0) throw new Error(`the seed has fewer than ${size} entities`);
    batches.push(batch);
    rest -= batch.length;
  }
  const pages = batches.length - 2;
  return {
    ...EMPTY_STATE,
    batches,
    expanded: { [conference]: 1, ...(pages > 0 ? { 'initiative:bri': pages } : {}) },
    selected: { kind: 'node', id: 'place:chongqing' },
    hiddenTypes: ['Field'],
    viewport: { zoom: 0.83, x: 112.4, y: -37.9 },
  };
}

async function main(): Promise<void> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ executablePath, args: ['--disable-quic', '--disable-gpu'] });
  console.log(`Deep links against ${BASE}, ${RUNS} fresh-browser opens each (ms since navigation start)\n`);
  console.log('| view | URL length | link -> graph drawn, median | p95 | first contentful paint, median |\n| --- | --- | --- | --- | --- |');
  try {
    for (const size of [50, 200]) {
      const state = view(size);
      if (new Set(state.batches.flat()).size !== size) throw new Error(`could not build a ${size}-entity view`);
      const url = `${BASE}/?${serializeExplorerState(state)}`;
      const drawn: number[] = [];
      const fcp: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => performance.getEntriesByName('graph-drawn').length > 0, undefined, { timeout: 60_000 });
        const [mark, paint] = await page.evaluate(() => [
          performance.getEntriesByName('graph-drawn')[0]!.startTime,
          performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        ]);
        if (run > 0) drawn.push(mark!); // the first open also warms the server
        if (run > 0) fcp.push(paint!);
        await context.close();
      }
      const d = summarize(drawn);
      console.log(`| ${size} entities | ${url.length} | ${Math.round(d.median)} | ${Math.round(d.p95)} | ${Math.round(summarize(fcp).median)} |`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
