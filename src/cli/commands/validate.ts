import { defineCommand } from 'citty';
import { parseCasesLenient } from '../../core/validation/parseCases.js';
import { casePredictor, predictCase } from '../../core/validation/predictCase.js';
import { profileArg, readProfile } from '../profileArg.js';
import type { MeasuredMetric } from '../../core/validation/predictor.js';
import { validateCases, type ValidationReport } from '../../core/validation/validate.js';
import { rejectUnknownFlags } from '../args.js';
import { table } from '../format.js';
import { count, percent, signedPercent, upTo } from '../../format/numbers.js';
import { readJsonInput, type CliIo } from '../io.js';
import { MILLISECONDS_PER_SECOND } from '../../core/units.js';

const args = {
  file: { type: 'positional', required: true, description: 'a JSON file of measured cases (format: ../shared/validation/README.md)', valueHint: 'FILE' },
  json: { type: 'boolean', description: 'print the report as JSON (SI units; relative errors as fractions)' },
  ...profileArg,
} as const;

/** The `validate` command: the performance model's predictions beside published measurements. */
export function validateCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'validate', description: 'Compare the performance model\'s predictions with the measured cases of a file' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const { cases, rejected } = parseCasesLenient(readJsonFile(a.file, io), a.file);
      const profile = readProfile(io, a.profile);
      const report = validateCases(cases, profile === undefined ? predictCase : casePredictor(profile), rejected);
      io.out.write(a.json ? `${JSON.stringify(report, null, 2)}\n` : renderValidationReport(report, a.file));
    },
  });
}

/** The parsed JSON of `path`; an unreadable file or malformed JSON is an InputError naming it. */
export function readJsonFile(path: string, io: CliIo): unknown {
  return readJsonInput(io, 'FILE', path, 'a readable JSON file of validation cases');
}

/** Tokens per second with thousands separators, or seconds as milliseconds. */
function formatMetricValue(name: MeasuredMetric, value: number): string {
  if (name.endsWith('Seconds')) {
    const ms = value * MILLISECONDS_PER_SECOND;
    return `${upTo(ms, ms >= 100 ? 0 : 2)} ms`;
  }
  return `${value >= 100 ? count(value) : upTo(value, 2)} tok/s`;
}

/** A signed percentage: 0.1234 → "+12.3%". */
function formatRelativeError(fraction: number): string {
  return signedPercent(fraction, 1);
}

/** Right-aligns cells the table would left-align because of their "%" or sign. */
function padToWidest(cells: readonly string[]): string[] {
  const width = Math.max(0, ...cells.map((c) => c.length));
  return cells.map((c) => c.padStart(width));
}

/** The human report: a row per compared metric, the failed cases with their message, the summary. */
export function renderValidationReport(report: ValidationReport, file: string): string {
  const s = report.summary;
  const rows = report.cases.flatMap((c) => c.metrics.map((m, i) => [
    i === 0 ? c.id : '', i === 0 ? c.model : '', i === 0 ? c.gpu : '', i === 0 ? c.framework : '',
    m.name, formatMetricValue(m.name, m.measured), formatMetricValue(m.name, m.predicted), formatRelativeError(m.relativeError),
  ]));
  const errors = padToWidest(rows.map((r) => r[7] ?? ''));
  const comparisons = rows.length === 0
    ? 'no measured metric was predicted\n'
    : table(rows.map((r, i) => [...r.slice(0, 7), errors[i] ?? '']), ['case', 'model', 'gpu', 'framework', 'metric', 'measured', 'predicted', 'error']);
  const failed = report.cases.filter((c) => c.error !== null);
  const failures = failed.length === 0
    ? []
    : ['failed cases:', ...failed.map((c) => `  ${c.id} (${c.model} on ${c.gpu}, ${c.framework}): ${c.error}`), ''];
  const statistic = (x: number | null) => (x === null ? 'n/a' : percent(x, 1));
  const summary: [string, string][] = [
    ['cases', count(s.cases)],
    ['predicted', count(s.predicted)],
    ['failed', count(s.failed)],
    ['metrics compared', count(s.metrics)],
    ['median |error|', statistic(s.medianAbsRelativeError)],
    ['p90 |error|', statistic(s.p90AbsRelativeError)],
  ];
  for (const k of s.byMetricKind) {
    if (k.metrics === 0) continue;
    summary.push([`${k.kind}: median error`, `${formatRelativeError(k.medianRelativeError ?? 0)} signed, ${statistic(k.medianAbsRelativeError)} |error| (${k.metrics})`]);
  }
  const summaryValues = padToWidest(summary.map(([, value]) => value));
  const lines = [
    `Validation: ${count(s.cases)} measured cases of ${file} against the performance model`,
    '',
    comparisons,
    ...failures,
    table(summary.map(([label], i) => [label, summaryValues[i] ?? ''])),
  ];
  return lines.join('\n');
}
