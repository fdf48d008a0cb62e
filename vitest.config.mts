import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'server-only': path.resolve(import.meta.dirname, 'test/server-only-stub.ts'),
      '@': path.resolve(import.meta.dirname),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{lib,graph-seed,components,neo4j,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
          // Threads start faster than processes here (18 s against 24 s for the whole project).
          pool: 'threads',
          // They run beside the build and two databases starting (scripts/test.ts): a heavy layout
          // test took 5 s there. Correctness only; speed is the benchmarks' business.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{lib,graph-seed,app,neo4j,test}/**/*.int.test.ts'],
          exclude: ['node_modules/**', '**/*.system.test.ts'],
          environment: 'node',
          // One database for all files, and some write to it (the loader's tests): one file at a time.
          fileParallelism: false,
          globalSetup: ['test/integration-setup.ts'],
          setupFiles: ['test/integration-env.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          // Real HTTP against the production build (scripts/serve.mjs on .next-test) and the test
          // database: malformed input, fuzzing, database faults, shutdown. Needs `next build` first.
          name: 'system',
          include: ['test/**/*.system.test.ts'],
          exclude: ['node_modules/**'],
          environment: 'node',
          fileParallelism: false,
          globalSetup: ['test/integration-setup.ts'],
          setupFiles: ['test/integration-env.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
