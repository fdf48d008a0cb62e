/** Small helpers for the benchmarks: timing and percentiles (nearest-rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Summary { n: number; median: number; p95: number; mean: number }

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: sorted.length, median: r(percentile(sorted, 50)), p95: r(percentile(sorted, 95)), mean: r(mean) };
}

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

export function row(name: string, s: Summary): string {
  return `| ${name} | ${s.n} | ${s.median} | ${s.p95} | ${s.mean} |`;
}

/**
 * Two ways of doing the same call, taking turns call by call (which goes first alternates), so that
 * whatever else the machine does falls on both alike: the API and the data layer at one client.
 * Returns each one's durations and how many of its calls threw.
 */
export async function takingTurns(total: number, first: (i: number) => Promise<unknown>, second: (i: number) => Promise<unknown>)
  : Promise<[{ samples: number[]; errors: number }, { samples: number[]; errors: number }]> {
  const runs: [{ samples: number[]; errors: number }, { samples: number[]; errors: number }] = [{ samples: [], errors: 0 }, { samples: [], errors: 0 }];
  const calls = [first, second];
  for (let i = 0; i < total; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const start = performance.now();
      try {
        await calls[k]!(i);
      } catch {
        runs[k]!.errors += 1;
      }
      runs[k]!.samples.push(performance.now() - start);
    }
  }
  return [runs[0], runs[1]];
}
