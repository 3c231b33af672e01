import * as v from 'valibot';
import { SourceRefSchema, parseOrThrow } from './sourceSchema.js';
import data from './providers.json' with { type: 'json' };

/**
 * What kind of business sells the tokens: a GPU cloud, a chip vendor serving on its own silicon,
 * the model lab's own API, a hyperscaler's model service, or an aggregator that routes to others.
 */
export const PROVIDER_KINDS = ['gpu-cloud', 'chip-vendor', 'lab', 'hyperscaler', 'aggregator'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface Provider {
  readonly id: string;
  readonly name: string;
  readonly kind: ProviderKind;
  /** Lower-cased names price sources use (file ids, OpenRouter provider names). */
  readonly aliases: readonly string[];
  /** Labs (open-weight catalog `lab`) whose models this provider sells first-party. */
  readonly publishes: readonly string[];
  /** The accelerator it is known to serve on (null: not published), with the source; null for none recorded. */
  readonly hardware: { readonly accelerator: string | null; readonly source: { readonly url: string; readonly date: string; readonly note?: string } } | null;
  readonly notes: string;
}

const Schema = v.strictObject({
  $comment: v.optional(v.string()),
  providers: v.array(v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]*$/)),
    name: v.pipe(v.string(), v.minLength(1)),
    kind: v.picklist(PROVIDER_KINDS),
    aliases: v.array(v.string()),
    publishes: v.array(v.string()),
    hardware: v.nullable(v.strictObject({ accelerator: v.nullable(v.string()), source: SourceRefSchema })),
    notes: v.string(),
  })),
});

/** The shipped provider catalog, validated once at module load. */
export const PROVIDERS: readonly Provider[] = parseOrThrow(Schema, data, 'provider catalog').providers;

/**
 * The provider a price source names (id, display name or alias, case-insensitive), or undefined.
 * Example: `providerOf('huggingface_groq')?.name` → `Groq`.
 */
export function providerOf(name: string, providers: readonly Provider[] = PROVIDERS): Provider | undefined {
  const n = name.trim().toLowerCase();
  return providers.find((p) => p.id === n || p.name.toLowerCase() === n || p.aliases.includes(n));
}

/**
 * The kind a price row counts as: `lab` when the row is first-party (the publisher's own API),
 * `aggregator` for an aggregator's listing, else the provider's kind; an unlisted provider is a
 * `gpu-cloud` (an inference host whose hardware is not recorded).
 */
export function rowProviderKind(row: { readonly provider: string; readonly role: string }, providers: readonly Provider[] = PROVIDERS): ProviderKind {
  if (row.role === 'first-party') return 'lab';
  if (row.role === 'aggregator') return 'aggregator';
  return providerOf(row.provider, providers)?.kind ?? 'gpu-cloud';
}
