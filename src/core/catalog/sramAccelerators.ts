import * as v from 'valibot';
import { SourceRefSchema, parseOrThrow, positive, positiveInt } from './sourceSchema.js';
import data from './sramAccelerators.json' with { type: 'json' };

const range = v.pipe(v.tuple([positive, positive]), v.check(([lo, hi]) => lo <= hi, 'a range [low, high] with low <= high'));

const Schema = v.strictObject({
  $comment: v.optional(v.string()),
  accelerators: v.array(v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9.-]+$/)),
    name: v.string(),
    vendor: v.string(),
    launchYear: positiveInt,
    weightMemory: v.picklist(['sram', 'hbm']),
    weightMemoryBytesPerChip: positive,
    weightMemoryBandwidthBytesPerSecond: positive,
    peakFlopPerSecond16Bit: positive,
    peakIsSparse: v.boolean(),
    chipsPerUnit: positiveInt,
    watts: range,
    capexUsdPerChip: range,
    weightBytesPerParam: range,
    publishedSpeeds: v.pipe(v.array(v.strictObject({
      model: v.string(),
      tokensPerSecondPerUser: positive,
      chips: v.optional(positiveInt),
      date: v.string(),
      source: v.string(),
      note: v.string(),
    })), v.minLength(1)),
    sources: v.pipe(v.array(SourceRefSchema), v.minLength(1)),
    notes: v.string(),
  })),
});

/**
 * One accelerator that serves from on-chip memory, per chip (the unit its vendor sells), SI units;
 * the money figures are [low, high] ranges since none has a published price.
 */
export type SramAccelerator = v.InferOutput<typeof Schema>['accelerators'][number];

/** Validates raw SRAM-accelerator catalog data, every problem at once. */
export function parseSramAcceleratorCatalog(raw: unknown): readonly SramAccelerator[] {
  return parseOrThrow(Schema, raw, 'SRAM accelerator catalog').accelerators;
}

/** The shipped SRAM accelerators (Groq LPU, Cerebras WSE-3, SambaNova SN40L), validated at load. */
export const SRAM_ACCELERATORS: readonly SramAccelerator[] = parseSramAcceleratorCatalog(data);
