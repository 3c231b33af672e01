import { describe, expect, it } from 'vitest';
import { runOption } from '../../../src/core/scenario/index.js';
import { quantileSorted } from '../../../src/core/stats.js';
import { monteCarlo, normalQuantile, summarize } from '../../../src/core/uncertainty/index.js';
import { modelOf } from './fixtures.js';

const N = 100_000;

describe('monteCarlo', () => {
  // Cost per million output tokens = gpuPrice / (3600 · u) · s_out · 1e6 with the physics fixed:
  // the ratio of two independent lognormals, so lognormal with median m_p / m_u · k and
  // sigma √(σ_p² + σ_u²); its mean is median · exp(σ²/2).
  const model = modelOf([
    { name: 'gpuPriceUsdPerHour', distribution: { kind: 'lognormal', median: 4, sigma: 0.3 } },
    { name: 'utilization', distribution: { kind: 'lognormal', median: 0.5, sigma: 0.1 } },
  ]);
  const k = (model.surrogate.nodes[0]?.seconds.output ?? Number.NaN) * 1e6 / 3600;
  const sigma = Math.sqrt(0.3 ** 2 + 0.1 ** 2);
  const trueMedian = (4 / 0.5) * k;
  const mc = monteCarlo(model, { samples: N, seed: 42 });
  const cost = mc.outputs.costOutput;

  it('cost per million output tokens of lognormal GPU price / lognormal utilization has the closed-form median and p90 within sampling error', () => {
    // Standard errors in log space: median σ√(π/2)/√n; p-quantile σ√(p(1−p))/(φ(z_p)√n).
    const seMedian = (sigma * Math.sqrt(Math.PI / 2)) / Math.sqrt(N);
    const z90 = normalQuantile(0.9);
    const seP90 = (sigma * Math.sqrt(0.09)) / (Math.exp(-(z90 ** 2) / 2) / Math.sqrt(2 * Math.PI)) / Math.sqrt(N);
    expect(Math.abs(Math.log(cost.p50 / trueMedian))).toBeLessThan(4 * seMedian);
    const sorted = Float64Array.from(mc.draws.costOutput).sort();
    expect(Math.abs(Math.log(quantileSorted(sorted, 0.9) / (trueMedian * Math.exp(sigma * z90))))).toBeLessThan(4 * seP90);
    expect(Math.abs(Math.log(cost.p95 / (trueMedian * Math.exp(sigma * normalQuantile(0.95)))))).toBeLessThan(0.02);
  });

  it('its sample mean is within 3 standard errors of median · exp(σ²/2)', () => {
    const trueMean = trueMedian * Math.exp(sigma ** 2 / 2);
    const trueSd = trueMean * Math.sqrt(Math.exp(sigma ** 2) - 1);
    expect(Math.abs(cost.mean - trueMean)).toBeLessThan(3 * (trueSd / Math.sqrt(N)));
  });

  it('P(margin > 0) of a uniform GPU price is the share of the range below the revenue per paid GPU-hour', () => {
    const base = modelOf([{ name: 'utilization', distribution: { kind: 'fixed', value: 0.6 } }]);
    const revenue = base.evaluate(base.baseValues).revenueUsdPerGpuHour;
    const m = modelOf([{ name: 'gpuPriceUsdPerHour', distribution: { kind: 'uniform', low: 0.7 * revenue, high: 1.1 * revenue } }]);
    const r = monteCarlo(m, { samples: N, seed: 3 });
    expect(Math.abs(r.probabilityMarginPositive - 0.75)).toBeLessThan(3 * Math.sqrt((0.75 * 0.25) / N));
    expect(r.probabilityStandardError).toBeCloseTo(Math.sqrt((r.probabilityMarginPositive * (1 - r.probabilityMarginPositive)) / N), 12);
  });

  it('is deterministic for a seed, and another seed gives other draws', () => {
    const a = monteCarlo(model, { samples: 2000, seed: 9 });
    const b = monteCarlo(model, { samples: 2000, seed: 9 });
    const c = monteCarlo(model, { samples: 2000, seed: 10 });
    expect(b.draws.margin).toEqual(a.draws.margin);
    expect(b.outputs).toEqual(a.outputs);
    expect(c.draws.margin).not.toEqual(a.draws.margin);
  });

  it('gives each input its own stream: adding an input leaves the draws of the others alone', () => {
    const one = monteCarlo(modelOf([{ name: 'gpuPriceUsdPerHour', distribution: { kind: 'uniform', low: 3, high: 5 } }]), { samples: 1000, seed: 5 });
    const two = monteCarlo(modelOf([
      { name: 'outputPriceUsdPerMillion', distribution: { kind: 'uniform', low: 2, high: 4 } },
      { name: 'gpuPriceUsdPerHour', distribution: { kind: 'uniform', low: 3, high: 5 } },
    ]), { samples: 1000, seed: 5 });
    expect(two.draws.costOutput).toEqual(one.draws.costOutput); // cost does not depend on the output price
    expect(two.draws.margin).not.toEqual(one.draws.margin);
  });

  it('with every input fixed, each sample is the direct run of the option (runOption) exactly', () => {
    const m = modelOf([{ name: 'utilization', distribution: { kind: 'fixed', value: 0.6 } }]);
    const direct = runOption(m.option).economics;
    const r = monteCarlo(m, { samples: 10, seed: 1 });
    expect(r.outputs.margin.min).toBe(direct?.marginFraction);
    expect(r.outputs.costOutput.max).toBe(direct?.costUsdPerMillionOutputTokens);
    expect(r.outputs.profitPerGpuHour.p50).toBe(direct?.profitUsdPerGpuHour);
  });
});

describe('summarize', () => {
  it('gives type-7 percentiles, the mean and the sample standard deviation', () => {
    const s = summarize(Float64Array.from([4, 1, 3, 2, 5]));
    expect(s).toEqual({ p5: 1.2, p25: 2, p50: 3, p75: 4, p95: 4.8, mean: 3, sd: Math.sqrt(2.5), min: 1, max: 5 });
  });
});
