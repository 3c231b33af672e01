import { createRng } from '../../../src/core/demand/rng.js';
import { LAB_DEFAULTS } from '../../../src/core/lab/defaults.js';
import { labCost } from '../../../src/core/lab/labCost.js';
import { labInputFor } from '../../../src/core/lab/labInput.js';
import { defaultFrontierOption, runOption } from '../../../src/core/scenario/index.js';
import { PLANS } from '../../../src/core/subscription/plans.js';
import { blendedCostUsdPerMillionTokens, DEFAULT_SEAT_DRAWS, seatEconomics, tokenMixOfWorkload } from '../../../src/core/subscription/seatEconomics.js';
import { costAsTokenPrices } from '../../../src/core/economics/tokenEconomics.js';
import { usageOnPlan } from '../../../src/core/subscription/usage.js';
import { USAGE_PROFILES, type UsageProfileId } from '../../../src/core/subscription/usageProfiles.js';
import { profileTokenMix } from '../../../src/core/subscription/seatAtList.js';
import { DEFAULT_UNCERTAINTY, runUncertainty, type UncertainInput } from '../../../src/core/uncertainty/index.js';
import type { LabBarRow, SeatCostRow, TornadoChartRow } from '../charts/types.js';
import { resolveEditorOption, type AppState } from './computeView.js';
import { BILLION, TOKENS_PER_MILLION, TRILLION } from '../../../src/core/units.js';

/** The business view's own inputs (the serving setup and prices come from the editor). */
export interface BusinessState {
  /** null: each plan's own product (chat seats for ChatGPT, coding-agent seats for Claude Code plans), as the CLI's `subscription`. */
  readonly usageProfile: UsageProfileId | null;
  /** null: the profile's own value. */
  readonly idleShare: number | null;
  readonly medianMillionTokensPerMonth: number | null;
  readonly sigma: number | null;
  readonly lifetimeMonths: number;
  readonly outputTrillionTokensPerMonth: number;
  /** Compute discount off list rates for the lab; null: the scenario's contract rate against on-demand (as the CLI's `lab`). */
  readonly discount: number | null;
  /**
   * What the subscriptions, the lab and the uncertainty run serve with: the built-in frontier
   * 2T/100B on 32 rented B200 (the default scenario's option, as the CLI's `subscription`, `lab`
   * and `uncertainty` do, so both give one answer), or the editor's scenario.
   */
  readonly base: 'builtin' | 'editor';
  readonly totalParamsT: readonly [number, number];
  readonly activeParamsB: readonly [number, number];
  readonly utilization: readonly [number, number];
  readonly samples: number;
}

const rangeOf = (name: string): readonly [number, number] => {
  const d = DEFAULT_UNCERTAINTY.uncertain.find((x) => x.name === name)?.distribution;
  return d !== undefined && 'low' in d && 'high' in d ? [d.low, d.high] : [0, 0];
};

export const DEFAULT_BUSINESS: BusinessState = {
  usageProfile: null, idleShare: null, medianMillionTokensPerMonth: null, sigma: null,
  // The lab's own defaults (the CLI's `lab` uses the same), in the view's units.
  lifetimeMonths: LAB_DEFAULTS.lifetimeMonths.value,
  outputTrillionTokensPerMonth: LAB_DEFAULTS.outputTokensPerMonth.value / TRILLION,
  discount: null,
  base: 'builtin',
  totalParamsT: [rangeOf('totalParams')[0] / TRILLION, rangeOf('totalParams')[1] / TRILLION],
  activeParamsB: [rangeOf('activeParams')[0] / BILLION, rangeOf('activeParams')[1] / BILLION],
  utilization: rangeOf('utilization'),
  samples: 20_000,
};

/** Subscription seats of every plan, a lab's cost per token and the uncertainty run, from the base option (built-in or the editor's) and the view's inputs. */
export function computeBusiness(state: AppState, b: BusinessState, today: string) {
  const option = b.base === 'builtin' ? defaultFrontierOption() : resolveEditorOption(state, today);
  const served = runOption(option);
  const e = served.economics;
  if (e === null) throw new Error(`${option.label}: the model does not fit its GPUs or no operating point was found, so a token has no serving cost`);

  // Subscriptions: a seat's tokens cost what the base option serves them for, in its product's mix (the CLI's rule).
  const costs = costAsTokenPrices(e);
  const profileOf = (plan: (typeof PLANS)[number]) => USAGE_PROFILES[b.usageProfile ?? plan.defaultUsage];
  const overrides = {
    ...(b.idleShare !== null && { idleShare: b.idleShare }),
    ...(b.medianMillionTokensPerMonth !== null && { medianTokensPerMonth: b.medianMillionTokensPerMonth * TOKENS_PER_MILLION }),
    ...(b.sigma !== null && { sigma: b.sigma }),
  };
  const seats: SeatCostRow[] = PLANS.map((plan) => {
    const profile = profileOf(plan);
    const usage = usageOnPlan(profile, plan, overrides);
    const s = seatEconomics({ priceUsdPerSeatPerMonth: plan.priceUsdPerSeatPerMonth.value, monthlyTokenCap: plan.monthlyTokenCap?.value ?? null }, usage, profileTokenMix(profile), costs, { samples: DEFAULT_SEAT_DRAWS.samples, rng: createRng(DEFAULT_SEAT_DRAWS.seed) });
    return {
      plan: plan.name, priceUsdPerSeatPerMonth: s.priceUsdPerSeatPerMonth, meanCostUsdPerSeat: s.meanCostUsd,
      p50CostUsdPerSeat: s.costUsdPerSeat.p50, p90CostUsdPerSeat: s.costUsdPerSeat.p90, p99CostUsdPerSeat: s.costUsdPerSeat.p99,
      meanMarginFraction: s.meanMarginFraction, shareOfSeatsLosingMoney: s.shareOfSeatsLosingMoney,
      breakEvenTokensPerSeatPerMonth: s.breakEvenTokensPerSeatPerMonth, medianTokensPerActiveSeat: usage.medianTokensPerMonth, idleShare: usage.idleShare,
    };
  });

  // A lab's cost per token: the base option's serving cost plus training, research and staff.
  const lab = labInputFor(served, { lifetimeMonths: b.lifetimeMonths, outputTokensPerMonth: b.outputTrillionTokensPerMonth * TRILLION, ...(b.discount !== null && { discount: b.discount }) }, (name) => `the view's input (${name})`);
  const labResult = labCost(lab.input);
  const labRows: LabBarRow[] = (['list', 'discounted'] as const).flatMap((rates) => {
    const c = labResult[rates];
    return [
      { rates, depth: 'marginal (power)', costUsdPerMillion: c.marginal.outputEquivalent },
      { rates, depth: 'serving (hardware)', costUsdPerMillion: c.serving.outputEquivalent },
      { rates, depth: 'full (+ training, research, staff)', costUsdPerMillion: c.full.outputEquivalent },
    ];
  });

  // Uncertainty: the built-in frontier file, or the editor's option, with the view's ranges.
  const ranged = (name: UncertainInput['name'], low: number, high: number, kind: 'uniform' | 'loguniform', source: string): UncertainInput =>
    ({ name, distribution: low === high ? { kind: 'fixed', value: low } : { kind, low, high }, source });
  const builtin = DEFAULT_UNCERTAINTY;
  const uncertain: UncertainInput[] = [
    ranged('totalParams', b.totalParamsT[0] * TRILLION, b.totalParamsT[1] * TRILLION, 'loguniform', 'the view\'s range'),
    ranged('activeParams', b.activeParamsB[0] * BILLION, b.activeParamsB[1] * BILLION, 'loguniform', 'the view\'s range'),
    ranged('utilization', b.utilization[0], b.utilization[1], 'uniform', 'the view\'s range'),
    ...(b.base === 'builtin' ? builtin.uncertain.filter((x) => x.name === 'gpuPriceUsdPerHour') : []),
  ];
  // The built-in file re-chooses the GPU count at every grid node (3-5 frontier searches each, about
  // 10 s); the view keeps it on 32 B200 so it answers as you type (`inferonomics uncertainty` re-chooses).
  const builtinBase = { ...builtin.base, gpus: 32 };
  const report = runUncertainty({ ...builtin, base: b.base === 'builtin' ? builtinBase : state.option, uncertain }, 'uncertainty', {}, { samples: b.samples, seed: 1, checkPoints: 0 });
  const mc = report.monteCarlo;
  const tornadoRows: TornadoChartRow[] = report.tornado.rows.map((r) => ({ input: r.name, lowValue: r.lowValue, highValue: r.highValue, marginAtLow: r.outputAtLow, marginAtHigh: r.outputAtHigh, swing: r.swing }));
  return {
    label: option.label,
    costUsdPerMillionTokens: { ...costs, mixed: blendedCostUsdPerMillionTokens(tokenMixOfWorkload(option.workload), costs) },
    profile: b.usageProfile === null
      ? { id: 'each plan\'s own product', idleShare: overrides.idleShare ?? null, sigma: overrides.sigma ?? null }
      : { id: b.usageProfile, idleShare: overrides.idleShare ?? USAGE_PROFILES[b.usageProfile].idleShare.value, sigma: overrides.sigma ?? USAGE_PROFILES[b.usageProfile].sigma.value },
    seats,
    lab: { rows: labRows, revenueUsdPerMillion: labResult.revenue.perMillion.outputEquivalent, marginFraction: { list: labResult.list.marginFraction, discounted: labResult.discounted.marginFraction }, assumptions: lab.assumptions },
    uncertainty: {
      base: report.model.option.label,
      samples: mc.samples,
      probabilityMarginPositive: mc.probabilityMarginPositive,
      probabilityStandardError: mc.probabilityStandardError,
      margin: mc.outputs.margin,
      costOutput: mc.outputs.costOutput,
      marginAtMedians: report.tornado.outputAtMedians,
      tornado: tornadoRows,
      breakEvens: report.breakEvens.map((x) => ({ input: x.input, low: x.low, high: x.high, value: x.value, reason: x.reason })),
    },
  };
}

export type BusinessViewModel = ReturnType<typeof computeBusiness>;
