import defaultScenarioData from './defaultScenario.json' with { type: 'json' };
import { parseScenario } from './parseScenario.js';
import type { ScenarioInput } from './schema.js';

export { parseScenario, parseScenarioText, parseYamlText, ScenarioError } from './parseScenario.js';
export { resolveScenario, type Assumption, type ResolvedOption } from './resolveScenario.js';
export { effectiveCostBasis, runOption, type FrontierCost, type GpuSecondsPerToken, type OptionResult, type PointContexts, type ServingMode } from './runScenario.js';
export { runEach } from './runEach.js';

/** The built-in default scenario (`inferonomics report` with no argument), validated like any file. */
export const DEFAULT_SCENARIO: ScenarioInput = parseScenario(defaultScenarioData, 'built-in default scenario');
