import * as Plot from '@observablehq/plot';
import { formatPercent, formatUsd } from './format.js';
import { readableName } from '../views/readableNames.js';
import type { ChartOptions, LabBarRow, SeatCostRow, TornadoChartRow } from './types.js';

interface SeatMark {
  readonly plan: string;
  readonly statistic: 'median seat' | 'mean seat' | '90th percentile' | '99th percentile';
  readonly usd: number;
}

/**
 * Subscription plans: the monthly serving cost of a seat (median, mean, 90th and 99th percentile
 * over seats, dots on a log scale) against the plan's price (a black tick). A dot right of the
 * tick is seats that cost more than they pay.
 *
 * @example seatCostChart(rows, { document })
 */
export function seatCostChart(rows: readonly SeatCostRow[], options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 60 + 36 * rows.length } = options;
  const marks: SeatMark[] = rows.flatMap((r) => [
    { plan: r.plan, statistic: 'median seat' as const, usd: r.p50CostUsdPerSeat },
    { plan: r.plan, statistic: 'mean seat' as const, usd: r.meanCostUsdPerSeat },
    { plan: r.plan, statistic: '90th percentile' as const, usd: r.p90CostUsdPerSeat },
    { plan: r.plan, statistic: '99th percentile' as const, usd: r.p99CostUsdPerSeat },
  ]).filter((m) => m.usd > 0);
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 170,
    title: 'What a subscription seat costs to serve against what it pays',
    subtitle: 'Serving cost of a seat\'s monthly tokens (dots) and the plan\'s price (black tick); idle seats cost nothing.',
    caption: 'Read: dots right of a plan\'s tick are seats that cost more to serve than they pay; the 99th-percentile dot shows the heaviest users.',
    x: { type: 'log', label: 'USD per seat per month (log scale) →', grid: true },
    y: { label: null, domain: rows.map((r) => r.plan) },
    color: { legend: true, domain: ['median seat', 'mean seat', '90th percentile', '99th percentile'], range: ['#59a14f', '#4e79a7', '#f28e2b', '#e15759'] },
    marks: [
      Plot.tickX(rows, { x: 'priceUsdPerSeatPerMonth', y: 'plan', stroke: 'black', strokeWidth: 2 }),
      Plot.dot(marks, { x: 'usd', y: 'plan', fill: 'statistic', r: 4, title: (m: SeatMark) => `${m.plan}, ${m.statistic}: ${formatUsd(m.usd)} a month` }),
    ],
  });
}

/**
 * Tornado: margin as each uncertain input moves from its 10th to its 90th percentile with the
 * others at their medians, widest swing on top: a bar from the all-medians margin to the margin
 * with the input at its 10th percentile (one colour) and one to its 90th (another), inputs named in
 * words; a rule at the all-medians margin and at zero.
 *
 * @example tornadoChart(rows, { marginAtMedians: 0.55, document })
 */
export function tornadoChart(rows: readonly TornadoChartRow[], options: ChartOptions & { readonly marginAtMedians: number }): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 70 + 40 * rows.length, marginAtMedians } = options;
  const ends = ['input at its 10th percentile', 'input at its 90th percentile'] as const;
  const bars = rows.flatMap((r) => [
    { input: readableName(r.input), end: ends[0], from: marginAtMedians * 100, to: r.marginAtLow * 100, row: r },
    { input: readableName(r.input), end: ends[1], from: marginAtMedians * 100, to: r.marginAtHigh * 100, row: r },
  ]);
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 190,
    title: 'Which uncertain input moves the margin most',
    caption: 'Read: the longest bars are the inputs worth pinning down first; a bar crossing the black zero rule means that input alone can turn a profit into a loss.',
    subtitle: `Margin as each input goes from its 10th to its 90th percentile, the others at their medians (${formatPercent(marginAtMedians)} with all at their medians).`,
    x: { label: 'Margin (% of revenue) →', grid: true },
    y: { label: null, domain: rows.map((r) => readableName(r.input)) },
    color: { legend: true, domain: [...ends], range: ['#f28e2b', '#4e79a7'] },
    marks: [
      Plot.barX(bars, { x1: 'from', x2: 'to', y: 'input', fill: 'end', fillOpacity: 0.85, className: 'tornado-bars', title: (b: (typeof bars)[number]) => `${b.input}: ${formatPercent(b.row.marginAtLow)} at its 10th percentile, ${formatPercent(b.row.marginAtHigh)} at its 90th` }),
      Plot.ruleX([0], { stroke: 'black' }),
      Plot.ruleX([marginAtMedians * 100], { stroke: '#e15759', strokeDasharray: '4 3' }),
    ],
  });
}

/**
 * A lab's cost per million output-equivalent tokens at three depths (power only, the hardware,
 * everything including training, research and staff), at list and at discounted compute rates,
 * against what a token earns (a dashed rule).
 *
 * @example labCostChart(rows, { revenueUsdPerMillion: 12.5, document })
 */
export function labCostChart(rows: readonly LabBarRow[], options: ChartOptions & { readonly revenueUsdPerMillion: number }): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 80 + 28 * rows.length, revenueUsdPerMillion } = options;
  const label = (r: LabBarRow) => `${r.depth}, ${r.rates}`;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 280,
    title: 'A lab\'s cost per token, marginal to full',
    subtitle: `USD per million output-equivalent tokens; the dashed rule is revenue (${formatUsd(revenueUsdPerMillion)}).`,
    caption: 'Read: a bar past the dashed revenue rule is a depth of cost the token price does not cover; "full" adds training, research and staff to serving.',
    x: { label: 'USD per million output-equivalent tokens →', grid: true },
    y: { label: null, domain: rows.map(label) },
    color: { legend: true, domain: ['list', 'discounted'], range: ['#4e79a7', '#59a14f'] },
    marks: [
      Plot.barX(rows, { x: 'costUsdPerMillion', y: label, fill: 'rates', title: (r: LabBarRow) => `${r.depth}, ${r.rates} rates: ${formatUsd(r.costUsdPerMillion)}` }),
      Plot.ruleX([revenueUsdPerMillion], { stroke: '#e15759', strokeDasharray: '4 3' }),
      Plot.ruleX([0]),
    ],
  });
}
