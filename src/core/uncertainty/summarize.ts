import { quantileSorted } from '../stats.js';

/** Percentiles, mean and range of a set of samples. */
export interface SampleSummary {
  readonly p5: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1). */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

/** Summarises `values` (left unchanged): p5, p25, p50, p75, p95, mean, sd, min and max. */
export function summarize(values: Float64Array): SampleSummary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / values.length;
  let squares = 0;
  for (const x of values) squares += (x - mean) ** 2;
  const at = (p: number) => quantileSorted(sorted, p);
  return {
    p5: at(0.05), p25: at(0.25), p50: at(0.5), p75: at(0.75), p95: at(0.95),
    mean, sd: values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0,
    min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN,
  };
}
