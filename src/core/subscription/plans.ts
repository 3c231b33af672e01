import * as v from 'valibot';
import { parseOrThrow } from '../catalog/sourceSchema.js';
import { InputError } from '../errors.js';
import { DocumentedValueSchema, type DocumentedValue } from './documentedValue.js';
import data from './plans.json' with { type: 'json' };

/**
 * A subscription plan: a price per seat per month and a limit on usage, each with its source.
 * `monthlyTokenCap.value` is in tokens per seat per month (fresh input, cached input and output
 * together), derived from the vendor's guidance; `null` for a plan without a limit.
 */
export interface SubscriptionPlan {
  readonly id: string;
  readonly name: string;
  readonly vendor: string;
  /** The vendor's words for the limit, e.g. "40-80 hours of Sonnet 4 a week". */
  readonly limitGuidance: string;
  readonly priceUsdPerSeatPerMonth: DocumentedValue;
  readonly monthlyTokenCap: DocumentedValue | null;
  /** Times its vendor's $20 tier's usage a seat is allowed (Claude Max 20x: 20). */
  readonly usageMultiple: DocumentedValue;
}

const PlanSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  vendor: v.pipe(v.string(), v.minLength(1)),
  limitGuidance: v.pipe(v.string(), v.minLength(1)),
  priceUsdPerSeatPerMonth: DocumentedValueSchema,
  monthlyTokenCap: v.nullable(DocumentedValueSchema),
  usageMultiple: DocumentedValueSchema,
});

const CatalogSchema = v.pipe(
  v.strictObject({
    $comment: v.optional(v.string()),
    derivation: v.record(v.string(), DocumentedValueSchema),
    plans: v.pipe(v.array(PlanSchema), v.minLength(1)),
  }),
  v.check((c) => new Set(c.plans.map((p) => p.id)).size === c.plans.length, 'plan ids must be unique'),
);

/** The plan catalog: the plans and the inputs their token caps are derived from. */
export interface PlanCatalog {
  /** Inputs of the cap derivations (tokens an hour of Claude Code, tokens a chat message, ...). */
  readonly derivation: Readonly<Record<string, DocumentedValue>>;
  readonly plans: readonly SubscriptionPlan[];
}

/** Validates raw plan data (the shipped file or a user's), reporting every problem at once. */
export function parsePlanCatalog(raw: unknown): PlanCatalog {
  const parsed = parseOrThrow(CatalogSchema, raw, 'subscription plan catalog');
  return { derivation: parsed.derivation, plans: parsed.plans };
}

/** The shipped plans (ChatGPT Plus and Pro, Claude Pro, Max 5x, Max 20x and Team), validated at load. */
export const PLAN_CATALOG: PlanCatalog = parsePlanCatalog(data);
export const PLANS: readonly SubscriptionPlan[] = PLAN_CATALOG.plans;

/** The plan with id `id`, or an InputError naming `field` and the known ids. */
export function findPlan(id: string, field = 'plan', plans: readonly SubscriptionPlan[] = PLANS): SubscriptionPlan {
  const plan = plans.find((p) => p.id === id);
  if (plan === undefined) throw new InputError(field, id, `one of ${plans.map((p) => p.id).join(', ')}`);
  return plan;
}
