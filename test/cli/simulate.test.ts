import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'inferonomics-sim-')), name);
  writeFileSync(path, text);
  return path;
}

const small = (extra = '') => file('sim.yaml', `
options:
  - model: llama-3.1-8b
    gpu: h100
    gpus: 1
    framework: vllm
    workload: { inputTokens: 800, outputTokens: 200, prefixCacheHitRate: 0.2 }
    latencyTarget: { minTokensPerSecondPerUser: 20, maxTtftSeconds: 2 }
    prices: { market: llama-3.1-8b }
    demand:
      requestsPerSecond: 20
      durationHours: 8
      profile: { peakToAverage: 2, peakHour: 4.5 }
      seed: 2
${extra}`);

interface SimJson {
  options: {
    simulation: { requests: number; completed: number; goodputFraction: number; ttftSeconds: { p50: number; p99: number }; buckets: { utilization: number }[] };
    costs: { basis: string; utilization: number; costUsdPerMillionOutputTokens: number }[];
    fleet: { atSeconds: number; instances: number }[];
  }[];
}

describe('inferonomics simulate', () => {
  it('simulates a scenario with a demand section: percentiles, goodput, an autoscaled fleet and a cost per basis', async () => {
    const r = await runCliJson<SimJson>(['simulate', small()]);
    const o = r.options[0]!;
    expect(o.simulation.requests).toBeGreaterThan(400_000);
    expect(o.simulation.completed).toBe(o.simulation.requests);
    expect(o.simulation.goodputFraction).toBeGreaterThan(0.5);
    expect(o.simulation.ttftSeconds.p99).toBeGreaterThanOrEqual(o.simulation.ttftSeconds.p50);
    expect(o.fleet.length).toBeGreaterThan(1); // it scales with the profile
    const bases = o.costs.map((c) => c.basis);
    expect(bases).toEqual(['rented on demand (autoscaled)', 'committed, fixed fleet for the peak', 'owned, fixed fleet for the peak', 'committed block + on-demand overflow']);
    // A fleet held for the peak runs at a lower utilization than one that follows demand.
    expect(o.costs[1]!.utilization).toBeLessThan(o.costs[0]!.utilization);
  }, 30_000);

  it('the same seed gives the same numbers', async () => {
    const a = await runCliJson<SimJson>(['simulate', small()]);
    const b = await runCliJson<SimJson>(['simulate', small()]);
    expect(a.options[0]!.simulation.ttftSeconds).toEqual(b.options[0]!.simulation.ttftSeconds);
  }, 30_000);

  it('reads a trace file instead of generated arrivals', async () => {
    const trace = file('trace.csv', 'arrival_seconds,input_tokens,output_tokens\n0,500,50\n0.5,800,100\n1.0,300,20\n');
    const r = await runCliJson<SimJson>(['simulate', small(`      trace: ${trace}`)]);
    expect(r.options[0]!.simulation.requests).toBe(3);
  });

  it('a setup that does not fit is one line naming options[0].gpus, exit 2 (not an internal error)', async () => {
    const r = await runCli(['simulate', file('nofit.yaml', 'options:\n  - { model: llama-3.3-70b, gpu: h100-sxm, gpus: 1, prices: { market: llama-3.3-70b } }\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^inferonomics: \S+nofit\.yaml: options\[0\]\.gpus: llama-3\.3-70b does not fit 1 h100-sxm.*\n$/);
  });

  it('demand so low that no request arrives is one line naming demand.requestsPerSecond, never ∞ or NaN', async () => {
    const r = await runCli(['simulate', file('low.yaml', readFileSync(small(), 'utf8').replace('requestsPerSecond: 20', 'requestsPerSecond: 0.0000001'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\[0\]\.demand\.requestsPerSecond: no request arrived in the 8 h simulated/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('more requests than one run simulates are refused before any work, naming the field and the limit', async () => {
    const t0 = performance.now();
    const r = await runCli(['simulate', file('high.yaml', readFileSync(small(), 'utf8').replace('requestsPerSecond: 20', 'requestsPerSecond: 100000').replace('durationHours: 8', 'durationHours: 672'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\[0\]\.demand\.requestsPerSecond: about [\d,]+ requests would arrive .* at most 10,000,000/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('a trace path is read relative to the scenario file, and its problems name options[i].demand.trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferonomics-sim-'));
    writeFileSync(join(dir, 'day.csv'), 'arrival_seconds,input_tokens,output_tokens\n0,500,50\n1e300,500,50\n');
    const scenario = join(dir, 'sim.yaml');
    writeFileSync(scenario, 'options:\n  - { model: llama-3.1-8b, gpu: h100, gpus: 1, prices: { market: llama-3.1-8b }, demand: { trace: day.csv } }\n');
    const r = await runCli(['simulate', scenario]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\[0\]\.demand\.trace: .*day\.csv: line 3: arrival_seconds: expected a number of seconds from 0 to 2,419,200, received "1e300"/);
  });

  it('a bad demand section lists its problems with their paths', async () => {
    const bad = file('bad.yaml', `
options:
  - model: llama-3.1-8b
    gpu: h100
    gpus: 1
    demand: { requestsPerSecond: -1, profile: { peakToAverage: 0.5 }, fleet: { kind: elastic } }
`);
    const r = await runCli(['simulate', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('options[0].demand.requestsPerSecond: expected a number > 0 and at most 100,000, received -1');
    expect(r.stderr).toMatch(/options\[0\]\.demand\.profile/);
    expect(r.stderr).toMatch(/options\[0\]\.demand\.fleet/);
  });
});
