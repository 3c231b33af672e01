import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { parseCases } from '../../../src/core/validation/parseCases.js';
import { MEASURED_METRICS } from '../../../src/core/validation/predictor.js';
import { makeCase } from './makeCase.js';

const sharedCasesPath = new URL('../../../../shared/validation/cases.json', import.meta.url).pathname;

/** The InputError message parseCases throws for `raw`, or fails the test. */
function problemsOf(raw: unknown): string {
  try {
    parseCases(raw, 'cases.json');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error('parseCases accepted the input');
}

describe.skipIf(!existsSync(sharedCasesPath))('parseCases on ../shared/validation/cases.json', () => {
  it('parses every case with unique ids and at least one measured metric each', () => {
    const raw: unknown = JSON.parse(readFileSync(sharedCasesPath, 'utf8'));
    const cases = parseCases(raw, 'cases.json');
    expect(cases.length).toBe((raw as unknown[]).length);
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) expect(MEASURED_METRICS.some((m) => c.measured[m] !== null), c.id).toBe(true);
  });
});

describe('parseCases', () => {
  it('returns valid cases unchanged, dropping unknown extra fields', () => {
    const c = makeCase('a', { tpotSeconds: 0.02 });
    expect(parseCases([{ ...c, futureColumn: 42 }], 'cases.json')).toEqual([c]);
  });

  it('reads an optional engineVersion ("0.5.0", null or absent) and names a malformed one with its path', () => {
    const c = { ...makeCase('a'), engineVersion: '0.5.0' };
    expect(parseCases([c], 'cases.json')).toEqual([c]);
    expect(parseCases([{ ...c, engineVersion: null }], 'cases.json')[0]?.engineVersion).toBeNull();
    expect(problemsOf([{ ...c, engineVersion: 'latest' }])).toBe(
      'cases.json: [0].engineVersion: expected a release such as "0.9.0" (major.minor[.patch]), or null, received "latest"');
  });

  it('accepts an empty array', () => {
    expect(parseCases([], 'cases.json')).toEqual([]);
  });

  it.each([
    ['an object', { id: 'a' }, 'cases.json: expected an array of validation cases, received an object'],
    ['null', null, 'cases.json: expected an array of validation cases, received null'],
  ])('rejects a file that is %s, not an array', (_what, raw, message) => {
    expect(problemsOf(raw)).toBe(message);
  });

  it('reports every problem at once, each with its path, on one line', () => {
    const { measured: _measured, ...withoutMeasured } = makeCase('c');
    const message = problemsOf([
      makeCase('a'),
      { ...makeCase('b'), gpus: 'eight', precision: { weights: 'fp7', kvCache: null } },
      withoutMeasured,
      { ...makeCase('d'), framework: 'tgi', parallelism: { tp: 0, pp: 1, ep: null, dpAttention: 'yes', replicas: 1 } },
      { ...makeCase('e'), measured: { ...makeCase('e').measured, tpotSeconds: 0 } },
    ]);
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^cases\.json: /);
    for (const problem of [
      '[1].gpus: expected a whole number >= 1, received "eight"',
      '[1].precision.weights: expected one of bf16, fp8, fp4, int8, int4, received "fp7"',
      '[2].measured: missing (the field is required',
      '[3].framework: expected one of vllm, sglang, trtllm, dynamo-trtllm, dynamo-sglang, atom, in-house, other, received "tgi"',
      '[3].parallelism.tp: expected a whole number >= 1, or null, received 0',
      '[3].parallelism.dpAttention: expected true, false or null, received "yes"',
      '[4].measured.tpotSeconds: expected a number > 0, or null, received 0',
    ]) expect(message).toContain(problem);
    expect(message).not.toContain('[0]');
  });

  it.each([
    ['a null gpus', { gpus: null }, '[0].gpus: expected a whole number >= 1, received null'],
    ['a fractional gpus', { gpus: 2.5 }, '[0].gpus: expected a whole number >= 1, received 2.5'],
    ['an empty id', { id: '' }, '[0].id: expected a non-empty string, received ""'],
    ['an unknown phase', { phase: 'mixed' }, '[0].phase: expected one of both, prefill, decode, received "mixed"'],
    ['a hit rate above 1', { workload: { ...makeCase('x').workload, prefixCacheHitRate: 1.2 } }, '[0].workload.prefixCacheHitRate: expected a number from 0 to 1, or null, received 1.2'],
    ['an unknown speculative method', { speculative: { method: 'medusa', tokens: 2, acceptanceRate: null } }, '[0].speculative.method: expected one of mtp, eagle, draft, received "medusa"'],
    ['a disaggregation without its decode pool', { disaggregated: { prefillGpus: 8, decodeGpus: 8, prefill: makeCase('x').parallelism } }, '[0].disaggregated.decode: missing'],
  ])('names the path, value and allowed set for %s', (_what, patch, problem) => {
    expect(problemsOf([{ ...makeCase('a'), ...patch }])).toContain(`cases.json: ${problem}`);
  });

  it('rejects duplicate ids, naming both positions', () => {
    const message = problemsOf([makeCase('a'), makeCase('b'), makeCase('a'), makeCase('b'), makeCase('a')]);
    expect(message).toBe('cases.json: [2].id: duplicate id "a", first at [0]; [3].id: duplicate id "b", first at [1]; [4].id: duplicate id "a", first at [0]');
  });

  it('reports duplicate ids beside field problems', () => {
    const message = problemsOf([makeCase('a'), { ...makeCase('a'), gpus: 0 }]);
    expect(message).toContain('[1].gpus: expected a whole number >= 1, received 0');
    expect(message).toContain('[1].id: duplicate id "a", first at [0]');
  });
});
