import { describe, expect, it } from 'vitest';
import { latestSnapshot } from '../../../src/core/catalog/prices.js';
import { apiPriceOf, gpuRentalPrice } from '../../../src/core/market/marketPrice.js';
import { ScenarioError } from '../../../src/core/scenario/index.js';
import { DEFAULT_UNCERTAINTY, parseUncertainty, parseUncertaintyText, UNCERTAIN_INPUT_NAMES } from '../../../src/core/uncertainty/index.js';

const base = { model: 'kimi-k2.5', gpu: 'h200', gpus: 16 };

function problemsOf(raw: unknown): string[] {
  try {
    parseUncertainty(raw, 'test.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return [...e.problems];
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseUncertainty', () => {
  it('reads a YAML file: base option, uncertain inputs, samples, seed', () => {
    const s = parseUncertaintyText(`
base: { model: kimi-k2.5, gpu: h200, gpus: 16, utilization: 0.5 }
uncertain:
  - name: gpuPriceUsdPerHour
    distribution: { kind: triangular, low: 3, mode: 4.5, high: 6 }
    source: my quotes
  - name: utilization
    distribution: { kind: uniform, low: 0.3, high: 0.7 }
samples: 5000
seed: 7
`, 'test.yaml');
    expect(s.base.utilization).toBe(0.5);
    expect(s.uncertain.map((x) => x.name)).toEqual(['gpuPriceUsdPerHour', 'utilization']);
    expect(s.uncertain[0]?.source).toBe('my quotes');
    expect(s.samples).toBe(5000);
    expect(s.seed).toBe(7);
  });

  it('reports every bad distribution at once, each with its path', () => {
    const problems = problemsOf({
      base,
      uncertain: [
        { name: 'gpuPriceUsdPerHour', distribution: { kind: 'uniform', low: 5, high: 3 } },
        { name: 'utilization', distribution: { kind: 'beta', a: 1 } },
        { name: 'inputPriceUsdPerMillion', distribution: { kind: 'triangular', low: 1, mode: 4, high: 3 } },
        { name: 'outputPriceUsdPerMillion', distribution: { kind: 'normal', mean: 3 } },
        { name: 'totalParams', distribution: { kind: 'loguniform', low: -1, high: 5e12 } },
        { name: 'activeParams', distribution: { kind: 'lognormal', median: 1e11, sigma: 0, extra: 1 } },
      ],
      samples: 0,
    });
    expect(problems).toEqual(expect.arrayContaining([
      'uncertain[0].distribution.high: expected a number > low, received 3',
      expect.stringMatching(/^uncertain\[1\]\.distribution\.kind: expected one of fixed, uniform, loguniform, triangular, normal, lognormal, received "beta"/),
      'uncertain[2].distribution.high: expected a number >= mode, received 3',
      'uncertain[3].distribution.sd: missing (the field is required)',
      'uncertain[4].distribution.low: expected a number > 0, received -1',
      'uncertain[5].distribution.sigma: expected a number > 0, received 0',
      'uncertain[5].distribution.extra: unknown field (misspelled?)',
      'samples: expected a whole number >= 1, received 0',
    ]));
    expect(problems.length).toBeGreaterThanOrEqual(8);
  });

  it('an unknown input name lists the known ones', () => {
    const [problem] = problemsOf({ base, uncertain: [{ name: 'gpuPrice', distribution: { kind: 'fixed', value: 3 } }] });
    expect(problem).toContain('uncertain[0].name: expected one of');
    for (const name of UNCERTAIN_INPUT_NAMES) expect(problem).toContain(name);
    expect(problem).toContain('received "gpuPrice"');
  });

  it('a distribution reaching outside its input\'s values, a repeated name and a bad base are reported together', () => {
    const problems = problemsOf({
      base: { model: 'kimi-k2.5', gpu: 'h9000', gpus: 0 },
      uncertain: [
        { name: 'utilization', distribution: { kind: 'uniform', low: 0.5, high: 1.2 } },
        { name: 'prefixCacheHitRate', distribution: { kind: 'normal', mean: 0.5, sd: 0.1 } },
        { name: 'utilization', distribution: { kind: 'fixed', value: 0.6 } },
      ],
    });
    expect(problems).toEqual(expect.arrayContaining([
      'uncertain[0].distribution: utilization takes values in (0, 1], but uniform(low 0.5, high 1.2) reaches 1.2',
      expect.stringMatching(/^uncertain\[1\]\.distribution: prefixCacheHitRate takes values in \[0, 1\], but normal\(mean 0.5, sd 0.1\) reaches -0\.09/),
      'uncertain[2].name: utilization is already uncertain[0]',
      'base.gpus: expected a whole number from 1 to 65,536, received 0',
      expect.stringMatching(/^base\.gpu: .*h9000/),
    ]));
  });

  it('a file without base or uncertain inputs says so', () => {
    expect(problemsOf({ uncertain: [] })).toEqual(['uncertain: expected at least one uncertain input, received a list of 0', 'base: expected a scenario option {model, gpu, gpus, ...}, received nothing']);
  });

  it('bad YAML is one problem naming the file', () => {
    expect(() => parseUncertaintyText('base: [', 'bad.yaml')).toThrow(/^bad\.yaml: not valid YAML or JSON/);
  });
});

describe('the default uncertainty scenario', () => {
  it('spans the catalog\'s on-demand neocloud B200 offers (lowest, median, highest) for the GPU price', () => {
    const b200 = gpuRentalPrice('b200', latestSnapshot().gpuRental, { terms: 'on-demand', providerClass: 'neocloud' });
    const price = DEFAULT_UNCERTAINTY.uncertain.find((x) => x.name === 'gpuPriceUsdPerHour')?.distribution;
    expect(price).toEqual({ kind: 'triangular', low: b200.minUsdPerGpuHour, mode: Number(b200.medianUsdPerGpuHour.toFixed(2)), high: b200.maxUsdPerGpuHour });
  });

  it('serves at Claude Sonnet 4.5\'s list prices, a 1-5T total and 30-150B active loguniform size, on the report\'s frontier B200 setup', () => {
    const sonnet = apiPriceOf('claude-sonnet-4.5', 'Anthropic', latestSnapshot().api);
    expect(sonnet.outputUsdPerMillion).toBe(15);
    expect(DEFAULT_UNCERTAINTY.base).toMatchObject({ gpu: 'b200', gpus: 'auto', prices: { list: 'claude-sonnet-4.5', provider: 'Anthropic' } });
    const dist = (name: string) => DEFAULT_UNCERTAINTY.uncertain.find((x) => x.name === name)?.distribution;
    expect(dist('totalParams')).toEqual({ kind: 'loguniform', low: 1e12, high: 5e12 });
    expect(dist('activeParams')).toEqual({ kind: 'loguniform', low: 30e9, high: 150e9 });
    expect(DEFAULT_UNCERTAINTY.samples).toBe(100_000);
  });
});
