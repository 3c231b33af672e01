import type { CostBreakdownRow, FrontierRow, MarginRow, ValidationRow } from '../../../web/src/charts/types.js';

/** Hand-written rows for the chart tests: small, round, and shaped like the built-in scenario's. */
export const frontierRows: FrontierRow[] = [
  { tokensPerSecondPerUser: 8, outputTokensPerSecondPerGpu: 3200, costUsdPerMillionOutputTokens: 0.39, layout: '2×TP8', mode: 'aggregated', pareto: true, chosen: false },
  { tokensPerSecondPerUser: 18, outputTokensPerSecondPerGpu: 2400, costUsdPerMillionOutputTokens: 0.52, layout: '1×TP16 EP16', mode: 'aggregated', pareto: true, chosen: false },
  { tokensPerSecondPerUser: 31, outputTokensPerSecondPerGpu: 1500, costUsdPerMillionOutputTokens: 2.98, layout: '1×TP16 EP16 DPattn', mode: 'aggregated', pareto: true, chosen: true },
  { tokensPerSecondPerUser: 45, outputTokensPerSecondPerGpu: 1100, costUsdPerMillionOutputTokens: 4.06, layout: 'P4 D12', mode: 'disaggregated', pareto: true, chosen: false },
  { tokensPerSecondPerUser: 70, outputTokensPerSecondPerGpu: 500, costUsdPerMillionOutputTokens: 8.93, layout: 'P4 D12', mode: 'disaggregated', pareto: true, chosen: false },
  { tokensPerSecondPerUser: 20, outputTokensPerSecondPerGpu: 1200, costUsdPerMillionOutputTokens: 3.72, layout: '2×TP8', mode: 'aggregated', pareto: false, chosen: false },
  { tokensPerSecondPerUser: 40, outputTokensPerSecondPerGpu: 700, costUsdPerMillionOutputTokens: 6.38, layout: 'P8 D8', mode: 'disaggregated', pareto: false, chosen: false },
];

/** Kimi K2.5 on H200 from the README: values spanning 0.018..3, more than 100×. */
export const costRowsWide: CostBreakdownRow[] = [
  { kind: 'input', costUsdPerMillion: 0.06, priceUsdPerMillion: 0.6 },
  { kind: 'cached input', costUsdPerMillion: 0.018, priceUsdPerMillion: 0.1 },
  { kind: 'output', costUsdPerMillion: 2.98, priceUsdPerMillion: 3 },
];

/** Values spanning 0.12..10, under 100×. */
export const costRowsNarrow: CostBreakdownRow[] = [
  { kind: 'input', costUsdPerMillion: 0.4, priceUsdPerMillion: 1.25 },
  { kind: 'cached input', costUsdPerMillion: 0.12, priceUsdPerMillion: 0.125 },
  { kind: 'output', costUsdPerMillion: 6.62, priceUsdPerMillion: 10 },
];

/** A rented GPU-hour at $4.50 earning $14.44 fully busy: margin 1 − 4.5 / (14.44 u), break-even at 31.2%. */
export const marginRows: MarginRow[] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((utilization) => ({
  utilization,
  marginFraction: 1 - 4.5 / (14.44 * utilization),
  costUsdPerGpuHour: 4.5,
  revenueUsdPerGpuHour: 14.44 * utilization,
}));
export const breakEvenUtilization = 4.5 / 14.44;

/** A GPU-hour that costs more than it can ever earn: margin 1 − 20 / (14.44 u), always negative. */
export const losingMarginRows: MarginRow[] = [0.25, 0.5, 0.75, 1].map((utilization) => ({
  utilization,
  marginFraction: 1 - 20 / (14.44 * utilization),
  costUsdPerGpuHour: 20,
  revenueUsdPerGpuHour: 14.44 * utilization,
}));

export const validationRows: ValidationRow[] = [
  { caseId: 'deepseek-day', metric: 'H800 nodes', measured: 226.75, predicted: 214.8, relativeError: 214.8 / 226.75 - 1 },
  { caseId: 'mixtral-h100', metric: 'output tokens/s per GPU', measured: 10000, predicted: 7200, relativeError: -0.28 },
  { caseId: 'sglang-h200', metric: 'output tokens/s per GPU', measured: 1900, predicted: 2100, relativeError: 2100 / 1900 - 1 },
  { caseId: 'sglang-h200', metric: 'TTFT seconds', measured: 0.8, predicted: 1.3, relativeError: 0.625 },
];
