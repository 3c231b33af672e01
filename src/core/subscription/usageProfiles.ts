import * as v from 'valibot';
import { recordOfOneEach } from '../catalog/recordOfOneEach.js';
import { parseOrThrow } from '../catalog/sourceSchema.js';
import { DocumentedValueSchema, type DocumentedValue } from './documentedValue.js';
import { WORKLOAD_PRESET_IDS, type WorkloadPresetId } from '../scenario/workloadPresets.js';
import data from './usageProfiles.json' with { type: 'json' };

/** The shipped usage profiles, a string-literal union. */
export const USAGE_PROFILE_IDS = ['chat', 'coding-agent', 'enterprise-rollout'] as const;
export type UsageProfileId = (typeof USAGE_PROFILE_IDS)[number];

/**
 * How many tokens a seat of one product (chat, coding agent, enterprise rollout) uses in a month,
 * and the workload preset its token mix comes from, with where each parameter comes from: a share of idle
 * seats (0 tokens), the rest lognormal with median `medianTokensPerMonth` at a $20 tier (a plan
 * scales it by its usage multiple) and log-space standard deviation `sigma`.
 */
export interface UsageProfile {
  readonly id: UsageProfileId;
  readonly description: string;
  /** The workload preset whose requests give the seat's token mix (fresh, cached, output). */
  readonly workloadPreset: WorkloadPresetId;
  /** Fraction of seats (0-1) that use nothing in a month. */
  readonly idleShare: DocumentedValue;
  /** Median monthly tokens of an active seat at a $20 tier. */
  readonly medianTokensPerMonth: DocumentedValue;
  /** Standard deviation of the logarithm of an active seat's monthly tokens. */
  readonly sigma: DocumentedValue;
}

const ProfileSchema = v.strictObject({
  id: v.picklist(USAGE_PROFILE_IDS),
  description: v.pipe(v.string(), v.minLength(1)),
  workloadPreset: v.picklist(WORKLOAD_PRESET_IDS),
  idleShare: v.pipe(DocumentedValueSchema, v.check((d) => d.value <= 1, 'idleShare.value must be at most 1')),
  medianTokensPerMonth: v.pipe(DocumentedValueSchema, v.check((d) => d.value > 0, 'medianTokensPerMonth.value must be > 0')),
  sigma: DocumentedValueSchema,
});

const FileSchema = v.strictObject({ $comment: v.optional(v.string()), profiles: v.array(ProfileSchema) });

/** The shipped usage profiles by id, validated at load. */
export const USAGE_PROFILES: Readonly<Record<UsageProfileId, UsageProfile>> = recordOfOneEach(parseOrThrow(FileSchema, data, 'usage profiles').profiles, USAGE_PROFILE_IDS, 'usage profiles');
