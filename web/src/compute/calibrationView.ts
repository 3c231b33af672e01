import { calibrate, type CalibratedFactor, type CalibrationReport, type GroupErrors } from '../../../src/core/calibration/calibrate.js';
import type { EfficiencyProfile } from '../../../src/core/perf/efficiencyProfiles.js';
import { parseCasesLenient, type RejectedCase } from '../../../src/core/validation/parseCases.js';
import { casePredictor, predictCase } from '../../../src/core/validation/predictCase.js';
import type { MeasuredMetric } from '../../../src/core/validation/predictor.js';
import { validateCases } from '../../../src/core/validation/validate.js';
import type { ValidationCase } from '../../../src/core/validation/validationCase.js';
import { computeErrorMessage } from './viewErrors.js';

/** One measured metric of one case, predicted with the shipped factors and with the factors fitted to the pasted cases. */
export interface CalibrationCaseRow {
  readonly caseId: string;
  /** The case's source shortened for a legend (see {@link sourceLabels}). */
  readonly source: string;
  readonly metric: MeasuredMetric;
  readonly measured: number;
  /** null: the model could not predict this metric with those factors. */
  readonly predictedShipped: number | null;
  readonly predictedFitted: number | null;
  readonly relativeErrorShipped: number | null;
  readonly relativeErrorFitted: number | null;
}

export interface CalibrationViewModel {
  readonly cases: number;
  readonly sources: number;
  /** Cases of the text that are not valid cases: their id (or [index]) and the core's parse problems, by field. */
  readonly rejected: readonly RejectedCase[];
  readonly rows: readonly CalibrationCaseRow[];
  readonly inSample: CalibrationReport['inSample'];
  readonly leaveOneSourceOut: CalibrationReport['leaveOneSourceOut'];
  readonly factors: readonly CalibratedFactor[];
  readonly unpredictable: CalibrationReport['unpredictable'];
  /** The fitted efficiency factors, for "use these factors" (as `calibrate --out` writes them). */
  readonly profile: EfficiencyProfile;
}

/** Shortens a source for a legend: "https://lmsys.org/blog/x | table 2" → "lmsys.org/blog/x". */
export function shortSource(source: string): string {
  const head = (source.split(' | ')[0] ?? source).replace(/^https?:\/\//, '').replace(/\/$/, '');
  return head.length > 48 ? `${head.slice(0, 45)}...` : head;
}

/**
 * A short label per distinct source, distinct from each other: sources that shorten alike (four
 * InferenceX runs) are numbered in order of appearance, "inferencex.semianalysis.com #2".
 */
export function sourceLabels(sources: readonly string[]): Map<string, string> {
  const distinct = [...new Set(sources)];
  const counts = new Map<string, number>();
  for (const s of distinct) counts.set(shortSource(s), (counts.get(shortSource(s)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return new Map(distinct.map((s) => {
    const short = shortSource(s);
    if ((counts.get(short) ?? 0) < 2) return [s, short];
    const n = (seen.get(short) ?? 0) + 1;
    seen.set(short, n);
    return [s, `${short} #${n}`];
  }));
}

/**
 * The pasted measurements (text of a JSON array of cases in the validation README's format)
 * through the core's `parseCasesLenient`, `validateCases` and `calibrate`, as the CLI's
 * `validate` and `calibrate` run them: each valid case predicted with the shipped factors and
 * with the fitted ones, the in-sample and leave-one-source-out errors, the fitted factors with
 * their uncertainty. A case that is not valid is listed with its problems (by field) and left
 * out; text that is not JSON, not an array, or holds no valid case is `{ error }` in one line,
 * never a stack trace.
 */
export function computeCalibration(text: string, options: { readonly inSampleOnly?: boolean } = {}): CalibrationViewModel | { readonly error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `your measurements are not valid JSON (${e instanceof Error ? e.message : String(e)}); expected a JSON array of cases in the validation format` };
  }
  try {
    const { cases, rejected } = parseCasesLenient(raw, 'your measurements');
    if (cases.length === 0) {
      const why = rejected.slice(0, 3).map((r) => `${r.id}: ${r.error}`).join('; ');
      return { error: `no valid case among ${rejected.length} (${why}${rejected.length > 3 ? '; …' : ''})` };
    }
    const report = calibrate(cases, casePredictor, { inSampleOnly: options.inSampleOnly === true });
    const labels = sourceLabels(cases.map((c) => c.source));
    const label = (source: string) => labels.get(source) ?? shortSource(source);
    const loso = report.leaveOneSourceOut;
    return {
      cases: report.cases, sources: report.sources, rejected, rows: caseRows(cases, report.profile, label),
      inSample: report.inSample,
      leaveOneSourceOut: loso === null ? null : { ...loso, bySource: loso.bySource.map((g) => ({ ...g, key: label(g.key) })) }, factors: report.factors, unpredictable: report.unpredictable, profile: report.profile,
    };
  } catch (e) {
    return { error: computeErrorMessage(e) };
  }
}

/** Every measured metric of every case, predicted with the shipped factors and with `fitted` (`validateCases` of each). */
function caseRows(cases: readonly ValidationCase[], fitted: EfficiencyProfile, label: (source: string) => string): CalibrationCaseRow[] {
  const shipped = validateCases(cases, predictCase).cases;
  const refit = validateCases(cases, casePredictor(fitted)).cases;
  const predicted = (results: typeof shipped, i: number, metric: MeasuredMetric) => results[i]?.metrics.find((m) => m.name === metric) ?? null;
  return cases.flatMap((c, i) => (Object.entries(c.measured) as [MeasuredMetric, number | null][]).flatMap(([metric, measured]) => {
    if (measured === null) return [];
    const s = predicted(shipped, i, metric);
    const f = predicted(refit, i, metric);
    return [{
      caseId: c.id, source: label(c.source), metric, measured,
      predictedShipped: s?.predicted ?? null, predictedFitted: f?.predicted ?? null,
      relativeErrorShipped: s?.relativeError ?? null, relativeErrorFitted: f?.relativeError ?? null,
    }];
  }));
}

/** An error summary row of a group (a source, a metric kind) as the table shows it. */
export type { GroupErrors };
