import defaultScenarioData from './defaultScenario.json' with { type: 'json' };
import { parseScenario } from './parseScenario.js';
import type { ScenarioInput } from './schema.js';

export { parseScenario, parseScenarioText, parseYamlText, ScenarioError } from './parseScenario.js';
export { resolveScenario, type Assumption, type ResolvedOption } from './resolveScenario.js';
export { effectiveCostBasis, runOption, type OptionResult } from './runScenario.js';
export { runEach } from './runEach.js';

/** The built-in default scenario (`inferonomics report` with no argument), validated like any file. */
export const DEFAULT_SCENARIO: ScenarioInput = parseScenario(defaultScenarioData, 'built-in default scenario');
export { chooseDeployment, deploymentCandidates, DEFAULT_MAX_DEPLOYMENT_GPUS, DEPLOYMENT_COST_TOLERANCE, MAX_TIMES_SMALLEST_FIT, type DeploymentChoice, type DeploymentCandidate } from './chooseDeployment.js';
