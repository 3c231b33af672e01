import type { ValidationCase } from './validationCase.js';

/** The metrics a validation case may publish; `relativeError` is (predicted - measured) / measured. */
export const MEASURED_METRICS = [
  'outputTokensPerSecondPerGpu',
  'inputTokensPerSecondPerGpu',
  'totalTokensPerSecondPerGpu',
  'tokensPerSecondPerUser',
  'tpotSeconds',
  'ttftSeconds',
] as const;
export type MeasuredMetric = (typeof MEASURED_METRICS)[number];

/**
 * Predicts the metrics of one case from the performance model. Returns a prediction for every
 * metric the model can express; throws an Error whose message says what is missing when the
 * case cannot be expressed (the validation run records it as failed and goes on).
 */
export type CasePredictor = (c: ValidationCase) => Partial<Record<MeasuredMetric, number>>;
