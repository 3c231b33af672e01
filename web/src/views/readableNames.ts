/** The names in words live beside the assumption rows they label (src/core/scenario/assumptionNames.ts), so the CLI and the web read the same words. */
export { readableName } from '../../../src/core/scenario/assumptionNames.js';
