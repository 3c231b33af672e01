import { InputError } from '../errors.js';
import type { ApiPrice, GpuProviderClass, GpuRentalPrice, GpuRentalTerms } from '../catalog/prices.js';

/** Median, lowest and highest of a set of prices, USD per million tokens. */
export interface PriceSpread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Means over the k providers with the lowest blended price. */
export interface CheapestProviders {
  /** How many providers the means cover: k, or all of them when fewer sell the model. */
  readonly providerCount: number;
  readonly providers: readonly string[];
  readonly inputUsdPerMillion: number;
  readonly outputUsdPerMillion: number;
  readonly blendedUsdPerMillion: number;
}

/** What the market charges for one model: one row per provider, summarised. */
export interface MarketApiPrice {
  readonly model: string;
  readonly providerCount: number;
  /** Provider names, sorted. */
  readonly providers: readonly string[];
  /** The row used for each provider (its latest), in provider order. */
  readonly rows: readonly ApiPrice[];
  readonly inputUsdPerMillion: PriceSpread;
  readonly outputUsdPerMillion: PriceSpread;
  /** Over the providers that publish a cached-input price; null when none does. */
  readonly cachedInputUsdPerMillion: (PriceSpread & { readonly providerCount: number }) | null;
  /** (3 × input + output) / 4, see {@link blendedUsdPerMillion}. */
  readonly blendedUsdPerMillion: PriceSpread;
  /** Means over the k cheapest providers by blended price (ties by provider name). */
  cheapest(k: number): CheapestProviders;
}

export interface MarketApiPriceOptions {
  /** Count aggregator listing prices (OpenRouter) as a provider. Default false. */
  readonly includeAggregators?: boolean;
  /** YYYY-MM-DD or YYYY-MM: use each provider's latest row on or before it. Default: each provider's latest row. */
  readonly asOf?: string;
}

/**
 * The price of one million tokens at a 3:1 input:output token mix, USD:
 * (3 × input + output) / 4, the 3:1 mix of Artificial Analysis's "blended price" (chat and coding
 * requests read more tokens than they write). Example: $0.60 in / $3.00 out → $1.20.
 */
export function blendedUsdPerMillion(row: Pick<ApiPrice, 'inputUsdPerMillion' | 'outputUsdPerMillion'>): number {
  return (3 * row.inputUsdPerMillion + row.outputUsdPerMillion) / 4;
}

/** Median (mean of the middle two for an even count), min and max of a non-empty list. */
function spread(values: readonly number[]): PriceSpread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  const median = sorted.length % 2 === 1 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
  return { median, min: at(0), max: at(sorted.length - 1) };
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

const DATE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/**
 * A sortable day for a row date: a month-only date (YYYY-MM) counts as the month's first day,
 * since the price held by then at the latest.
 */
const rowDay = (date: string) => (date.length === 7 ? `${date}-01` : date);

/** The last day `asOf` covers: a month-only asOf covers the whole month. */
function asOfDay(asOf: string): string {
  if (!DATE.test(asOf)) throw new InputError('asOf', asOf, 'a date YYYY-MM or YYYY-MM-DD');
  return asOf.length === 7 ? `${asOf}-31` : asOf;
}

/** Each provider's latest row on or before `asOf` (on equal dates, the later in the list). */
function latestPerProvider<R extends { readonly provider: string; readonly date: string }>(rows: readonly R[], asOf?: string): R[] {
  const until = asOf === undefined ? undefined : asOfDay(asOf);
  const latest = new Map<string, R>();
  for (const r of rows) {
    if (until !== undefined && rowDay(r.date) > until) continue;
    const held = latest.get(r.provider);
    if (held === undefined || rowDay(r.date) >= rowDay(held.date)) latest.set(r.provider, r);
  }
  return [...latest.values()].sort((a, b) => a.provider.localeCompare(b.provider));
}

function unknown(field: string, wanted: string, known: readonly string[]): InputError {
  const list = [...new Set(known)].sort().join(', ');
  return new InputError(field, wanted, `one of ${list}`, `no price rows for ${field} ${wanted}; known: ${list}`);
}

/**
 * Summarises what providers charge for `model` (an id as in `prices.json`): median, min and max
 * input, output and cached-input prices over each provider's latest row, USD per million tokens.
 * Aggregator listing prices are left out unless `includeAggregators`. Throws an InputError naming
 * the model and listing the known ones when no row matches.
 * Example: `marketApiPrice('kimi-k2.5', latestSnapshot().api)` → 11 providers, median $0.60 in / $3.00 out.
 */
export function marketApiPrice(model: string, rows: readonly ApiPrice[], options: MarketApiPriceOptions = {}): MarketApiPrice {
  const { includeAggregators = false, asOf } = options;
  const wanted = model.toLowerCase();
  const forModel = rows.filter((r) => r.model === wanted);
  if (forModel.length === 0) throw unknown('model', model, rows.map((r) => r.model));
  const eligible = forModel.filter((r) => includeAggregators || r.role !== 'aggregator');
  const used = latestPerProvider(eligible, asOf);
  if (used.length === 0) {
    const why = eligible.length === 0 ? 'only aggregator rows (pass includeAggregators)' : `no row on or before ${asOf ?? ''}`;
    throw new InputError('model', model, 'a model with price rows', `no usable price rows for model ${model}: ${why}`);
  }
  const cached = used.flatMap((r) => (r.cachedInputUsdPerMillion === null ? [] : [r.cachedInputUsdPerMillion]));
  const byBlend = [...used].sort((a, b) => blendedUsdPerMillion(a) - blendedUsdPerMillion(b) || a.provider.localeCompare(b.provider));
  return {
    model: wanted,
    providerCount: used.length,
    providers: used.map((r) => r.provider),
    rows: used,
    inputUsdPerMillion: spread(used.map((r) => r.inputUsdPerMillion)),
    outputUsdPerMillion: spread(used.map((r) => r.outputUsdPerMillion)),
    cachedInputUsdPerMillion: cached.length === 0 ? null : { ...spread(cached), providerCount: cached.length },
    blendedUsdPerMillion: spread(used.map(blendedUsdPerMillion)),
    cheapest(k: number): CheapestProviders {
      if (!Number.isInteger(k) || k < 1) throw new InputError('k', String(k), 'a whole number >= 1');
      const top = byBlend.slice(0, k);
      return {
        providerCount: top.length,
        providers: top.map((r) => r.provider),
        inputUsdPerMillion: mean(top.map((r) => r.inputUsdPerMillion)),
        outputUsdPerMillion: mean(top.map((r) => r.outputUsdPerMillion)),
        blendedUsdPerMillion: mean(top.map(blendedUsdPerMillion)),
      };
    },
  };
}

/**
 * The latest row for `model` sold by `provider` (provider matched case-insensitively). Throws an
 * InputError listing the model's providers, or the known models, when there is none.
 * Example: `apiPriceOf('kimi-k2.5', 'Moonshot AI', rows).outputUsdPerMillion` → 3.
 */
export function apiPriceOf(model: string, provider: string, rows: readonly ApiPrice[]): ApiPrice {
  const wanted = model.toLowerCase();
  const forModel = rows.filter((r) => r.model === wanted);
  if (forModel.length === 0) throw unknown('model', model, rows.map((r) => r.model));
  const forProvider = forModel.filter((r) => r.provider.toLowerCase() === provider.toLowerCase());
  const [latest] = latestPerProvider(forProvider);
  if (latest === undefined) throw unknown(`provider of ${wanted}`, provider, forModel.map((r) => r.provider));
  return latest;
}

export interface GpuRentalPriceOptions {
  /** Keep only rows on these terms. Default: all terms. */
  readonly terms?: GpuRentalTerms;
  /** Keep only rows from this class of provider. Default: all classes. */
  readonly providerClass?: GpuProviderClass;
  /** YYYY-MM-DD or YYYY-MM: use each provider's rows of its latest date on or before it. Default: each provider's latest date. */
  readonly asOf?: string;
}

export interface GpuRentalPriceSummary {
  readonly gpu: string;
  /** Rows summarised (a provider can list several offers on one date, e.g. 1-GPU and 8-GPU instances). */
  readonly count: number;
  readonly medianUsdPerGpuHour: number;
  readonly minUsdPerGpuHour: number;
  readonly maxUsdPerGpuHour: number;
  readonly rows: readonly GpuRentalPrice[];
}

/**
 * What an hour of one `gpu` (accelerator-catalog id) rents for, USD per GPU-hour: median, min and
 * max over each provider's rows of its latest date (older rows of the same provider are history,
 * not separate offers), after the `terms` and `providerClass` filters. Throws an InputError naming
 * the gpu and listing the known ones when no row matches.
 * Example: `gpuRentalPrice('b300', rows).medianUsdPerGpuHour` → 7.4 (Hyperstack, 2026-08-26).
 */
export function gpuRentalPrice(gpu: string, rows: readonly GpuRentalPrice[], options: GpuRentalPriceOptions = {}): GpuRentalPriceSummary {
  const { terms, providerClass, asOf } = options;
  const wanted = gpu.toLowerCase();
  const forGpu = rows.filter((r) => r.gpu === wanted);
  if (forGpu.length === 0) throw unknown('gpu', gpu, rows.map((r) => r.gpu));
  const until = asOf === undefined ? undefined : asOfDay(asOf);
  const eligible = forGpu.filter(
    (r) =>
      (terms === undefined || r.terms === terms) &&
      (providerClass === undefined || r.providerClass === providerClass) &&
      (until === undefined || rowDay(r.date) <= until),
  );
  const latestDay = new Map<string, string>();
  for (const r of eligible) {
    const held = latestDay.get(r.provider);
    if (held === undefined || rowDay(r.date) > held) latestDay.set(r.provider, rowDay(r.date));
  }
  const used = eligible.filter((r) => rowDay(r.date) === latestDay.get(r.provider));
  if (used.length === 0) {
    const filters = [terms && `terms ${terms}`, providerClass && `class ${providerClass}`, asOf && `on or before ${asOf}`].filter(Boolean).join(', ');
    throw new InputError('gpu', gpu, 'a gpu with rental rows', `no rental rows for gpu ${gpu} with ${filters}`);
  }
  const s = spread(used.map((r) => r.usdPerGpuHour));
  return { gpu: wanted, count: used.length, medianUsdPerGpuHour: s.median, minUsdPerGpuHour: s.min, maxUsdPerGpuHour: s.max, rows: used };
}
