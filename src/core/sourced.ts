import * as v from 'valibot';

/**
 * One shape for "a value with where it comes from", used by every in-code default and catalog
 * number: the scenario defaults, the money and lab defaults, the workload presets, OpenAI's 2024,
 * the subscription plans and usage profiles, and the assumption rows the CLI and web print.
 *
 * Catalog records that cite a document rather than carry a value keep their own file format
 * (`SourceRef`: `{url, date, note?}` in the model catalogs).
 */

/** How a number is known: published (`sourced`), arithmetic on published numbers (`derived`), or chosen without a source (`assumption`). */
export const VALUE_BASES = ['sourced', 'derived', 'assumption'] as const;
export type ValueBasis = (typeof VALUE_BASES)[number];

/**
 * A value with its source: `{ value: 0.6, source: 'assumption: average busy share of paid GPU-hours' }`.
 * `date` and `note` where the source has them.
 */
export interface Sourced<T> {
  readonly value: T;
  /** URLs or `owner/repo@commit path` separated by ` ; `, or in words ("assumption: ...", "chosen: ..."). */
  readonly source: string;
  /** Publication date, or the month the source was read (YYYY-MM or YYYY-MM-DD). */
  readonly date?: string;
  /** What the figure is; for a derived one the arithmetic; for an assumption why this value. */
  readonly note?: string;
}

/**
 * A sourced number of a data file with how it is known, every field required
 * (`{value, basis, source, date, note}`, as ownershipDefaults.json, labDefaults, workloadPresets.json).
 */
export interface DocumentedValue<T = number> extends Sourced<T> {
  readonly basis: ValueBasis;
  readonly date: string;
  readonly note: string;
}

/** The source of a group of numbers that sit beside it in one record (a price schedule's tier): `Sourced` without the value, every field required. */
export type Source = Required<Omit<Sourced<unknown>, 'value'>>;

/** Schema of a `DocumentedValue` (value >= 0), shared by the money, lab and subscription catalogs and the workload presets. */
export const DocumentedValueSchema = v.strictObject({
  value: v.pipe(v.number(), v.finite(), v.minValue(0)),
  basis: v.picklist(VALUE_BASES),
  source: v.pipe(v.string(), v.minLength(1)),
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM or YYYY-MM-DD')),
  note: v.pipe(v.string(), v.minLength(1)),
});
