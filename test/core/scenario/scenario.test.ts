import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, parseScenarioText, resolveScenario, runOption, ScenarioError } from '../../../src/core/scenario/index.js';

function problemsOf(text: string): string[] {
  try {
    parseScenarioText(text, 'bad.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return [...e.problems];
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario files', () => {
  it('a misspelled field, a negative price and an unknown model are reported together, each with its path', () => {
    const problems = problemsOf(`
options:
  - model: kimi-k9
    gpu: h200
    gpus: 8
    utilisation: 0.6
    prices: { inputUsdPerMillion: -0.5, outputUsdPerMillion: 2.5 }
`);
    expect(problems).toHaveLength(3);
    expect(problems).toContainEqual('options[0].utilisation: unknown field (misspelled?)');
    expect(problems).toContainEqual('options[0].prices.inputUsdPerMillion: expected a number from 0 to 1,000,000, received -0.5');
    expect(problems.some((p) => /^options\[0\]\.model: unknown model: kimi-k9; did you mean .*kimi-k2/.test(p))).toBe(true);
  });

  it('wrong types, out-of-range fractions and a bad cost basis name the expected and received values', () => {
    const problems = problemsOf(`
defaults: { utilization: 1.5, workload: { inputTokens: "lots" } }
options:
  - { model: deepseek-v3, gpu: h800, gpus: 8, costBasis: { kind: leased } }
`);
    expect(problems).toContainEqual('defaults.utilization: expected a number > 0 and at most 1, received 1.5');
    expect(problems).toContainEqual('defaults.workload.inputTokens: expected a whole number from 1 to 10,000,000, received "lots"');
    expect(problems.some((p) => p.startsWith('options[0].costBasis'))).toBe(true);
  });

  it('missing, wrong-type and unknown fields are told apart', () => {
    const problems = problemsOf(`
options:
  - { model: kimi-k2.5, gpu: h200, gpus: 8, workload: 5, costBasis: { kind: rented, commitment: { termHours: 100 } }, colour: red }
`);
    expect(problems).toContainEqual('options[0].workload: expected an object {field: value, ...}, received 5');
    expect(problems).toContainEqual('options[0].costBasis.commitment.minimumGpus: missing (the field is required)');
    expect(problems).toContainEqual('options[0].colour: unknown field (misspelled?)');
  });

  it.each([
    ['gpus: 1000000000000', 'options[0].gpus: expected a whole number from 1 to 65,536, received 1000000000000'],
    ['costBasis: { kind: owned, pue: .inf }', 'options[0].costBasis.pue: expected a number from 1 to 10, received Infinity'],
    ['costBasis: { kind: owned, capexUsdPerGpu: .nan }', 'options[0].costBasis.capexUsdPerGpu: expected a number > 0 and at most 10,000,000, received NaN'],
    ['prices: { inputUsdPerMillion: 1e308, outputUsdPerMillion: 1 }', 'options[0].prices.inputUsdPerMillion: expected a number from 0 to 1,000,000, received 1e+308'],
    ['model: ""', 'options[0].model: expected a model id or config.json path, received ""'],
    ['demand: { seed: 1e300 }', 'options[0].demand.seed: expected a whole number from -9,007,199,254,740,991 to 9,007,199,254,740,991, received 1e+300'],
    ['demand: { burst: { rateFactor: 2, meanDurationSeconds: 1e-300, shareOfTime: 0.1 } }', 'options[0].demand.burst.meanDurationSeconds: expected a number from 1 to 86,400, received 1e-300'],
    ['demand: { fleet: { kind: fixed, instances: 1000000000 } }', 'options[0].demand.fleet.instances: expected a whole number from 1 to 100,000, received 1000000000'],
    ['demand: { weekendMultiplier: 1e308 }', 'options[0].demand.weekendMultiplier: expected a number from 0 to 100, received 1e+308'],
    ['demand: { requestsPerSecond: 1e308 }', 'options[0].demand.requestsPerSecond: expected a number > 0 and at most 100,000, received 1e+308'],
    ['demand: { fleet: { kind: autoscale, targetUtilization: 0 } }', 'options[0].demand.fleet.targetUtilization: expected a number > 0 and at most 1, received 0'],
    ['demand: { traceScale: 0 }', 'options[0].demand.traceScale: expected a number > 0 and at most 1,000, received 0'],
    ['demand: { burst: { rateFactor: 0.5, meanDurationSeconds: 60, shareOfTime: 0.1 } }', 'options[0].demand.burst.rateFactor: expected a number from 1 to 100, received 0.5'],
    ['demand: { burst: { rateFactor: 2, meanDurationSeconds: 60, shareOfTime: 1 } }', 'options[0].demand.burst.shareOfTime: expected a number from 0 to 0.99, received 1'],
    ['demand: { offPeak: { discountFraction: 0.5, shiftShare: 0.1, hours: [2.5] } }', 'options[0].demand.offPeak.hours[0]: expected a whole number from 0 to 23, received 2.5'],
    ['costBasis: { kind: rented, priceUsdPerGpuHour: 0 }', 'options[0].costBasis.priceUsdPerGpuHour: expected a number > 0 and at most 10,000, received 0'],
    ['costBasis: { kind: rented, priceUsdPerGpuHour: cheap }', 'options[0].costBasis.priceUsdPerGpuHour: expected a number > 0 and at most 10,000 (USD), "contract" (the default: a 3-year or 1-year contract rate) or "market" (the median on-demand price), received "cheap"'],
  ])('%s is one problem naming the path and the allowed range', (field, message) => {
    const problems = problemsOf(`options:\n  - { model: kimi-k2.5, gpu: h200, gpus: 8, ${field.startsWith('model') ? '' : ''}${field} }\n`.replace('model: kimi-k2.5, gpu: h200, gpus: 8, model: ""', 'gpu: h200, gpus: 8, model: ""').replace('gpus: 8, gpus: 1000000000000', 'gpus: 1000000000000'));
    expect(problems).toEqual([message]);
  });

  it('an unknown YAML tag is a problem, not a warning', () => {
    expect(problemsOf('options: [ !!python/object { model: kimi-k2.5 } ]')[0]).toMatch(/^not valid YAML or JSON \(line 1\): .*tag/i);
  });

  it('control characters of the input are escaped in messages', () => {
    const problems = problemsOf('options: [ { model: kimi-k2.5, gpu: h200, gpus: "\\e]0;pwned\\a" } ]');
    // eslint-disable-next-line no-control-regex
    expect(problems.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(problems.join('\n')).toContain('\\u001b]0;pwned\\u0007');
  });

  it('malformed YAML is one problem naming the file', () => {
    expect(problemsOf('options: [ { model: kimi-k2.5, gpu: h200 ')[0]).toMatch(/^not valid YAML or JSON/);
  });

  it('the built-in default scenario resolves with every assumption recorded and its origin', () => {
    const options = resolveScenario(DEFAULT_SCENARIO, 'default');
    expect(options.map((o) => o.model.id)).toEqual(['kimi-k2.5', 'kimi-k2.5', 'frontier-2t-a100b', 'frontier-2t-a100b']);
    for (const o of options) {
      const names = o.assumptions.map((a) => a.name);
      for (const n of ['framework', 'layout', 'weightPrecision', 'workload.inputTokens', 'latencyTarget.minTokensPerSecondPerUser', 'utilization', 'costBasis', 'prices']) expect(names).toContain(n);
      expect(o.assumptions.find((a) => a.name === 'weightPrecision')?.origin).toBe('default');
    }
    expect(options[0]?.prices.outputUsdPerMillion).toBeGreaterThan(2);
    expect(options[2]?.prices).toEqual({ inputUsdPerMillion: 3, cachedInputUsdPerMillion: 0.3, outputUsdPerMillion: 15 });
  });

  it('an option that meets its latency target reports a point at or above it, and costs that add up per request', () => {
    const [kimi] = resolveScenario(parseScenarioText('options: [{ model: kimi-k2.5, gpu: b200, gpus: 8, latencyTarget: { minTokensPerSecondPerUser: 25 } }]', 'x'), 'x');
    const r = runOption(kimi!);
    expect(r.operatingPoint?.meetsTarget).toBe(true);
    expect(r.operatingPoint!.point.tokensPerSecondPerUser).toBeGreaterThanOrEqual(25);
    const e = r.economics!;
    const w = kimi!.workload;
    const perRequest = (w.inputTokens * (1 - w.prefixCacheHitRate) * e.costUsdPerMillionInputTokens +
      w.inputTokens * w.prefixCacheHitRate * e.costUsdPerMillionCachedInputTokens + w.outputTokens * e.costUsdPerMillionOutputTokens) / 1e6;
    expect(perRequest).toBeCloseTo(e.costUsdPerRequest, 12);
  });

  it('a tighter latency target never makes tokens cheaper', () => {
    const cost = (min: number) => runOption(resolveScenario(parseScenarioText(`options: [{ model: llama-3.3-70b, gpu: h100, gpus: 8, framework: trtllm, latencyTarget: { minTokensPerSecondPerUser: ${min} } }]`, 'x'), 'x')[0]!).economics!.costUsdPerRequest;
    expect(cost(40)).toBeGreaterThanOrEqual(cost(20));
    expect(cost(20)).toBeGreaterThanOrEqual(cost(5));
  });
});
