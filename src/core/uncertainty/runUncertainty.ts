import { InputError } from '../errors.js';
import { resolveScenario, ScenarioError, type ResolvedOption } from '../scenario/index.js';
import type { ResolveContext } from '../scenario/resolveScenario.js';
import { breakEven, type BreakEven } from './breakEven.js';
import { checkSurrogate, type SurrogateCheck } from './checkSurrogate.js';
import type { UncertainInputName } from './inputs.js';
import { monteCarlo, type MonteCarloResult } from './monteCarlo.js';
import type { OutputName } from './outputs.js';
import type { UncertaintyScenario } from './parseUncertainty.js';
import { tornado, type Tornado } from './tornado.js';
import { buildUncertaintyModel, type UncertaintyModel } from './uncertaintyModel.js';

/** Samples when neither the file nor the caller sets a count. */
export const DEFAULT_SAMPLES = 100_000;
export const DEFAULT_SEED = 1;

export interface UncertaintyRunSettings {
  /** Overrides the file's count (default 100,000). */
  readonly samples?: number;
  /** Overrides the file's seed (default 1). */
  readonly seed?: number;
  /** The output the tornado ranks inputs by (default margin). */
  readonly output?: OutputName;
  /** Solve this one input's break-even (over `range` when given); default: every varying input over its support. */
  readonly solve?: { readonly input: UncertainInputName; readonly range?: { readonly low: number; readonly high: number } };
  /** Overrides the file's grid points per physics dimension. */
  readonly pointsPerDimension?: number;
  /** Cell centres at which to compare the surrogate with direct runs (default 16; 0 skips the check). */
  readonly checkPoints?: number;
}

export interface UncertaintyReport {
  readonly scenario: UncertaintyScenario;
  readonly model: UncertaintyModel;
  readonly monteCarlo: MonteCarloResult;
  readonly tornado: Tornado;
  readonly breakEvens: readonly BreakEven[];
  readonly surrogateCheck: SurrogateCheck | null;
}

/** Resolves the base option of an uncertainty file (paths of its problems start `base.`). */
export function resolveBase(scenario: UncertaintyScenario, fileName: string, ctx: ResolveContext = {}): ResolvedOption {
  try {
    const [option] = resolveScenario({ options: [scenario.base] }, fileName, ctx);
    if (option === undefined) throw new ScenarioError(fileName, ['base: nothing to resolve']);
    return option;
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(fileName, e.problems.map((p) => p.replace(/^options\[0\]/, 'base')));
    throw e;
  }
}

/**
 * The whole uncertainty analysis of a file: resolve its base option, build the model (the
 * surrogate's physics runs), compare the surrogate with direct runs between its nodes, run the
 * seeded Monte Carlo, rank the inputs (tornado) and solve each break-even.
 * @throws ScenarioError or InputError for a base or an input that cannot be used
 */
export function runUncertainty(scenario: UncertaintyScenario, fileName: string, ctx: ResolveContext = {}, settings: UncertaintyRunSettings = {}): UncertaintyReport {
  const option = resolveBase(scenario, fileName, ctx);
  let model: UncertaintyModel;
  try {
    model = buildUncertaintyModel(option, scenario.uncertain, { pointsPerDimension: settings.pointsPerDimension ?? scenario.surrogate?.pointsPerDimension });
  } catch (e) {
    if (e instanceof InputError && !(e instanceof ScenarioError)) throw new ScenarioError(fileName, [`uncertain: ${e.message}`]);
    throw e;
  }
  const checkPoints = settings.checkPoints ?? 16;
  const surrogateCheck = checkPoints > 0 && model.surrogate.dimensions.length > 0 ? checkSurrogate(model.surrogate, option, model.medianValues, checkPoints) : null;
  const mc = monteCarlo(model, { samples: settings.samples ?? scenario.samples ?? DEFAULT_SAMPLES, seed: settings.seed ?? scenario.seed ?? DEFAULT_SEED });
  const solve = settings.solve;
  const breakEvens = solve === undefined ? model.varying.map((x) => breakEven(model, x.name)) : [breakEven(model, solve.input, solve.range)];
  return { scenario, model, monteCarlo: mc, tornado: tornado(model, settings.output ?? 'margin'), breakEvens, surrogateCheck };
}
