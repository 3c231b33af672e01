import type { Precision } from '../precision.js';

/** Where a catalog record or an imported config came from. */
export interface SourceRef {
  /** A URL, or `owner/repo@commit path`. */
  readonly url: string;
  /** When the source was read or published, ISO date (YYYY-MM-DD or YYYY-MM). */
  readonly date: string;
  readonly note?: string;
}

/** Grouped-query (or multi-head, when kvHeadCount = queryHeadCount) attention. */
export interface GqaAttention {
  readonly kind: 'gqa';
  readonly queryHeadCount: number;
  readonly kvHeadCount: number;
  /** Per-head dimension; not always hiddenSize / queryHeadCount (Qwen3, gpt-oss). */
  readonly headDim: number;
}

/**
 * Multi-head latent attention (DeepSeek-V3, Kimi K2): the cache holds a compressed latent of
 * `kvLoraRank` plus a decoupled RoPE key of `qkRopeHeadDim` per token per layer.
 */
export interface MlaAttention {
  readonly kind: 'mla';
  readonly queryHeadCount: number;
  /** Rank of the low-rank query projection; null when queries are projected directly. */
  readonly qLoraRank: number | null;
  readonly kvLoraRank: number;
  readonly qkNopeHeadDim: number;
  readonly qkRopeHeadDim: number;
  readonly vHeadDim: number;
  /**
   * DeepSeek Sparse Attention indexer (V3.2): a lightning indexer with its own key cache of
   * `indexHeadDim` per token per layer, selecting `indexTopK` tokens each query attends to.
   */
  readonly indexer: { readonly headCount: number; readonly headDim: number; readonly topK: number } | null;
}

export type Attention = GqaAttention | MlaAttention;

/**
 * Layers whose attention sees only a bounded span: `sliding` (gpt-oss: the last `windowTokens`)
 * or `chunked` (Llama 4: tokens of the same `windowTokens`-long chunk). Either way the cache of
 * such a layer holds at most `windowTokens` tokens per sequence.
 */
export interface LocalAttention {
  readonly kind: 'sliding' | 'chunked';
  readonly windowTokens: number;
  /** Indices (0-based) of the layers with bounded attention; the others attend to everything. */
  readonly layerIndices: readonly number[];
}

export interface MixtureOfExperts {
  readonly routedExpertCount: number;
  readonly expertsPerToken: number;
  readonly sharedExpertCount: number;
  /** Intermediate size of one routed expert's gated FFN. */
  readonly expertFfnSize: number;
  /** Intermediate size of one shared expert (often equal to expertFfnSize). */
  readonly sharedExpertFfnSize: number;
  /** Indices (0-based) of the layers whose FFN is dense instead of MoE. */
  readonly denseLayerIndices: readonly number[];
}

export const ACTIVE_COUNT_CONVENTIONS = ['all', 'without-input-embedding', 'without-embeddings'] as const;
export type ActiveCountConvention = (typeof ACTIVE_COUNT_CONVENTIONS)[number];

/** What a publisher states about the model's size, to check the computed counts against. */
export interface PublishedParams {
  readonly totalParams: number;
  readonly activeParams: number;
  /**
   * What the published active figure counts. Publishers differ: dense models' sizes and
   * Qwen3-30B-A3B's 3.3B count everything (`all`); OpenAI's gpt-oss 5.1B leaves out the input
   * embedding; MiniMax-M2's 10B and GLM-4.6's 32B fit only without both embedding and LM head.
   */
  readonly activeCounts: ActiveCountConvention;
  readonly source: SourceRef;
}

/** Which precision each group of weights is stored in as the model is published. */
export interface WeightPrecisions {
  /** Routed expert FFN weights (MoE only). */
  readonly routedExperts: Precision;
  /** Every other linear layer: attention, dense FFN, shared experts. */
  readonly otherLinear: Precision;
  /** Input embedding and LM head; every catalog checkpoint keeps them in 16 bits. */
  readonly embeddings: Precision;
}

/**
 * A decoder-only transformer's architecture: everything the memory and step-time models need.
 * All sizes are element counts; bytes come from a precision.
 */
export interface ModelArchitecture {
  readonly id: string;
  readonly name: string;
  /** Hugging Face `model_type` of the text model, e.g. `deepseek_v3`, `qwen3_moe`. */
  readonly family: string;
  readonly layerCount: number;
  readonly hiddenSize: number;
  readonly vocabSize: number;
  readonly tiedEmbeddings: boolean;
  readonly attention: Attention;
  readonly localAttention: LocalAttention | null;
  /** gpt-oss: a learned sink logit per head in every attention layer. */
  readonly attentionSinks: boolean;
  /** Intermediate size of the dense gated FFN; null when every layer is MoE. */
  readonly denseFfnSize: number | null;
  readonly moe: MixtureOfExperts | null;
  /** Multi-token-prediction modules shipped with the checkpoint (not counted in parameters). */
  readonly mtpModuleCount: number;
  readonly nativeWeightPrecision: WeightPrecisions;
  readonly maxContextTokens: number;
  readonly published: PublishedParams | null;
  readonly source: SourceRef;
}
