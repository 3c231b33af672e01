import { parseCases } from '../../../src/core/validation/parseCases.js';
import { predictCase } from '../../../src/core/validation/predictCase.js';
import { validateCases } from '../../../src/core/validation/validate.js';
import cases from '../data/validationCases.json' with { type: 'json' };
import type { ValidationRow } from '../charts/types.js';

/** The shipped validation cases predicted by the model: a row per case and measured metric, and the summary. */
export function validationRows() {
  const report = validateCases(parseCases(cases, 'validationCases.json'), predictCase);
  const rows: ValidationRow[] = report.cases.flatMap((c) =>
    c.metrics.map((m) => ({ caseId: c.id, metric: m.name, measured: m.measured, predicted: m.predicted, relativeError: m.relativeError })));
  return { rows, summary: report.summary };
}
