import { ACCELERATOR_FAMILIES, type AcceleratorFamily } from '../accelerator/accelerator.js';
import { SERVING_FRAMEWORKS, type FrameworkFactor, type HardwareFactor, type ServingFramework } from '../perf/efficiency.js';
import {
  FAMILY_NEIGHBOUR, FRAMEWORK_NEIGHBOUR, PRIOR_FRAMEWORKS, PRIOR_HARDWARE, type EfficiencyProfile,
} from '../perf/efficiencyProfiles.js';

/** A factor of one accelerator family or one serving framework that a calibration may fit. */
export type FactorKey =
  | { readonly kind: 'hardware'; readonly group: AcceleratorFamily; readonly factor: HardwareFactor }
  | { readonly kind: 'framework'; readonly group: ServingFramework; readonly factor: FrameworkFactor };

/** Physical range of each fitted factor: a fit never leaves it. */
export const FACTOR_BOUNDS: Partial<Record<HardwareFactor | FrameworkFactor, readonly [number, number]>> = {
  hbm: [0.3, 0.95],
  expertHbmShare: [0.3, 1],
  matmulBf16: [0.25, 0.95],
  matmulFp8: [0.2, 0.95],
  matmulFp4: [0.15, 0.95],
  weightOnlyComputeShare: [0.2, 1],
  attention: [0.15, 0.9],
  kvHbmShare: [0.3, 1],
  gemmHalfRows: [4, 512],
  collectiveLatencySeconds: [2e-6, 100e-6],
  scaleOutLatencySeconds: [5e-6, 1e-3],
  stepOverheadSeconds: [1e-4, 2e-2],
  sequenceOverheadSeconds: [1e-7, 2e-4],
  moeLayerOverheadSeconds: [1e-6, 5e-4],
  expertLoadSkew: [0.01, 1.5],
  requestOverheadSeconds: [1e-3, 0.5],
  weightOnlyBandwidthShare: [0.2, 1],
};

/** The factors a calibration tries, per group: the fractions and latencies measurements can see. */
export const FITTED_HARDWARE_FACTORS: readonly HardwareFactor[] = [
  'hbm', 'expertHbmShare', 'matmulBf16', 'matmulFp8', 'matmulFp4', 'weightOnlyComputeShare', 'attention', 'kvHbmShare', 'gemmHalfRows',
  'collectiveLatencySeconds', 'scaleOutLatencySeconds',
];
export const FITTED_FRAMEWORK_FACTORS: readonly FrameworkFactor[] = [
  'stepOverheadSeconds', 'sequenceOverheadSeconds', 'moeLayerOverheadSeconds', 'expertLoadSkew', 'requestOverheadSeconds', 'weightOnlyBandwidthShare',
];

export function factorName(k: FactorKey): string {
  return `${k.group}.${k.factor}`;
}

/** A factor's prior; for a factor shared by all groups (`*`), the first group's (ratios are what such a fit moves). */
export function priorValue(k: FactorKey): number {
  if (k.kind === 'hardware') return PRIOR_HARDWARE[(k.group as string) === '*' ? 'hopper' : k.group][k.factor];
  return PRIOR_FRAMEWORKS[(k.group as string) === '*' ? 'trtllm' : k.group][k.factor] as number;
}

/** Every candidate factor of every family and framework. */
export function candidateFactors(): FactorKey[] {
  return [
    ...ACCELERATOR_FAMILIES.flatMap((group) => FITTED_HARDWARE_FACTORS.map((factor): FactorKey => ({ kind: 'hardware', group, factor }))),
    ...SERVING_FRAMEWORKS.flatMap((group) => FITTED_FRAMEWORK_FACTORS.map((factor): FactorKey => ({ kind: 'framework', group, factor }))),
  ];
}

/** The nearest fitted relative of `k` along its family's or framework's neighbour chain (itself first). */
function chainSource(k: FactorKey, fitted: ReadonlySet<string>): FactorKey | null {
  let group: string | null | undefined = (k.group as string) === '*' ? null : k.group;
  while (group !== null && group !== undefined) {
    const candidate = { ...k, group } as FactorKey;
    if (fitted.has(factorName(candidate))) return candidate;
    group = k.kind === 'hardware' ? FAMILY_NEIGHBOUR[group as AcceleratorFamily] : FRAMEWORK_NEIGHBOUR[group as ServingFramework];
  }
  return null;
}

/**
 * The matmul factors of one family's other precisions, nearest first. A precision no source pins
 * moves with one that is pinned, because the priors of one family's matmul factors stand in the
 * ratio of their kernel ceilings (PRIOR_HARDWARE): what the fit learns of the end-to-end share of
 * fp8 GEMMs holds for bf16 ones in that ratio.
 */
const MATMUL_SIBLINGS: Partial<Record<HardwareFactor, readonly HardwareFactor[]>> = {
  matmulBf16: ['matmulFp8', 'matmulFp4'],
  matmulFp8: ['matmulBf16', 'matmulFp4'],
  matmulFp4: ['matmulFp8', 'matmulBf16'],
};

/**
 * The fitted factor a group's factor takes its value from: itself if fitted, else the nearest
 * fitted neighbour with the same factor, else (a matmul factor) the same family's nearest fitted
 * other precision; null: the prior.
 */
export function sourceOf(k: FactorKey, fitted: ReadonlySet<string>): FactorKey | null {
  const own = chainSource(k, fitted);
  if (own !== null) return own;
  if (k.kind === 'hardware' && (k.group as string) !== '*') {
    for (const sibling of MATMUL_SIBLINGS[k.factor] ?? []) {
      const s = chainSource({ ...k, factor: sibling }, fitted);
      if (s !== null) return s;
    }
  }
  // Ungrouped calibrations fit one value for every family or framework: `*.hbm`.
  const shared = { ...k, group: '*' } as unknown as FactorKey;
  return fitted.has(factorName(shared)) ? shared : null;
}

/**
 * The profile of fitted values `values` (by factor name): every family's and framework's factor
 * is its prior times the ratio its source (itself or its nearest fitted neighbour) was moved by,
 * so a family without measurements keeps its physical differences from the neighbour it follows.
 */
export function profileOf(values: ReadonlyMap<string, number>, description: string, basis: Readonly<Record<string, string>> = {}): EfficiencyProfile {
  const fitted = new Set(values.keys());
  const hardware: Record<string, Record<string, number>> = {};
  const frameworks: Record<string, Record<string, number>> = {};
  for (const k of candidateFactors()) {
    const source = sourceOf(k, fitted);
    if (source === null) continue;
    const ratio = (values.get(factorName(source)) ?? priorValue(source)) / priorValue(source);
    const target = k.kind === 'hardware' ? hardware : frameworks;
    (target[k.group] ??= {})[k.factor] = priorValue(k) * ratio;
  }
  return { description, hardware, frameworks, basis } as EfficiencyProfile;
}
