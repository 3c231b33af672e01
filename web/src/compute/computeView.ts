import type { DemandState } from './simulationView.js';
import { problemsByField, type FieldProblems } from './fieldProblems.js';
import type { EfficiencyProfile } from '../../../src/core/perf/efficiencyProfiles.js';
import { modelFromHfConfig } from '../../../src/core/hfConfig/index.js';
import { assumptionRows, parseScenario, resolveScenario, runOption, ScenarioError, type AssumptionRow, type ResolvedOption } from '../../../src/core/scenario/index.js';
import type { ScenarioOptionInput } from '../../../src/core/scenario/schema.js';
import { InputError } from '../../../src/core/errors.js';
import type { SizeRange } from '../../../src/core/market/marketAnalysis.js';
import type { CostBreakdownRow, FrontierRow, MarginRow } from '../charts/types.js';
import { describeLayout } from '../../../src/core/perf/describeLayout.js';

/** What the page edits: one scenario option, and optionally a pasted Hugging Face config.json. */
export interface AppState {
  readonly option: ScenarioOptionInput;
  /** Text of a pasted config.json; when set it is the model. */
  readonly configJson: string | null;
  /** The market view's hypothesised frontier-model size range. */
  readonly sizeRange?: SizeRange;
  /** The simulation view's demand inputs. */
  readonly demand?: DemandState;
  /** Efficiency factors fitted to the user's measurements (absent: the shipped calibration); never in the link. */
  readonly profile?: EfficiencyProfile;
}

/** What a verdict judges, in words: the model, the accelerators, the cost basis and the price source. */
export interface VerdictSubject {
  /** The model's name ("Kimi K2.5"), or the pasted config's. */
  readonly modelName: string;
  readonly gpus: number;
  /** The accelerator's name ("NVIDIA H200 SXM 141GB"). */
  readonly gpuName: string;
  readonly framework: string;
  /** How a GPU-hour is paid for ("rented at 4.50 USD per GPU-hour, on demand"). */
  readonly costBasis: string;
  /** Where the token prices come from ("median of 11 providers of kimi-k2.5", "typed prices"). */
  readonly priceSource: string;
}

export interface ViewModel {
  readonly label: string;
  readonly subject: VerdictSubject;
  readonly fits: boolean;
  readonly smallestFitGpus: number | null;
  readonly meetsTarget: boolean;
  readonly latencyNote: string | null;
  readonly point: { readonly tokensPerSecondPerUser: number; readonly ttftSeconds: number; readonly layout: string; readonly sequences: number; readonly bound: string } | null;
  readonly economics: {
    readonly costUsdPerGpuHour: number;
    readonly costUsdPerMillionInputTokens: number;
    readonly costUsdPerMillionCachedInputTokens: number;
    readonly costUsdPerMillionOutputTokens: number;
    readonly revenueUsdPerGpuHourAtFullLoad: number;
    /** Revenue of a paid GPU-hour at the utilization. */
    readonly revenueUsdPerGpuHour: number;
    /** null when there is no revenue (zero prices). */
    readonly marginFraction: number | null;
    /** null when serving costs nothing. */
    readonly costProfitMargin: number | null;
    readonly breakEvenUtilization: number | null;
    /** null when the prices are all zero. */
    readonly breakEvenPriceScale: number | null;
  } | null;
  readonly utilization: number;
  /** The prices the economics used (so the editor can start typed prices from them). */
  readonly prices: { readonly inputUsdPerMillion: number; readonly cachedInputUsdPerMillion: number; readonly outputUsdPerMillion: number };
  readonly minTokensPerSecondPerUser: number | null;
  readonly frontierRows: readonly FrontierRow[];
  readonly costRows: readonly CostBreakdownRow[];
  readonly marginRows: readonly MarginRow[];
  /** The assumptions table the CLI's report prints too (`assumptionRows`). */
  readonly assumptionRows: readonly AssumptionRow[];
}

export { problemsByField, type FieldProblems };

export type ComputeResult =
  | { readonly ok: true; readonly view: ViewModel }
  | { readonly ok: false; readonly problems: FieldProblems; readonly message: string };

/**
 * The editor's option resolved as a one-option scenario; a pasted config.json is its model.
 * @throws InputError for a config.json that cannot be read, ScenarioError for a bad option
 */
export function resolveEditorOption(state: AppState, today: string): ResolvedOption {
  let configModel = null;
  if (state.configJson !== null) {
    try {
      configModel = modelFromHfConfig(parseJson(state.configJson), { fileName: 'pasted config.json', date: today });
    } catch (e) {
      if (e instanceof InputError) throw new InputError('config.json', 'pasted text', 'a readable config.json', e.message);
      throw e;
    }
  }
  // A path-like reference: catalog checks skip it and the resolver hands back the pasted model.
  const option = configModel === null ? state.option : { ...state.option, model: 'pasted/config.json' };
  const scenario = parseScenario({ options: [option] }, 'scenario');
  const profile = state.profile === undefined ? {} : { profile: state.profile };
  const [resolved] = resolveScenario(scenario, 'scenario', { ...(configModel === null ? {} : { resolveModel: () => configModel }), ...profile });
  if (resolved === undefined) throw new Error('no option');
  // Fitted factors run the whole pipeline, as the CLI's --profile does.
  return { ...resolved, ...profile };
}

/**
 * Runs the whole model for the page: validates the state as a scenario, finds the operating point,
 * and prepares every view's rows (frontier with cost along it, cost breakdown, margin against
 * utilization). Never throws for bad input: returns the problems by field instead.
 */
export function computeView(state: AppState, today: string): ComputeResult {
  try {
    const resolved = resolveEditorOption(state, today);
    const r = runOption(resolved);
    const e = r.economics;
    const choice = r.operatingPoint;
    const view: ViewModel = {
      label: resolved.label,
      subject: verdictSubject(resolved, state.option),
      fits: r.fits,
      smallestFitGpus: r.smallestFit?.gpus ?? null,
      meetsTarget: choice?.meetsTarget ?? false,
      latencyNote: choice !== null && !choice.meetsTarget ? choice.reason : null,
      point: choice === null ? null : {
        tokensPerSecondPerUser: choice.point.tokensPerSecondPerUser, ttftSeconds: choice.point.ttftSeconds,
        layout: describeLayout(choice.point), sequences: choice.point.sequencesPerInstance, bound: choice.point.decodeBound,
      },
      economics: e === null ? null : {
        costUsdPerGpuHour: e.costUsdPerGpuHour,
        costUsdPerMillionInputTokens: e.costUsdPerMillionInputTokens,
        costUsdPerMillionCachedInputTokens: e.costUsdPerMillionCachedInputTokens,
        costUsdPerMillionOutputTokens: e.costUsdPerMillionOutputTokens,
        revenueUsdPerGpuHourAtFullLoad: e.revenueUsdPerGpuHourAtFullLoad,
        revenueUsdPerGpuHour: e.revenueUsdPerGpuHour,
        marginFraction: e.marginFraction,
        costProfitMargin: e.costProfitMargin,
        breakEvenUtilization: e.breakEvenUtilization,
        breakEvenPriceScale: e.breakEvenPrices.scale,
      },
      utilization: resolved.utilization,
      prices: resolved.prices,
      minTokensPerSecondPerUser: resolved.latencyTarget.minTokensPerSecondPerUser,
      frontierRows: [],
      costRows: [],
      marginRows: [],
      assumptionRows: assumptionRows(resolved),
    };
    if (e === null || r.frontierCosts === null || r.economicsAt === null) return { ok: true, view };
    // Every figure below is the pipeline's (`runOption`): the frontier's costs, the economics at each utilization.
    const frontierRows: FrontierRow[] = r.frontierCosts.map((c) => ({
      tokensPerSecondPerUser: c.point.tokensPerSecondPerUser,
      outputTokensPerSecondPerGpu: c.point.outputTokensPerSecondPerGpu,
      costUsdPerMillionOutputTokens: c.costUsdPerMillionOutputTokens,
      layout: describeLayout(c.point),
      mode: c.point.layout.mode,
      pareto: c.pareto,
      chosen: c.chosen,
    }));
    const p = resolved.prices;
    const costRows: CostBreakdownRow[] = [
      { kind: 'input', costUsdPerMillion: e.costUsdPerMillionInputTokens, priceUsdPerMillion: p.inputUsdPerMillion },
      { kind: 'cached input', costUsdPerMillion: e.costUsdPerMillionCachedInputTokens, priceUsdPerMillion: p.cachedInputUsdPerMillion },
      { kind: 'output', costUsdPerMillion: e.costUsdPerMillionOutputTokens, priceUsdPerMillion: p.outputUsdPerMillion },
    ];
    const economicsAt = r.economicsAt;
    const marginRows: MarginRow[] = Array.from({ length: 20 }, (_, i) => (i + 1) / 20).map((u) => {
      const at = economicsAt(u);
      // No revenue, no margin: the chart leaves a gap (NaN) there.
      return { utilization: u, marginFraction: at.marginFraction ?? Number.NaN, costUsdPerGpuHour: at.costUsdPerGpuHour, revenueUsdPerGpuHour: at.revenueUsdPerGpuHour };
    });
    return { ok: true, view: { ...view, frontierRows, costRows, marginRows } };
  } catch (err) {
    if (err instanceof ScenarioError) return { ok: false, problems: problemsByField(err.problems), message: err.message };
    if (err instanceof InputError && err.field === 'config.json') return { ok: false, problems: { 'config.json': err.message }, message: err.message };
    if (err instanceof InputError) return { ok: false, problems: problemsByField([err.message]), message: err.message };
    return { ok: false, problems: { '(general)': err instanceof Error ? err.message : String(err) }, message: String(err) };
  }
}

/** The verdict's subject from the resolved option; typed prices say so rather than echo "set by the scenario". */
export function verdictSubject(resolved: ResolvedOption, option: ScenarioOptionInput): VerdictSubject {
  const typed = option.prices !== undefined && 'inputUsdPerMillion' in option.prices;
  const costBasis = resolved.assumptions.find((a) => a.name === 'costBasis')?.value ?? resolved.costBasis.kind;
  return {
    modelName: resolved.model.name,
    gpus: resolved.gpus,
    gpuName: resolved.gpu.name,
    framework: resolved.framework,
    costBasis: String(costBasis),
    // The description's first clause names the source; its parenthesis lists every provider.
    priceSource: typed ? 'typed prices' : resolved.pricesDescription.split(' (')[0] ?? resolved.pricesDescription,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError('config.json', 'pasted text', 'valid JSON', `the pasted config.json is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
