import { findById } from '../catalog/lookup.js';
import { ACCELERATORS } from '../catalog/accelerators.js';
import type { EfficiencyProfile } from '../perf/efficiencyProfiles.js';
import type { CasePredictor, MeasuredMetric } from '../validation/predictor.js';
import { MEASURED_METRICS, metricKind } from '../validation/predictor.js';
import { median, quantile } from '../stats.js';
import type { ValidationCase } from '../validation/validationCase.js';
import {
  candidateFactors, FACTOR_BOUNDS, factorName, priorValue, profileOf, sourceOf, type FactorKey,
} from './parameters.js';
import { robustFit } from './robustFit.js';

/**
 * Width of the prior on each factor, in log space: one standard deviation is a factor of e^0.7 ≈ 2
 * from the literature value. Chosen among 0.5, 0.7, 0.8, 1, 2 and 4 by the leave-one-source-out
 * error on the shared cases (narrower priors generalise better, wider ones fit the sample better;
 * 0.7 is the widest whose held-out median error did not rise).
 */
export const PRIOR_WIDTH = 0.7;

/** How factors are grouped: per accelerator family, per serving framework, or both (the default). */
export type CalibrationGrouping = readonly ('family' | 'framework')[];

export interface CalibrationOptions {
  readonly groupBy?: CalibrationGrouping;
  /** Sources a factor needs to be fitted; fewer and it is inherited from a neighbour (default 2). */
  readonly minSources?: number;
  /** |Δ log prediction| a 10% change of a factor must cause in a case for that case to pin it (default 0.005). */
  readonly sensitivity?: number;
  /** Fit iterations (default 25; the leave-one-source-out refits take a third of it from the full fit). */
  readonly maxIterations?: number;
  /** Width of the prior in log space (default PRIOR_WIDTH). */
  readonly priorWidth?: number;
  /** Skip the leave-one-source-out refits (a quick in-sample fit). */
  readonly inSampleOnly?: boolean;
}

export interface CalibratedFactor {
  readonly name: string;
  readonly kind: FactorKey['kind'];
  readonly group: string;
  readonly factor: string;
  readonly value: number;
  readonly prior: number;
  /** One standard error, as a fraction of the value (from the fit's covariance, in log space). */
  readonly relativeUncertainty: number;
  /** Sources of the cases whose predictions move with it. */
  readonly pinnedBy: readonly string[];
}

export interface InheritedFactor {
  readonly name: string;
  /** The fitted factor it follows (by its ratio to the prior), or null: it keeps its prior. */
  readonly inheritedFrom: string | null;
  readonly pinnedBy: readonly string[];
}

export interface ErrorSummary {
  readonly metrics: number;
  readonly medianAbsRelativeError: number | null;
  readonly p90AbsRelativeError: number | null;
}

export interface GroupErrors extends ErrorSummary {
  readonly key: string;
  readonly cases: number;
  readonly medianRelativeError: number | null;
}

export interface CalibrationReport {
  readonly cases: number;
  readonly sources: number;
  readonly inSample: ErrorSummary & { readonly bySource: readonly GroupErrors[]; readonly byMetricKind: readonly GroupErrors[] };
  readonly leaveOneSourceOut: (ErrorSummary & { readonly bySource: readonly GroupErrors[]; readonly byMetricKind: readonly GroupErrors[] }) | null;
  readonly factors: readonly CalibratedFactor[];
  readonly inherited: readonly InheritedFactor[];
  readonly profile: EfficiencyProfile;
  /** Cases the model could not predict at the priors (left out of the fit). */
  readonly unpredictable: readonly { readonly id: string; readonly error: string }[];
}


interface Observation { readonly caseIndex: number; readonly metric: MeasuredMetric; readonly measured: number; readonly weight: number }

type Predictions = (Partial<Record<MeasuredMetric, number>> | null)[];

function observationsOf(cases: readonly ValidationCase[]): Observation[] {
  return cases.flatMap((c, caseIndex) => {
    const metrics = MEASURED_METRICS.filter((m) => c.measured[m] !== null);
    // Each case weighs about as much as one metric whatever it publishes (an InferenceX row's six
    // metrics are not six independent measurements).
    return metrics.map((metric) => ({ caseIndex, metric, measured: c.measured[metric] as number, weight: 1 / Math.sqrt(metrics.length) }));
  });
}

function predictAll(cases: readonly ValidationCase[], predictor: (p: EfficiencyProfile) => CasePredictor, profile: EfficiencyProfile, only?: ReadonlySet<number>, base?: Predictions): Predictions {
  const predict = predictor(profile);
  return cases.map((c, i) => {
    if (only !== undefined && !only.has(i) && base !== undefined) return base[i] ?? null;
    try {
      return predict(c);
    } catch {
      return null;
    }
  });
}

/** Log errors of the observations; an unpredicted metric counts as a factor of e² off. */
function logResiduals(obs: readonly Observation[], predictions: Predictions): number[] {
  return obs.map((o) => {
    const p = predictions[o.caseIndex]?.[o.metric];
    return p === undefined || !(p > 0) || !Number.isFinite(p) ? 2 : Math.log(p / o.measured);
  });
}

function summarize(errors: readonly number[]): ErrorSummary {
  const abs = errors.map(Math.abs);
  return {
    metrics: errors.length,
    medianAbsRelativeError: abs.length === 0 ? null : median(abs),
    p90AbsRelativeError: abs.length === 0 ? null : quantile(abs, 0.9),
  };
}

interface Compared { readonly source: string; readonly caseId: string; readonly metric: MeasuredMetric; readonly relativeError: number }

function grouped(rows: readonly Compared[], key: (r: Compared) => string): GroupErrors[] {
  const groups = new Map<string, Compared[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()].map(([k, rs]) => ({
    key: k,
    cases: new Set(rs.map((r) => r.caseId)).size,
    ...summarize(rs.map((r) => r.relativeError)),
    medianRelativeError: median(rs.map((r) => r.relativeError)),
  }));
}

function compare(cases: readonly ValidationCase[], obs: readonly Observation[], predictions: Predictions, keep: (o: Observation) => boolean): Compared[] {
  return obs.filter(keep).map((o) => {
    const c = cases[o.caseIndex] as ValidationCase;
    const p = predictions[o.caseIndex]?.[o.metric];
    const relativeError = p === undefined || !Number.isFinite(p) ? Number.POSITIVE_INFINITY : (p - o.measured) / o.measured;
    return { source: c.source, caseId: c.id, metric: o.metric, relativeError };
  });
}

function withSummaries(rows: readonly Compared[]) {
  return {
    ...summarize(rows.map((r) => r.relativeError)),
    bySource: grouped(rows, (r) => r.source),
    byMetricKind: grouped(rows, (r) => metricKind(r.metric)),
  };
}

/** The group a case belongs to for a factor's kind. */
function caseGroup(c: ValidationCase, kind: FactorKey['kind']): string | null {
  if (kind === 'framework') return c.framework;
  try {
    return findById('gpu', c.gpu, ACCELERATORS).family;
  } catch {
    return null;
  }
}

/**
 * Fits the efficiency factors to measured cases: robust least squares (Huber on log error) from
 * the priors, each factor per accelerator family and per framework, fitted only where cases of
 * at least `minSources` sources move with it and inherited from its neighbour otherwise. Then
 * each source is held out in turn, the factors refitted on the rest (with the pinning recounted
 * without it) and its cases predicted: the leave-one-source-out error is what to expect on a
 * source the model has never seen.
 */
export function calibrate(cases: readonly ValidationCase[], predictor: (p: EfficiencyProfile) => CasePredictor, options: CalibrationOptions = {}): CalibrationReport {
  const { groupBy = ['family', 'framework'], minSources = 2, sensitivity = 0.005, maxIterations = 25, priorWidth = PRIOR_WIDTH } = options;
  const prior = profileOf(new Map(), 'priors');
  const priorPredictions = predictAll(cases, predictor, prior);
  const unpredictable = cases.flatMap((c, i) => (priorPredictions[i] === null ? [{ id: c.id, error: errorOf(c, predictor, prior) }] : []));
  const usable = cases.filter((_, i) => priorPredictions[i] !== null);
  const obs = observationsOf(usable);
  const basePredictions = priorPredictions.filter((p) => p !== null);

  // Candidates: per group, or one shared value per factor when that grouping is off.
  const grouping = (kind: FactorKey['kind']) => groupBy.includes(kind === 'hardware' ? 'family' : 'framework');
  const candidates = candidateFactors().filter((k) => grouping(k.kind));
  for (const k of candidateFactors()) {
    if (!grouping(k.kind) && !candidates.some((c) => c.kind === k.kind && c.factor === k.factor && (c.group as string) === '*')) {
      candidates.push({ ...k, group: '*' } as unknown as FactorKey);
    }
  }
  const membersOf = (k: FactorKey) => usable.flatMap((c, i) => ((k.group as string) === '*' || caseGroup(c, k.kind) === k.group ? [i] : []));

  // Which sources pin each candidate: cases of its group whose prediction moves with it.
  const pinnedBy = new Map<string, Set<string>>();
  for (const k of candidates) {
    const members = membersOf(k);
    const sources = new Set<string>();
    if (members.length > 0) {
      const moved = profileOf(new Map([[factorName(k), priorValue(k) * 1.1]]), 'probe');
      const probe = predictAll(usable, predictor, moved, new Set(members), basePredictions);
      for (const i of members) {
        const before = basePredictions[i];
        const after = probe[i];
        if (before == null || after == null) continue;
        const moves = MEASURED_METRICS.some((m) => {
          const b = before[m];
          const a = after[m];
          return (usable[i] as ValidationCase).measured[m] !== null && b !== undefined && a !== undefined && b > 0 && a > 0 && Math.abs(Math.log(a / b)) >= sensitivity;
        });
        if (moves) sources.add((usable[i] as ValidationCase).source);
      }
    }
    pinnedBy.set(factorName(k), sources);
  }

  const fitOn = (caseIndices: readonly number[], heldOut: string | null, start: ReadonlyMap<string, number>, iterations: number) => {
    const fitted = candidates.filter((k) => [...(pinnedBy.get(factorName(k)) ?? [])].filter((s) => s !== heldOut).length >= minSources);
    const fittedNames = new Set(fitted.map(factorName));
    const subset = caseIndices.map((i) => usable[i] as ValidationCase);
    const subsetObs = observationsOf(subset);
    const toValues = (x: readonly number[]) => new Map(fitted.map((k, j) => [factorName(k), Math.exp(x[j] as number)]));
    // Cases each parameter can move, for a Jacobian that recomputes only those.
    const affected = fitted.map((k) => new Set(subset.flatMap((c, i) => {
      const g = caseGroup(c, k.kind);
      if (g === null) return [];
      const src = sourceOf({ ...k, group: g } as FactorKey, fittedNames);
      return src !== null && factorName(src) === factorName(k) ? [i] : [];
    })));
    let lastKey = '';
    let lastPredictions: Predictions = [];
    const evaluate = (x: readonly number[]) => {
      const key = x.join(',');
      if (key !== lastKey) {
        lastPredictions = predictAll(subset, predictor, profileOf(toValues(x), 'fit'));
        lastKey = key;
      }
      return lastPredictions;
    };
    const result = robustFit({
      start: fitted.map((k) => Math.log(start.get(factorName(k)) ?? priorValue(k))),
      lower: fitted.map((k) => Math.log(FACTOR_BOUNDS[k.factor]?.[0] ?? 1e-9)),
      upper: fitted.map((k) => Math.log(FACTOR_BOUNDS[k.factor]?.[1] ?? 1e9)),
      residuals: (x) => logResiduals(subsetObs, evaluate(x)),
      column: (moved, j, base) => {
        const basePredictions2 = evaluate(base);
        const p = predictAll(subset, predictor, profileOf(toValues(moved), 'fit'), affected[j], basePredictions2);
        return logResiduals(subsetObs, p);
      },
      weights: subsetObs.map((o) => o.weight),
      huberDelta: 0.15,
      priorMean: fitted.map((k) => Math.log(priorValue(k))),
      priorSigma: priorWidth,
      maxIterations: iterations,
      step: 1e-3,
    });
    return { fitted, values: toValues(result.x), standardErrors: result.standardErrors };
  };

  const all = usable.map((_, i) => i);
  const full = fitOn(all, null, new Map(), maxIterations);
  const fittedNames = new Set(full.fitted.map(factorName));
  const basis = basisOf(full.fitted, pinnedBy, candidates, fittedNames);
  const profile = profileOf(full.values, `calibrate on ${usable.length} cases of ${new Set(usable.map((c) => c.source)).size} sources`, basis);
  const inSamplePredictions = predictAll(usable, predictor, profile);
  const inSample = withSummaries(compare(usable, obs, inSamplePredictions, () => true));

  let leaveOneSourceOut: CalibrationReport['leaveOneSourceOut'] = null;
  if (options.inSampleOnly !== true) {
    const sources = [...new Set(usable.map((c) => c.source))];
    const rows: Compared[] = [];
    for (const s of sources) {
      const rest = all.filter((i) => (usable[i] as ValidationCase).source !== s);
      const fit = fitOn(rest, s, full.values, Math.max(3, Math.round(maxIterations / 3)));
      const p = predictAll(usable, predictor, profileOf(fit.values, 'loso'), new Set(all.filter((i) => !rest.includes(i))), inSamplePredictions);
      rows.push(...compare(usable, obs, p, (o) => (usable[o.caseIndex] as ValidationCase).source === s));
    }
    leaveOneSourceOut = withSummaries(rows);
  }

  const factors: CalibratedFactor[] = full.fitted.map((k, j) => ({
    name: factorName(k), kind: k.kind, group: k.group, factor: k.factor,
    value: full.values.get(factorName(k)) as number,
    prior: priorValue(k),
    relativeUncertainty: Math.expm1(full.standardErrors[j] ?? 0),
    pinnedBy: [...(pinnedBy.get(factorName(k)) ?? [])],
  }));
  const inherited: InheritedFactor[] = candidates.filter((k) => !fittedNames.has(factorName(k)) && (k.group as string) !== '*').map((k) => {
    const src = sourceOf(k, fittedNames);
    return { name: factorName(k), inheritedFrom: src === null ? null : factorName(src), pinnedBy: [...(pinnedBy.get(factorName(k)) ?? [])] };
  });
  return { cases: usable.length, sources: new Set(usable.map((c) => c.source)).size, inSample, leaveOneSourceOut, factors, inherited, profile, unpredictable };
}

function errorOf(c: ValidationCase, predictor: (p: EfficiencyProfile) => CasePredictor, profile: EfficiencyProfile): string {
  try {
    predictor(profile)(c);
    return 'no prediction';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** One line per family and framework: which of its factors were fitted and on how many sources, and what it inherits. */
function basisOf(fitted: readonly FactorKey[], pinnedBy: ReadonlyMap<string, ReadonlySet<string>>, candidates: readonly FactorKey[], fittedNames: ReadonlySet<string>): Record<string, string> {
  const groups = [...new Set(candidates.map((k) => k.group as string))];
  return Object.fromEntries(groups.map((g) => {
    const own = fitted.filter((k) => k.group === g).map((k) => `${k.factor} (${pinnedBy.get(factorName(k))?.size ?? 0} sources)`);
    const followed = [...new Set(candidates.filter((k) => k.group === g && !fittedNames.has(factorName(k))).map((k) => sourceOf(k, fittedNames)?.group ?? 'prior'))];
    const text = own.length === 0
      ? `calibrated: no factor of its own (fewer than two sources); follows ${followed.join(', ')}`
      : `calibrated: ${own.join(', ')}; the rest follows ${followed.join(', ') || 'nothing'}`;
    return [g, text];
  }));
}
