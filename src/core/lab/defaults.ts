import type { DocumentedValue } from '../money/ownershipDefaults.js';
import { OPENAI_2024 as Y, OPENAI_2024_CHECKS as C } from '../reproduce/openai2024.js';

/**
 * The defaults of a lab's full cost per token (`labCost`), each with where it comes from: a
 * published figure (`sourced`), arithmetic on published figures (`derived`) or a value chosen
 * without a source (`assumption`, with why). Research notes: `../shared/research/market-data.md`
 * §4.3-4.4 (rental discounts), §6.2 (lab revenue and margins), §7 (subscription plans);
 * `../shared/research/hardware.json` (B200 training MFU). Training, research and staff are scaled
 * from OpenAI's published 2024 (`../reproduce/openai2024.ts`: Epoch AI, The Information, NYT).
 *
 * Units are in the names: USD, tokens, months, FLOP, fractions in [0, 1].
 */
export const LAB_DEFAULTS = {
  trainingMfu: {
    value: 0.38,
    basis: 'sourced',
    source: 'https://www.newmind.ai/journal/18 (via shared/research/hardware.json, b200 record)',
    date: '2026-11',
    note: 'Together AI on HGX B200: Llama-3-70B training at 38% model FLOP utilization. Applied to the bf16 dense peak of the serving accelerator (2,250 TFLOP/s for B200): 855 TFLOP/s achieved per GPU. fp8 training would give more FLOP/s per GPU-hour; bf16 is the conservative reading.',
  },
  trainingToServingCompute: {
    value: Y.finalTrainingComputeUsd.value / Y.inferenceComputeUsd.value,
    basis: 'derived',
    source: 'https://epoch.ai/data-insights/openai-compute-spend',
    date: '2026-12',
    note: 'Compute of the final training run as a multiple of the serving compute over the model\'s life, at the same rates: OpenAI 2024 per Epoch AI, final runs of released models about $0.48B against about $2B of inference compute = 0.24 (src/core/reproduce/openai2024.ts). With the research multiple, training + research = 0.24 x (1 + 9.375) = 2.49x serving, the published split (economics-anchors.md #11).',
  },
  researchMultiple: {
    value: Y.researchComputeUsd.value / Y.finalTrainingComputeUsd.value,
    basis: 'derived',
    source: 'https://epoch.ai/data-insights/openai-compute-spend',
    date: '2026-12',
    note: 'Research and experiment compute (scaling runs, synthetic data, unreleased models, basic research) as a multiple of the final training run, at the same rates: OpenAI 2024 per Epoch AI, about $4.5B against about $0.48B = 9.375. Epoch later wrote that final runs were "roughly 10%" of R&D compute (Gradient Updates, 2026-03).',
  },
  staffUsdPerYear: {
    value: Y.staffUsd.value,
    basis: 'sourced',
    source: 'https://computing.co.uk/news/4340185/chatgpt-maker-openai-lose-usd5bn-2024-report',
    date: '2024-07-24',
    note: 'OpenAI\'s 2024 staff, about 1,500 people costing about $1.5B (The Information, 2024-07-24, via Computing): the whole of a lab whose revenue ($3.7B in 2024) is of the order of this view\'s default volume (about $3.2B a year), so all of it is charged to the model line.',
  },
  otherOperatingUsdPerYear: {
    value: Y.revenueUsd.value + C.reportedLossUsd.value - Y.inferenceComputeUsd.value - Y.finalTrainingComputeUsd.value - Y.researchComputeUsd.value - Y.staffUsd.value,
    basis: 'derived',
    source: 'https://www.business-standard.com/amp/technology/tech-news/openai-projects-its-revenue-to-increase-to-11-6-billion-next-year-124092900747_1.html ; https://epoch.ai/data-insights/openai-compute-spend',
    date: '2026-12',
    note: 'Non-compute, non-staff operating cost (offices, data, sales, G&A): what OpenAI\'s reported 2024 loss leaves once compute and staff are counted: revenue $3.7B + loss ~$5B (NYT, 2024-09-27) - compute $6.98B (Epoch AI) - staff $1.5B (The Information) = $0.22B. A residual of figures from three outlets, so only its order is meaningful.',
  },
  lifetimeMonths: {
    value: 12,
    basis: 'assumption',
    source: 'assumption',
    date: '2026-11',
    note: 'Months a model serves traffic. The price catalog shows successors every few months (Claude Sonnet 4 entry 2025-06-22, Sonnet 4.5 2025-09-29, Sonnet 4.6 later; market-data §3.1), but older versions keep serving customers who pin them; 12 months of full volume is the assumption.',
  },
  outputTokensPerMonth: {
    value: 1e13,
    basis: 'assumption',
    source: 'assumption',
    date: '2026-11',
    note: 'Output tokens a month (10T); input at 10x (the scenario\'s 5,000:500 request). No lab publishes tokens per model. Sized so that the default revenue mix earns about $3.2B a year, about 70% of Anthropic\'s expected 2025 revenue of $4.5B (The Information via Wallstreetcn, https://longportapp.cn/news/273327693, market-data §6.2): one flagship model carrying most of a lab\'s traffic.',
  },
  inputTokensPerMonth: {
    value: 1e14,
    basis: 'assumption',
    source: 'assumption',
    date: '2026-11',
    note: 'Prompt tokens a month (100T), 10x the output as in the scenario\'s request (5,000 in, 500 out); the scenario\'s prefix-cache hit rate splits it into fresh and cached.',
  },
  apiShare: {
    value: 0.5,
    basis: 'assumption',
    source: 'assumption',
    date: '2026-11',
    note: 'Share of output-equivalent tokens sold through the API at list prices; the rest is used by subscribers. Neither lab publishes its token split; an even split shows both effects.',
  },
  subscriptionUsdPerSeatMonth: {
    value: 20,
    basis: 'sourced',
    source: 'https://nesyona.com/articles/claude-pro-annual-vs-monthly-billing-2026',
    date: '2026-06-10',
    note: 'Claude Pro, $20 a month billed monthly (market-data §7; verified against the Claude pricing page 2026-06-10). Max 5x / 20x are $100 / $200.',
  },
  subscriptionOutputEquivalentTokensPerSeatMonth: {
    value: 2e6,
    basis: 'assumption',
    source: 'assumption',
    date: '2026-11',
    note: 'Mean output-equivalent tokens a subscriber uses a month. Usage is heavy-tailed (Anthropic\'s weekly limits were to affect under 5% of users, market-data §7): a chat user of about 16 minutes on 12 days a month uses well under 0.1M, a coding agent near the weekly limit tens of millions. 2M makes a $20 seat earn $10 per million, two-thirds of the API\'s $15.',
  },
  discountFraction: {
    value: 0.5,
    basis: 'assumption',
    source: 'assumption',
    date: '2026-11',
    note: 'Used only when the serving basis carries no contract rate (the default scenario rents at a contract rate, and the discount is then 1 - contract / on demand). Discount off cloud list (median on-demand) rates for a lab\'s multi-year, very large commitments. Published context: 1-year reserved H100 at 20-40% (35-40%) below on-demand (secondary, §4.3); the B200 rental floor of $2.80 (RBC via FT Alphaville, 2025, §4.4) is 59% below the $6.89 B200 on-demand median. 0.5 lies between.',
  },
} as const satisfies Record<string, DocumentedValue>;

export type LabDefaultName = keyof typeof LAB_DEFAULTS;

/**
 * Published whole-business margins to read a result against (not inputs): reported second-hand,
 * for all of a lab's models and users, so only a rough comparison.
 */
export const REFERENCE_MARGINS = [
  { name: 'Anthropic 2025 gross margin (guidance)', value: 0.4, source: 'https://longportapp.cn/news/273327693 (The Information via Wallstreetcn, 2026-01-22; market-data §6.2)' },
  { name: 'Anthropic compute margin, end-2025 (on track)', value: 0.53, source: 'https://thechek.posthaven.com/the-information-openai-is-getting-more-efficient-at-running-its-ai-internal-f (The Information, secondary, 2025-12; market-data §6.2)' },
  { name: 'OpenAI compute margin, Oct 2025 (paying users)', value: 0.7, source: 'https://thechek.posthaven.com/the-information-openai-is-getting-more-efficient-at-running-its-ai-internal-f (The Information, secondary, 2025-12; market-data §6.2)' },
] as const;

/**
 * Training FLOP of a dense-equivalent forward and backward pass over `trainingTokens` tokens:
 * 6 × active parameters × tokens (2 FLOP per parameter per token forward, 4 backward).
 * Example: trainingFlopOf(1e11, 30e12) = 1.8e25 FLOP.
 * @param activeParams parameters one token multiplies by (MoE: the active count)
 * @param trainingTokens tokens of pre-training
 */
export function trainingFlopOf(activeParams: number, trainingTokens: number): number {
  return 6 * activeParams * trainingTokens;
}
