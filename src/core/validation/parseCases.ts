import * as v from 'valibot';
import { InputError } from '../errors.js';
import { formatIssues } from '../problems.js';
import { parseEngineVersion } from '../perf/engineVersion.js';
import {
  CASE_KV_CACHE_PRECISIONS, CASE_WEIGHT_PRECISIONS, FRAMEWORKS, PHASES, RELIABILITIES, REQUEST_LENGTHS, SPECULATIVE_METHODS,
  WORKLOAD_PATTERNS, type ValidationCase,
} from './validationCase.js';

function isEngineVersion(text: string): boolean {
  try {
    parseEngineVersion('engineVersion', text);
    return true;
  } catch {
    return false;
  }
}

// Every schema carries the "expected ..." text of its error, so a problem reads as
// `[3].gpus: expected a whole number >= 1, received "eight"`.
const text = v.pipe(v.string('a non-empty string'), v.minLength(1, 'a non-empty string'));
const oneOf = <T extends string>(allowed: readonly T[], orNull = '') => v.picklist(allowed, `one of ${allowed.join(', ')}${orNull}`);

function count(expected: string) {
  return v.pipe(v.number(expected), v.integer(expected), v.minValue(1, expected));
}
const gpuCount = count('a whole number >= 1');
const nullableCount = v.nullable(count('a whole number >= 1, or null'));

function nullableNumber(expected: string, min: number, max = Infinity) {
  return v.nullable(v.pipe(v.number(expected), v.finite(expected), v.minValue(min, expected), v.maxValue(max, expected)));
}
const nullableAmount = nullableNumber('a number >= 0, or null', 0);
const nullableShare = nullableNumber('a number from 0 to 1, or null', 0, 1);
// Measured values are divided by in the relative error, so zero is not a measurement.
const nullableMeasurement = v.nullable(v.pipe(
  v.number('a number > 0, or null'), v.finite('a number > 0, or null'), v.gtValue(0, 'a number > 0, or null')));

const ParallelismSchema = v.object({
  tp: nullableCount,
  pp: nullableCount,
  ep: nullableCount,
  dpAttention: v.nullable(v.boolean('true, false or null')),
  replicas: nullableCount,
}, 'an object {tp, pp, ep, dpAttention, replicas}');

const CaseSchema: v.GenericSchema<unknown, ValidationCase> = v.object({
  id: text,
  source: text,
  reliability: oneOf(RELIABILITIES),
  note: v.string('a string'),
  model: text,
  gpu: text,
  gpus: gpuCount,
  framework: oneOf(FRAMEWORKS),
  engineVersion: v.optional(v.nullable(v.pipe(
    v.string('a release such as "0.9.0" (major.minor[.patch]), or null'),
    v.check((s) => isEngineVersion(s), 'a release such as "0.9.0" (major.minor[.patch]), or null')))),
  precision: v.object({
    weights: oneOf(CASE_WEIGHT_PRECISIONS),
    kvCache: v.nullable(oneOf(CASE_KV_CACHE_PRECISIONS, ' or null')),
  }, 'an object {weights, kvCache}'),
  parallelism: ParallelismSchema,
  phase: oneOf(PHASES),
  disaggregated: v.nullable(v.object({
    prefillGpus: gpuCount,
    decodeGpus: gpuCount,
    prefill: ParallelismSchema,
    decode: ParallelismSchema,
  }, 'null or an object {prefillGpus, decodeGpus, prefill, decode}')),
  speculative: v.nullable(v.object({
    method: oneOf(SPECULATIVE_METHODS),
    tokens: gpuCount,
    acceptanceRate: nullableShare,
  }, 'null or an object {method, tokens, acceptanceRate}')),
  workload: v.object({
    inputTokens: nullableAmount,
    outputTokens: nullableAmount,
    concurrency: nullableAmount,
    batchSize: nullableAmount,
    requestRatePerSecond: nullableAmount,
    prefixCacheHitRate: nullableShare,
    pattern: oneOf(WORKLOAD_PATTERNS),
    requests: v.optional(nullableCount),
    lengths: v.optional(v.nullable(oneOf(REQUEST_LENGTHS, ' or null'))),
  }, 'an object {inputTokens, outputTokens, concurrency, batchSize, requestRatePerSecond, prefixCacheHitRate, pattern, requests?, lengths?}'),
  measured: v.object({
    outputTokensPerSecondPerGpu: nullableMeasurement,
    inputTokensPerSecondPerGpu: nullableMeasurement,
    totalTokensPerSecondPerGpu: nullableMeasurement,
    tokensPerSecondPerUser: nullableMeasurement,
    tpotSeconds: nullableMeasurement,
    ttftSeconds: nullableMeasurement,
  }, 'an object {outputTokensPerSecondPerGpu, inputTokensPerSecondPerGpu, totalTokensPerSecondPerGpu, tokensPerSecondPerUser, tpotSeconds, ttftSeconds}'),
}, 'an object (one validation case)');

const CasesSchema = v.array(CaseSchema, 'an array of validation cases');

/** The problems of a case or a file, in the words of every other input (src/core/problems.ts), the file's name standing for its root. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return formatIssues(issues, { root: '', missing: 'missing (the field is required; use null where the README allows it)' });
}

/** `[5].id: duplicate id "x", first at [2]` for each repeated id among the raw elements. */
function duplicateIds(raw: readonly unknown[]): string[] {
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  raw.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || !('id' in item) || typeof item.id !== 'string') return;
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, i);
    else problems.push(`[${i}].id: duplicate id ${JSON.stringify(item.id)}, first at [${first}]`);
  });
  return problems;
}

/**
 * Validates the parsed JSON of a cases file (the format of `../shared/validation/README.md`)
 * and returns its cases. Fields beyond the format are allowed and dropped (future columns);
 * a missing or malformed field, or a repeated id, is not. Throws one InputError listing every
 * problem with its path, on one line: `cases.json: [3].gpus: expected a whole number >= 1,
 * received "eight"; [7].id: duplicate id "a", first at [1]`.
 */
export function parseCases(raw: unknown, fileName: string): ValidationCase[] {
  const result = v.safeParse(CasesSchema, raw);
  const problems = [
    ...(result.success ? [] : describeIssues(result.issues)),
    ...(Array.isArray(raw) ? duplicateIds(raw) : []),
  ];
  if (problems.length === 0 && result.success) return result.output;
  throw new InputError(
    fileName,
    `${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    'an array of validation cases in the format of the validation README',
    `${fileName}: ${problems.join('; ')}`,
  );
}

/** A case of a file that could not be read as a case: its index, its id where it has one, and why. */
export interface RejectedCase {
  readonly index: number;
  readonly id: string;
  readonly error: string;
}

/**
 * Like `parseCases`, but one malformed case does not reject the file: each element is checked on
 * its own and a bad one comes back in `rejected` with its problems (`workload.pattern: expected
 * one of ..., received "ramp"`), so a run can count it as one failed case and go on. Throws only
 * when the file is not an array at all.
 */
export function parseCasesLenient(raw: unknown, fileName: string): { cases: ValidationCase[]; rejected: RejectedCase[] } {
  if (!Array.isArray(raw)) parseCases(raw, fileName);
  const items = raw as unknown[];
  const cases: ValidationCase[] = [];
  const rejected: RejectedCase[] = [];
  const duplicates = new Map(duplicateIds(items).map((d) => [Number(/^\[(\d+)\]/.exec(d)?.[1]), d]));
  items.forEach((item, index) => {
    const r = v.safeParse(CaseSchema, item);
    const id = typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string' ? item.id : `[${index}]`;
    const problems = [...(r.success ? [] : describeIssues(r.issues)), ...(duplicates.has(index) ? [duplicates.get(index) as string] : [])];
    if (r.success && problems.length === 0) cases.push(r.output);
    else rejected.push({ index, id, error: `not a valid case: ${problems.join('; ')}` });
  });
  return { cases, rejected };
}
