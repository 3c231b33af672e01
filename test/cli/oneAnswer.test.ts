import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTION_INDEX, DEFAULT_SCENARIO, scenarioOption } from '../../src/core/scenario/index.js';
import { computeBusiness, DEFAULT_BUSINESS } from '../../web/src/compute/businessView.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';
import { runCliJson } from './runCli.js';

interface Costs { readonly fresh: number; readonly cached: number; readonly output: number }

/** a and b agree to 1e-9 of the larger (both zero agree). */
function relativeGap(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

function expectSame(surface: string, c: Costs, report: Costs): void {
  for (const kind of ['fresh', 'cached', 'output'] as const) {
    expect({ surface, kind, gap: relativeGap(c[kind], report[kind]) }).toEqual({ surface, kind, gap: expect.closeTo(0, 9) });
  }
}

interface ReportJson { options: { label: string; utilization: number; costUsdPerGpuHour: number; onDemand: { usdPerGpuHour: number } | null; costUsdPerMillionInputTokens: number; costUsdPerMillionCachedInputTokens: number; costUsdPerMillionOutputTokens: number }[] }
interface LabServing { serving: { freshInput: number; cachedInput: number; output: number; outputEquivalent: number } }
interface LabJson { result: { list: LabServing; discounted: LabServing } }
interface SubscriptionJson { servingCost: { inputUsdPerMillion: number; cachedInputUsdPerMillion: number; outputUsdPerMillion: number }; plans: { id: string; meanCostUsd: number }[] }
interface SimulateJson { options: { costs: { basis: string; utilization: number; costUsdPerMillionInputTokens: number; costUsdPerMillionCachedInputTokens: number; costUsdPerMillionOutputTokens: number }[] }[] }

const TODAY = '2026-11-27';
const frontier = DEFAULT_OPTION_INDEX.frontierOnB200;

describe('one answer at the command line: report, simulate, lab and subscription on the default scenario\'s frontier option', () => {
  it('lab and subscription price tokens as report does; simulate as report does at the utilization it reached', async () => {
    const report = (await runCliJson<ReportJson>(['report'])).options[frontier];
    if (report === undefined) throw new Error('report has the frontier option');
    const r: Costs = { fresh: report.costUsdPerMillionInputTokens, cached: report.costUsdPerMillionCachedInputTokens, output: report.costUsdPerMillionOutputTokens };

    // The default basis is a contract rate: the lab's "discounted" rates are it (its list rates are on demand).
    const lab = (await runCliJson<LabJson>(['lab'])).result.discounted.serving;
    expectSame('lab', { fresh: lab.freshInput, cached: lab.cachedInput, output: lab.output }, r);

    const sub = (await runCliJson<SubscriptionJson>(['subscription', '--plan', 'chatgpt-plus', '--samples', '2000'])).servingCost;
    expectSame('subscription', { fresh: sub.inputUsdPerMillion, cached: sub.cachedInputUsdPerMillion, output: sub.outputUsdPerMillion }, r);

    // The same option with a short fixed-fleet demand, as a scenario file.
    const option = { ...scenarioOption(DEFAULT_SCENARIO, frontier), demand: { requestsPerSecond: 2, durationHours: 0.25, profile: 'flat', fleet: { kind: 'fixed', instances: 1 }, seed: 3 } };
    const path = join(mkdtempSync(join(tmpdir(), 'inferonomics-one-')), 'one.json');
    writeFileSync(path, JSON.stringify({ options: [option] }));
    const sim = (await runCliJson<SimulateJson>(['simulate', path])).options[0]?.costs.find((c) => c.basis === 'rented on demand, as simulated');
    if (sim === undefined) throw new Error('simulate prices the fleet on demand');
    // Rented on demand, a busy GPU-second costs price / (3600 s × utilization): report's figures scale by its utilization over the
    // simulated one, and by the on-demand price over the contract rate report pays. (A cached token's KV keeping is paid by the hour,
    // so it does not scale so: the core test checks it against the pipeline at the reached utilization.)
    const scale = (report.utilization / sim.utilization) * (report.onDemand?.usdPerGpuHour ?? report.costUsdPerGpuHour) / report.costUsdPerGpuHour;
    expectSame('simulate', { fresh: sim.costUsdPerMillionInputTokens / scale, cached: r.cached, output: sim.costUsdPerMillionOutputTokens / scale }, r);
    expect(sim.costUsdPerMillionCachedInputTokens).toBeGreaterThan(0);
  }, 120_000);

  it('the web\'s business view at its defaults gives the CLI\'s subscription and lab answers (same option, same draws)', async () => {
    const web = computeBusiness(DEFAULT_STATE, { ...DEFAULT_BUSINESS, samples: 200 }, TODAY);
    const sub = await runCliJson<SubscriptionJson>(['subscription', '--plan', 'chatgpt-plus']);
    const webSeat = web.seats.find((s) => s.plan === 'ChatGPT Plus');
    expect(webSeat?.meanCostUsdPerSeat).toBe(sub.plans[0]?.meanCostUsd);
    const lab = await runCliJson<LabJson>(['lab']);
    const webServing = web.lab.rows.find((x) => x.rates === 'list' && x.depth === 'serving (hardware)');
    expect(webServing?.costUsdPerMillion).toBe(lab.result.list.serving.outputEquivalent);
  }, 120_000);
});
