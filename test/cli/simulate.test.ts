import { mkdtempSync, writeFileSync } from 'node:fs';
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
  });

  it('the same seed gives the same numbers', async () => {
    const a = await runCliJson<SimJson>(['simulate', small()]);
    const b = await runCliJson<SimJson>(['simulate', small()]);
    expect(a.options[0]!.simulation.ttftSeconds).toEqual(b.options[0]!.simulation.ttftSeconds);
  });

  it('reads a trace file instead of generated arrivals', async () => {
    const trace = file('trace.csv', 'arrival_seconds,input_tokens,output_tokens\n0,500,50\n0.5,800,100\n1.0,300,20\n');
    const r = await runCliJson<SimJson>(['simulate', small(`      trace: ${trace}`)]);
    expect(r.options[0]!.simulation.requests).toBe(3);
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
    expect(r.stderr).toContain('options[0].demand.requestsPerSecond: expected a number > 0, received -1');
    expect(r.stderr).toMatch(/options\[0\]\.demand\.profile/);
    expect(r.stderr).toMatch(/options\[0\]\.demand\.fleet/);
  });
});
