import * as Plot from '@observablehq/plot';
import { formatUsd, formatUsdLogTick } from './format.js';
import type { ChartOptions, ComparisonCostRow, ComparisonFrontierRow } from './types.js';

/**
 * The colours of compared options, by position: Tableau 10, so option 1 is the same blue in every
 * chart, verdict and legend of the comparison.
 */
export const OPTION_COLOURS: readonly string[] = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** The colour of the option at `index` (0-based); past ten the palette repeats. */
export function optionColour(index: number): string {
  return OPTION_COLOURS[index % OPTION_COLOURS.length] ?? '#4e79a7';
}

/** Options of the comparison charts: the options' labels in their order, which fixes their colours. */
export interface ComparisonChartOptions extends ChartOptions {
  readonly labels: readonly string[];
}

const colourScale = (labels: readonly string[]) => ({ domain: [...labels], range: labels.map((_, i) => optionColour(i)), legend: true, label: 'option' });

/**
 * The Pareto fronts of several options on one chart, one colour per option: output tokens/s per
 * GPU against tokens/s per user, both on log scales (the fronts span decades, and a linear scale
 * squeezes them against the axes), each option's chosen operating point ringed. Per GPU, so
 * options with different accelerator counts compare directly. Returns a figure.
 *
 * @example comparisonFrontierChart(rows, { labels: ['1. Kimi K2.5, 16 × h200', '2. Kimi K2.5, 16 × b200'], document })
 */
export function comparisonFrontierChart(rows: readonly ComparisonFrontierRow[], options: ComparisonChartOptions): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 420, labels } = options;
  const sorted = [...rows].sort((a, b) => a.tokensPerSecondPerUser - b.tokensPerSecondPerUser);
  const chosen = rows.filter((row) => row.chosen);
  const tip = (row: ComparisonFrontierRow) =>
    `${row.option}\n${row.tokensPerSecondPerUser.toFixed(1)} tokens/s per user, ${row.outputTokensPerSecondPerGpu.toFixed(0)} output tokens/s per GPU\n` +
    `${formatUsd(row.costUsdPerMillionOutputTokens)} per million output tokens`;
  return Plot.plot({
    document,
    width,
    height,
    marginRight: 20,
    title: 'Throughput against interactivity, option by option',
    subtitle: 'Each line is one option\'s Pareto front; the ring is the point its verdict uses.',
    caption: 'Read: the higher a line at your interactivity target, the more tokens each GPU sells there; a GPU-hour that costs more needs a higher line to cost the same per token (see the cost chart). Log scales on both axes.',
    x: { type: 'log', label: 'Interactivity (tokens/s per user) →', grid: true },
    y: { type: 'log', label: '↑ Throughput (output tokens/s per GPU)', grid: true },
    color: colourScale(labels),
    marks: [
      Plot.line(sorted, { x: 'tokensPerSecondPerUser', y: 'outputTokensPerSecondPerGpu', z: 'option', stroke: 'option', strokeWidth: 2, className: 'front' }),
      Plot.dot(sorted, { x: 'tokensPerSecondPerUser', y: 'outputTokensPerSecondPerGpu', fill: 'option', r: 3, title: tip, className: 'front-points' }),
      Plot.dot(chosen, { x: 'tokensPerSecondPerUser', y: 'outputTokensPerSecondPerGpu', stroke: 'option', r: 9, strokeWidth: 2.5, fill: 'none', className: 'chosen' }),
    ],
  });
}

/**
 * Cost per million tokens of each kind for several options, one colour per option, with each
 * option's price as a black tick across its bar: where the tick is above the bar, those tokens
 * sell for more than they cost. Log scale (a cached-input cost of $0.02 beside an output price of
 * $15), dollar ticks. Returns a figure.
 *
 * @example comparisonCostChart(rows, { labels, document })
 */
export function comparisonCostChart(rows: readonly ComparisonCostRow[], options: ComparisonChartOptions): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 380, labels } = options;
  const values = rows.flatMap((row) => [row.costUsdPerMillion, row.priceUsdPerMillion]).filter((x) => Number.isFinite(x) && x > 0);
  const floor = values.length === 0 ? 0.01 : 10 ** Math.floor(Math.log10(Math.min(...values) * 0.8));
  const top = values.length === 0 ? 100 : 10 ** Math.ceil(Math.log10(Math.max(...values) * 1.1));
  const tip = (row: ComparisonCostRow) => `${row.option}\n${row.kind} tokens: cost ${formatUsd(row.costUsdPerMillion)}, price ${formatUsd(row.priceUsdPerMillion)} per million`;
  return Plot.plot({
    document,
    width,
    height,
    title: 'Cost and price per million tokens, option by option',
    caption: 'Bars: what a million tokens of each kind cost to serve at each option\'s utilization; black tick: what they sell for. A tick above its bar makes money on those tokens. Log scale.',
    fx: { domain: ['input', 'cached input', 'output'], label: 'token kind', padding: 0.15 },
    x: { domain: [...labels], axis: null, padding: 0.1 },
    y: { type: 'log', domain: [floor, top], label: '↑ USD per million tokens (log scale)', grid: true, tickFormat: formatUsdLogTick },
    color: colourScale(labels),
    marks: [
      Plot.barY(rows, { fx: 'kind', x: 'option', y1: floor, y2: (row: ComparisonCostRow) => Math.max(row.costUsdPerMillion, floor), fill: 'option', title: tip, className: 'cost-bars' }),
      Plot.tickY(rows.filter((row) => row.priceUsdPerMillion > 0), { fx: 'kind', x: 'option', y: 'priceUsdPerMillion', stroke: '#1d2330', strokeWidth: 2.5, title: tip, className: 'price-ticks' }),
    ],
  });
}
