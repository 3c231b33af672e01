import * as v from 'valibot';
import { InputError } from '../errors.js';
import { LIMITS, type LimitName } from '../limits.js';
import { COST_BASIS_KINDS, OWNERS, type CostBasis } from './costBasis.js';

// Every schema carries the "expected ..." text of its error, so a problem reads as
// `gpuCost.pue: expected a number >= 1, received 0.9`.
/** A finite number meeting `test`; one issue per bad value, whatever is wrong with it. */
function number(expected: string, test: (x: number) => boolean) {
  return v.pipe(v.number(expected), v.check((x) => Number.isFinite(x) && test(x), expected));
}
const fraction = number('a number from 0 to 1', (x) => x >= 0 && x <= 1);
/** A number in the named range of LIMITS, the minimum included. */
const upTo = (name: LimitName) => {
  const { min, max } = LIMITS[name];
  return number(`a number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`, (x) => x >= min && x <= max);
};
/** A number in the named range of LIMITS, above the minimum. */
const above = (name: LimitName) => {
  const { min, max } = LIMITS[name];
  return number(`a number > ${min.toLocaleString('en-US')} and at most ${max.toLocaleString('en-US')}`, (x) => x > min && x <= max);
};
const sources = v.optional(v.record(v.string(), v.string('a string'), 'an object of one source text per field'));

const power = {
  powerWattsPerGpu: upTo('powerWattsPerGpu'),
  idlePowerFraction: fraction,
  pue: upTo('pue'),
  electricityUsdPerKwh: upTo('electricityUsdPerKwh'),
};

const RentedSchema = v.strictObject({
  kind: v.literal('rented'),
  priceUsdPerGpuHour: upTo('gpuHourUsd'),
  commitment: v.nullable(v.strictObject({
    termHours: above('termHours'),
    minimumGpus: number(`a whole number from 1 to ${LIMITS.accelerators.max.toLocaleString('en-US')}`, (x) => Number.isInteger(x) && x >= 1 && x <= LIMITS.accelerators.max),
  }, 'null or an object {termHours, minimumGpus}')),
  onDemandUsdPerGpuHour: v.optional(upTo('gpuHourUsd')),
  sources,
}, 'an object {kind: "rented", priceUsdPerGpuHour, commitment, onDemandUsdPerGpuHour?}');

const OwnedSchema = v.strictObject({
  kind: v.literal('owned'),
  capexUsdPerGpu: upTo('capexUsdPerGpu'),
  depreciationYears: above('depreciationYears'),
  residualValueFraction: fraction,
  costOfCapitalPerYear: upTo('costOfCapitalPerYear'),
  ...power,
  datacenterUsdPerKwMonth: upTo('datacenterUsdPerKwMonth'),
  operationsUsdPerGpuYear: upTo('operationsUsdPerGpuYear'),
  owner: v.optional(v.picklist(OWNERS, OWNERS.join(' or '))),
  sources,
}, 'an object {kind: "owned", capexUsdPerGpu, depreciationYears, residualValueFraction, costOfCapitalPerYear, powerWattsPerGpu, idlePowerFraction, pue, electricityUsdPerKwh, datacenterUsdPerKwMonth, operationsUsdPerGpuYear, owner?}');

const MarginalSchema = v.strictObject({
  kind: v.literal('marginal'),
  ...power,
  sources,
}, 'an object {kind: "marginal", powerWattsPerGpu, idlePowerFraction, pue, electricityUsdPerKwh}');

const CostBasisSchema = v.variant('kind', [RentedSchema, OwnedSchema, MarginalSchema],
  `an object whose kind is one of ${COST_BASIS_KINDS.join(', ')}`);

/** `commitment.termHours` from a valibot issue path; empty at the root. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`)).join('');
}

function received(issue: v.BaseIssue<unknown>): string {
  const input = issue.input;
  if (typeof input === 'string') return JSON.stringify(input);
  if (typeof input === 'number' || typeof input === 'boolean' || input === null) return String(input);
  return issue.received;
}

function describeIssue(path: string, issue: v.BaseIssue<unknown>): string {
  const where = `${path}${issuePath(issue)}`;
  if (issue.type === 'strict_object' && issue.expected === 'never') return `${where}: unknown field`;
  // valibot reports a missing key as an object issue on that key, with nothing received.
  if (issue.kind === 'schema' && issue.received === 'undefined' && issue.type !== 'variant') return `${where}: missing (the field is required)`;
  return `${where}: expected ${issue.message}, received ${received(issue)}`;
}

/**
 * Validates a cost basis read from a scenario file or a URL and returns it typed. Checks every
 * field at once (kind, a missing or unknown field, a negative price, a fraction outside [0, 1],
 * a PUE below 1) and throws one InputError listing every problem with its path, e.g.
 * `gpuCost.capexUsdPerGpu: expected a number >= 0, received -5; gpuCost.pue: missing (the field is required)`.
 * @param raw parsed JSON
 * @param path where `raw` sits in its file, prefixed to each problem (e.g. `gpuCost`, `scenario.json: cost`)
 */
export function parseCostBasis(raw: unknown, path: string): CostBasis {
  const result = v.safeParse(CostBasisSchema, raw);
  if (result.success) return result.output;
  const problems = result.issues.map((issue) => describeIssue(path, issue));
  throw new InputError(
    path,
    `${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    `a cost basis whose kind is one of ${COST_BASIS_KINDS.join(', ')}`,
    problems.join('; '),
  );
}
