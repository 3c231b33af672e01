import * as v from 'valibot';
import { VALUE_BASES } from '../money/ownershipDefaults.js';

export type { DocumentedValue } from '../money/ownershipDefaults.js';

/** A number of a data file with how it is known: `{value, basis, source, date, note}` (as ownershipDefaults.json). */
export const DocumentedValueSchema = v.strictObject({
  value: v.pipe(v.number(), v.finite(), v.minValue(0)),
  basis: v.picklist(VALUE_BASES),
  source: v.pipe(v.string(), v.minLength(1)),
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM or YYYY-MM-DD')),
  note: v.pipe(v.string(), v.minLength(1)),
});
