export { modelFromHfConfig, type HfConfigOptions } from './modelFromHfConfig.js';
export { HF_MODEL_TYPES, HF_WRAPPER_MODEL_TYPES, type HfModelType } from './registry.js';
export { ConfigReader } from './configReader.js';
