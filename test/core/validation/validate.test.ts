import { describe, expect, it } from 'vitest';
import type { CasePredictor } from '../../../src/core/validation/predictor.js';
import { validateCases } from '../../../src/core/validation/validate.js';
import { makeCase } from './makeCase.js';

const cases = [
  makeCase('all-predicted', { tpotSeconds: 0.02, outputTokensPerSecondPerGpu: 1000 }),
  makeCase('throws', { tpotSeconds: 0.02 }),
  makeCase('missing-ttft', { tpotSeconds: 0.05, ttftSeconds: 0.5 }),
  makeCase('over-by-40', { outputTokensPerSecondPerGpu: 100 }),
];

/** A fake performance model keyed by case id. */
const fakePredictor: CasePredictor = (c) => {
  switch (c.id) {
    case 'all-predicted': return { tpotSeconds: 0.022, outputTokensPerSecondPerGpu: 800, ttftSeconds: 0.3 };
    case 'throws': throw new Error('no catalog entry for this gpu');
    case 'missing-ttft': return { tpotSeconds: 0.045 };
    case 'over-by-40': return { outputTokensPerSecondPerGpu: 140 };
    default: return {};
  }
};

describe('validateCases with a fake predictor', () => {
  const report = validateCases(cases, fakePredictor);

  it.each([
    // [id, error, [metric, measured, predicted, relativeError][]]
    ['all-predicted', null, [['outputTokensPerSecondPerGpu', 1000, 800, -0.2], ['tpotSeconds', 0.02, 0.022, 0.1]]],
    ['throws', 'no catalog entry for this gpu', []],
    ['missing-ttft', 'no finite prediction of the measured ttftSeconds', [['tpotSeconds', 0.05, 0.045, -0.1]]],
    ['over-by-40', null, [['outputTokensPerSecondPerGpu', 100, 140, 0.4]]],
  ] as const)('case %s: error %j and its compared metrics', (id, error, metrics) => {
    const result = report.cases.find((c) => c.id === id);
    expect(result).toBeDefined();
    expect(result?.error).toBe(error);
    expect(result?.metrics.map((m) => [m.name, m.measured, m.predicted])).toEqual(metrics.map(([n, m, p]) => [n, m, p]));
    result?.metrics.forEach((m, i) => expect(m.relativeError).toBeCloseTo(metrics[i]?.[3] ?? Number.NaN, 12));
  });

  it('a predictor that throws fails only that case; the run goes on to the next', () => {
    expect(report.cases.map((c) => c.id)).toEqual(['all-predicted', 'throws', 'missing-ttft', 'over-by-40']);
  });

  it('each case names its model, gpu and framework for the human table', () => {
    expect(report.cases[0]).toMatchObject({ model: 'llama-3.1-8b', gpu: 'h100-sxm', framework: 'vllm' });
  });

  it('the summary counts cases and metrics; median and p90 of |error| 0.1, 0.2, 0.1, 0.4 are 0.15 and 0.34', () => {
    const { medianAbsRelativeError, p90AbsRelativeError, byMetricKind: _kinds, ...counts } = report.summary;
    expect(counts).toEqual({ cases: 4, predicted: 2, failed: 2, metrics: 4 });
    expect(medianAbsRelativeError).toBeCloseTo(0.15, 12);
    // sorted 0.1, 0.1, 0.2, 0.4: position 3 × 0.9 = 2.7 → 0.2 + 0.7 × 0.2
    expect(p90AbsRelativeError).toBeCloseTo(0.34, 12);
  });

  it('the report has exactly the keys of the JSON contract', () => {
    expect(Object.keys(report)).toEqual(['summary', 'cases']);
    expect(Object.keys(report.summary)).toEqual(['cases', 'predicted', 'failed', 'metrics', 'medianAbsRelativeError', 'p90AbsRelativeError', 'byMetricKind']);
    expect(Object.keys(report.cases[0] ?? {})).toEqual(expect.arrayContaining(['id', 'error', 'metrics']));
    expect(Object.keys(report.cases[0]?.metrics[0] ?? {})).toEqual(['name', 'measured', 'predicted', 'relativeError']);
  });
});

describe('validateCases: edge cases', () => {
  it('no cases gives zero counts and null statistics', () => {
    expect(validateCases([], fakePredictor).summary).toEqual({
      cases: 0, predicted: 0, failed: 0, metrics: 0, medianAbsRelativeError: null, p90AbsRelativeError: null,
      byMetricKind: ['throughput per GPU', 'per-user speed and TPOT', 'TTFT'].map((kind) => ({ kind, metrics: 0, medianRelativeError: null, medianAbsRelativeError: null })),
    });
  });

  it('a non-finite prediction fails the case and names the metric and value', () => {
    const r = validateCases([makeCase('nan', { tpotSeconds: 0.02 })], () => ({ tpotSeconds: Number.NaN }));
    expect(r.cases[0]?.error).toBe('no finite prediction of the measured tpotSeconds (NaN)');
    expect(r.summary).toMatchObject({ failed: 1, metrics: 0, medianAbsRelativeError: null });
  });

  it('a thrown non-Error is recorded as text', () => {
    const r = validateCases([makeCase('odd', { tpotSeconds: 0.02 })], () => {
      throw 'plain text';
    });
    expect(r.cases[0]?.error).toBe('plain text');
  });

  it('metrics not measured are never compared, even when predicted', () => {
    const r = validateCases([makeCase('ttft-only', { ttftSeconds: 0.2 })], () => ({ ttftSeconds: 0.25, tpotSeconds: 0.01 }));
    expect(r.cases[0]?.metrics.map((m) => m.name)).toEqual(['ttftSeconds']);
    expect(r.summary).toMatchObject({ predicted: 1, failed: 0, metrics: 1 });
    expect(r.summary.medianAbsRelativeError).toBeCloseTo(0.25, 12);
  });

  it('byMetricKind gives each kind its median signed error: TTFT +25% here, throughput -20%', () => {
    const r = validateCases([makeCase('two', { ttftSeconds: 0.2, outputTokensPerSecondPerGpu: 1000 })], () => ({ ttftSeconds: 0.25, outputTokensPerSecondPerGpu: 800 }));
    const byKind = Object.fromEntries(r.summary.byMetricKind.map((k) => [k.kind, k]));
    expect(byKind['TTFT']?.medianRelativeError).toBeCloseTo(0.25, 12);
    expect(byKind['throughput per GPU']?.medianRelativeError).toBeCloseTo(-0.2, 12);
    expect(byKind['per-user speed and TPOT']).toMatchObject({ metrics: 0, medianRelativeError: null });
  });

  it('rejected cases count as failed with their reason, after the predicted ones', () => {
    const r = validateCases([makeCase('ok', { ttftSeconds: 0.2 })], () => ({ ttftSeconds: 0.2 }), [{ index: 1, id: 'odd', error: 'not a valid case: workload.pattern: expected one of ...' }]);
    expect(r.summary).toMatchObject({ cases: 2, predicted: 1, failed: 1 });
    expect(r.cases[1]).toMatchObject({ id: 'odd', error: expect.stringMatching(/workload\.pattern/) });
  });
});
