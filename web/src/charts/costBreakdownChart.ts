import * as Plot from '@observablehq/plot';
import { formatUsd } from './format.js';
import type { ChartOptions, CostBreakdownRow } from './types.js';

/** Options of {@link costBreakdownChart}. */
export type CostBreakdownChartOptions = ChartOptions;

const kinds = ['input', 'cached input', 'output'] as const;
const series = ['cost', 'price'] as const;

/** Values spanning more than this ratio are drawn on a log scale, so that the smallest bar still shows. */
export const logScaleSpan = 100;

interface Bar {
  readonly kind: CostBreakdownRow['kind'];
  readonly series: (typeof series)[number];
  readonly usdPerMillion: number;
}

/**
 * Cost against price of a million tokens of each kind (input, cached input, output): a pair of
 * labelled bars per kind, in USD per million tokens. The y scale is linear, or logarithmic when
 * every value is positive and the largest is more than {@link logScaleSpan} times the smallest
 * (an output price of $3 beside a cached-input cost of $0.018). Returns a figure (title, legend,
 * caption, SVG).
 *
 * @example costBreakdownChart([{ kind: 'output', costUsdPerMillion: 2.98, priceUsdPerMillion: 3 }], { document })
 */
export function costBreakdownChart(rows: readonly CostBreakdownRow[], options: CostBreakdownChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 360 } = options;
  const bars: Bar[] = rows.flatMap((row) => [
    { kind: row.kind, series: 'cost' as const, usdPerMillion: row.costUsdPerMillion },
    { kind: row.kind, series: 'price' as const, usdPerMillion: row.priceUsdPerMillion },
  ]);
  const values = bars.map((bar) => bar.usdPerMillion).filter(Number.isFinite);
  const log = isLogWorthy(values);
  // A log bar needs a floor to grow from: a round number below the smallest value, so that every bar shows.
  const floor = log ? niceBelow(Math.min(...values) * 0.8) : 0;
  const top = log ? niceAbove(Math.max(...values)) : 0;
  const label = `↑ USD per million tokens${log ? ' (log scale)' : ''}`;
  return Plot.plot({
    document,
    width,
    height,
    title: 'Cost and price per million tokens',
    caption: `Cost: what serving a million tokens of each kind costs at the scenario's utilization; price: what they sell for.${log ? ' Log scale: the values span more than 100×.' : ''}`,
    fx: { domain: [...kinds], label: 'token kind', padding: 0.1 },
    x: { domain: [...series], axis: null, padding: 0.05 },
    y: log ? { type: 'log', domain: [floor, top] } : { label, grid: true, zero: true, tickFormat: dollars },
    color: { domain: [...series], range: ['#e15759', '#4e79a7'], legend: true },
    marks: [
      // d3's log tick format blanks the 5s; an explicit axis keeps every 1-2-5 tick labelled.
      ...(log ? [Plot.gridY(roundSteps(floor, top)), Plot.axisY(roundSteps(floor, top), { text: dollars, label })] : []),
      Plot.barY(bars, {
        fx: 'kind',
        x: 'series',
        y1: floor,
        y2: 'usdPerMillion',
        fill: 'series',
        title: (bar: Bar) => `${bar.series} of ${bar.kind} tokens: ${formatUsd(bar.usdPerMillion)} per million`,
      }),
      Plot.text(bars, { fx: 'kind', x: 'series', y: 'usdPerMillion', text: (bar: Bar) => formatUsd(bar.usdPerMillion), dy: -6, lineAnchor: 'bottom', fill: 'currentColor', className: 'value-label' }),
      ...(log ? [] : [Plot.ruleY([0])]),
    ],
  });
}

function dollars(usd: number): string {
  return `$${usd}`;
}

/** Whether `values` span more than {@link logScaleSpan}× with all of them positive. */
function isLogWorthy(values: readonly number[]): boolean {
  if (values.length === 0 || values.some((value) => value <= 0)) return false;
  return Math.max(...values) / Math.min(...values) > logScaleSpan;
}

/** 1, 2 and 5 times the powers of ten from `low` to `high`: (0.01, 5) → 0.01, 0.02, 0.05, ..., 5. */
function roundSteps(low: number, high: number): number[] {
  const steps: number[] = [];
  for (let exponent = Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(high)); exponent++) {
    for (const multiple of [1, 2, 5]) {
      const step = Number((multiple * 10 ** exponent).toPrecision(1));
      if (step >= low * (1 - 1e-9) && step <= high * (1 + 1e-9)) steps.push(step);
    }
  }
  return steps;
}

/** The largest 1, 2 or 5 times a power of ten at or below `value`: 0.048 → 0.02. */
function niceBelow(value: number): number {
  return roundSteps(value / 10, value).at(-1) ?? value;
}

/** The smallest 1, 2 or 5 times a power of ten at or above `value`: 2.98 → 5. */
function niceAbove(value: number): number {
  return roundSteps(value, value * 10)[0] ?? value;
}
