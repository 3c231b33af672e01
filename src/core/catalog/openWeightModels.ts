import * as v from 'valibot';
import { SourceRefSchema, parseOrThrow, positive } from './sourceSchema.js';
import data from './openWeightModels.json' with { type: 'json' };

/** Dense: every parameter works on every token; MoE: a router picks a few experts a token. */
export const OPEN_WEIGHT_FAMILIES = ['dense', 'moe'] as const;
export type OpenWeightFamily = (typeof OPEN_WEIGHT_FAMILIES)[number];

/** One open-weight model's size, as its publisher states it, with the names providers sell it under. */
export interface OpenWeightModel {
  readonly id: string;
  readonly name: string;
  /** Who trained and published the weights. */
  readonly lab: string;
  readonly family: OpenWeightFamily;
  /** The Hugging Face `model_type` (or the base model's) the checkpoint uses, e.g. `deepseek_v3`. */
  readonly architecture: string;
  readonly totalParams: number;
  /** Parameters a token passes through; equal to `totalParams` for a dense model. */
  readonly activeParams: number;
  /** YYYY-MM-DD (or YYYY-MM) of the first public release of the weights. */
  readonly released: string;
  readonly licence: string;
  readonly hfRepo: string;
  /** Lower-cased ids and names providers and price lists use. */
  readonly aliases: readonly string[];
  readonly source: { readonly url: string; readonly date: string; readonly note?: string };
}

const ModelSchema = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, . _ -')),
    name: v.pipe(v.string(), v.minLength(1)),
    lab: v.pipe(v.string(), v.minLength(1)),
    family: v.picklist(OPEN_WEIGHT_FAMILIES),
    architecture: v.pipe(v.string(), v.minLength(1)),
    totalParams: positive,
    activeParams: positive,
    released: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM or YYYY-MM-DD')),
    licence: v.pipe(v.string(), v.minLength(1)),
    hfRepo: v.pipe(v.string(), v.regex(/^[^/\s]+\/[^/\s]+$/, 'owner/name')),
    aliases: v.array(v.pipe(v.string(), v.check((s) => s === s.toLowerCase(), 'lower case'))),
    source: SourceRefSchema,
  }),
  v.check((m) => m.activeParams <= m.totalParams, 'activeParams must not exceed totalParams'),
  v.check((m) => m.family === 'moe' || m.activeParams === m.totalParams, 'a dense model has activeParams = totalParams'),
);

const CatalogSchema = v.pipe(
  v.strictObject({ $comment: v.optional(v.string()), models: v.array(ModelSchema) }),
  v.check((c) => duplicateNames(c.models).length === 0, (issue) => `ids and aliases must name one model each: ${duplicateNames(issue.input.models).join(', ')}`),
);

function duplicateNames(models: readonly { id: string; aliases: readonly string[]; hfRepo: string }[]): string[] {
  const owner = new Map<string, string>();
  const repeated: string[] = [];
  for (const m of models) {
    for (const name of new Set([m.id, m.hfRepo.toLowerCase(), ...m.aliases])) {
      const held = owner.get(name);
      if (held !== undefined && held !== m.id) repeated.push(`${name} (${held}, ${m.id})`);
      owner.set(name, m.id);
    }
  }
  return repeated;
}

/** Validates raw size-catalog data, every problem at once. */
export function parseOpenWeightCatalog(raw: unknown): readonly OpenWeightModel[] {
  return parseOrThrow(CatalogSchema, raw, 'open-weight size catalog').models;
}

/** The shipped size catalog of open-weight models, validated once at module load. */
export const OPEN_WEIGHT_MODELS: readonly OpenWeightModel[] = parseOpenWeightCatalog(data);

/** Lower-cased name → model, over ids, Hugging Face repos and aliases. */
function index(models: readonly OpenWeightModel[]): Map<string, OpenWeightModel> {
  const byName = new Map<string, OpenWeightModel>();
  for (const m of models) for (const name of [m.id, m.hfRepo.toLowerCase(), ...m.aliases]) byName.set(name, m);
  return byName;
}
const SHIPPED_INDEX = index(OPEN_WEIGHT_MODELS);

/**
 * The open-weight model one of `names` denotes (a provider's model id, a listed name, a Hugging
 * Face repo), or undefined: each name is tried whole, then without its `author/` prefix (so
 * `accounts/fireworks/models/qwen3-235b-a22b` finds `qwen3-235b-a22b`). Exact matches only, after
 * lower-casing: a name that is not listed is unknown, never guessed.
 * Example: `openWeightModelOf(['meta-llama/Llama-3.3-70B-Instruct-Turbo'])?.id` → `llama-3.3-70b`.
 */
export function openWeightModelOf(names: readonly (string | undefined | null)[], models: readonly OpenWeightModel[] = OPEN_WEIGHT_MODELS): OpenWeightModel | undefined {
  const byName = models === OPEN_WEIGHT_MODELS ? SHIPPED_INDEX : index(models);
  const cleaned = names.flatMap((n) => (typeof n === 'string' && n.trim() !== '' ? [n.trim().toLowerCase()] : []));
  for (const n of cleaned) {
    const hit = byName.get(n);
    if (hit) return hit;
  }
  for (const n of cleaned) {
    const hit = byName.get(n.slice(n.lastIndexOf('/') + 1));
    if (hit) return hit;
  }
  return undefined;
}
