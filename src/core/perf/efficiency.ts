import type { KvPrecision } from '../precision.js';

/**
 * Achieved fractions of an accelerator family's peaks, as measured on real kernels. Each is a
 * fraction of the catalog's dense datasheet figure.
 */
export interface HardwareEfficiency {
  /** Memory-bound kernels (weight streaming in decode GEMMs, KV reads in attention). */
  readonly hbm: number;
  /**
   * Share of `hbm` that grouped expert GEMMs keep while streaming routed-expert weights: many small
   * matrices with few tokens each load less efficiently than one large weight matrix.
   */
  readonly expertHbmShare: number;
  /** Large matrix products, by the format of their inputs. */
  readonly matmulBf16: number;
  readonly matmulFp8: number;
  readonly matmulFp4: number;
  /** Attention kernels (FlashAttention / FlashMLA) in the compute-bound regime. */
  readonly attention: number;
  /** Scale-up links (NVLink, xGMI, ICI) as used by collectives, of per-direction line rate. */
  readonly scaleUpLink: number;
  /** Scale-out NICs (InfiniBand / RoCE), of line rate. */
  readonly scaleOutLink: number;
  /** Fixed latency of one collective (all-reduce or all-to-all launch and synchronisation). */
  readonly collectiveLatencySeconds: number;
  /** Whether the numbers were fitted to measurements (`calibrated`) or are extrapolated defaults. */
  readonly basis: string;
}

export const SERVING_FRAMEWORKS = ['vllm', 'sglang', 'trtllm', 'dynamo-trtllm', 'dynamo-sglang', 'atom', 'in-house', 'other'] as const;
export type ServingFramework = (typeof SERVING_FRAMEWORKS)[number];

/** What a serving framework adds on top of the hardware: kernel quality, scheduling overhead, limits. */
export interface FrameworkEfficiency {
  /** Multiplies every hardware fraction: how close this framework's kernels come to the best. */
  readonly kernelQuality: number;
  /** Fixed time per forward step: scheduling, sampling, launch gaps that CUDA graphs do not hide. */
  readonly stepOverheadSeconds: number;
  /** Share of expert-parallel all-to-all time hidden behind compute (two-batch overlap). */
  readonly expertCommunicationOverlap: number;
  /** Largest number of sequences one instance batches (the engine's default cap). */
  readonly maxBatchSequences: number;
  /** Prompt tokens one step may carry (chunked-prefill budget per attention rank). */
  readonly maxBatchedTokens: number;
  /** Time a request spends outside the model before its first token: HTTP, tokenizing, scheduling, detokenizing. */
  readonly requestOverheadSeconds: number;
  /** Share of the HBM efficiency that weight-only low-bit kernels (int4, W4A16) keep while dequantizing. */
  readonly weightOnlyBandwidthShare: number;
  /** KV-cache precision the framework uses by default when the weights are fp8 or fp4 (null: the activations' bf16). */
  readonly kvPrecisionWithQuantizedWeights: KvPrecision | null;
  readonly basis: string;
}
