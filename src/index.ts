/**
 * inferonomics as a library: the core API behind the CLI, re-exported unchanged (the functions
 * live in src/core; this file only names the public ones). Units are SI (seconds, bytes, FLOP/s,
 * tokens), money in USD; bad input throws an InputError naming the field, the value and what is
 * allowed.
 *
 *   import { DEFAULT_SCENARIO, resolveScenario, runOption } from 'inferonomics';
 *   for (const option of resolveScenario(DEFAULT_SCENARIO, 'default')) console.log(option.label, runOption(option).economics);
 */

// Errors: every bad input is an InputError (a scenario file's problems a ScenarioError).
export { InputError } from './core/errors.js';

// Catalogs: models and accelerators with their sources, and a lookup that suggests near ids.
export { MODELS, ALL_MODELS, type CatalogModel } from './core/catalog/models.js';
export { ACCELERATORS } from './core/catalog/accelerators.js';
export { findById, closestIds } from './core/catalog/lookup.js';
export type { Accelerator } from './core/accelerator/accelerator.js';
export type { ModelArchitecture } from './core/model/modelArchitecture.js';
export { modelFromHfConfig, type HfConfigOptions } from './core/hfConfig/index.js';

// Scenarios: load (YAML or JSON text, or a parsed object), resolve against the catalogs, run.
export {
  DEFAULT_SCENARIO, parseScenario, parseScenarioText, ScenarioError, resolveScenario, runOption, runEach, effectiveCostBasis,
  type Assumption, type ResolvedOption, type OptionResult,
} from './core/scenario/index.js';
export type { ScenarioInput, ScenarioOptionInput, DemandInput } from './core/scenario/schema.js';
export type { TokenEconomics } from './core/economics/tokenEconomics.js';
export type { PerTokenKind, TokenKind } from './core/tokenKinds.js';

// Performance: one setup (perf), every layout and batch (frontier), memory fit.
export { servingPerformance, type ServingPerformance, type ServingDoesNotFit, type ServingRequest, type ServingPhase } from './core/perf/servingPerformance.js';
export type { ServingSetup } from './core/perf/buildContext.js';
export { throughputFrontier, type Frontier, type FrontierOptions, type FrontierPoint } from './core/perf/frontier.js';
export { memoryFit, type MemoryFit, type MemoryFitOptions } from './core/memory/memoryFit.js';
export { smallestFittingGpuCount, type SmallestFit } from './core/memory/smallestFit.js';
export { SHIPPED_PROFILE, PRIOR_PROFILE, parseEfficiencyProfile, type EfficiencyProfile } from './core/perf/efficiencyProfiles.js';

// Validation and calibration against measured cases (the format of ../shared/validation/README.md).
export { parseCases, parseCasesLenient, type RejectedCase } from './core/validation/parseCases.js';
export type { ValidationCase } from './core/validation/validationCase.js';
export { predictCase, casePredictor } from './core/validation/predictCase.js';
export { validateCases, type ValidationReport } from './core/validation/validate.js';
export { calibrate, type CalibrationOptions, type CalibrationReport } from './core/calibration/calibrate.js';

// Demand simulation: a scenario option served under generated demand or a parsed trace.
export { runSimulation, type SimulationReport } from './core/sim/runSimulation.js';
export { parseTrace, type ParsedTrace } from './core/demand/trace/parseTrace.js';
