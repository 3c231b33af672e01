import * as v from 'valibot';
import { ACCELERATORS } from './accelerators.js';
import { closestIds } from './lookup.js';
import { MODELS } from './models.js';
import { OPEN_WEIGHT_MODELS } from './openWeightModels.js';
import { parseOrThrow, positive, positiveInt } from './sourceSchema.js';
import data from './prices.json' with { type: 'json' };

/** Who sells the tokens: the model's publisher, another host, or an aggregator's listing price. */
export const API_PRICE_ROLES = ['first-party', 'third-party', 'aggregator'] as const;
export type ApiPriceRole = (typeof API_PRICE_ROLES)[number];

/** How a GPU-hour is bought; `assumption` is a figure someone assumed in a cost model, not an offer. */
export const GPU_RENTAL_TERMS = ['on-demand', 'spot', 'reserved', 'marketplace', 'assumption'] as const;
export type GpuRentalTerms = (typeof GPU_RENTAL_TERMS)[number];

export const GPU_PROVIDER_CLASSES = ['neocloud', 'hyperscaler', 'marketplace', 'other'] as const;
export type GpuProviderClass = (typeof GPU_PROVIDER_CLASSES)[number];

/**
 * Proprietary models are not in the model catalog; their ids carry the vendor's prefix
 * (`claude-`, `gemini-`, `grok-`, `gpt-` except the open-weight `gpt-oss-`).
 */
export function isProprietaryModelId(id: string): boolean {
  return /^(claude|gemini|grok)-/.test(id) || (/^gpt-/.test(id) && !id.startsWith('gpt-oss'));
}

/** One published API price, USD per million tokens. */
export interface ApiPrice {
  /** A model-catalog id, or a vendor-prefixed id for a proprietary model. */
  readonly model: string;
  /** The name the source uses, with the variant (e.g. `DeepSeek V3 0324`). */
  readonly modelName: string;
  readonly provider: string;
  readonly inputUsdPerMillion: number;
  /** Cache-hit input price; null where none is published (not zero). */
  readonly cachedInputUsdPerMillion: number | null;
  readonly outputUsdPerMillion: number;
  readonly role: ApiPriceRole;
  /** Price of writing a token to the prompt cache, where one is published (genai-prices `cache_write_mtok`). */
  readonly cacheWriteUsdPerMillion?: number;
  /** Prices that replace the base ones once a request's context reaches `startTokens` (long-context tiers). */
  readonly contextTiers?: readonly ContextTier[];
  /** YYYY-MM-DD, or YYYY-MM where only the month is known. */
  readonly date: string;
  readonly source: string;
  readonly note?: string;
}

/** A long-context price tier: from `startTokens` of context, these prices (USD per million) apply; absent ones stay at the base. */
export interface ContextTier {
  readonly startTokens: number;
  readonly inputUsdPerMillion?: number;
  readonly cachedInputUsdPerMillion?: number;
  readonly cacheWriteUsdPerMillion?: number;
  readonly outputUsdPerMillion?: number;
}

/** One GPU rental price, USD per GPU-hour (instance prices divided by their GPU count). */
export interface GpuRentalPrice {
  /** An accelerator-catalog id. */
  readonly gpu: string;
  readonly provider: string;
  readonly usdPerGpuHour: number;
  readonly terms: GpuRentalTerms;
  readonly providerClass: GpuProviderClass;
  readonly date: string;
  readonly source: string;
  readonly note?: string;
}

/** A dated collection of prices (one research pass, one API import). */
export interface PriceSnapshot {
  readonly id: string;
  readonly date: string;
  readonly description: string;
  readonly api: readonly ApiPrice[];
  readonly gpuRental: readonly GpuRentalPrice[];
}

const text = v.pipe(v.string(), v.minLength(1));
const date = v.pipe(
  v.string(),
  v.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a date YYYY-MM or YYYY-MM-DD'),
);

/** The catalogs the price rows must name; the shipped ones by default. */
export interface PriceCatalogReferences {
  readonly modelIds?: readonly string[];
  readonly gpuIds?: readonly string[];
}

function priceCatalogSchema(modelIds: readonly string[], gpuIds: readonly string[]) {
  const knownModel = (id: string) => isProprietaryModelId(id) || modelIds.includes(id);
  const closest = (id: string, ids: readonly string[]) => closestIds(id, ids.map((x) => ({ id: x }))).join(', ');
  const model = v.pipe(
    text,
    v.check(knownModel, (issue) => {
      const id = String(issue.input);
      return `unknown model id ${id}: not in the model catalog (closest: ${closest(id, modelIds)}) nor the open-weight size catalog, nor a proprietary id (claude-, gpt-, gemini-, grok-)`;
    }),
  );
  const gpu = v.pipe(
    text,
    v.check(
      (id) => gpuIds.includes(id),
      (issue) => `unknown gpu id ${String(issue.input)}: not in the accelerator catalog (closest: ${closest(String(issue.input), gpuIds)})`,
    ),
  );
  const apiPrice = v.strictObject({
    model,
    modelName: text,
    provider: text,
    inputUsdPerMillion: positive,
    cachedInputUsdPerMillion: v.nullable(positive),
    outputUsdPerMillion: positive,
    role: v.picklist(API_PRICE_ROLES),
    cacheWriteUsdPerMillion: v.optional(positive),
    contextTiers: v.optional(v.array(v.strictObject({
      startTokens: positiveInt,
      inputUsdPerMillion: v.optional(positive),
      cachedInputUsdPerMillion: v.optional(positive),
      cacheWriteUsdPerMillion: v.optional(positive),
      outputUsdPerMillion: v.optional(positive),
    }))),
    date,
    source: text,
    note: v.optional(text),
  });
  const gpuRentalPrice = v.strictObject({
    gpu,
    provider: text,
    usdPerGpuHour: positive,
    terms: v.picklist(GPU_RENTAL_TERMS),
    providerClass: v.picklist(GPU_PROVIDER_CLASSES),
    date,
    source: text,
    note: v.optional(text),
  });
  const snapshot = v.pipe(
    v.strictObject({
      id: text,
      date,
      description: text,
      api: v.array(apiPrice),
      gpuRental: v.array(gpuRentalPrice),
    }),
    // "The provider's latest row" must be one row: no two rows for one model, provider and date.
    v.check(
      (s) => duplicateApiRows(s.api).length === 0,
      (issue) => `api rows repeat a model, provider and date: ${duplicateApiRows(issue.input.api).join('; ')}`,
    ),
  );
  return v.pipe(
    v.strictObject({ $comment: v.optional(v.string()), snapshots: v.pipe(v.array(snapshot), v.minLength(1)) }),
    v.check((c) => new Set(c.snapshots.map((s) => s.id)).size === c.snapshots.length, 'snapshot ids must be unique'),
  );
}

function duplicateApiRows(rows: readonly ApiPrice[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const r of rows) {
    const key = `${r.model} / ${r.provider} / ${r.date}`;
    if (seen.has(key)) repeated.push(key);
    seen.add(key);
  }
  return repeated;
}

/**
 * Validates raw price-catalog data, reporting every problem at once (bad numbers, misspelled
 * fields, model ids missing from the model catalog, gpu ids missing from the accelerator
 * catalog). Throws an Error listing them; returns the snapshots in file order.
 */
export function parsePriceCatalog(raw: unknown, references: PriceCatalogReferences = {}): readonly PriceSnapshot[] {
  const { modelIds = [...MODELS.map((m) => m.id), ...OPEN_WEIGHT_MODELS.map((m) => m.id)], gpuIds = ACCELERATORS.map((a) => a.id) } = references;
  return parseOrThrow(priceCatalogSchema(modelIds, gpuIds), raw, 'price catalog').snapshots;
}

/**
 * The research pass's price snapshots (prices.json), validated once at module load: where a
 * scenario's prices come from. The larger pydantic/genai-prices import (an older snapshot, for the
 * whole-market view) is in `allPriceSnapshots.ts`, so the explorer's page does not load it.
 */
export const RESEARCH_PRICE_SNAPSHOTS: readonly PriceSnapshot[] = parsePriceCatalog(data);

/**
 * The snapshot with the latest date (the later in the list on a tie); `snapshots` defaults to
 * the research pass's. Example: `latestSnapshot().id` is `2026-11-research`.
 */
export function latestSnapshot(snapshots: readonly PriceSnapshot[] = RESEARCH_PRICE_SNAPSHOTS): PriceSnapshot {
  let latest = snapshots[0];
  if (latest === undefined) throw new Error('no price snapshots');
  for (const s of snapshots) if (s.date >= latest.date) latest = s;
  return latest;
}
