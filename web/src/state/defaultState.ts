import type { AppState } from '../compute/computeView.js';

/** The page's first scenario: the headline question, Kimi K2.5 on rented H200s at its providers' prices. */
export const DEFAULT_STATE: AppState = {
  option: {
    model: 'kimi-k2.5',
    gpu: 'h200',
    gpus: 16,
    layout: 'best',
    framework: 'sglang',
    workload: { inputTokens: 5000, outputTokens: 500, prefixCacheHitRate: 0.5 },
    latencyTarget: { minTokensPerSecondPerUser: 30, maxTtftSeconds: 5 },
    costBasis: { kind: 'rented', priceUsdPerGpuHour: 'contract' },
    prices: { market: 'kimi-k2.5' },
    utilization: 0.6,
  },
  configJson: null,
};
