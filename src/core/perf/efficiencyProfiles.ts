import * as v from 'valibot';
import { ACCELERATOR_FAMILIES, type AcceleratorFamily } from '../accelerator/accelerator.js';
import { oneOf } from '../errors.js';
import { formatIssues } from '../problems.js';
import { nonNegative } from '../numberSchemas.js';
import {
  FRAMEWORK_FACTORS, HARDWARE_FACTORS, SERVING_FRAMEWORKS, type EngineSetting, type FrameworkEfficiency, type FrameworkFactor,
  type HardwareEfficiency, type HardwareFactor, type ServingFramework,
} from './efficiency.js';
import shippedProfileData from './calibratedProfile.json' with { type: 'json' };

/**
 * Starting points of the efficiency factors, before any calibration: what kernel benchmarks and
 * engine documentation say (../shared/research/hw-models.md §2: H100/H200 8192³ bf16 matmul 81%,
 * FA-3 75% bf16, DeepGEMM fp8 68–78%, NVLink ~82% of line rate, aiconfigurator's HBM factor 0.8
 * and 10 µs P2P latency; DeepEP's low-latency all-to-all tens of µs across nodes; Marlin W4A16
 * near bf16 speed only at small batch). Where a family's matmul precisions are measured on one
 * kernel benchmark, their priors stand in the ratio of those ceilings, so that a precision no case
 * pins follows a pinned one (calibration/parameters.ts, sourceOf): the maximum achievable bf16 and
 * fp8 matmul of an H100/H200 SXM is 80.3% and 73.4% of peak, of a B200 77.6% and 76.3% (S. Bekman,
 * ml-engineering, MAMF tables, read 2026-12), so bf16 = fp8 × 80.3 / 73.4 on Hopper (0.656) and
 * × 77.6 / 76.3 on Blackwell (0.661). Request overhead (HTTP, tokenizing, scheduling one request
 * before its prefill) is assumed at 20 ms. `calibrate` moves them to fit measured cases; the shipped
 * profile (calibratedProfile.json) is its output on ../shared/validation/cases.json.
 */
export const PRIOR_HARDWARE: Record<AcceleratorFamily, Omit<HardwareEfficiency, 'basis'>> = {
  hopper: {
    hbm: 0.75, expertHbmShare: 0.75, matmulBf16: 0.656, matmulFp8: 0.6, matmulFp4: 0.5, weightOnlyComputeShare: 0.6, attention: 0.6, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.8, scaleOutLink: 0.8, collectiveLatencySeconds: 10e-6, scaleOutLatencySeconds: 40e-6,
  },
  ampere: {
    hbm: 0.75, expertHbmShare: 0.75, matmulBf16: 0.7, matmulFp8: 0.7, matmulFp4: 0.5, weightOnlyComputeShare: 0.6, attention: 0.55, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.8, scaleOutLink: 0.8, collectiveLatencySeconds: 15e-6, scaleOutLatencySeconds: 40e-6,
  },
  ada: {
    hbm: 0.75, expertHbmShare: 0.75, matmulBf16: 0.7, matmulFp8: 0.6, matmulFp4: 0.5, weightOnlyComputeShare: 0.6, attention: 0.55, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.7, scaleOutLink: 0.8, collectiveLatencySeconds: 20e-6, scaleOutLatencySeconds: 40e-6,
  },
  blackwell: {
    hbm: 0.78, expertHbmShare: 0.75, matmulBf16: 0.661, matmulFp8: 0.65, matmulFp4: 0.55, weightOnlyComputeShare: 0.6, attention: 0.55, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.85, scaleOutLink: 0.8, collectiveLatencySeconds: 10e-6, scaleOutLatencySeconds: 40e-6,
  },
  'blackwell-ultra': {
    hbm: 0.78, expertHbmShare: 0.75, matmulBf16: 0.661, matmulFp8: 0.65, matmulFp4: 0.55, weightOnlyComputeShare: 0.6, attention: 0.55, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.85, scaleOutLink: 0.8, collectiveLatencySeconds: 10e-6, scaleOutLatencySeconds: 40e-6,
  },
  cdna3: {
    hbm: 0.65, expertHbmShare: 0.75, matmulBf16: 0.55, matmulFp8: 0.45, matmulFp4: 0.4, weightOnlyComputeShare: 0.5, attention: 0.45, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.75, scaleOutLink: 0.8, collectiveLatencySeconds: 15e-6, scaleOutLatencySeconds: 40e-6,
  },
  cdna4: {
    hbm: 0.65, expertHbmShare: 0.75, matmulBf16: 0.55, matmulFp8: 0.45, matmulFp4: 0.4, weightOnlyComputeShare: 0.5, attention: 0.45, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.75, scaleOutLink: 0.8, collectiveLatencySeconds: 15e-6, scaleOutLatencySeconds: 40e-6,
  },
  tpu: {
    hbm: 0.75, expertHbmShare: 0.75, matmulBf16: 0.6, matmulFp8: 0.55, matmulFp4: 0.5, weightOnlyComputeShare: 0.5, attention: 0.5, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.7, scaleOutLink: 0.7, collectiveLatencySeconds: 20e-6, scaleOutLatencySeconds: 40e-6,
  },
  gaudi: {
    hbm: 0.7, expertHbmShare: 0.75, matmulBf16: 0.55, matmulFp8: 0.5, matmulFp4: 0.5, weightOnlyComputeShare: 0.5, attention: 0.5, kvHbmShare: 0.8, gemmHalfRows: 32,
    scaleUpLink: 0.7, scaleOutLink: 0.7, collectiveLatencySeconds: 20e-6, scaleOutLatencySeconds: 40e-6,
  },
};

/** Software starting points per framework; batch limits come from `engineLimits` instead. */
export const PRIOR_FRAMEWORKS: Record<ServingFramework, Omit<FrameworkEfficiency, 'basis' | EngineSetting>> = {
  trtllm: {
    kernelQuality: 1, stepOverheadSeconds: 1.5e-3, sequenceOverheadSeconds: 3e-6, moeLayerOverheadSeconds: 30e-6, expertLoadSkew: 0.2,
    expertCommunicationOverlap: 0.5, requestOverheadSeconds: 0.02, weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: 'fp8',
  },
  'dynamo-trtllm': {
    kernelQuality: 1, stepOverheadSeconds: 1.5e-3, sequenceOverheadSeconds: 3e-6, moeLayerOverheadSeconds: 30e-6, expertLoadSkew: 0.2,
    expertCommunicationOverlap: 0.5, requestOverheadSeconds: 0.02, weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: 'fp8',
  },
  sglang: {
    kernelQuality: 0.95, stepOverheadSeconds: 2e-3, sequenceOverheadSeconds: 5e-6, moeLayerOverheadSeconds: 30e-6, expertLoadSkew: 0.2,
    expertCommunicationOverlap: 0.8, requestOverheadSeconds: 0.02, weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
  },
  'dynamo-sglang': {
    kernelQuality: 0.95, stepOverheadSeconds: 2e-3, sequenceOverheadSeconds: 5e-6, moeLayerOverheadSeconds: 30e-6, expertLoadSkew: 0.2,
    expertCommunicationOverlap: 0.8, requestOverheadSeconds: 0.02, weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
  },
  vllm: {
    kernelQuality: 0.9, stepOverheadSeconds: 1.5e-3, sequenceOverheadSeconds: 10e-6, moeLayerOverheadSeconds: 30e-6, expertLoadSkew: 0.2,
    expertCommunicationOverlap: 0.3, requestOverheadSeconds: 0.02, weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
  },
  atom: {
    kernelQuality: 0.95, stepOverheadSeconds: 2e-3, sequenceOverheadSeconds: 5e-6, moeLayerOverheadSeconds: 30e-6, expertLoadSkew: 0.2,
    expertCommunicationOverlap: 0.5, requestOverheadSeconds: 0.02, weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
  },
  'in-house': {
    kernelQuality: 1, stepOverheadSeconds: 1e-3, sequenceOverheadSeconds: 3e-6, moeLayerOverheadSeconds: 30e-6, expertLoadSkew: 0.1,
    expertCommunicationOverlap: 0.9, requestOverheadSeconds: 0.02, weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
  },
  other: {
    kernelQuality: 1, stepOverheadSeconds: 0.3e-3, sequenceOverheadSeconds: 10e-6, moeLayerOverheadSeconds: 30e-6, expertLoadSkew: 0.2,
    expertCommunicationOverlap: 0, requestOverheadSeconds: 0.02, weightOnlyBandwidthShare: 0.5, kvPrecisionWithQuantizedWeights: null,
  },
};

/**
 * Where a family or framework without measurements of its own takes a factor from: the nearest
 * relative with them. A calibration inherits along these links, and says so.
 */
export const FAMILY_NEIGHBOUR: Record<AcceleratorFamily, AcceleratorFamily | null> = {
  hopper: null, ampere: 'hopper', ada: 'hopper', blackwell: 'hopper', 'blackwell-ultra': 'blackwell',
  cdna3: 'hopper', cdna4: 'cdna3', tpu: 'hopper', gaudi: 'hopper',
};
export const FRAMEWORK_NEIGHBOUR: Record<ServingFramework, ServingFramework | null> = {
  trtllm: null, 'dynamo-trtllm': 'trtllm', sglang: 'trtllm', 'dynamo-sglang': 'sglang', vllm: 'sglang',
  atom: 'sglang', 'in-house': 'sglang', other: 'vllm',
};

/**
 * Fitted factors by family and framework, with the basis of each group. Any factor it leaves out
 * keeps its prior.
 */
export interface EfficiencyProfile {
  readonly description: string;
  readonly hardware: Partial<Record<AcceleratorFamily, Partial<Record<HardwareFactor, number>>>>;
  readonly frameworks: Partial<Record<ServingFramework, Partial<Record<FrameworkFactor, number>>>>;
  /** One sentence per family or framework id: what its numbers rest on. */
  readonly basis: Readonly<Record<string, string>>;
}

const factorValues = <K extends string>(keys: readonly K[]) =>
  v.partial(v.object(Object.fromEntries(keys.map((k) => [k, nonNegative])) as unknown as Record<K, v.GenericSchema<number>>));

const ProfileSchema = v.object({
  description: v.string(),
  hardware: v.partial(v.object(Object.fromEntries(ACCELERATOR_FAMILIES.map((f) => [f, factorValues(HARDWARE_FACTORS)])) as Record<AcceleratorFamily, ReturnType<typeof factorValues<HardwareFactor>>>)),
  frameworks: v.partial(v.object(Object.fromEntries(SERVING_FRAMEWORKS.map((f) => [f, factorValues(FRAMEWORK_FACTORS)])) as Record<ServingFramework, ReturnType<typeof factorValues<FrameworkFactor>>>)),
  basis: v.record(v.string(), v.string()),
});

/**
 * Checks the parsed JSON of a profile file (as `calibrate --out` writes it); returns it or a list
 * of problems, each with its path (`hardware.hopper.hbm: expected a finite number >= 0`).
 */
export function parseEfficiencyProfile(raw: unknown): { ok: true; profile: EfficiencyProfile } | { ok: false; problems: string[] } {
  const r = v.safeParse(ProfileSchema, raw);
  if (r.success) return { ok: true, profile: r.output as EfficiencyProfile };
  return {
    ok: false,
    problems: formatIssues(r.issues),
  };
}

function loadShipped(): EfficiencyProfile {
  const r = parseEfficiencyProfile(shippedProfileData);
  if (!r.ok) throw new Error(`calibratedProfile.json: ${r.problems.join('; ')}`);
  return r.profile;
}

/** The profile shipped with the package: `calibrate` run on ../shared/validation/cases.json. */
export const SHIPPED_PROFILE: EfficiencyProfile = loadShipped();

/** A profile that keeps every prior (what `calibrate` starts from). */
export const PRIOR_PROFILE: EfficiencyProfile = { description: 'priors, uncalibrated', hardware: {}, frameworks: {}, basis: {} };

/** Hardware factors of `family` under `profile` (default: the shipped calibration). */
const resolved = new WeakMap<EfficiencyProfile, Map<string, unknown>>();

/** Memoizes a profile's resolved factors per family or framework (a frontier asks thousands of times). */
function memo<T>(profile: EfficiencyProfile, key: string, make: () => T): T {
  let perProfile = resolved.get(profile);
  if (perProfile === undefined) {
    perProfile = new Map();
    resolved.set(profile, perProfile);
  }
  if (!perProfile.has(key)) perProfile.set(key, make());
  return perProfile.get(key) as T;
}

export function hardwareEfficiency(family: AcceleratorFamily, profile: EfficiencyProfile = SHIPPED_PROFILE): HardwareEfficiency {
  return memo(profile, `hw:${family}`, () => ({ ...PRIOR_HARDWARE[family], ...profile.hardware[family], basis: profile.basis[family] ?? 'prior (not calibrated)' }));
}

/**
 * Software factors of `framework` under `profile`, without batch limits (those depend on the GPU:
 * see `engineLimits`).
 */
export function frameworkEfficiency(framework: ServingFramework, profile: EfficiencyProfile = SHIPPED_PROFILE): Omit<FrameworkEfficiency, EngineSetting> {
  return memo(profile, `fw:${framework}`, () => ({ ...PRIOR_FRAMEWORKS[framework], ...profile.frameworks[framework], basis: profile.basis[framework] ?? 'prior (not calibrated)' }));
}

export function parseFramework(field: string, value: string): ServingFramework {
  return oneOf(field, value, SERVING_FRAMEWORKS);
}
