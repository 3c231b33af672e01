import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderValidationReport } from '../../src/cli/commands/validate.js';
import { validateCases } from '../../src/core/validation/validate.js';
import { makeCase } from '../core/validation/makeCase.js';
import { runCli } from './runCli.js';

const fixture = (name: string) => new URL(`../fixtures/validation/${name}`, import.meta.url).pathname;
const sharedCases = new URL('../../../shared/validation/cases.json', import.meta.url).pathname;

interface ReportJson {
  summary: Record<string, unknown>;
  cases: { id: string; model: string; gpu: string; framework: string; error: string | null; metrics: { name: string; measured: number; predicted: number; relativeError: number }[] }[];
}

/** Checks the structure of a --json report, never the accuracy of the model behind it. */
function expectReportShape(r: ReportJson, caseCount: number): void {
  expect(Object.keys(r)).toEqual(['summary', 'cases']);
  expect(Object.keys(r.summary)).toEqual(['cases', 'predicted', 'failed', 'metrics', 'medianAbsRelativeError', 'p90AbsRelativeError', 'byMetricKind']);
  const s = r.summary as unknown as Record<string, number | null>;
  expect(s.cases).toBe(caseCount);
  expect((s.predicted ?? 0) + (s.failed ?? 0)).toBe(caseCount);
  const kinds = r.summary.byMetricKind as { kind: string; metrics: number; medianRelativeError: number | null }[];
  expect(kinds.map((k) => k.kind)).toEqual(['throughput per GPU', 'per-user speed and TPOT', 'TTFT']);
  expect(kinds.reduce((n, k) => n + k.metrics, 0)).toBe(s.metrics);
  expect(r.cases).toHaveLength(caseCount);
  expect(r.cases.filter((c) => c.error !== null)).toHaveLength(s.failed ?? -1);
  expect(r.cases.reduce((n, c) => n + c.metrics.length, 0)).toBe(s.metrics);
  for (const c of r.cases) {
    expect(typeof c.id).toBe('string');
    for (const m of c.metrics) expect(m.relativeError).toBeCloseTo((m.predicted - m.measured) / m.measured, 12);
  }
  for (const key of ['medianAbsRelativeError', 'p90AbsRelativeError'] as const) {
    expect(s[key] === null ? s.metrics === 0 : Number.isFinite(s[key])).toBe(true);
  }
}

describe('inferonomics validate', () => {
  it('--json prints exactly one JSON object with the summary and one entry per case', async () => {
    const r = await runCli(['validate', fixture('cases.json'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as ReportJson;
    expectReportShape(report, 2);
    expect(report.cases.map((c) => c.id)).toEqual(['fixture-llama31-8b-h100-tp1-decode', 'fixture-deepseek-v3-h200-disagg-mtp']);
    expect(report.cases[1]).toMatchObject({ model: 'deepseek-v3', gpu: 'h200', framework: 'dynamo-sglang' });
  });

  it('without --json prints a readable report ending in the summary', async () => {
    const r = await runCli(['validate', fixture('cases.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Validation: 2 measured cases of');
    for (const label of ['cases', 'predicted', 'failed', 'metrics compared', 'median |error|', 'p90 |error|']) {
      expect(r.stdout).toMatch(new RegExp(`^${label.replace(/\|/g, '\\|')} `, 'm'));
    }
  });

  it.skipIf(!existsSync(sharedCases))('runs on every case of ../shared/validation/cases.json without crashing', async () => {
    const r = await runCli(['validate', sharedCases, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJson;
    expectReportShape(report, report.cases.length);
    expect(report.cases.length).toBeGreaterThan(0);
  });
});

describe('inferonomics validate: cases it cannot read', () => {
  it('a case with a wrong or unknown field counts as one failed case with its reason; the run goes on (exit 0)', async () => {
    const r = await runCli(['validate', fixture('invalid-cases.json'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJson;
    expectReportShape(report, report.cases.length);
    const errors = report.cases.map((c) => c.error ?? '');
    expect(errors.some((e) => /gpus: expected a whole number >= 1, received "eight"/.test(e))).toBe(true);
    expect(errors.some((e) => /framework: /.test(e) && /measured: missing/.test(e))).toBe(true);
  });

  it('a case with the burst pattern and its requests and lengths fields is read and predicted', async () => {
    const r = await runCli(['validate', fixture('burst-case.json'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ReportJson;
    expect(report.cases.map((c) => c.error)).toEqual([null]);
    expect(report.cases[0]?.metrics.map((m) => m.name)).toEqual(['outputTokensPerSecondPerGpu', 'tpotSeconds', 'ttftSeconds']);
  });
});

describe('inferonomics validate: bad input', () => {
  it.each([
    ['malformed JSON', [fixture('malformed.json')], /invalid FILE: .*malformed\.json is not valid JSON \(/],
    ['a missing file', ['/nonexistent/cases.json'], /cannot read \/nonexistent\/cases\.json \(ENOENT\)/],
    ['no file', [], /file|FILE/],
    ['an unknown flag', [fixture('cases.json'), '--jsn'], /unknown flag: --jsn; expected one of --json/],
  ])('%s exits 2 with a one-line error', async (_what, argv, message) => {
    const r = await runCli(['validate', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('renderValidationReport', () => {
  const report = validateCases(
    [makeCase('good', { tpotSeconds: 0.02, outputTokensPerSecondPerGpu: 1500 }), makeCase('bad', { tpotSeconds: 0.02 })],
    (c) => {
      if (c.id === 'bad') throw new Error('no model of this gpu');
      return { tpotSeconds: 0.025, outputTokensPerSecondPerGpu: 1200 };
    },
  );
  const text = renderValidationReport(report, 'cases.json');

  it('prints measured, predicted and a signed percentage error per metric', () => {
    expect(text).toMatch(/good\s+llama-3\.1-8b\s+h100-sxm\s+vllm\s+outputTokensPerSecondPerGpu\s+1,500 tok\/s\s+1,200 tok\/s\s+-20\.0%/);
    expect(text).toMatch(/tpotSeconds\s+20 ms\s+25 ms\s+\+25\.0%/);
  });

  it('lists failed cases with their message, then the summary', () => {
    expect(text).toContain('bad (llama-3.1-8b on h100-sxm, vllm): no model of this gpu');
    expect(text).toMatch(/^failed\s+1$/m);
    expect(text).toMatch(/^metrics compared\s+2$/m);
    expect(text).toMatch(/^median \|error\|\s+22\.5%$/m);
    expect(text).toMatch(/^p90 \|error\|\s+24\.5%$/m);
  });
});
