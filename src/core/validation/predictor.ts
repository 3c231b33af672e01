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

/** Metric kinds whose bias `validate` and `calibrate` report apart. */
export const METRIC_KINDS = ['throughput per GPU', 'per-user speed and TPOT', 'TTFT'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** The kind of a metric: TTFT, per-user speed (TPOT and its inverse), or throughput per GPU. */
export function metricKind(m: MeasuredMetric): MetricKind {
  if (m === 'ttftSeconds') return 'TTFT';
  if (m === 'tokensPerSecondPerUser' || m === 'tpotSeconds') return 'per-user speed and TPOT';
  return 'throughput per GPU';
}
