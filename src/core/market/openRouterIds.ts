import { MODELS, type CatalogModel } from '../catalog/models.js';
import { isProprietaryModelId } from '../catalog/prices.js';

/** How an OpenRouter id was matched to a catalog id, most to least specific. */
export type OpenRouterIdMatch = 'hugging-face-id' | 'table' | 'name' | 'frontier';

export interface CatalogIdOf {
  /** A model-catalog id, or a vendor-prefixed proprietary id (`claude-sonnet-4.5`). */
  readonly model: string;
  readonly match: OpenRouterIdMatch;
}

/**
 * OpenRouter slugs whose name is neither a catalog id nor an alias. Each maps to the catalog model
 * it serves; variants the model catalog keeps apart (Kimi K2 0905 and K2 Thinking, Qwen3-235B
 * Instruct 2507, DeepSeek V3.1, GLM-4.5) are deliberately absent, as in prices.json.
 */
const OPENROUTER_SLUGS: Readonly<Record<string, string>> = {
  'moonshotai/kimi-k2': 'kimi-k2', // the 0711 release; 0905 is its own slug
  'moonshotai/kimi-k2.5': 'kimi-k2.5',
  'deepseek/deepseek-chat': 'deepseek-v3',
  'deepseek/deepseek-chat-v3-0324': 'deepseek-v3',
  'deepseek/deepseek-r1': 'deepseek-r1',
  'deepseek/deepseek-r1-0528': 'deepseek-r1',
  'deepseek/deepseek-v3.2': 'deepseek-v3.2',
  'deepseek/deepseek-v3.2-exp': 'deepseek-v3.2',
  'openai/gpt-oss-120b': 'gpt-oss-120b',
  'openai/gpt-oss-20b': 'gpt-oss-20b',
  'meta-llama/llama-3-8b-instruct': 'llama-3-8b',
  'meta-llama/llama-3.1-8b-instruct': 'llama-3.1-8b',
  'meta-llama/llama-3.1-70b-instruct': 'llama-3.1-70b',
  'meta-llama/llama-3.1-405b-instruct': 'llama-3.1-405b',
  'meta-llama/llama-3.3-70b-instruct': 'llama-3.3-70b',
  'meta-llama/llama-4-scout': 'llama-4-scout',
  'meta-llama/llama-4-maverick': 'llama-4-maverick',
  'qwen/qwen3-30b-a3b': 'qwen3-30b-a3b',
  'qwen/qwen3-235b-a22b': 'qwen3-235b-a22b',
  'qwen/qwen3-coder': 'qwen3-coder-480b-a35b',
  'z-ai/glm-4.6': 'glm-4.6',
  'minimax/minimax-m2': 'minimax-m2',
  'mistralai/mixtral-8x7b-instruct': 'mixtral-8x7b',
  'mistralai/mixtral-8x22b-instruct': 'mixtral-8x22b',
  'google/gemini-3-pro-preview': 'gemini-3-pro', // the price catalog's row is the preview's price
};

/** OpenRouter authors of frontier models whose slugs are the price catalog's proprietary ids. */
const FRONTIER_PREFIXES = ['anthropic/claude-', 'openai/gpt-5', 'google/gemini-', 'x-ai/grok-'] as const;

/**
 * The catalog model an OpenRouter model id prices, or null. Tried in order: the model's
 * `hugging_face_id` against a catalog model's `hfRepo` (case-insensitive), or its repository name
 * against a catalog id or alias; the slug table above; the slug's name (after `author/`) against a
 * catalog id or alias; a frontier vendor's slug (`anthropic/claude-*`, `openai/gpt-5*`,
 * `google/gemini-*`, `x-ai/grok-*`) as the proprietary id of the price catalog. Variant suffixes
 * (`:free`, `:nitro`) are the caller's to handle: an id with one is not matched.
 * Example: `catalogIdOfOpenRouter('deepseek/deepseek-chat-v3-0324')` → `{ model: 'deepseek-v3', match: 'table' }`.
 */
export function catalogIdOfOpenRouter(openRouterId: string, huggingFaceId?: string | null, models: readonly CatalogModel[] = MODELS): CatalogIdOf | null {
  const id = openRouterId.trim().toLowerCase();
  if (id.includes(':') || !id.includes('/')) return null;
  const hf = (huggingFaceId ?? '').trim().toLowerCase();
  if (hf !== '') {
    const byRepo = models.find((m) => m.hfRepo.toLowerCase() === hf);
    if (byRepo) return { model: byRepo.id, match: 'hugging-face-id' };
    const byRepoName = byName(hf.slice(hf.indexOf('/') + 1), models);
    if (byRepoName) return { model: byRepoName, match: 'hugging-face-id' };
  }
  const fromTable = OPENROUTER_SLUGS[id];
  if (fromTable !== undefined) return { model: fromTable, match: 'table' };
  const slugName = id.slice(id.indexOf('/') + 1);
  const named = byName(slugName, models);
  if (named) return { model: named, match: 'name' };
  if (FRONTIER_PREFIXES.some((p) => id.startsWith(p)) && isProprietaryModelId(slugName)) return { model: slugName, match: 'frontier' };
  return null;
}

function byName(name: string, models: readonly CatalogModel[]): string | undefined {
  return models.find((m) => m.id === name || m.aliases.includes(name))?.id;
}

/**
 * OpenRouter's provider names that the price catalog spells otherwise, lower-cased; a price
 * history needs one name per provider. Names not listed pass through unchanged.
 */
const PROVIDER_NAMES: Readonly<Record<string, string>> = {
  together: 'Together AI',
  'nebius ai studio': 'Nebius',
  'z.ai': 'Z.ai',
  'google vertex': 'Google Vertex AI',
  'google ai studio': 'Google',
  mistral: 'Mistral AI',
  minimax: 'MiniMax',
  moonshotai: 'Moonshot AI',
  alibaba: 'Alibaba Cloud (intl)',
  novitaai: 'Novita',
  wandb: 'Weights & Biases',
  'amazon bedrock': 'Amazon Bedrock',
  bedrock: 'Amazon Bedrock',
};

/**
 * The price catalog's name for an OpenRouter `provider_name`.
 * Example: `catalogProviderName('Together')` → `Together AI`; `catalogProviderName('DeepInfra')` → `DeepInfra`.
 */
export function catalogProviderName(openRouterProvider: string): string {
  const name = openRouterProvider.trim();
  return PROVIDER_NAMES[name.toLowerCase()] ?? name;
}

/** The providers (catalog spelling, lower-cased) that publish each OpenRouter author's models. */
const AUTHOR_PROVIDERS: Readonly<Record<string, readonly string[]>> = {
  moonshotai: ['moonshot ai'],
  deepseek: ['deepseek'],
  qwen: ['alibaba cloud (intl)'],
  'z-ai': ['z.ai'],
  minimax: ['minimax'],
  mistralai: ['mistral ai'],
  'meta-llama': ['meta'],
  openai: ['openai'],
  anthropic: ['anthropic'],
  google: ['google', 'google vertex ai'],
  'x-ai': ['xai'],
};

/**
 * Whether `provider` (catalog spelling) is the publisher of the OpenRouter model `openRouterId`,
 * which makes its price `first-party`.
 * Example: `isFirstPartyProvider('moonshotai/kimi-k2.5', 'Moonshot AI')` → true.
 */
export function isFirstPartyProvider(openRouterId: string, provider: string): boolean {
  const author = openRouterId.toLowerCase().split('/')[0] ?? '';
  return (AUTHOR_PROVIDERS[author] ?? []).includes(provider.toLowerCase());
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x.trim() : undefined);

/**
 * The OpenRouter ids of a `/models` response whose endpoints to fetch: those naming a model of the
 * model catalog (open weights; `:variant` ids left out) or, when `wanted` is given, those it
 * names, by OpenRouter id (`author/slug`, taken as given) or by catalog id or alias (every listed
 * slug of that model). `unmatched` lists the wanted catalog ids no listed model maps to.
 * Example: `openRouterIdsToFetch(listing, ['kimi-k2.5'])` → `{ ids: ['moonshotai/kimi-k2.5'], unmatched: [] }`.
 */
export function openRouterIdsToFetch(listing: unknown, wanted?: readonly string[], models: readonly CatalogModel[] = MODELS): { ids: string[]; unmatched: string[] } {
  const listed = isObject(listing) && Array.isArray(listing.data) ? (listing.data as unknown[]) : [];
  const mapped: { id: string; model: string }[] = [];
  for (const m of listed) {
    const id = isObject(m) ? text(m.id) : undefined;
    const hit = id === undefined || !isObject(m) ? null : catalogIdOfOpenRouter(id, text(m.hugging_face_id), models);
    if (id !== undefined && hit !== null && models.some((c) => c.id === hit.model)) mapped.push({ id, model: hit.model });
  }
  if (wanted === undefined) return { ids: mapped.map((m) => m.id), unmatched: [] };
  const ids: string[] = [];
  const unmatched: string[] = [];
  for (const w of wanted.map((x) => x.trim().toLowerCase()).filter((x) => x !== '')) {
    const model = byName(w, models) ?? w;
    const hits = w.includes('/') ? [w] : mapped.filter((m) => m.model === model).map((m) => m.id);
    if (hits.length === 0) unmatched.push(w);
    for (const h of hits) if (!ids.includes(h)) ids.push(h);
  }
  return { ids, unmatched };
}
