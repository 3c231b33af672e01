import { describe, expect, it } from 'vitest';
import { labCost } from '../../../src/core/lab/labCost.js';
import { labInputFor } from '../../../src/core/lab/labInput.js';
import { physicalCost } from '../../../src/core/market/physicalCost.js';
import { DEFAULT_OPTION_INDEX, DEFAULT_SCENARIO, defaultFrontierOption, resolveScenario, runOption, scenarioOption } from '../../../src/core/scenario/index.js';
import { runSimulation } from '../../../src/core/sim/runSimulation.js';
import { buildUncertaintyModel, DEFAULT_UNCERTAINTY, optionValues, resolveBase } from '../../../src/core/uncertainty/index.js';
import { computeBusiness, DEFAULT_BUSINESS } from '../../../web/src/compute/businessView.js';
import { computeView } from '../../../web/src/compute/computeView.js';
import { DEFAULT_STATE } from '../../../web/src/state/defaultState.js';

/** Cost per million fresh input, cached input and output tokens, as one surface gives them. */
interface Costs { readonly fresh: number; readonly cached: number; readonly output: number }

const TODAY = '2026-11-27';

/** a and b agree to 1e-9 of the larger (both zero agree: the cached-input cost may be zero). */
function relativeGap(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}
const i = DEFAULT_OPTION_INDEX.frontierOnB200;
const resolved = resolveScenario(DEFAULT_SCENARIO, 'built-in default scenario');
const option = resolved[i];

/** `report`'s answer for option `k` of the default scenario: the pipeline, as `report` runs it. */
function reportCosts(k: number): Costs {
  const o = resolved[k];
  const e = o === undefined ? null : runOption(o).economics;
  if (e === null) throw new Error(`option ${k} is served`);
  return { fresh: e.costUsdPerMillionInputTokens, cached: e.costUsdPerMillionCachedInputTokens, output: e.costUsdPerMillionOutputTokens };
}

/**
 * The lab's serving cost at the scenario's own rate: a contract-rate basis is the lab's
 * "discounted" rates (list is on demand there), any other basis its list rates.
 */
function labServing(served: ReturnType<typeof runOption>) {
  const cost = labCost(labInputFor(served, {}).input);
  const b = served.costBasis;
  return b.kind === 'rented' && b.onDemandUsdPerGpuHour !== undefined ? cost.discounted.serving : cost.list.serving;
}

/** Every surface's answer on option `k` of the default scenario, through its own entry function (the editor's option where a surface takes one). */
function surfaces(k: number): Record<string, Costs> {
  const o = resolved[k];
  if (o === undefined) throw new Error(`no option ${k}`);
  const state = { option: scenarioOption(DEFAULT_SCENARIO, k), configJson: null };
  const web = computeView(state, TODAY);
  if (!web.ok || web.view.economics === null) throw new Error('the web view computes');
  const w = web.view.economics;
  const lab = labServing(runOption(o));
  // Its uncertainty run beside: small, and over sizes that fit every option's GPUs.
  const business = computeBusiness(state, { ...DEFAULT_BUSINESS, base: 'editor', samples: 200, totalParamsT: [1, 1], activeParamsB: [32, 32] }, TODAY).costUsdPerMillionTokens;
  const u = buildUncertaintyModel(o, []).evaluate(optionValues(o));
  const market = physicalCost(o.model, { gpu: o.gpu.id, framework: o.framework, utilization: o.utilization, latencyTarget: o.latencyTarget, workload: o.workload, maxGpus: o.gpus, gpus: o.gpus });
  if (market === null) throw new Error('market costs the model');
  return {
    web: { fresh: w.costUsdPerMillionInputTokens, cached: w.costUsdPerMillionCachedInputTokens, output: w.costUsdPerMillionOutputTokens },
    lab: { fresh: lab.freshInput, cached: lab.cachedInput, output: lab.output },
    'web subscription': { fresh: business.inputUsdPerMillion, cached: business.cachedInputUsdPerMillion, output: business.outputUsdPerMillion },
    'uncertainty (deterministic point)': { fresh: u.costUsdPerMillionInputTokens, cached: u.costUsdPerMillionCachedInputTokens, output: u.costUsdPerMillionOutputTokens },
    market: { fresh: market.costUsdPerMillionInputTokens, cached: market.costUsdPerMillionCachedInputTokens, output: market.costUsdPerMillionOutputTokens },
  };
}

/** The built-in defaults of the surfaces that start from the frontier option on 32 B200 on their own: lab and the web's business view. */
function builtInDefaults(): Record<string, Costs> {
  const lab = labServing(runOption(defaultFrontierOption()));
  const business = computeBusiness(DEFAULT_STATE, { ...DEFAULT_BUSINESS, samples: 200 }, TODAY).costUsdPerMillionTokens;
  return {
    'lab default': { fresh: lab.freshInput, cached: lab.cachedInput, output: lab.output },
    'web business default': { fresh: business.inputUsdPerMillion, cached: business.cachedInputUsdPerMillion, output: business.outputUsdPerMillion },
  };
}

function expectSame(all: Record<string, Costs>, report: Costs): void {
  for (const [surface, c] of Object.entries(all)) {
    for (const kind of ['fresh', 'cached', 'output'] as const) {
      expect({ surface, kind, gap: relativeGap(c[kind], report[kind]) }).toEqual({ surface, kind, gap: expect.closeTo(0, 9) });
    }
  }
}

describe('one answer everywhere: report, web, lab, subscriptions, uncertainty, market and simulate on the default scenario', () => {
  for (const k of [DEFAULT_OPTION_INDEX.headline, DEFAULT_OPTION_INDEX.frontierOnB200]) {
    it(`option ${k + 1} (${DEFAULT_SCENARIO.options[k]?.label}): every surface gives report's $/M fresh input, cached input and output`, () => {
      const report = reportCosts(k);
      expect(report.fresh).toBeGreaterThan(0);
      expect(report.output).toBeGreaterThan(report.fresh);
      expectSame(surfaces(k), report);
    }, 60_000);
  }

  it('lab and the web\'s business view start, by default, from the same option (the frontier on 32 B200) and give its answer', () => {
    expectSame(builtInDefaults(), reportCosts(i));
  }, 60_000);

  it('uncertainty\'s default base (the frontier model on B200, GPU count chosen) gives report\'s answer for the option it chose', () => {
    const base = resolveBase(DEFAULT_UNCERTAINTY, 'built-in default uncertainty scenario');
    const u = buildUncertaintyModel(base, []).evaluate(optionValues(base));
    const e = runOption(base).economics;
    if (e === null) throw new Error('the base is served');
    expectSame({ 'uncertainty default base': { fresh: u.costUsdPerMillionInputTokens, cached: u.costUsdPerMillionCachedInputTokens, output: u.costUsdPerMillionOutputTokens } },
      { fresh: e.costUsdPerMillionInputTokens, cached: e.costUsdPerMillionCachedInputTokens, output: e.costUsdPerMillionOutputTokens });
  }, 60_000);

  it('simulate prices a token as report does at the utilization the simulated fleet reached (rented on demand: the cost of a busy hour scales as 1/utilization and as the on-demand price over the contract rate)', () => {
    const o = option as NonNullable<typeof option>;
    const report = reportCosts(i);
    const capacity = runSimulation(o, { requestsPerSecond: 1, durationHours: 1 / 60, profile: 'flat', fleet: { kind: 'fixed', instances: 1 } }).capacityRequestsPerSecondPerInstance;
    const r = runSimulation(o, { requestsPerSecond: capacity * 0.7, durationHours: 0.25, profile: 'flat', fleet: { kind: 'fixed', instances: 1 }, seed: 3 });
    expect(r.gpuSecondsPerToken).toEqual(runOption(o).gpuSecondsPerToken);
    const onDemand = r.costs.find((c) => c.basis === 'rented on demand, as simulated');
    if (onDemand === undefined) throw new Error('an on-demand row');
    expect(onDemand.utilization).toBeGreaterThan(0.2);
    // The default basis is a contract rate with the on-demand price beside it (report's "on demand instead").
    const basis = runOption(o).costBasis;
    const onDemandOverContract = basis.kind === 'rented' && basis.onDemandUsdPerGpuHour !== undefined ? basis.onDemandUsdPerGpuHour / basis.priceUsdPerGpuHour : 1;
    const scale = (o.utilization / onDemand.utilization) * onDemandOverContract;
    expect(relativeGap(onDemand.costUsdPerMillionInputTokens, report.fresh * scale)).toBeCloseTo(0, 9);
    // A cached token's KV keeping is paid by the hour, busy or not: it does not scale as 1/utilization, so its cost is the pipeline's at the reached utilization and on-demand price.
    const onDemandBasis = basis.kind === 'rented' && basis.onDemandUsdPerGpuHour !== undefined ? { kind: 'rented' as const, priceUsdPerGpuHour: basis.onDemandUsdPerGpuHour, commitment: null } : basis;
    const atReached = runOption(o).economicsAt?.(onDemand.utilization, onDemandBasis);
    expect(relativeGap(onDemand.costUsdPerMillionCachedInputTokens, atReached?.costUsdPerMillionCachedInputTokens ?? Number.NaN)).toBeCloseTo(0, 9);
    expect(relativeGap(onDemand.costUsdPerMillionOutputTokens, report.output * scale)).toBeCloseTo(0, 9);
  }, 60_000);

  it('the web starts from the default scenario\'s headline option and gives report\'s answer for it', () => {
    const headline = resolved[DEFAULT_OPTION_INDEX.headline];
    if (headline === undefined) throw new Error('a headline option');
    const web = computeView(DEFAULT_STATE, TODAY);
    const e = runOption(headline).economics;
    expect(web.ok && web.view.economics?.costUsdPerMillionOutputTokens).toBe(e?.costUsdPerMillionOutputTokens);
    expect(web.ok && web.view.economics?.costUsdPerMillionCachedInputTokens).toBe(e?.costUsdPerMillionCachedInputTokens);
  }, 30_000);
});
