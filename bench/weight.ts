import { gzipSync } from 'node:zlib';

/**
 * `npm run bench:weight [baseUrl]`: the first-load JavaScript of the explorer page, the way a
 * browser gets it: every script the HTML of `/` loads before the page is interactive, gzipped.
 * Chunks loaded later (the canvas, the layout worker, the map) are listed apart.
 */
const base = process.argv[2] ?? 'http://localhost:3000';

async function main() {
  const html = await (await fetch(`${base}/`)).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let total = 0;
  let raw = 0;
  const rows: string[] = [];
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const gz = gzipSync(body, { level: 9 }).length;
    total += gz;
    raw += body.length;
    rows.push(`| ${src.split('/').pop()} | ${(body.length / 1024).toFixed(1)} | ${(gz / 1024).toFixed(1)} |`);
  }
  console.log(`First-load JS of ${base}/: ${scripts.length} scripts, ${(raw / 1024).toFixed(1)} KB raw, ${(total / 1024).toFixed(1)} KB gzip`);
  console.log('\n| script | KB | KB gzip |\n| --- | --- | --- |');
  console.log(rows.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
