import type { TokenEconomics } from '../economics/tokenEconomics.js';

/**
 * The outputs reported for each sample, by the short name the CLI's `--output` takes, each the
 * `TokenEconomics` field it reads (the name the report and its JSON use).
 */
export const OUTPUT_NAMES = ['margin', 'costOutput', 'costInput', 'profitPerGpuHour'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

export interface OutputSpec {
  readonly field: 'marginFraction' | 'costUsdPerMillionOutputTokens' | 'costUsdPerMillionInputTokens' | 'profitUsdPerGpuHour';
  readonly unit: 'fraction' | 'USD per million tokens' | 'USD per GPU-hour';
  readonly label: string;
}

export const OUTPUT_SPECS: Readonly<Record<OutputName, OutputSpec>> = {
  margin: { field: 'marginFraction', unit: 'fraction', label: 'margin (share of revenue)' },
  costOutput: { field: 'costUsdPerMillionOutputTokens', unit: 'USD per million tokens', label: 'cost per million output tokens' },
  costInput: { field: 'costUsdPerMillionInputTokens', unit: 'USD per million tokens', label: 'cost per million input tokens' },
  profitPerGpuHour: { field: 'profitUsdPerGpuHour', unit: 'USD per GPU-hour', label: 'profit per paid GPU-hour' },
};

/**
 * The value of one output in a result of `tokenEconomics`. A margin without revenue (zero prices)
 * reads as -Infinity here, below every real margin; `buildUncertaintyModel` rejects inputs that
 * can reach zero revenue, so reported statistics stay finite.
 */
export function outputOf(e: TokenEconomics, name: OutputName): number {
  return e[OUTPUT_SPECS[name].field] ?? Number.NEGATIVE_INFINITY;
}
