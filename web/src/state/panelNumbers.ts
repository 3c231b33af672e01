import { decimal, fraction, inRange, inRangeIn, numberFromText, numberIn, type NumberSchema } from '../../../src/core/numberSchemas.js';
import { TOKENS_PER_MILLION, TRILLION } from '../../../src/core/units.js';
import { problemLine } from '../../../src/core/problems.js';

/**
 * The numbers of the explorer's panels (the simulation's demand, the market's size range, the
 * business and realised-price inputs), read as the CLI reads a flag: the field's text in decimal
 * (`12`, `.5`, `2e3`; never hex or `Infinity`), checked by one of the shared number schemas, so
 * the problem shown beside the panel is written by the code that writes a scenario file's and a
 * flag's: `requests/s: expected a number > 0 and at most 100,000, received 0`. A bad field never
 * reaches the core: its reader returns null and the panel's run is not asked for.
 */

/** The number typed in a panel's field, or the problem naming its label, the value and what is allowed. */
export function readPanelNumber(label: string, raw: string, schema: NumberSchema): { ok: true; value: number } | { ok: false; problem: string } {
  const r = numberFromText(schema, raw);
  if (r.ok) return r;
  const typed = raw.trim();
  // An empty field received nothing; a number out of range is shown as a number, other text quoted.
  const received = typed === '' ? undefined : Number.isNaN(decimal(typed)) ? typed : decimal(typed);
  return { ok: false, problem: problemLine(label, r.expected, received) };
}

/**
 * Reads one panel's fields, collecting every problem in the order of the fields.
 * Example: `const p = new PanelReader(); p.number('hours', '0', DEMAND_SCHEMAS.durationHours)` is
 * null and `p.problems` is `['hours: expected a number > 0 and at most 168, received 0']`.
 */
export class PanelReader {
  readonly problems: string[] = [];

  /** The field's number, or null (its problem collected). */
  number(label: string, raw: string, schema: NumberSchema): number | null {
    const r = readPanelNumber(label, raw, schema);
    if (r.ok) return r.value;
    this.problems.push(r.problem);
    return null;
  }

  /** Like `number`, but an empty field is null with no problem (the preset's or the profile's value). */
  optional(label: string, raw: string, schema: NumberSchema): number | null {
    return raw.trim() === '' ? null : this.number(label, raw, schema);
  }

  /** A low-high pair of fields, each checked by `schema` and low <= high; null when either is wrong. */
  pair(label: string, rawLow: string, rawHigh: string, schema: NumberSchema): readonly [number, number] | null {
    const low = this.number(`${label} (low)`, rawLow, schema);
    const high = this.number(`${label} (high)`, rawHigh, schema);
    if (low === null || high === null) return null;
    if (low > high) {
      this.problems.push(`${label}: low ${low} is above high ${high}; expected low <= high`);
      return null;
    }
    return [low, high];
  }
}

/**
 * The simulation panel's fields: the scenario file's rate (LIMITS.requestsPerSecond) and peak over
 * the mean (LIMITS.peakToAverage), at most a week simulated (a run of seconds in the page, where a
 * scenario file may ask for four).
 */
export const DEMAND_SCHEMAS = {
  requestsPerSecond: inRange('requestsPerSecond', '>'),
  peakToAverage: inRange('peakToAverage'),
  durationHours: numberIn(0, 168, '>'),
} as const satisfies Readonly<Record<string, NumberSchema>>;

/**
 * The business panel's fields, each the range of the `subscription` or `lab` flag it stands for
 * (one LIMITS entry each), in the panel's units: the median seat in millions of tokens a month
 * (--median-tokens-per-month), the model's output in trillions (--output-tokens-per-month).
 */
export const BUSINESS_SCHEMAS = {
  idleShare: fraction,
  medianMillionTokensPerMonth: inRangeIn('tokensPerSeatMonth', TOKENS_PER_MILLION),
  sigma: inRange('seatUsageSigma'),
  lifetimeMonths: inRange('lifetimeMonths', '>'),
  outputTrillionTokensPerMonth: inRangeIn('tokensPerMonth', TRILLION),
  discount: fraction,
} as const satisfies Readonly<Record<string, NumberSchema>>;
