// Benchmarks with targets (npm run bench). Each prints its measured time next to its target and
// the run fails when a target is missed. Runs the compiled dist/ on one thread.
import { ACCELERATORS } from '../dist/core/catalog/accelerators.js';
import { MODELS } from '../dist/core/catalog/models.js';
import { findById } from '../dist/core/catalog/lookup.js';
import { throughputFrontier } from '../dist/core/perf/frontier.js';
import { buildPerfContext } from '../dist/core/perf/buildContext.js';
import { aggregated } from '../dist/core/perf/serving.js';
import { servingUnderTraffic } from '../dist/core/perf/trafficServing.js';
import { instanceModel } from '../dist/core/sim/instanceModel.js';
import { simulate } from '../dist/core/sim/simulate.js';
import { fixedFleet } from '../dist/core/sim/fleetSchedule.js';
import { poissonArrivals } from '../dist/core/demand/arrivals.js';
import { createRng } from '../dist/core/demand/rng.js';
import { DEFAULT_UNCERTAINTY, runUncertainty } from '../dist/core/uncertainty/index.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseTrace } from '../dist/core/demand/trace/parseTrace.js';
import { chooseDeployment, DEFAULT_SCENARIO, parseScenario, resolveScenario } from '../dist/core/scenario/index.js';
import { runSimulation } from '../dist/core/sim/runSimulation.js';

const MOONCAKE = fileURLToPath(new globalThis.URL('../../shared/traces/mooncake-kimi-conversation.jsonl', import.meta.url));

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
  {
    name: 'frontier of llama-2-7b on 100,000 h100-sxm (a geometric grid of prefill pools, divisors in O(√n))',
    targetSeconds: 1,
    run() {
      const model = findById('model', 'llama-2-7b', MODELS);
      const gpu = findById('gpu', 'h100-sxm', ACCELERATORS);
      const f = throughputFrontier(model, gpu, 100000, { workload: { inputTokens: 1024, outputTokens: 1024, prefixCacheHitRate: 0 } });
      return `${f.evaluated} points evaluated, ${f.points.length} on the front`;
    },
  },
  {
    name: 'engine simulation: a burst of 2,000 requests (1,000 in / 1,000 out, varied) on one h100-sxm with llama-3.1-8b (vllm)',
    targetSeconds: 1,
    run() {
      const model = findById('model', 'llama-3.1-8b', MODELS);
      const gpu = findById('gpu', 'h100-sxm', ACCELERATORS);
      const ctx = buildPerfContext({ model, gpu, gpus: 1, framework: 'vllm' });
      const p = servingUnderTraffic(ctx, { kind: 'burst', requests: 2000 }, { inputTokens: 1000, outputTokens: 1000, prefixCacheHitRate: 0 }, 'varied');
      return `${p.outputTokensPerSecondPerGpu.toFixed(0)} output tok/s, mean TTFT ${p.ttftSeconds.toFixed(1)} s`;
    },
  },
  {
    name: 'simulation: 1,000,000 requests (1,000 in / 200 out, lognormal) over 32 instances of llama-3.1-8b on one h100-sxm, 75% load',
    targetSeconds: 5,
    runs: 3,
    run() {
      const model = findById('model', 'llama-3.1-8b', MODELS);
      const gpu = findById('gpu', 'h100-sxm', ACCELERATORS);
      const ctx = buildPerfContext({ model, gpu, gpus: 1, framework: 'vllm' });
      const workload = { inputTokens: 1000, outputTokens: 200, prefixCacheHitRate: 0 };
      const point = aggregated(ctx, 256, workload);
      const capacity = point.outputTokensPerSecondPerGpu / workload.outputTokens; // requests/s per instance
      const instance = instanceModel(ctx, 1100, { freshTokens: 1000, cachedTokens: 0 }, 256);
      const source = poissonArrivals({
        requestsPerSecond: 32 * capacity * 0.75, durationSeconds: 1e9, maxRequests: 1_000_000,
        sizes: { inputTokens: { mean: 1000, sigma: 0.5 }, outputTokens: { mean: 200, sigma: 0.5 }, prefixCacheHitRate: 0 },
        rng: createRng(1),
      });
      const r = simulate(source, { instance, fleet: fixedFleet(32), latencyTarget: { minTokensPerSecondPerUser: 10, maxTtftSeconds: 5 } });
      return `${r.completed} requests completed, ${(r.durationSeconds / 3600).toFixed(2)} simulated hours, SLO attainment ${(r.sloAttainment * 100).toFixed(1)}%`;
    },
  },
  ...(existsSync(MOONCAKE) ? [{
    name: 'trace replay: the Mooncake Kimi hour (12,031 requests, hash_ids through the prefix cache) on 8 instances of kimi-k2.5 on 8 h200, read and parsed inside the timed run',
    targetSeconds: 5,
    runs: 3,
    run() {
      const trace = parseTrace(readFileSync(MOONCAKE, 'utf8'), 'mooncake-kimi-conversation.jsonl');
      const demand = { fleet: { kind: 'fixed', instances: 8 } };
      const scenario = parseScenario({ options: [{ model: 'kimi-k2.5', gpu: 'h200', gpus: 8, framework: 'sglang', latencyTarget: { minTokensPerSecondPerUser: 30, maxTtftSeconds: 5 }, demand }] }, 'bench');
      const [option] = resolveScenario(scenario, 'bench');
      const r = runSimulation(option, demand, trace);
      return `${r.sim.requests} requests, prefix-cache hit rate ${(r.sim.prefixCacheHitRate * 100).toFixed(1)}%, p99 TTFT ${r.sim.ttftSeconds.p99.toFixed(2)} s, utilization ${(r.sim.utilization * 100).toFixed(1)}%`;
    },
  }] : []),
  {
    name: 'deployment search: the four default report options with gpus: auto (chooseDeployment: smallest fit to 128 GPUs, each count a full frontier search)',
    targetSeconds: 4,
    run() {
      const options = resolveScenario(DEFAULT_SCENARIO, 'bench');
      return `chosen ${options.map((o) => `${chooseDeployment(o).chosen.option.gpus} ${o.gpu.id}`).join(', ')}`;
    },
  },
  {
    name: 'Monte Carlo: 100,000 samples of the default uncertainty scenario on 32 pinned B200 (surrogate grid of 25 physics runs and its 16-run check built inside the timed run, with tornado and break-evens)',
    targetSeconds: 2,
    run() {
      const r = runUncertainty({ ...DEFAULT_UNCERTAINTY, base: { ...DEFAULT_UNCERTAINTY.base, gpus: 32 } }, 'default uncertainty scenario', {}, { samples: 100_000 });
      const mc = r.monteCarlo;
      return `P(margin > 0) ${(mc.probabilityMarginPositive * 100).toFixed(1)}%, median margin ${(mc.outputs.margin.p50 * 100).toFixed(1)}%, ${r.model.surrogate.nodes.length} grid runs`;
    },
  },
  {
    name: 'Monte Carlo: 100,000 samples of the default uncertainty scenario as shipped, the deployment chosen again at each of the 25 grid nodes and 16 check points (41 deployment searches)',
    // Each deployment search runs 3-5 full frontiers (up to 128 GPUs); 12.6 s measured on the shared 2-core machine, where the pinned run above took 2.3 s.
    targetSeconds: 15,
    runs: 3,
    run() {
      const r = runUncertainty(DEFAULT_UNCERTAINTY, 'default uncertainty scenario', {}, { samples: 100_000 });
      const mc = r.monteCarlo;
      const gpus = r.model.surrogate.nodes.map((n) => n.gpus);
      return `P(margin > 0) ${(mc.probabilityMarginPositive * 100).toFixed(1)}%, median margin ${(mc.outputs.margin.p50 * 100).toFixed(1)}%, grid nodes on ${Math.min(...gpus)}-${Math.max(...gpus)} GPUs`;
    },
  },
];

let failed = 0;
for (const b of benches) {
  b.run(); // warm-up: JIT and module caches
  const runs = [];
  let detail = '';
  const count = b.runs ?? 5;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    detail = b.run();
    runs.push((performance.now() - t0) / 1000);
  }
  runs.sort((x, y) => x - y);
  const median = runs[Math.floor(count / 2)];
  const ok = median < b.targetSeconds;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'SLOW'} ${b.name}: median ${median.toFixed(3)} s of ${count} runs (target < ${b.targetSeconds} s; ${detail})`);
}
process.exitCode = failed > 0 ? 1 : 0;
