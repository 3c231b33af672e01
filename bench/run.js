// Benchmarks with targets (npm run bench). Each prints its measured time next to its target and
// the run fails when a target is missed. Runs the compiled dist/ on one thread.
import { ACCELERATORS } from '../dist/core/catalog/accelerators.js';
import { MODELS } from '../dist/core/catalog/models.js';
import { findById } from '../dist/core/catalog/lookup.js';
import { throughputFrontier } from '../dist/core/perf/frontier.js';

const benches = [
  {
    name: 'frontier sweep: deepseek-v3 on 8, 16, ..., 144 h200 (18 GPU counts, aggregated + disaggregated)',
    targetSeconds: 1,
    run() {
      const model = findById('model', 'deepseek-v3', MODELS);
      const gpu = findById('gpu', 'h200', ACCELERATORS);
      let points = 0;
      for (let gpus = 8; gpus <= 144; gpus += 8) {
        points += throughputFrontier(model, gpu, gpus, { workload: { inputTokens: 1024, outputTokens: 1024, prefixCacheHitRate: 0 } }).evaluated;
      }
      return `${points} points evaluated`;
    },
  },
];

let failed = 0;
for (const b of benches) {
  b.run(); // warm-up: JIT and module caches
  const runs = [];
  let detail = '';
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    detail = b.run();
    runs.push((performance.now() - t0) / 1000);
  }
  runs.sort((x, y) => x - y);
  const median = runs[2];
  const ok = median < b.targetSeconds;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${b.name}: median ${median.toFixed(3)} s of 5 runs (target < ${b.targetSeconds} s; ${detail})`);
}
process.exitCode = failed > 0 ? 1 : 0;
