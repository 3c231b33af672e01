import { GB, GiB, SECONDS_PER_HOUR } from '../units.js';

/** GPUs of one node of DeepSeek's 3FS KVCache clients: the node's read rate is shared by 8. */
const GPUS_PER_3FS_NODE = 8;

/**
 * Where a prefix cache keeps the KV of cached prompt tokens, and what each tier costs. HBM is
 * costed from the GPU-hour itself (its share of the GPU's memory); host DRAM and SSD from their
 * purchase price per byte over a service life, each with a source and a date. Secondary coverage
 * is named as such: these prices moved by 2-4× over 2025-26, so treat them as the order of magnitude.
 */
export type KvTier = 'hbm' | 'hostDram' | 'ssd';
export const KV_TIERS: readonly KvTier[] = ['hbm', 'hostDram', 'ssd'];

export interface KvTierPrice {
  /** Purchase price per byte of capacity (USD). */
  readonly usdPerByte: number;
  /** Years the capacity is written off over (the owned GPU default life, SemiAnalysis's 4-year TCO basis). */
  readonly lifeYears: number;
  /** Bytes a second one GPU loads from this tier into HBM (moving a cached prefix back to the GPU). */
  readonly readBytesPerSecondPerGpu: number;
  readonly source: string;
  readonly date: string;
}

/** Host DRAM and SSD prices and read bandwidths; HBM has no entry (it is costed from the GPU-hour). */
export const KV_TIER_PRICES: Readonly<Record<Exclude<KvTier, 'hbm'>, KvTierPrice>> = {
  hostDram: {
    // 64 GB DDR5 RDIMM spot quotes above $700 (≈ $11/GB), late 2025; moved over PCIe 5.0 x16
    // (32 GT/s × 16 lanes, 128b/130b: 63 GB/s a direction; about 50 GB/s achieved by DMA copies).
    usdPerByte: 700 / (64 * GB),
    lifeYears: 4,
    readBytesPerSecondPerGpu: 50 * GB,
    source: 'DRAM: particle.news "AI-driven memory crunch fuels price surge" (summary of TrendForce and market reports: DDR5 RDIMM 64GB spot above $700); PCIe 5.0 x16 bandwidth: PCI-SIG PCIe 5.0 specification (32 GT/s per lane)',
    date: '2025-12',
  },
  ssd: {
    // Enterprise flash at about $0.095/GB (late 2023 low of $0.075 plus the rise since); read at about
    // 5 GiB/s per GPU: DeepSeek's 3FS KVCache clients (one 400 Gb/s NIC a node) peak at 40 GiB/s read.
    usdPerByte: 0.095 / GB,
    lifeYears: 4,
    readBytesPerSecondPerGpu: (40 * GiB) / GPUS_PER_3FS_NODE,
    source: 'SSD $/GB: hdt-project.org "Flash prices rise by 25%" (citing TrendForce, 2024-01); read rate: deepseek-ai/3FS README, KVCache section (clients with 1×400 Gbps NIC per node, read throughput peaking at 40 GiB/s), 2025-02-28',
    date: '2024-01',
  },
};

/**
 * How long a cached token's KV is held for each time it is read, in each tier, and which tier the
 * read is served from. Assumption (no published figure for a fleet): a hierarchical prefix cache
 * (SGLang HiCache, LMCache, Mooncake) keeps a prefix in HBM for seconds, evicts it to host DRAM for
 * about a provider's cache lifetime (Anthropic's prompt cache: 5 minutes, refreshed on each read,
 * docs.anthropic.com prompt-caching, 2025), and to SSD for about an hour (DeepSeek's on-disk cache
 * clears unused entries within hours to days, api-docs.deepseek.com/guides/kv_cache, 2024-08).
 */
export interface KvHolding {
  readonly residenceSecondsPerRead: Readonly<Record<KvTier, number>>;
  /** Shares of reads served from each tier (they sum to 1). */
  readonly readShares: Readonly<Record<KvTier, number>>;
}

export const DEFAULT_KV_HOLDING: KvHolding = {
  residenceSecondsPerRead: { hbm: 10, hostDram: 300, ssd: SECONDS_PER_HOUR },
  readShares: { hbm: 0.2, hostDram: 0.6, ssd: 0.2 },
};
