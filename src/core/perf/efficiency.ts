import type { KvPrecision } from '../precision.js';

/**
 * Achieved fractions of an accelerator family's peaks, as measured on real kernels, and the fixed
 * latencies of its links. Each fraction is of the catalog's dense datasheet figure.
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
  /**
   * Share of the bf16 matmul rate that weight-only low-bit GEMMs (int4 everywhere; fp4 before
   * Blackwell) keep once compute-bound: the weights are unpacked and scaled in registers before
   * every product, work that a chip without native 4-bit math cannot hide.
   */
  readonly weightOnlyComputeShare: number;
  /** Attention kernels (FlashAttention / FlashMLA) in the compute-bound regime. */
  readonly attention: number;
  /**
   * Share of `hbm` that decode attention keeps while reading the KV cache: paged blocks gathered
   * through block tables, a few heads per GPU after the TP split, stream less well than weights.
   */
  readonly kvHbmShare: number;
  /**
   * Rows (tokens) at which a GEMM reaches half its large-shape rate: a product of m rows runs at
   * m / (m + m½) of it, so grouped expert GEMMs with few tokens per expert and small batches are
   * slower than the peak fraction says (tile quantization: Hopper's wgmma tiles are 64-128 rows).
   */
  readonly gemmHalfRows: number;
  /** Scale-up links (NVLink, xGMI, ICI; PCIe on cards without them) as used by collectives, of per-direction line rate. */
  readonly scaleUpLink: number;
  /** Scale-out NICs (InfiniBand / RoCE), of line rate. */
  readonly scaleOutLink: number;
  /** Fixed latency of one collective of 8 GPUs inside a scale-up domain (launch and synchronisation). */
  readonly collectiveLatencySeconds: number;
  /**
   * Fixed latency of one expert-parallel dispatch or combine that crosses the scale-out network
   * (RDMA set-up, signalling, the slowest of many peers): DeepEP's low-latency kernels take tens
   * of microseconds even for a handful of tokens.
   */
  readonly scaleOutLatencySeconds: number;
  /** Where the numbers come from: the measurements they rest on, or the family they are inherited from. */
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
  /**
   * Time per sequence per step that grows with the batch: the scheduler's bookkeeping, sampling,
   * detokenizing and the block-table updates of every running sequence, on the CPU where it is
   * not overlapped with the GPU.
   */
  readonly sequenceOverheadSeconds: number;
  /**
   * Fixed time per MoE layer per step beyond its kernels' roofline: routing (top-k), token
   * permutation and the launches of a grouped GEMM with few tokens per expert. It sets the floor
   * of small-batch MoE decode.
   */
  readonly moeLayerOverheadSeconds: number;
  /**
   * Systematic expert-load imbalance: the busiest expert-parallel rank carries (1 + skew) times
   * the mean load on top of the random spread of routing (EPLB-style rebalancing lowers it).
   */
  readonly expertLoadSkew: number;
  /** Share of expert-parallel all-to-all time hidden behind compute (two-batch overlap). */
  readonly expertCommunicationOverlap: number;
  /** Largest number of sequences one attention rank batches (the engine's default cap on this GPU). */
  readonly maxBatchSequences: number;
  /** Prompt tokens one step may carry (chunked-prefill budget per attention rank). */
  readonly maxBatchedTokens: number;
  /** Decode attention of a grouped-query model reads each KV head once per query head (an old kernel: see `engineLimits`). */
  readonly decodeKvReadPerQueryHead: boolean;
  /** Time a request spends outside the model before its first token: HTTP, tokenizing, scheduling, detokenizing. */
  readonly requestOverheadSeconds: number;
  /** Share of the HBM efficiency that weight-only low-bit kernels (int4, W4A16) keep while dequantizing. */
  readonly weightOnlyBandwidthShare: number;
  /** KV-cache precision the framework uses by default when the weights are fp8 or fp4 (null: the activations' bf16). */
  readonly kvPrecisionWithQuantizedWeights: KvPrecision | null;
  readonly basis: string;
}

/** Settings the engine fixes by release and GPU (`engineLimits`), not fitted. */
export type EngineSetting = 'maxBatchSequences' | 'maxBatchedTokens' | 'decodeKvReadPerQueryHead';

/** The numeric hardware factors a calibration may fit. */
export const HARDWARE_FACTORS = [
  'hbm', 'expertHbmShare', 'matmulBf16', 'matmulFp8', 'matmulFp4', 'weightOnlyComputeShare', 'attention', 'kvHbmShare', 'gemmHalfRows',
  'scaleUpLink', 'scaleOutLink', 'collectiveLatencySeconds', 'scaleOutLatencySeconds',
] as const satisfies readonly (keyof HardwareEfficiency)[];
export type HardwareFactor = (typeof HARDWARE_FACTORS)[number];

/** The numeric framework factors a calibration may fit (batch caps are engine settings, not fitted). */
export const FRAMEWORK_FACTORS = [
  'kernelQuality', 'stepOverheadSeconds', 'sequenceOverheadSeconds', 'moeLayerOverheadSeconds', 'expertLoadSkew',
  'expertCommunicationOverlap', 'requestOverheadSeconds', 'weightOnlyBandwidthShare',
] as const satisfies readonly (keyof FrameworkEfficiency)[];
export type FrameworkFactor = (typeof FRAMEWORK_FACTORS)[number];
