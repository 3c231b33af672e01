import * as v from 'valibot';
import { ACCELERATOR_FAMILIES, type Accelerator } from '../accelerator/accelerator.js';
import { GIGABIT_BYTES, GB, GiB, TB, TFLOP } from '../units.js';
import { SourceRefSchema, parseOrThrow, positive, positiveInt } from './sourceSchema.js';
import data from './accelerators.json' with { type: 'json' };

const nullablePositive = v.nullable(positive);

/**
 * One record of `accelerators.json`, in datasheet units (the unit is in every key); the loader
 * converts to SI. `hbmCapacity` says whether the vendor's "GB" is decimal or binary.
 */
const AcceleratorRecordSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9.-]+$/)),
  aliases: v.array(v.string()),
  name: v.string(),
  vendor: v.string(),
  family: v.picklist(ACCELERATOR_FAMILIES),
  launchYear: positiveInt,
  hbmCapacity: v.strictObject({ value: positive, unit: v.picklist(['GB', 'GiB']) }),
  hbmBandwidthTBPerSecond: positive,
  denseTflops: v.strictObject({ bf16: positive, fp8: nullablePositive, fp4: nullablePositive, int8: nullablePositive }),
  scaleUpGBPerSecondPerDirection: positive,
  scaleUpDomainSize: positiveInt,
  scaleOutGbitPerSecond: nullablePositive,
  tdpWatts: nullablePositive,
  sources: v.pipe(v.array(SourceRefSchema), v.minLength(1)),
  notes: v.string(),
});
type AcceleratorRecord = v.InferOutput<typeof AcceleratorRecordSchema>;

const CatalogSchema = v.strictObject({
  $comment: v.optional(v.string()),
  accelerators: v.array(AcceleratorRecordSchema),
});

function toAccelerator(r: AcceleratorRecord): Accelerator {
  const tflops = (x: number | null) => (x === null ? null : x * TFLOP);
  return {
    id: r.id,
    aliases: r.aliases,
    name: r.name,
    vendor: r.vendor,
    family: r.family,
    launchYear: r.launchYear,
    hbmBytes: r.hbmCapacity.value * (r.hbmCapacity.unit === 'GiB' ? GiB : GB),
    hbmBandwidthBytesPerSecond: r.hbmBandwidthTBPerSecond * TB,
    peakFlopPerSecond: {
      bf16: r.denseTflops.bf16 * TFLOP,
      fp8: tflops(r.denseTflops.fp8),
      fp4: tflops(r.denseTflops.fp4),
      int8: tflops(r.denseTflops.int8),
    },
    scaleUpBandwidthBytesPerSecondPerDirection: r.scaleUpGBPerSecondPerDirection * GB,
    scaleUpDomainSize: r.scaleUpDomainSize,
    scaleOutBandwidthBytesPerSecond: r.scaleOutGbitPerSecond === null ? null : r.scaleOutGbitPerSecond * GIGABIT_BYTES,
    tdpWatts: r.tdpWatts,
    sources: r.sources,
    notes: r.notes,
  };
}

/** Validates raw catalog data (the shipped file or a user's) and converts it to SI records. */
export function parseAcceleratorCatalog(raw: unknown): readonly Accelerator[] {
  const parsed = parseOrThrow(CatalogSchema, raw, 'accelerator catalog');
  return parsed.accelerators.map(toAccelerator);
}

/** The shipped accelerator catalog, validated once at module load. */
export const ACCELERATORS: readonly Accelerator[] = parseAcceleratorCatalog(data);
