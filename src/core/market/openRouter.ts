import { openWeightModelOf } from '../catalog/openWeightModels.js';
import type { ApiPrice, PriceSnapshot } from '../catalog/prices.js';
import { catalogIdOfOpenRouter, catalogProviderName, isFirstPartyProvider } from './openRouterIds.js';
import { LIMITS } from '../limits.js';
import { quoteForMessage } from '../errors.js';
import { TOKENS_PER_MILLION } from '../units.js';

/** OpenRouter's public API; `source` of the imported rows is a URL under it. */
export const OPENROUTER_API_BASE_URL = 'https://openrouter.ai/api/v1';

/** The provider name of OpenRouter's model-level listing prices, as the shipped rows spell it. */
export const OPENROUTER_LISTING_PROVIDER = 'OpenRouter';

const LISTING_NOTE = 'OpenRouter model-level listing price (GET /api/v1/models pricing)';

/** One row (or the whole file, row `(file)`) that could not be imported. */
export interface ImportProblem {
  readonly row: string;
  readonly problem: string;
}

/** One row left out on purpose: a variable-price router, a model outside the catalog, a free variant. */
export interface ImportSkip {
  readonly row: string;
  readonly reason: string;
}

/** What one OpenRouter response yields: the rows it prices, and every row it does not. */
export interface OpenRouterImport {
  readonly rows: readonly ApiPrice[];
  readonly errors: readonly ImportProblem[];
  readonly skipped: readonly ImportSkip[];
}

export interface OpenRouterParseOptions {
  /** YYYY-MM-DD stamped on every row: the day the response was fetched. */
  readonly date: string;
  /** The API the response came from; the rows' `source` is a URL under it. Default {@link OPENROUTER_API_BASE_URL}. */
  readonly baseUrl?: string;
  /** OpenRouter id → `hugging_face_id`, from a /models listing: endpoints responses carry none. Default: none. */
  readonly huggingFaceIds?: ReadonlyMap<string, string>;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const describe = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x);

/** What the top of a response holds instead of the expected `data`: an API error's message, or the type found. */
function whatInstead(json: unknown, data: unknown): string {
  if (!isObject(json)) return `got ${describe(json)}`;
  const error = json.error;
  if (error !== undefined) return `it is an error response (${JSON.stringify(isObject(error) && 'message' in error ? error.message : error)})`;
  return data === undefined ? 'it has no data' : `data is ${describe(data)}`;
}
const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);

/** The dearest price a row may have, USD a token (LIMITS.priceUsdPerMillion: a million USD per million). */
const MAX_USD_PER_TOKEN = LIMITS.priceUsdPerMillion.max / TOKENS_PER_MILLION;
/** Prices are kept to 1e-9 USD per million tokens: this many steps to a USD per million. */
const PRICE_STEPS_PER_USD = 1e9;
/** The cheapest non-zero price, USD a token: one step, 1e-15. */
const MIN_USD_PER_TOKEN = 1 / (PRICE_STEPS_PER_USD * TOKENS_PER_MILLION);

type Price = { kind: 'usd'; usdPerMillion: number } | { kind: 'variable' } | { kind: 'missing' } | { kind: 'invalid'; problem: string };

/**
 * A per-token price (a decimal string such as "0.0000006", or a number) as USD per million tokens,
 * rounded to 1e-9 so that "0.0000006" gives exactly 0.6; `-1` is the variable-price sentinel of
 * OpenRouter's routers. Example: `"0.0000025"` → 2.5.
 */
function perMillion(value: unknown, field: string): Price {
  if (value === undefined || value === null) return { kind: 'missing' };
  const raw = typeof value === 'string' ? value.trim() : value;
  const numeric = typeof raw === 'number' || (typeof raw === 'string' && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw));
  const usdPerToken = numeric ? Number(raw) : Number.NaN;
  if (!Number.isFinite(usdPerToken)) return { kind: 'invalid', problem: `${field} ${quoteForMessage(JSON.stringify(value) ?? String(value), 40)} is not a number` };
  if (usdPerToken === -1) return { kind: 'variable' };
  if (usdPerToken < 0) return { kind: 'invalid', problem: `${field} ${JSON.stringify(value)} is negative (only -1, a variable price, is allowed)` };
  // Outside [1e-15, 1] USD a token a price is a data error: above, it overflows nothing real;
  // below, it would round to a free model (a price is kept to 1e-9 USD per million).
  if (usdPerToken > MAX_USD_PER_TOKEN) return { kind: 'invalid', problem: `${field} ${quoteForMessage(JSON.stringify(value), 40)} is above ${MAX_USD_PER_TOKEN} USD a token` };
  if (usdPerToken > 0 && usdPerToken < MIN_USD_PER_TOKEN) return { kind: 'invalid', problem: `${field} ${quoteForMessage(JSON.stringify(value), 40)} is above 0 but below ${MIN_USD_PER_TOKEN} USD a token, the smallest price kept` };
  // An integer count of 1e-9 USD per million divided by 1e9 is the double nearest the decimal.
  return { kind: 'usd', usdPerMillion: Math.round(usdPerToken * (TOKENS_PER_MILLION * PRICE_STEPS_PER_USD)) / PRICE_STEPS_PER_USD };
}

type Priced = { prices: Pick<ApiPrice, 'inputUsdPerMillion' | 'cachedInputUsdPerMillion' | 'outputUsdPerMillion'> } | { skip: string } | { error: string };

/**
 * The input, cached-input and output prices of a `pricing` object, or why there are none. A
 * variable price is reported before `modelSkip` (why the model is not imported), which comes
 * before any price problem: a model we do not import has no price errors.
 */
function readPricing(pricing: unknown, modelSkip?: string): Priced {
  const p = isObject(pricing) ? pricing : {};
  const input = perMillion(p.prompt, 'pricing.prompt');
  const output = perMillion(p.completion, 'pricing.completion');
  if (input.kind === 'variable' || output.kind === 'variable') return { skip: 'variable price' };
  if (modelSkip !== undefined) return { skip: modelSkip };
  if (!isObject(pricing)) return { error: `pricing is ${describe(pricing)}, expected an object of per-token prices` };
  for (const [price, field] of [[input, 'pricing.prompt'], [output, 'pricing.completion']] as const) {
    if (price.kind === 'missing') return { error: `${field} is missing` };
    if (price.kind === 'invalid') return { error: price.problem };
  }
  if (input.kind !== 'usd' || output.kind !== 'usd') return { error: 'no price' };
  if (input.usdPerMillion === 0 || output.usdPerMillion === 0) return { skip: 'free (zero price)' };
  const cached = perMillion(p.input_cache_read, 'pricing.input_cache_read');
  if (cached.kind === 'invalid') return { error: cached.problem };
  // A zero or absent cache price is "none published": the catalog keeps null, never 0.
  const cachedInputUsdPerMillion = cached.kind === 'usd' && cached.usdPerMillion > 0 ? cached.usdPerMillion : null;
  return { prices: { inputUsdPerMillion: input.usdPerMillion, cachedInputUsdPerMillion, outputUsdPerMillion: output.usdPerMillion } };
}

function discountNote(pricing: unknown): string[] {
  const discount = isObject(pricing) ? Number(pricing.discount) : Number.NaN;
  return Number.isFinite(discount) && discount > 0 ? [`listed discount ${discount} not applied`] : [];
}

/** A variant id (`x/y:free`) or a model outside both catalogs: the skip reason, else the catalog id. */
function resolveModel(id: string, huggingFaceId: string | undefined): { model: string } | { skip: string } {
  const colon = id.indexOf(':');
  if (colon >= 0) return { skip: `variant ${id.slice(colon)} of ${id.slice(0, colon)}` };
  const hit = catalogIdOfOpenRouter(id, huggingFaceId);
  if (hit !== null) return { model: hit.model };
  // Beyond the architecture catalog, any open-weight model whose size is catalogued.
  const sized = openWeightModelOf([huggingFaceId, id]);
  return sized === undefined ? { skip: 'not a catalog model' } : { model: sized.id };
}

const fileError = (problem: string): OpenRouterImport => ({ rows: [], errors: [{ row: '(file)', problem }], skipped: [] });

/**
 * Parses a saved `GET /api/v1/models` response (`{data: Model[]}`) into OpenRouter's listing
 * prices (role `aggregator`, provider {@link OPENROUTER_LISTING_PROVIDER}), USD per million tokens.
 * Routers priced `-1` are skipped as "variable price", models outside the model catalog and not a
 * frontier vendor's as "not a catalog model"; a missing, non-numeric or negative price is an
 * error for its row only. A response without a `data` array is one error for the file.
 * Example: a model priced `{prompt: "0.0000006", completion: "0.0000025"}` → input 0.6, output 2.5.
 */
export function parseOpenRouterModels(json: unknown, options: OpenRouterParseOptions): OpenRouterImport {
  const { date, baseUrl = OPENROUTER_API_BASE_URL } = options;
  if (!isObject(json) || !Array.isArray(json.data)) {
    return fileError(`not a GET /api/v1/models response: expected an object with a data array; ${whatInstead(json, isObject(json) ? json.data : undefined)}`);
  }
  const rows: ApiPrice[] = [];
  const labels: string[] = [];
  const errors: ImportProblem[] = [];
  const skipped: ImportSkip[] = [];
  for (const [i, entry] of (json.data as unknown[]).entries()) {
    const id = isObject(entry) ? text(entry.id) : undefined;
    const row = `data[${i}]${id === undefined ? '' : ` (${id})`}`;
    if (!isObject(entry) || id === undefined) {
      errors.push({ row, problem: isObject(entry) ? 'no id' : `not an object but ${describe(entry)}` });
      continue;
    }
    const model = resolveModel(id, text(entry.hugging_face_id));
    const priced = readPricing(entry.pricing, 'skip' in model ? model.skip : undefined);
    if ('skip' in priced) skipped.push({ row, reason: priced.skip });
    else if ('error' in priced) errors.push({ row, problem: priced.error });
    else if ('model' in model) {
      const note = [LISTING_NOTE, ...discountNote(entry.pricing)].join('; ');
      const name = `${text(entry.name) ?? id} (${id})`;
      rows.push({ model: model.model, modelName: name, provider: OPENROUTER_LISTING_PROVIDER, ...priced.prices, role: 'aggregator', date, source: `${baseUrl}/models`, note });
      labels.push(row);
    }
  }
  return dedupe({ rows, errors, skipped }, labels);
}

/** An uptime as a percentage: OpenRouter documents 0-100, some responses carry a 0-1 fraction. */
function uptimePercent(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > 100) return undefined;
  return n <= 1 ? n * 100 : n;
}

/** The note of an endpoint row: tag and quantization, plus status, uptime and discount when given. */
function endpointNote(e: Json): string {
  const tag = text(e.tag);
  const quantization = text(e.quantization) ?? 'not stated';
  const status = typeof e.status === 'number' || typeof e.status === 'string' ? String(e.status).trim() : '';
  const uptime = [['1 day', e.uptime_last_1d], ['30 min', e.uptime_last_30m], ['5 min', e.uptime_last_5m]]
    .map(([span, v]) => [span, uptimePercent(v)] as const)
    .find(([, v]) => v !== undefined);
  return [
    `OpenRouter endpoint${tag === undefined ? '' : ` ${tag}`}: quantization ${quantization}`,
    ...(status !== '' && status !== '0' && status !== 'default' ? [`status ${status}`] : []),
    ...(uptime === undefined ? [] : [`uptime ${Number(uptime[1]?.toFixed(2))}% over ${uptime[0]}`]),
    ...discountNote(e.pricing),
  ].join('; ');
}

/**
 * Parses a saved `GET /api/v1/models/{author}/{slug}/endpoints` response
 * (`{data: {id, name, endpoints: PublicEndpoint[]}}`) into one row per provider: role
 * `first-party` when the provider publishes the model (Moonshot AI for `moonshotai/…`), else
 * `third-party`; the endpoint's quantization goes in the note. Skips and errors as
 * {@link parseOpenRouterModels}; a model outside the catalog is one skip for the file.
 * Example: DeepInfra's endpoint of `moonshotai/kimi-k2.5` at "0.00000045"/"0.00000225" → 0.45 / 2.25, third-party.
 */
export function parseOpenRouterEndpoints(json: unknown, options: OpenRouterParseOptions): OpenRouterImport {
  const { date, baseUrl = OPENROUTER_API_BASE_URL, huggingFaceIds } = options;
  const data = isObject(json) ? json.data : undefined;
  if (!isObject(data) || !Array.isArray(data.endpoints) || text(data.id) === undefined) {
    const got = isObject(data) ? 'data lacks an id or an endpoints array' : whatInstead(json, data);
    return fileError(`not a GET /api/v1/models/{author}/{slug}/endpoints response: expected {data: {id, endpoints: [...]}}; ${got}`);
  }
  const id = text(data.id) ?? '';
  const model = resolveModel(id, text(data.hugging_face_id) ?? huggingFaceIds?.get(id));
  if ('skip' in model) return { rows: [], errors: [], skipped: [{ row: `data (${id})`, reason: model.skip }] };
  const rows: ApiPrice[] = [];
  const labels: string[] = [];
  const errors: ImportProblem[] = [];
  const skipped: ImportSkip[] = [];
  for (const [i, e] of (data.endpoints as unknown[]).entries()) {
    const providerName = isObject(e) ? text(e.provider_name) : undefined;
    const row = `data.endpoints[${i}] (${providerName ?? 'no provider'}, ${id})`;
    if (!isObject(e) || providerName === undefined) {
      errors.push({ row, problem: isObject(e) ? 'no provider_name' : `not an object but ${describe(e)}` });
      continue;
    }
    const priced = readPricing(e.pricing);
    if ('skip' in priced) skipped.push({ row, reason: priced.skip });
    else if ('error' in priced) errors.push({ row, problem: priced.error });
    else {
      const provider = catalogProviderName(providerName);
      rows.push({
        model: model.model, modelName: `${text(e.model_name) ?? text(data.name) ?? id} (${id})`, provider, ...priced.prices,
        role: isFirstPartyProvider(id, provider) ? 'first-party' : 'third-party',
        date, source: `${baseUrl}/models/${id}/endpoints`, note: endpointNote(e),
      });
      labels.push(row);
    }
  }
  return dedupe({ rows, errors, skipped }, labels);
}

/** Which response `json` is: a /models listing, one model's endpoints, or neither. */
export function openRouterResponseKind(json: unknown): 'models' | 'endpoints' | null {
  if (!isObject(json)) return null;
  if (Array.isArray(json.data)) return 'models';
  return isObject(json.data) && 'endpoints' in json.data ? 'endpoints' : null;
}

/**
 * Parses either response, told apart by its shape ({@link openRouterResponseKind}); anything
 * else is one error for the file.
 */
export function parseOpenRouterResponse(json: unknown, options: OpenRouterParseOptions): OpenRouterImport {
  const kind = openRouterResponseKind(json);
  if (kind === 'models') return parseOpenRouterModels(json, options);
  if (kind === 'endpoints') return parseOpenRouterEndpoints(json, options);
  return fileError(`not an OpenRouter response: expected {data: [...]} (GET /api/v1/models) or {data: {id, endpoints: [...]}} (GET …/endpoints); ${whatInstead(json, isObject(json) ? json.data : undefined)}`);
}

/** OpenRouter id → `hugging_face_id` of every model of a /models response that has one. */
export function openRouterHuggingFaceIds(json: unknown): Map<string, string> {
  const ids = new Map<string, string>();
  const data = isObject(json) && Array.isArray(json.data) ? (json.data as unknown[]) : [];
  for (const m of data) {
    const id = isObject(m) ? text(m.id) : undefined;
    const hf = isObject(m) ? text(m.hugging_face_id) : undefined;
    if (id !== undefined && hf !== undefined) ids.set(id, hf);
  }
  return ids;
}

/**
 * Joins the imports of several responses; a row repeating the model, provider and date of an
 * earlier one (two slugs of one catalog model, two endpoints of one provider) is skipped, since a
 * snapshot holds one price per model, provider and date; `labels[i]` names row i in such a skip
 * (default: its model name and provider). Example: `/models` rows of
 * `deepseek/deepseek-r1-0528` and `deepseek/deepseek-r1` → one `deepseek-r1` row, the first.
 */
export function mergeOpenRouterImports(imports: readonly OpenRouterImport[], labels?: readonly string[]): OpenRouterImport {
  return dedupe({ rows: imports.flatMap((i) => i.rows), errors: imports.flatMap((i) => i.errors), skipped: imports.flatMap((i) => i.skipped) }, labels);
}

/** Keeps the first row of each model, provider and date; `labels[i]` names row i in a skip. */
function dedupe(result: OpenRouterImport, labels: readonly string[] = []): OpenRouterImport {
  const kept = new Map<string, { row: ApiPrice; label: string }>();
  const skipped: ImportSkip[] = [...result.skipped];
  result.rows.forEach((r, i) => {
    const key = `${r.model} / ${r.provider} / ${r.date}`;
    const label = labels[i] ?? `${r.modelName}, ${r.provider}`;
    const first = kept.get(key);
    if (first === undefined) kept.set(key, { row: r, label });
    else skipped.push({ row: label, reason: `repeats the ${r.model} row of ${r.provider} on ${r.date} (kept ${first.label})` });
  });
  return { rows: [...kept.values()].map((k) => k.row), errors: result.errors, skipped };
}

/**
 * A price snapshot of imported rows, sorted by model, role and provider, with no GPU rows; the
 * shape `parsePriceCatalog` accepts inside `{snapshots: [...]}`.
 */
export function openRouterSnapshot(rows: readonly ApiPrice[], meta: { readonly id: string; readonly date: string; readonly description: string }): PriceSnapshot {
  const roleOrder = { 'first-party': 0, 'third-party': 1, aggregator: 2 } as const;
  const api = [...rows].sort((a, b) => a.model.localeCompare(b.model) || roleOrder[a.role] - roleOrder[b.role] || a.provider.localeCompare(b.provider));
  return { id: meta.id, date: meta.date, description: meta.description, api, gpuRental: [] };
}
