export { parseScenario, parseScenarioText, parseYamlText, ScenarioError } from './parseScenario.js';
export { resolveScenario, type Assumption, type ResolvedOption } from './resolveScenario.js';
export { effectiveCostBasis, runOption, type FrontierCost, type GpuSecondsPerToken, type OptionResult, type PointContexts, type ServingMode } from './runScenario.js';
export { runEach } from './runEach.js';
export { DEFAULT_OPTION_INDEX, DEFAULT_SCENARIO, defaultFrontierOption, scenarioOption } from './defaultOptions.js';
export { chooseDeployment, deploymentCandidates, DEFAULT_MAX_DEPLOYMENT_GPUS, DEPLOYMENT_COST_TOLERANCE, MAX_TIMES_SMALLEST_FIT, type DeploymentChoice, type DeploymentCandidate } from './chooseDeployment.js';
export { assumptionRows, valueWithUnit, type AssumptionGroup, type AssumptionRow } from './assumptions.js';
