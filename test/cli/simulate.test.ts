import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
      requestsPerSecond: 10
      durationHours: 3
      profile: [1, 6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
      seed: 2
${extra}`);

interface SimJson {
  options: {
    simulation: {
      requests: number; completed: number; sloAttainment: number; utilization: number; prefixCacheHitRate: number;
      ttftSeconds: { p50: number; p99: number }; tpotSeconds: { p50: number; p99: number }; buckets: { utilization: number }[];
    };
    costs: { basis: string; utilization: number; costUsdPerMillionOutputTokens: number; meetsSlo: boolean; sloAttainment: number }[];
    fleet: { atSeconds: number; instances: number }[];
    slo: { met: boolean; maxTtftSeconds: number; maxTpotSeconds: number; p99TtftSeconds: number; p99TpotSeconds: number };
    search: { instances: number; meetsSlo: boolean; oneFewer: { instances: number; meetsSlo: boolean } | null } | null;
    trace: { format: string; skippedRows: number; problems: string[] } | null;
  }[];
}

describe('inferonomics simulate', () => {
  it('simulates a scenario with a demand section: percentiles, SLO attainment, an autoscaled fleet and a cost per basis', { timeout: 20_000 }, async () => {
    const r = await runCliJson<SimJson>(['simulate', small()]);
    const o = r.options[0]!;
    expect(o.simulation.requests).toBeGreaterThan(150_000); // about (0.83 + 4.97 + 0.83) × 10 × 3,600
    expect(o.simulation.completed).toBe(o.simulation.requests);
    expect(o.simulation.sloAttainment).toBeGreaterThan(0.5);
    expect(o.simulation.ttftSeconds.p99).toBeGreaterThanOrEqual(o.simulation.ttftSeconds.p50);
    const bases = o.costs.map((c) => c.basis);
    expect(bases).toEqual(['rented on demand, as simulated', 'committed, fixed fleet for the peak', 'owned, fixed fleet for the peak', 'committed block + on-demand overflow']);
    // A fleet held for the peak runs at a lower utilization than one that follows demand.
    expect(o.costs[1]!.utilization).toBeLessThan(o.costs[0]!.utilization);
  });

  it('the same seed gives the same numbers', async () => {
    const a = await runCliJson<SimJson>(['simulate', small('      maxRequests: 30000')]);
    const b = await runCliJson<SimJson>(['simulate', small('      maxRequests: 30000')]);
    expect(a.options[0]!.simulation.ttftSeconds).toEqual(b.options[0]!.simulation.ttftSeconds);
  }, 30_000);

  it('reads a trace file instead of generated arrivals', async () => {
    const trace = file('trace.csv', 'arrival_seconds,input_tokens,output_tokens\n0,500,50\n0.5,800,100\n1.0,300,20\n');
    const scenario = file('sim.yaml', `options:\n  - { model: llama-3.1-8b, gpu: h100, gpus: 1, prices: { market: llama-3.1-8b }, demand: { trace: ${trace}, fleet: { kind: fixed, instances: 1 } } }\n`);
    const r = await runCliJson<SimJson>(['simulate', scenario]);
    expect(r.options[0]!.simulation.requests).toBe(3);
    // With a durationHours longer than the trace, it is looped under the (flat) profile: 3 requests a 1.33 s loop.
    const looped = file('sim.yaml', `options:\n  - { model: llama-3.1-8b, gpu: h100, gpus: 1, prices: { market: llama-3.1-8b }, demand: { trace: ${trace}, durationHours: 0.01, fleet: { kind: fixed, instances: 1 } } }\n`);
    expect((await runCliJson<SimJson>(['simulate', looped])).options[0]!.simulation.requests).toBe(81); // 36 s / (4/3 s) × 3
  });

  it('a setup that does not fit is one line naming options[0].gpus, exit 2 (not an internal error)', async () => {
    const r = await runCli(['simulate', file('nofit.yaml', 'options:\n  - { model: llama-3.3-70b, gpu: h100-sxm, gpus: 1, prices: { market: llama-3.3-70b } }\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^inferonomics: \S+nofit\.yaml: options\[0\]\.gpus: llama-3\.3-70b does not fit 1 h100-sxm.*\n$/);
  });

  it('demand so low that no request arrives is one line naming demand.requestsPerSecond, never ∞ or NaN', async () => {
    const r = await runCli(['simulate', file('low.yaml', readFileSync(small(), 'utf8').replace('requestsPerSecond: 10', 'requestsPerSecond: 0.0000001'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\[0\]\.demand\.requestsPerSecond: no request arrived in the 3 h simulated/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('more requests than one run simulates are refused before any work, naming the field and the limit', async () => {
    const t0 = performance.now();
    const r = await runCli(['simulate', file('high.yaml', readFileSync(small(), 'utf8').replace('requestsPerSecond: 10', 'requestsPerSecond: 100000').replace('durationHours: 3', 'durationHours: 672'))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\[0\]\.demand\.requestsPerSecond: about [\d,]+ requests would arrive .* at most 10,000,000/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('a trace path is read relative to the scenario file; a row out of range is reported with its line and skipped, and the run goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferonomics-sim-'));
    writeFileSync(join(dir, 'day.csv'), 'arrival_seconds,input_tokens,output_tokens\n0,500,50\n1e300,500,50\n');
    const scenario = join(dir, 'sim.yaml');
    writeFileSync(scenario, 'options:\n  - { model: llama-3.1-8b, gpu: h100, gpus: 1, prices: { market: llama-3.1-8b }, demand: { trace: day.csv } }\n');
    const r = await runCli(['simulate', scenario]);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toMatch(/line 3: arrival_seconds: expected a number from 0 to 2,419,200 \(seconds\), received "1e300"/);
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

const fixtures = resolve(import.meta.dirname, '../fixtures/traces');
const traceScenario = (trace: string, fleet: string, extra = '') => file('trace.yaml', `
options:
  - model: llama-3.1-8b
    gpu: h100
    gpus: 1
    framework: vllm
    latencyTarget: { minTokensPerSecondPerUser: 20, maxTtftSeconds: 2 }
    prices: { market: llama-3.1-8b }
    demand: { trace: ${trace}, fleet: ${fleet}${extra} }
`);

describe('inferonomics simulate: trace replay', () => {
  it('replays a Mooncake slice: one simulated request per line, the prefix-cache hit rate from its hash_ids, SLO attainment and utilization', { timeout: 30_000 }, async () => {
    const r = await runCliJson<SimJson>(['simulate', traceScenario(join(fixtures, 'mooncake-kimi-conversation-head1500.jsonl'), '{ kind: fixed, instances: 4 }')]);
    const o = r.options[0]!;
    expect(o.trace?.format).toBe('mooncake-jsonl');
    expect(o.simulation.requests).toBe(1500);
    expect(o.simulation.prefixCacheHitRate).toBeGreaterThan(0.01);
    expect(o.simulation.prefixCacheHitRate).toBeLessThan(0.6);
    expect(o.simulation.sloAttainment).toBeGreaterThan(0);
    expect(o.simulation.sloAttainment).toBeLessThanOrEqual(1);
    expect(o.simulation.utilization).toBeGreaterThan(0);
    expect(o.simulation.ttftSeconds.p99).toBeGreaterThanOrEqual(o.simulation.ttftSeconds.p50);
    expect(o.costs.every((c) => c.sloAttainment === o.simulation.sloAttainment && c.meetsSlo === o.slo.met)).toBe(true);
  });

  it('an Azure slice with a bad row: the row is reported with its line number, skipped, and the run goes on', { timeout: 30_000 }, async () => {
    const scenario = traceScenario(join(fixtures, 'azure-conv-head1200-one-bad-row.csv'), '{ kind: fixed, instances: 2 }');
    const text = await runCli(['simulate', scenario]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('1 bad row skipped');
    expect(text.stdout).toContain('line 401: ContextTokens: expected a whole number from 1 to 10,000,000, received "abc"');
    const r = await runCliJson<SimJson>(['simulate', scenario]);
    expect(r.options[0]!.simulation.requests).toBe(1199);
    expect(r.options[0]!.trace).toMatchObject({ format: 'azure-csv', skippedRows: 1, problems: ['line 401: ContextTokens: expected a whole number from 1 to 10,000,000, received "abc"'] });
    expect(r.options[0]!.simulation.prefixCacheHitRate).toBe(0); // the Azure trace says nothing of prefixes
  });

  it('a trace path in a scenario file is relative to the file\'s folder', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inferonomics-rel-'));
    writeFileSync(join(dir, 'small.csv'), 'arrival_seconds,input_tokens,output_tokens\n0,500,50\n0.5,800,100\n');
    const scenario = join(dir, 'sim.yaml');
    writeFileSync(scenario, `options:\n  - { model: llama-3.1-8b, gpu: h100, gpus: 1, prices: { market: llama-3.1-8b }, demand: { trace: small.csv, fleet: { kind: fixed, instances: 1 } } }\n`);
    const r = await runCliJson<SimJson>(['simulate', scenario]);
    expect(r.options[0]!.simulation.requests).toBe(2);
  });

  it('smallest-meeting-slo: its fleet meets p99 TTFT and TPOT, and the same demand on one instance fewer misses', { timeout: 60_000 }, async () => {
    const trace = join(fixtures, 'azure-conv-head1200-one-bad-row.csv');
    const r = await runCliJson<SimJson>(['simulate', traceScenario(trace, '{ kind: smallest-meeting-slo }', ', traceScale: 8')]);
    const o = r.options[0]!;
    const n = o.search!.instances;
    expect(n).toBeGreaterThan(1);
    expect(o.search!.meetsSlo).toBe(true);
    expect(o.slo.p99TtftSeconds).toBeLessThanOrEqual(o.slo.maxTtftSeconds);
    expect(o.slo.p99TpotSeconds).toBeLessThanOrEqual(o.slo.maxTpotSeconds);
    expect(o.search!.oneFewer).toMatchObject({ instances: n - 1, meetsSlo: false });
    // Check both independently, as fixed fleets of n and n − 1.
    const fixed = async (k: number) => (await runCliJson<SimJson>(['simulate', traceScenario(trace, `{ kind: fixed, instances: ${k} }`, ', traceScale: 8')])).options[0]!;
    const [atN, fewer] = [await fixed(n), await fixed(n - 1)];
    expect(atN.slo.met).toBe(true);
    expect(atN.simulation.ttftSeconds.p99).toBeLessThanOrEqual(atN.slo.maxTtftSeconds);
    expect(atN.simulation.tpotSeconds.p99).toBeLessThanOrEqual(atN.slo.maxTpotSeconds);
    expect(fewer.slo.met).toBe(false);
    expect(fewer.simulation.ttftSeconds.p99 > fewer.slo.maxTtftSeconds || fewer.simulation.tpotSeconds.p99 > fewer.slo.maxTpotSeconds).toBe(true);
    expect(fewer.costs.every((c) => !c.meetsSlo)).toBe(true);
  });

  it('disaggregated pools: a unit of the option\'s GPUs splits into prefill and decode instances, every request served; autoscaling them is refused', { timeout: 60_000 }, async () => {
    const trace = join(fixtures, 'azure-conv-head1200-one-bad-row.csv');
    const scenario = (fleet: string) => file('dis.yaml', `options:\n  - { model: llama-3.1-8b, gpu: h100, gpus: 4, framework: vllm, latencyTarget: { minTokensPerSecondPerUser: 20, maxTtftSeconds: 2 }, prices: { market: llama-3.1-8b }, demand: { trace: ${trace}, disaggregated: true, fleet: ${fleet} } }\n`);
    const r = (await runCliJson<SimJson & { options: { pools: { prefillInstancesPerUnit: number; decodeInstancesPerUnit: number; prefillGpusPerInstance: number; decodeGpusPerInstance: number } | null }[] }>(['simulate', scenario('{ kind: fixed, instances: 1 }')])).options[0]!;
    expect(r.pools).not.toBeNull();
    const p = r.pools!;
    expect(p.prefillInstancesPerUnit * p.prefillGpusPerInstance + p.decodeInstancesPerUnit * p.decodeGpusPerInstance).toBe(4);
    expect(r.simulation.requests).toBe(1199);
    expect(r.simulation.completed).toBe(1199);
    // Paid GPU-hours are the whole unit's (both pools) over the run.
    const hours = (r.simulation as unknown as { durationSeconds: number }).durationSeconds / 3600;
    expect(r.costs[0]!.basis).toBe('rented on demand, as simulated');
    expect((r.costs[0] as unknown as { paidGpuHours: number }).paidGpuHours).toBeCloseTo(4 * hours, 6);
    const refused = await runCli(['simulate', scenario('{ kind: autoscale }')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('invalid demand.fleet.kind: autoscale; with disaggregated: true the fleet is fixed or smallest-meeting-slo');
  });

  const shared = resolve(import.meta.dirname, '../../../shared/traces');
  it.skipIf(!existsSync(shared))('replays the whole shared Azure conversation and Mooncake traces: requests equal to their rows', { timeout: 60_000 }, async () => {
    for (const [name, rows] of [['azure-llm-2023-conv.csv', 19_366], ['mooncake-kimi-conversation.jsonl', 12_031]] as const) {
      const r = await runCliJson<SimJson>(['simulate', traceScenario(join(shared, name), '{ kind: fixed, instances: 8 }')]);
      expect(r.options[0]!.simulation.requests).toBe(rows);
      expect(r.options[0]!.trace!.skippedRows).toBe(0);
    }
  });
});
