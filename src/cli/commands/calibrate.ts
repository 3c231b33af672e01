import { defineCommand } from 'citty';
import { calibrate, type CalibrationGrouping, type CalibrationReport, type GroupErrors } from '../../core/calibration/calibrate.js';
import { InputError } from '../../core/errors.js';
import { parseCasesLenient } from '../../core/validation/parseCases.js';
import { casePredictor } from '../../core/validation/predictCase.js';
import type { ValidationCase } from '../../core/validation/validationCase.js';
import { rejectUnknownFlags } from '../args.js';
import { table } from '../format.js';
import type { CliIo } from '../io.js';
import { readJsonFile } from './validate.js';
import { percent, signedPercent } from '../../format/numbers.js';

const args = {
  files: { type: 'positional', required: true, description: 'one or more JSON files of measured cases (format: ../shared/validation/README.md)', valueHint: 'FILE...' },
  'group-by': { type: 'string', description: 'fit factors per family, per framework, or both (default family,framework)', valueHint: 'family,framework' },
  out: { type: 'string', description: 'write the fitted profile here (use it with --profile on perf, frontier, report, validate)', valueHint: 'profile.json' },
  'in-sample-only': { type: 'boolean', description: 'skip the leave-one-source-out refits (faster)' },
  json: { type: 'boolean', description: 'print the report as JSON (relative errors as fractions)' },
} as const;

const pct = (x: number | null) => (x === null ? 'n/a' : percent(x, 1));
const signed = (x: number | null) => (x === null ? 'n/a' : signedPercent(x, 1));

/** A source's URL shortened for a table: the part before " | ", without the scheme. */
export function shortSource(source: string): string {
  const head = (source.split(' | ')[0] ?? source).replace(/^https?:\/\//, '');
  return head.length > 64 ? `${head.slice(0, 61)}...` : head;
}

function parseGrouping(raw: unknown): CalibrationGrouping {
  if (raw === undefined) return ['family', 'framework'];
  const parts = String(raw).split(',').map((p) => p.trim()).filter((p) => p !== '');
  const allowed = ['family', 'framework'] as const;
  for (const p of parts) {
    if (!(allowed as readonly string[]).includes(p)) throw new InputError('--group-by', String(raw), 'family, framework, or family,framework');
  }
  return parts as CalibrationGrouping;
}

/** The `calibrate` command: fits the efficiency factors to measured cases and reports in-sample and leave-one-source-out error. */
export function calibrateCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'calibrate', description: 'Fit the efficiency factors to measured cases; in-sample and leave-one-source-out error' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const files = (a._ as string[] | undefined)?.length ? (a._ as string[]) : [String(a.files)];
      const cases: ValidationCase[] = [];
      const rejected: string[] = [];
      for (const file of files) {
        const parsed = parseCasesLenient(readJsonFile(file, io), file);
        cases.push(...parsed.cases);
        rejected.push(...parsed.rejected.map((r) => `${file}: ${r.id}: ${r.error}`));
      }
      if (cases.length === 0) throw new InputError('FILE', files.join(' '), 'at least one valid case');
      const report = calibrate(cases, casePredictor, { groupBy: parseGrouping(a['group-by']), inSampleOnly: a['in-sample-only'] === true });
      if (typeof a.out === 'string') {
        if (io.writeTextFile === undefined) throw new InputError('--out', a.out, 'a CLI that may write files');
        io.writeTextFile(a.out, `${JSON.stringify(report.profile, null, 2)}\n`, { overwrite: true });
      }
      io.out.write(a.json ? `${JSON.stringify({ ...report, rejected }, null, 2)}\n` : render(report, files, rejected));
    },
  });
}

function groupRows(groups: readonly GroupErrors[], name: (k: string) => string): string[][] {
  return groups.map((g) => [name(g.key), String(g.cases), String(g.metrics), pct(g.medianAbsRelativeError), pct(g.p90AbsRelativeError), signed(g.medianRelativeError)]);
}

function render(r: CalibrationReport, files: readonly string[], rejected: readonly string[]): string {
  const loso = r.leaveOneSourceOut;
  const lines = [
    `Calibration: ${r.cases} cases of ${r.sources} sources in ${files.join(', ')}`,
    '',
    table([
      ['in-sample', pct(r.inSample.medianAbsRelativeError), pct(r.inSample.p90AbsRelativeError), String(r.inSample.metrics)],
      ...(loso === null ? [] : [['leave one source out', pct(loso.medianAbsRelativeError), pct(loso.p90AbsRelativeError), String(loso.metrics)]]),
    ], ['error', 'median |error|', 'p90 |error|', 'metrics']),
    '',
    'by metric kind (in-sample):',
    table(groupRows(r.inSample.byMetricKind, (k) => k), ['kind', 'cases', 'metrics', 'median |err|', 'p90 |err|', 'median signed']),
  ];
  if (loso !== null) {
    lines.push('', 'by metric kind (leave one source out):', table(groupRows(loso.byMetricKind, (k) => k), ['kind', 'cases', 'metrics', 'median |err|', 'p90 |err|', 'median signed']));
    lines.push('', 'by source (each predicted from a fit on the others):', table(groupRows(loso.bySource, shortSource), ['source', 'cases', 'metrics', 'median |err|', 'p90 |err|', 'median signed']));
  }
  lines.push('', 'fitted factors:', table(r.factors.map((f) => [
    f.name, f.prior.toPrecision(3), f.value.toPrecision(3), `±${percent(f.relativeUncertainty, 0)}`, String(f.pinnedBy.length),
  ]), ['factor', 'prior', 'fitted', '1 s.e.', 'sources']));
  const inheritedFromFit = r.inherited.filter((i) => i.inheritedFrom !== null && i.pinnedBy.length > 0);
  if (inheritedFromFit.length > 0) {
    lines.push('', 'seen by fewer than two sources, so inherited from a neighbour:', table(inheritedFromFit.map((i) => [i.name, i.inheritedFrom ?? 'prior', String(i.pinnedBy.length)]), ['factor', 'follows', 'sources']));
  }
  if (r.unpredictable.length > 0) lines.push('', 'cases the model cannot predict (left out):', ...r.unpredictable.map((u) => `  ${u.id}: ${u.error}`));
  if (rejected.length > 0) lines.push('', 'cases that are not valid (left out):', ...rejected.map((x) => `  ${x}`));
  return `${lines.join('\n')}\n`;
}
