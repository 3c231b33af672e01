import * as v from 'valibot';
import { parseOrThrow } from '../catalog/sourceSchema.js';
import { InputError } from '../errors.js';
import { DocumentedValueSchema, type DocumentedValue } from './documentedValue.js';
import { USAGE_PROFILE_IDS, type UsageProfileId } from './usageProfiles.js';
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
  /** The usage profile of the product the plan is mostly bought for (Claude Max: coding-agent). */
  readonly defaultUsage: UsageProfileId;
  /** The API price schedule (priceSchedules.json id) a seat's tokens are valued at, at list. */
  readonly listPriceSchedule: string;
}

/**
 * A vendor's free tier: free users per paying seat, their usage (a profile scaled by
 * `usageMultiple`) and their cap (tokens a month); their serving is paid for by the paid seats.
 */
export interface FreeTier {
  readonly vendor: string;
  readonly name: string;
  readonly usageProfile: UsageProfileId;
  readonly freeUsersPerPaidSeat: DocumentedValue;
  readonly usageMultiple: DocumentedValue;
  readonly monthlyTokenCap: DocumentedValue;
}

const PlanSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  vendor: v.pipe(v.string(), v.minLength(1)),
  limitGuidance: v.pipe(v.string(), v.minLength(1)),
  priceUsdPerSeatPerMonth: DocumentedValueSchema,
  monthlyTokenCap: v.nullable(DocumentedValueSchema),
  usageMultiple: DocumentedValueSchema,
  defaultUsage: v.picklist(USAGE_PROFILE_IDS),
  listPriceSchedule: v.pipe(v.string(), v.minLength(1)),
});

const FreeTierSchema = v.strictObject({
  vendor: v.pipe(v.string(), v.minLength(1)),
  name: v.pipe(v.string(), v.minLength(1)),
  usageProfile: v.picklist(USAGE_PROFILE_IDS),
  freeUsersPerPaidSeat: DocumentedValueSchema,
  usageMultiple: DocumentedValueSchema,
  monthlyTokenCap: DocumentedValueSchema,
});

const CatalogSchema = v.pipe(
  v.strictObject({
    $comment: v.optional(v.string()),
    derivation: v.record(v.string(), DocumentedValueSchema),
    freeTiers: v.array(FreeTierSchema),
    plans: v.pipe(v.array(PlanSchema), v.minLength(1)),
  }),
  v.check((c) => new Set(c.plans.map((p) => p.id)).size === c.plans.length, 'plan ids must be unique'),
);

/** The plan catalog: the plans and the inputs their token caps are derived from. */
export interface PlanCatalog {
  /** Inputs of the cap derivations (tokens an hour of Claude Code, tokens a chat message, ...). */
  readonly derivation: Readonly<Record<string, DocumentedValue>>;
  readonly plans: readonly SubscriptionPlan[];
  readonly freeTiers: readonly FreeTier[];
}

/** Validates raw plan data (the shipped file or a user's), reporting every problem at once. */
export function parsePlanCatalog(raw: unknown): PlanCatalog {
  const parsed = parseOrThrow(CatalogSchema, raw, 'subscription plan catalog');
  return { derivation: parsed.derivation, plans: parsed.plans, freeTiers: parsed.freeTiers };
}

/** The shipped plans (ChatGPT Plus and Pro, Claude Pro, Max 5x, Max 20x and Team) and free tiers (ChatGPT Free), validated at load. */
export const PLAN_CATALOG: PlanCatalog = parsePlanCatalog(data);
export const PLANS: readonly SubscriptionPlan[] = PLAN_CATALOG.plans;

/** The free tier of `vendor`, or null where none is modelled. */
export function freeTierOf(vendor: string, catalog: PlanCatalog = PLAN_CATALOG): FreeTier | null {
  return catalog.freeTiers.find((f) => f.vendor === vendor) ?? null;
}

/** The plan with id `id`, or an InputError naming `field` and the known ids. */
export function findPlan(id: string, field = 'plan', plans: readonly SubscriptionPlan[] = PLANS): SubscriptionPlan {
  const plan = plans.find((p) => p.id === id);
  if (plan === undefined) throw new InputError(field, id, `one of ${plans.map((p) => p.id).join(', ')}`);
  return plan;
}
