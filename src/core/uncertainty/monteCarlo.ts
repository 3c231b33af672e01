import { createRng } from '../demand/rng.js';
import type { Rng } from '../demand/types.js';
import { quantile } from './distribution.js';
import type { InputValues } from './inputs.js';
import { OUTPUT_NAMES, outputOf, type OutputName } from './outputs.js';
import { summarize, type SampleSummary } from './summarize.js';
import type { UncertaintyModel } from './uncertaintyModel.js';

export interface MonteCarloResult {
  readonly samples: number;
  readonly seed: number;
  readonly outputs: Readonly<Record<OutputName, SampleSummary>>;
  /** Share of samples with a margin above zero. */
  readonly probabilityMarginPositive: number;
  /** Its binomial standard error, √(p(1 − p)/n). */
  readonly probabilityStandardError: number;
  /** Every sample's outputs, in draw order. */
  readonly draws: Readonly<Record<OutputName, Float64Array>>;
}

/** FNV-1a of a name: each input's stream depends on the seed and its name only. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A seeded Monte Carlo run of `model`: each sample draws every varying input by inversion
 * (`quantile(distribution, U)`), each input from its own sfc32 stream seeded by the seed and the
 * input's name (so adding, removing or reordering inputs leaves the others' draws alone), and
 * evaluates the model there (surrogate seconds, then `tokenEconomics`). Inputs are independent.
 * The same seed gives the same result on every platform.
 * Example: `monteCarlo(model, {samples: 100_000, seed: 1}).probabilityMarginPositive`.
 */
export function monteCarlo(model: UncertaintyModel, { samples, seed }: { readonly samples: number; readonly seed: number }): MonteCarloResult {
  const streams: { name: keyof InputValues; rng: Rng; d: UncertaintyModel['varying'][number]['distribution'] }[] =
    model.varying.map((x) => ({ name: x.name, rng: createRng((seed ^ hashName(x.name)) >>> 0), d: x.distribution }));
  const draws = Object.fromEntries(OUTPUT_NAMES.map((n) => [n, new Float64Array(samples)])) as Record<OutputName, Float64Array>;
  const values: InputValues = { ...model.baseValues };
  let positive = 0;
  for (let i = 0; i < samples; i++) {
    for (const s of streams) values[s.name] = quantile(s.d, s.rng.next());
    const e = model.evaluate(values);
    for (const n of OUTPUT_NAMES) draws[n][i] = outputOf(e, n);
    if (e.marginFraction !== null && e.marginFraction > 0) positive++;
  }
  const p = positive / samples;
  return {
    samples, seed,
    outputs: Object.fromEntries(OUTPUT_NAMES.map((n) => [n, summarize(draws[n])])) as Record<OutputName, SampleSummary>,
    probabilityMarginPositive: p,
    probabilityStandardError: Math.sqrt((p * (1 - p)) / samples),
    draws,
  };
}
