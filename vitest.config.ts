import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Four projects, each with timeouts sized for a loaded two-core machine (a test that takes 1 s
 * alone can take 6 s or more beside other work):
 * - fast: unit and property tests of the core and the web's pure code (npm run test:fast);
 * - cli: the command line end to end, the generated-input suite and the pins of the model's
 *   accuracy and the README's figures;
 * - browser: the explorer in headless Chromium;
 * - heavy: statistical tests with large samples and the packed-package test (`*.heavy.test.ts`).
 * The million-request draws are not tests: npm run bench (bench/draws.ts).
 */
const HEAVY = 'test/**/*.heavy.test.ts';

export default defineConfig({
  test: {
    pool: 'threads',
    // fast-check draws from one fixed seed (FC_SEED=random to explore): test/setup/fastCheckSeed.ts
    setupFiles: ['test/setup/fastCheckSeed.ts'],
    // vitest's default in a run is one worker fewer than the cores: one worker on two cores, so the
    // browser file (mostly waiting on Chromium's own processes) ran alone after everything else.
    // Two workers let it overlap the rest: 253 s -> 183 s for the whole run on two cores with a
    // busy loop on one of them (measured 2026-12-07).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      // isolate: false reuses each worker's module cache across files (the catalogs load once a worker):
      // half the CPU time of the fast and cli projects (cli: 46 s -> 22 s alone); their tests keep no
      // state between files (no module mocks, stubbed globals or environment).
      { extends: true, test: { name: 'fast', include: ['test/core/**/*.test.ts', 'test/format/**/*.test.ts', 'test/web/**/*.test.ts'], exclude: [HEAVY], testTimeout: 20_000, isolate: false } },
      { extends: true, test: { name: 'cli', include: ['test/cli/**/*.test.ts', 'test/generated/**/*.test.ts', 'test/pinning/**/*.test.ts'], exclude: [HEAVY], testTimeout: 60_000, isolate: false } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], exclude: [HEAVY], testTimeout: 120_000, hookTimeout: 240_000 } },
      { extends: true, test: { name: 'heavy', include: [HEAVY], testTimeout: 300_000, hookTimeout: 300_000 } },
    ],
  },
});
