import type { RejectedCase } from './parseCases.js';
import { MEASURED_METRICS, METRIC_KINDS, metricKind, type CasePredictor, type MeasuredMetric, type MetricKind } from './predictor.js';
import { median, quantile } from '../stats.js';
import type { Framework, ValidationCase } from './validationCase.js';

/** One published metric of a case beside the model's prediction of it. */
export interface MetricComparison {
  readonly name: MeasuredMetric;
  readonly measured: number;
  readonly predicted: number;
  /** (predicted - measured) / measured: +0.1 is a prediction 10% too high. */
  readonly relativeError: number;
}

export interface CaseResult {
  readonly id: string;
  readonly model: string;
  readonly gpu: string;
  readonly framework: Framework;
  /** Why the case failed (the predictor threw, or left a measured metric out); null if it did not. */
  readonly error: string | null;
  /** The measured metrics the predictor did predict, in `MEASURED_METRICS` order. */
  readonly metrics: readonly MetricComparison[];
}

export interface ValidationSummary {
  readonly cases: number;
  /** Cases with every measured metric predicted. */
  readonly predicted: number;
  readonly failed: number;
  /** Metrics compared over all cases, those of failed cases included. */
  readonly metrics: number;
  /** Median of |relativeError| over all compared metrics; null when none was compared. */
  readonly medianAbsRelativeError: number | null;
  /** 90th percentile (linear interpolation) of |relativeError|; null when none was compared. */
  readonly p90AbsRelativeError: number | null;
  /** Per metric kind: how many were compared, the median signed error (the bias) and the median |error|. */
  readonly byMetricKind: readonly MetricKindSummary[];
}

export interface MetricKindSummary {
  readonly kind: MetricKind;
  readonly metrics: number;
  /** Median of relativeError: +0.2 means that kind is predicted 20% high at the median. */
  readonly medianRelativeError: number | null;
  readonly medianAbsRelativeError: number | null;
}

export interface ValidationReport {
  readonly summary: ValidationSummary;
  readonly cases: readonly CaseResult[];
}

function validateCase(c: ValidationCase, predictor: CasePredictor): CaseResult {
  const head = { id: c.id, model: c.model, gpu: c.gpu, framework: c.framework };
  let prediction: ReturnType<CasePredictor>;
  try {
    prediction = predictor(c) ?? {}; // a predictor outside the type system may return nothing
  } catch (e) {
    // One case the model cannot express must not stop the run: it is recorded and the run goes on.
    return { ...head, error: e instanceof Error ? e.message : String(e), metrics: [] };
  }
  const metrics: MetricComparison[] = [];
  const unpredicted: string[] = [];
  for (const name of MEASURED_METRICS) {
    const measured = c.measured[name];
    if (measured === null) continue;
    const predicted = prediction[name];
    if (predicted === undefined || !Number.isFinite(predicted)) {
      unpredicted.push(predicted === undefined ? name : `${name} (${predicted})`);
      continue;
    }
    metrics.push({ name, measured, predicted, relativeError: (predicted - measured) / measured });
  }
  const error = unpredicted.length === 0 ? null : `no finite prediction of the measured ${unpredicted.join(', ')}`;
  return { ...head, error, metrics };
}

/**
 * Runs `predictor` on every case and compares each published (non-null) metric with its
 * prediction. A case fails when the predictor throws (its message becomes the case's `error`)
 * or leaves a measured metric out or non-finite (the metrics it did predict are kept); the run
 * always goes on. The summary's error statistics are over |relativeError| of every compared
 * metric, null when there is none.
 *
 * @example validateCases([c], () => ({ tpotSeconds: 0.022 })) // c measured tpotSeconds 0.02:
 *   // cases[0].metrics = [{ name: 'tpotSeconds', measured: 0.02, predicted: 0.022, relativeError: 0.1 }]
 */
export function validateCases(cases: readonly ValidationCase[], predictor: CasePredictor, rejected: readonly RejectedCase[] = []): ValidationReport {
  const results = [
    ...cases.map((c) => validateCase(c, predictor)),
    ...rejected.map((r): CaseResult => ({ id: r.id, model: '?', gpu: '?', framework: 'other', error: r.error, metrics: [] })),
  ];
  const all = results.flatMap((r) => r.metrics);
  const byMetricKind = METRIC_KINDS.map((kind): MetricKindSummary => {
    const errors = all.filter((m) => metricKind(m.name) === kind).map((m) => m.relativeError);
    return {
      kind, metrics: errors.length,
      medianRelativeError: errors.length === 0 ? null : median(errors),
      medianAbsRelativeError: errors.length === 0 ? null : median(errors.map(Math.abs)),
    };
  });
  const absErrors = results.flatMap((r) => r.metrics.map((m) => Math.abs(m.relativeError)));
  const failed = results.filter((r) => r.error !== null).length;
  return {
    summary: {
      cases: results.length,
      predicted: results.length - failed,
      failed,
      metrics: absErrors.length,
      medianAbsRelativeError: absErrors.length === 0 ? null : median(absErrors),
      p90AbsRelativeError: absErrors.length === 0 ? null : quantile(absErrors, 0.9),
      byMetricKind,
    },
    cases: results,
  };
}
