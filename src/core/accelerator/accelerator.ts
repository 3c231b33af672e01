import type { SourceRef } from '../model/modelArchitecture.js';

/** Architecture families: efficiency factors of the performance model are kept per family. */
export const ACCELERATOR_FAMILIES = [
  'ampere', 'hopper', 'ada', 'blackwell', 'blackwell-ultra', 'cdna3', 'cdna4', 'tpu', 'gaudi',
] as const;
export type AcceleratorFamily = (typeof ACCELERATOR_FAMILIES)[number];

/**
 * Dense (never 2:4-sparse) peak matrix throughput by input format; null where the chip has no
 * such matrix unit.
 */
export interface PeakFlops {
  readonly bf16: number;
  readonly fp8: number | null;
  readonly fp4: number | null;
  readonly int8: number | null;
}

/** One accelerator, per chip, in SI units. */
export interface Accelerator {
  /** Short id used across the project and in the validation cases, e.g. `h100-sxm`. */
  readonly id: string;
  readonly aliases: readonly string[];
  readonly name: string;
  readonly vendor: string;
  readonly family: AcceleratorFamily;
  readonly launchYear: number;
  /** Physical HBM capacity in bytes (before any runtime reserve). */
  readonly hbmBytes: number;
  readonly hbmBandwidthBytesPerSecond: number;
  /** Dense peak FLOP/s (or OP/s for int8). */
  readonly peakFlopPerSecond: PeakFlops;
  /** Scale-up link (NVLink, xGMI, ICI) bandwidth per direction per chip. */
  readonly scaleUpBandwidthBytesPerSecondPerDirection: number;
  /** Chips that share one scale-up domain (an HGX board is 8, an NVL72 rack 72). */
  readonly scaleUpDomainSize: number;
  /** Scale-out (RDMA NIC) bandwidth per chip per direction; null where not published. */
  readonly scaleOutBandwidthBytesPerSecond: number | null;
  /** Board power; null where not published (TPUs). */
  readonly tdpWatts: number | null;
  readonly sources: readonly SourceRef[];
  readonly notes: string;
}
