import type { ApiPrice, ApiPriceRole, ContextTier } from '../catalog/prices.js';
import { isProprietaryModelId } from '../catalog/prices.js';
import { openWeightModelOf } from '../catalog/openWeightModels.js';
import { providerOf, type Provider } from '../catalog/providers.js';
import { mergeOpenRouterImports as mergeImports, type ImportProblem, type ImportSkip, type OpenRouterImport } from './openRouter.js';

/** Where the shipped genai-prices files come from; a row's `source` is this plus the file name. */
export const GENAI_PRICES_BASE_URL = 'https://github.com/pydantic/genai-prices/blob/main/prices/providers/';

export interface GenaiPricesParseOptions {
  /** The file's name as the user gave it, used in every error and skip (`together.yml`). */
  readonly file: string;
  /** YYYY-MM-DD: the snapshot's day. Dates entries without `prices_checked`, and picks the price in force. */
  readonly date: string;
  /** A row's source is `${baseUrl}${provider id}.yml`. Default {@link GENAI_PRICES_BASE_URL}. */
  readonly baseUrl?: string;
}

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);
const describe = (x: unknown) => (x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x);
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A YAML date as YYYY-MM-DD: a string, or a Date where a YAML 1.1 parser made one. */
function day(x: unknown): string | undefined {
  if (x instanceof Date && !Number.isNaN(x.getTime())) return x.toISOString().slice(0, 10);
  const s = text(x);
  return s !== undefined && DAY.test(s) ? s : undefined;
}

/** Every `equals`, `starts_with` value of a match clause tree: names the entry is known by. */
function matchNames(clause: unknown, out: string[] = []): string[] {
  if (!isObject(clause)) return out;
  for (const key of ['equals', 'starts_with'] as const) {
    const s = text(clause[key]);
    if (s !== undefined) out.push(s);
  }
  for (const key of ['or', 'and'] as const) {
    const list = clause[key];
    if (Array.isArray(list)) for (const c of list) matchNames(c, out);
  }
  return out;
}

type Field = 'input_mtok' | 'output_mtok' | 'cache_read_mtok' | 'cache_write_mtok';
const FIELDS: readonly Field[] = ['input_mtok', 'output_mtok', 'cache_read_mtok', 'cache_write_mtok'];
const TIER_KEY: Record<Field, keyof Omit<ContextTier, 'startTokens'>> = {
  input_mtok: 'inputUsdPerMillion', output_mtok: 'outputUsdPerMillion', cache_read_mtok: 'cachedInputUsdPerMillion', cache_write_mtok: 'cacheWriteUsdPerMillion',
};

interface ReadPrice { base: number; tiers: { start: number; price: number }[] }

/** One price field: a number, or `{base, tiers: [{start, price}]}`; a problem names the field. */
function readPrice(value: unknown, field: string): ReadPrice | { problem: string } | undefined {
  if (value === undefined || value === null) return undefined;
  const num = (x: unknown, where: string): number | { problem: string } =>
    typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : { problem: `${where} ${JSON.stringify(x) ?? String(x)} is not a number >= 0` };
  if (!isObject(value)) {
    const n = num(value, field);
    return typeof n === 'number' ? { base: n, tiers: [] } : n;
  }
  const base = num(value.base, `${field}.base`);
  if (typeof base !== 'number') return base;
  const tiers: { start: number; price: number }[] = [];
  const list = value.tiers ?? [];
  if (!Array.isArray(list)) return { problem: `${field}.tiers is ${describe(list)}, expected a list of {start, price}` };
  for (const [i, t] of list.entries()) {
    const start = isObject(t) ? t.start : undefined;
    if (typeof start !== 'number' || !Number.isInteger(start) || start < 1) return { problem: `${field}.tiers[${i}].start ${JSON.stringify(start) ?? 'missing'} is not a whole number of tokens >= 1` };
    const price = num(isObject(t) ? t.price : undefined, `${field}.tiers[${i}].price`);
    if (typeof price !== 'number') return price;
    tiers.push({ start, price });
  }
  return { base, tiers };
}

/**
 * The price set in force on `date` of a `prices` value: a ModelPrice object, or a list of
 * `{constraint?, prices}` where the last one whose `start_date` has come applies. Time-of-day
 * constraints (off-peak discounts) and prices starting after `date` are left out and noted.
 */
function activePrices(prices: unknown, date: string): { prices: Json; path: string; notes: string[] } | { problem: string } {
  if (isObject(prices)) return { prices, path: 'prices', notes: [] };
  if (!Array.isArray(prices)) return { problem: `prices is ${describe(prices)}, expected a price object or a list of conditional prices` };
  let chosen: { prices: Json; path: string } | undefined;
  const notes: string[] = [];
  for (const [i, entry] of prices.entries()) {
    if (!isObject(entry) || !isObject(entry.prices)) return { problem: `prices[${i}].prices is missing or not an object` };
    const c = entry.constraint;
    if (c === undefined || c === null) chosen = { prices: entry.prices, path: `prices[${i}].prices` };
    else if (isObject(c) && 'start_date' in c) {
      const start = day(c.start_date);
      if (start === undefined) return { problem: `prices[${i}].constraint.start_date ${JSON.stringify(c.start_date)} is not a date YYYY-MM-DD` };
      if (start <= date) chosen = { prices: entry.prices, path: `prices[${i}].prices` };
      else notes.push(`a price from ${start} is not yet in force`);
    } else notes.push('a time-of-day price (off-peak discount) left out');
  }
  return chosen === undefined ? { problem: `no price of prices[] is in force on ${date}` } : { ...chosen, notes };
}

/** A proprietary id in the price catalog's spelling: `claude-sonnet-4-5` → `claude-sonnet-4.5`. */
function proprietaryId(name: string): string | undefined {
  const slash = name.lastIndexOf('/');
  // `togethercomputer/GPT-JT-...` is not OpenAI's: only the vendors' own authors count.
  if (slash >= 0 && !VENDOR_AUTHORS.includes(name.slice(0, slash).toLowerCase())) return undefined;
  const id = name.toLowerCase().slice(slash + 1).replace(/-(\d)-(\d)(?=-|$)/g, '-$1.$2');
  return isProprietaryModelId(id) ? id : undefined;
}

const VENDOR_AUTHORS: readonly string[] = ['anthropic', 'openai', 'google', 'x-ai'];

const VENDOR_OF_PREFIX: readonly [string, string][] = [['claude-', 'Anthropic'], ['gpt-', 'OpenAI'], ['gemini-', 'Google'], ['grok-', 'xAI']];

function roleOf(provider: Provider | undefined, lab: string | undefined): ApiPriceRole {
  if (provider?.kind === 'aggregator') return 'aggregator';
  return provider !== undefined && lab !== undefined && provider.publishes.includes(lab) ? 'first-party' : 'third-party';
}

/**
 * Parses one provider file of pydantic/genai-prices (`prices/providers/*.yml`, already read as
 * YAML) into price rows, USD per million tokens: every model whose size the open-weight catalog
 * knows (or a frontier vendor's proprietary model), with input, output, cache-read and
 * cache-write prices and its long-context tiers, dated by its `prices_checked` (else the
 * snapshot's day). Every other entry is reported: a model of unknown size, one without token
 * prices (embeddings, images) or free is skipped with its reason; a malformed price is an error
 * naming the file, the model and the field. The provider is the underlying one for Hugging
 * Face router files (`huggingface_groq` → Groq).
 * Example: together.yml's `meta-llama/Llama-3.3-70B-Instruct-Turbo` at 0.88/0.88 → a `llama-3.3-70b` row of Together AI.
 */
export function parseGenaiPricesProvider(json: unknown, options: GenaiPricesParseOptions): OpenRouterImport {
  const { file, date, baseUrl = GENAI_PRICES_BASE_URL } = options;
  const fileError = (problem: string): OpenRouterImport => ({ rows: [], errors: [{ row: `${file}: (file)`, problem }], skipped: [] });
  if (!isObject(json)) return fileError(`not a genai-prices provider file: expected an object with id, name and models; got ${describe(json)}`);
  const fileId = text(json.id);
  if (fileId === undefined || !Array.isArray(json.models)) return fileError(`not a genai-prices provider file: ${fileId === undefined ? 'id is missing' : 'models is not a list'}`);
  const provider = providerOf(fileId) ?? providerOf(text(json.name) ?? '');
  const providerName = provider?.name ?? text(json.name) ?? fileId;
  const viaHuggingFace = fileId.startsWith('huggingface_');
  const rows: ApiPrice[] = [];
  const labels: string[] = [];
  const errors: ImportProblem[] = [];
  const skipped: ImportSkip[] = [];
  for (const [i, entry] of (json.models as unknown[]).entries()) {
    const id = isObject(entry) ? text(entry.id) : undefined;
    const row = `${file}: models[${i}]${id === undefined ? '' : ` (${id})`}`;
    if (!isObject(entry) || id === undefined) {
      errors.push({ row, problem: isObject(entry) ? 'id is missing' : `not an object but ${describe(entry)}` });
      continue;
    }
    const variant = /:([a-z][\w-]*)$/i.exec(id);
    if (variant !== null) {
      // `x:free`, `x:thinking`, `x:extended` are OpenRouter's variants of `x`, priced apart or free.
      skipped.push({ row, reason: `variant :${variant[1] ?? ''} of ${id.slice(0, variant.index)}` });
      continue;
    }
    const names = [id, text(entry.name), ...matchNames(entry.match)].filter((n): n is string => n !== undefined);
    const sized = openWeightModelOf(names);
    const proprietary = sized === undefined ? proprietaryId(id) : undefined;
    if (sized === undefined && proprietary === undefined) {
      skipped.push({ row, reason: 'size unknown: not in the open-weight size catalog (nor a claude-, gpt-, gemini-, grok- model)' });
      continue;
    }
    const active = activePrices(entry.prices, date);
    if ('problem' in active) {
      errors.push({ row, problem: active.problem });
      continue;
    }
    const read = new Map<Field, ReadPrice>();
    let problem: string | undefined;
    for (const f of FIELDS) {
      const r = readPrice(active.prices[f], `${active.path}.${f}`);
      if (r !== undefined && 'problem' in r) problem ??= r.problem;
      else if (r !== undefined) read.set(f, r);
    }
    const checked = entry.prices_checked;
    const checkedDay = checked === undefined ? undefined : day(checked);
    if (checked !== undefined && checkedDay === undefined) problem ??= `prices_checked ${JSON.stringify(checked)} is not a date YYYY-MM-DD`;
    if (problem !== undefined) {
      errors.push({ row, problem });
      continue;
    }
    const input = read.get('input_mtok');
    const output = read.get('output_mtok');
    if (input === undefined || output === undefined) {
      skipped.push({ row, reason: `no ${input === undefined ? 'input' : 'output'} token price (embedding, image, audio or per-request model)` });
      continue;
    }
    if (input.base === 0 || output.base === 0) {
      skipped.push({ row, reason: 'free (zero price)' });
      continue;
    }
    const cached = read.get('cache_read_mtok');
    const write = read.get('cache_write_mtok');
    const tiers = new Map<number, ContextTier>();
    for (const [f, r] of read) for (const t of r.tiers) if (t.price > 0) tiers.set(t.start, { ...(tiers.get(t.start) ?? { startTokens: t.start }), [TIER_KEY[f]]: t.price });
    const lab = sized?.lab ?? VENDOR_OF_PREFIX.find(([prefix]) => proprietary?.startsWith(prefix))?.[1];
    const note = [
      `genai-prices ${fileId} model ${id}`,
      ...(viaHuggingFace ? ['via the Hugging Face inference router'] : []),
      ...(checkedDay === undefined ? [`no prices_checked: dated by the snapshot (${date})`] : []),
      ...active.notes,
    ].join('; ');
    rows.push({
      model: sized?.id ?? proprietary ?? id,
      modelName: `${text(entry.name) ?? id} (${id})`,
      provider: providerName,
      inputUsdPerMillion: input.base,
      cachedInputUsdPerMillion: cached !== undefined && cached.base > 0 ? cached.base : null,
      outputUsdPerMillion: output.base,
      role: roleOf(provider, lab),
      ...(write !== undefined && write.base > 0 && { cacheWriteUsdPerMillion: write.base }),
      ...(tiers.size > 0 && { contextTiers: [...tiers.values()].sort((a, b) => a.startTokens - b.startTokens) }),
      date: checkedDay ?? date,
      source: `${baseUrl}${fileId}.yml`,
      note,
    });
    labels.push(row);
  }
  const labelled = rows.map((r, i) => ({ r, label: labels[i] ?? '' }));
  return mergeImports([{ rows: labelled.map((x) => x.r), errors, skipped }], labelled.map((x) => x.label));
}
