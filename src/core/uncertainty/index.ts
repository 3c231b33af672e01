import defaultUncertaintyData from './defaultUncertainty.json' with { type: 'json' };
import { parseUncertainty, type UncertaintyScenario } from './parseUncertainty.js';

export { breakEven, type BreakEven } from './breakEven.js';
export { checkSurrogate, type SurrogateCheck, type SurrogateCheckPoint } from './checkSurrogate.js';
export { describeDistribution, median, quantile, support, DISTRIBUTION_KINDS, TAIL_PROBABILITY, type Distribution } from './distribution.js';
export { findRoot, type Root } from './findRoot.js';
export { describeDomain, inDomain, INPUT_SPECS, UNCERTAIN_INPUT_NAMES, type InputValues, type UncertainInputName } from './inputs.js';
export { monteCarlo, type MonteCarloResult } from './monteCarlo.js';
export { normalQuantile } from './normalQuantile.js';
export { OUTPUT_NAMES, OUTPUT_SPECS, outputOf, type OutputName } from './outputs.js';
export { parseUncertainty, parseUncertaintyText, type UncertainInput, type UncertaintyScenario } from './parseUncertainty.js';
export { physicsAt, type PhysicsPoint } from './physicsAt.js';
export { DEFAULT_SAMPLES, DEFAULT_SEED, resolveBase, runUncertainty, type UncertaintyReport, type UncertaintyRunSettings } from './runUncertainty.js';
export { summarize, type SampleSummary } from './summarize.js';
export { buildSurrogate, gridNodes, type Surrogate, type SurrogateDimension } from './surrogate.js';
export { tornado, type Tornado, type TornadoRow } from './tornado.js';
export { buildUncertaintyModel, defaultPointsPerDimension, optionValues, type UncertaintyModel } from './uncertaintyModel.js';

/** The built-in default uncertainty scenario (`inferonomics uncertainty` with no file), validated like any file. */
export const DEFAULT_UNCERTAINTY: UncertaintyScenario = parseUncertainty(defaultUncertaintyData, 'built-in default uncertainty scenario');
