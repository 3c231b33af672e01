import { SECONDS_PER_JULIAN_YEAR } from '../units.js';
import { DEFAULT_KV_HOLDING, KV_TIER_PRICES, type KvHolding } from './kvTiers.js';

/**
 * What keeping and moving one cached token's KV costs, each part in busy GPU-seconds at the
 * operating point's rate (so it adds to the token's attention GPU-seconds and is priced like them).
 * - `hbmHolding`: the HBM it occupies while resident there, as a share of the GPU's memory over
 *   that time: `bytes · seconds / hbmBytes` wall GPU-seconds, × utilization to count in busy ones
 *   (a paid GPU-second costs `utilization` busy GPU-seconds).
 * - `moving`: loading it back into HBM from host DRAM or SSD for the reads served from there,
 *   `bytes / read bandwidth` GPU-seconds (an upper bound: engines overlap part of these loads with compute).
 * - `hostDramHolding`, `ssdHolding`: the capacity it occupies there, `bytes · seconds · price per
 *   byte / service life`, in USD and then in busy GPU-seconds at `busyGpuSecondUsd`.
 */
export interface CachedKvSeconds {
  readonly hbmHolding: number;
  readonly moving: number;
  readonly hostDramHolding: number;
  readonly ssdHolding: number;
}

export interface CachedKvInput {
  /** Bytes of KV one token keeps (all layers, one copy). */
  readonly kvBytesPerToken: number;
  readonly hbmBytesPerGpu: number;
  /** Utilization in (0, 1]. */
  readonly utilization: number;
  /** What a busy GPU-second costs at the point (USD); 0 only when the GPU costs nothing. */
  readonly busyGpuSecondUsd: number;
  readonly holding?: KvHolding;
}

/** Sum of the parts of a cached token's KV cost (busy GPU-seconds). */
export function totalCachedKvSeconds(s: CachedKvSeconds): number {
  return s.hbmHolding + s.moving + s.hostDramHolding + s.ssdHolding;
}

/**
 * The KV keeping and moving cost of one cached token read (see CachedKvSeconds).
 * Example: 70,272 bytes (DeepSeek-V3 at bf16) held 10 s in 141 GB of HBM at 60% utilization:
 * 70,272 × 10 / 141e9 × 0.6 = 3.0e-6 busy GPU-seconds of HBM holding.
 * When a GPU-second costs nothing the capacity of DRAM and SSD is still paid for, but it has no
 * GPU-second price to be expressed in: both are then 0 and the caller's cost is 0 in any case.
 */
export function cachedKvSeconds(input: CachedKvInput): CachedKvSeconds {
  const { kvBytesPerToken: bytes, hbmBytesPerGpu, utilization, busyGpuSecondUsd, holding = DEFAULT_KV_HOLDING } = input;
  const held = holding.residenceSecondsPerRead;
  const reads = holding.readShares;
  const capacity = (tier: 'hostDram' | 'ssd') => {
    const p = KV_TIER_PRICES[tier];
    const usd = (bytes * held[tier] * p.usdPerByte) / (p.lifeYears * SECONDS_PER_JULIAN_YEAR);
    return busyGpuSecondUsd > 0 ? usd / busyGpuSecondUsd : 0;
  };
  return {
    hbmHolding: ((bytes * held.hbm) / hbmBytesPerGpu) * utilization,
    moving: reads.hostDram * (bytes / KV_TIER_PRICES.hostDram.readBytesPerSecondPerGpu) + reads.ssd * (bytes / KV_TIER_PRICES.ssd.readBytesPerSecondPerGpu),
    hostDramHolding: capacity('hostDram'),
    ssdHolding: capacity('ssd'),
  };
}
