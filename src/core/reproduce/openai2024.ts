import type { DocumentedValue } from '../money/ownershipDefaults.js';

/**
 * OpenAI's 2024 as reported from outside: revenue, inference compute, the final training runs,
 * research compute and staff, each a published figure with its outlet and date. No lab publishes
 * its accounts; every figure is a press or analyst estimate (The New York Times, The Information,
 * Epoch AI), read here for its order of magnitude. USD for the calendar year 2024.
 */
export const OPENAI_2024 = {
  revenueUsd: {
    value: 3.7e9,
    basis: 'sourced',
    source: 'https://www.business-standard.com/amp/technology/tech-news/openai-projects-its-revenue-to-increase-to-11-6-billion-next-year-124092900747_1.html ; https://www.asiafinancial.com/openai-staring-at-5bn-loss-while-revenue-soars-1700-cnbc',
    date: '2024-09-27',
    note: 'The New York Times (2024-09-27, from financial documents shown to investors; reprinted by Business Standard, confirmed by CNBC): OpenAI "expects about $3.7 billion in annual sales this year".',
  },
  inferenceComputeUsd: {
    value: 2e9,
    basis: 'sourced',
    source: 'https://epoch.ai/data-insights/openai-compute-spend ; https://thetradable.com/ai/openai-spent-7b-on-compute-in-2024-most-went-to-experiments-ig--m',
    date: '2026-12',
    note: 'Epoch AI data insight "OpenAI compute spend": about $2B of 2024 compute served inference, not counting Microsoft\'s own inference of OpenAI models (shared/research/economics-anchors.md #11).',
  },
  finalTrainingComputeUsd: {
    value: 0.48e9,
    basis: 'sourced',
    source: 'https://epoch.ai/data-insights/openai-compute-spend ; https://thetradable.com/ai/openai-spent-7b-on-compute-in-2024-most-went-to-experiments-ig--m',
    date: '2026-12',
    note: 'Epoch AI: the final training runs of released models, about $400M for GPT-4.5 plus about $80M for the others; Epoch later put it at "about $500 million, roughly 10%" of R&D compute (Gradient Updates, 2026-03).',
  },
  researchComputeUsd: {
    value: 4.5e9,
    basis: 'sourced',
    source: 'https://epoch.ai/data-insights/openai-compute-spend ; https://thetradable.com/ai/openai-spent-7b-on-compute-in-2024-most-went-to-experiments-ig--m',
    date: '2026-12',
    note: 'Epoch AI: about $4.5B of R&D compute went to basic research, experimental and scaling runs, synthetic data and unreleased models; with the final runs about $5B of R&D compute in all.',
  },
  staffUsd: {
    value: 1.5e9,
    basis: 'sourced',
    source: 'https://computing.co.uk/news/4340185/chatgpt-maker-openai-lose-usd5bn-2024-report ; https://www.windowscentral.com/software-apps/openai-could-be-on-the-brink-of-bankruptcy-in-under-12-months-with-projections-of-dollar5-billion-in-losses',
    date: '2024-07-24',
    note: 'The Information (2024-07-24, via Computing and Windows Central): about 1,500 employees costing about $1.5B in 2024.',
  },
} as const satisfies Record<string, DocumentedValue>;

/**
 * The Information's mid-2024 projection of the same year, which splits compute differently: about
 * $4B renting Microsoft servers for inference and about $3B for training (data included; research
 * not told apart). Read beside the Epoch AI split as a sensitivity, revenue and staff as above.
 */
export const OPENAI_2024_PROJECTION_SPLIT = {
  inferenceComputeUsd: {
    value: 4e9,
    basis: 'sourced',
    source: 'https://computing.co.uk/news/4340185/chatgpt-maker-openai-lose-usd5bn-2024-report ; https://kokobob.com/openai-financial-challenges-2024.html',
    date: '2024-07-24',
    note: 'The Information (2024-07-24, via Computing): "nearly $4 billion" of 2024 spend on Microsoft Azure servers for ChatGPT inference, at discounted rates.',
  },
  trainingComputeUsd: {
    value: 3e9,
    basis: 'sourced',
    source: 'https://computing.co.uk/news/4340185/chatgpt-maker-openai-lose-usd5bn-2024-report ; https://kokobob.com/openai-financial-challenges-2024.html',
    date: '2024-07-24',
    note: 'The Information (2024-07-24): training, including paying for data, "may escalate to approximately $3 billion" in 2024; counted here as the final runs with no separate research.',
  },
} as const satisfies Record<string, DocumentedValue>;

/** Figures to hold the reconstruction against, not inputs. */
export const OPENAI_2024_CHECKS = {
  reportedLossUsd: {
    value: 5e9,
    basis: 'sourced',
    source: 'https://www.business-standard.com/amp/technology/tech-news/openai-projects-its-revenue-to-increase-to-11-6-billion-next-year-124092900747_1.html',
    date: '2024-09-27',
    note: 'The New York Times: OpenAI "expects to lose roughly $5 billion this year" after running costs, salaries and office rent, equity compensation not included.',
  },
  computeMarginEnd2024: {
    value: 0.52,
    basis: 'sourced',
    source: 'https://thechek.posthaven.com/the-information-openai-is-getting-more-efficient-at-running-its-ai-internal-f',
    date: '2025-12',
    note: 'The Information (secondary repost): OpenAI compute margin (revenue less the cost of serving paying users) about 35% in January 2024 and about 52% at the end of 2024.',
  },
  computeMarginJanuary2024: {
    value: 0.35,
    basis: 'sourced',
    source: 'https://thechek.posthaven.com/the-information-openai-is-getting-more-efficient-at-running-its-ai-internal-f',
    date: '2025-12',
    note: 'The Information (secondary repost), as above: about 35% in January 2024.',
  },
} as const satisfies Record<string, DocumentedValue>;

/** A depth of accounting: what is counted as cost at it. */
export const LAB_YEAR_DEPTHS = ['serving', 'plus training', 'plus research', 'plus staff'] as const;
export type LabYearDepth = (typeof LAB_YEAR_DEPTHS)[number];

/** A lab's year: revenue and the costs added at each depth, USD. */
export interface LabYearInput {
  readonly revenueUsd: number;
  readonly inferenceComputeUsd: number;
  readonly finalTrainingComputeUsd: number;
  readonly researchComputeUsd: number;
  readonly staffUsd: number;
}

export interface LabYearRow {
  readonly depth: LabYearDepth;
  /** The cost this depth adds, USD. */
  readonly addedCostUsd: number;
  /** Every cost counted up to and including this depth, USD. */
  readonly costUsd: number;
  /** Revenue less that cost, USD; negative is a loss. */
  readonly profitUsd: number;
  /** profit / revenue. */
  readonly marginFraction: number;
}

export interface LabYearResult {
  readonly rows: readonly LabYearRow[];
  /** The first depth at which the year loses money; null when it makes money at every depth. */
  readonly firstLossDepth: LabYearDepth | null;
  /** (final training + research compute) / inference compute. */
  readonly researchAndTrainingToInferenceRatio: number;
  /** research compute / final training compute. */
  readonly researchToFinalTrainingRatio: number;
}

/**
 * A lab's year at four depths: revenue less inference compute (serving), then less the final
 * training runs, research compute and staff, each a running total. Example: OpenAI 2024 (Epoch AI,
 * NYT, The Information): $3.7B − $2B = +$1.7B (46%) on serving; − $0.48B training = +$1.22B;
 * − $4.5B research = −$3.28B; − $1.5B staff = −$4.78B (−129%): the year loses money from the
 * research depth on. Inputs are taken as given (the CLI checks them); revenue must be > 0.
 */
export function labYear(y: LabYearInput): LabYearResult {
  const added: readonly [LabYearDepth, number][] = [
    ['serving', y.inferenceComputeUsd],
    ['plus training', y.finalTrainingComputeUsd],
    ['plus research', y.researchComputeUsd],
    ['plus staff', y.staffUsd],
  ];
  let costUsd = 0;
  const rows = added.map(([depth, addedCostUsd]): LabYearRow => {
    costUsd += addedCostUsd;
    const profitUsd = y.revenueUsd - costUsd;
    return { depth, addedCostUsd, costUsd, profitUsd, marginFraction: profitUsd / y.revenueUsd };
  });
  return {
    rows,
    firstLossDepth: rows.find((r) => r.profitUsd < 0)?.depth ?? null,
    researchAndTrainingToInferenceRatio: (y.finalTrainingComputeUsd + y.researchComputeUsd) / y.inferenceComputeUsd,
    researchToFinalTrainingRatio: y.researchComputeUsd / y.finalTrainingComputeUsd,
  };
}

/** The input of `labYear` from a table of documented figures. */
export function valuesOf(figures: Readonly<Record<keyof LabYearInput, DocumentedValue>>): LabYearInput {
  return {
    revenueUsd: figures.revenueUsd.value,
    inferenceComputeUsd: figures.inferenceComputeUsd.value,
    finalTrainingComputeUsd: figures.finalTrainingComputeUsd.value,
    researchComputeUsd: figures.researchComputeUsd.value,
    staffUsd: figures.staffUsd.value,
  };
}

/**
 * OpenAI's 2024 rebuilt from its published figures, with the checks: the loss at full depth
 * against the reported ~$5B, the serving margin against the reported compute margin (35% in
 * January, 52% at the end of 2024), and every input with its source.
 */
export function openai2024() {
  const year = labYear(valuesOf(OPENAI_2024));
  const p = OPENAI_2024_PROJECTION_SPLIT;
  const projection = labYear({
    ...valuesOf(OPENAI_2024),
    inferenceComputeUsd: p.inferenceComputeUsd.value, finalTrainingComputeUsd: p.trainingComputeUsd.value, researchComputeUsd: 0,
  });
  const staffRow = year.rows[year.rows.length - 1];
  const servingRow = year.rows[0];
  if (staffRow === undefined || servingRow === undefined) throw new Error('labYear returned no rows');
  const reportedLoss = OPENAI_2024_CHECKS.reportedLossUsd.value;
  return {
    ...year,
    checks: {
      lossUsd: -staffRow.profitUsd,
      reportedLossUsd: reportedLoss,
      lossRelativeError: (-staffRow.profitUsd - reportedLoss) / reportedLoss,
      servingMarginFraction: servingRow.marginFraction,
      reportedComputeMarginRange: [OPENAI_2024_CHECKS.computeMarginJanuary2024.value, OPENAI_2024_CHECKS.computeMarginEnd2024.value] as const,
    },
    projectionSplit: { inputs: p, ...projection },
    inputs: OPENAI_2024,
    checkSources: OPENAI_2024_CHECKS,
    caveats: [
      'Press and analyst estimates, not accounts; Epoch AI\'s inference figure leaves out Microsoft\'s own serving of OpenAI models.',
      'Office rent, sales and other operating costs are not in the depths (no published figure); the reported loss includes them and leaves out equity compensation.',
    ],
  };
}
