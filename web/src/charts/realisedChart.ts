import * as Plot from '@observablehq/plot';
import { formatUsd, formatUsdLogTick } from './format.js';
import type { ChartOptions } from './types.js';
import { logTicks } from './validationChart.js';

/** One price schedule's blended prices on a traffic mix, USD per million tokens. */
export interface RealisedChartRow {
  readonly schedule: string;
  readonly listBlendedUsdPerMillion: number;
  readonly realisedBlendedUsdPerMillion: number;
  readonly realisedToListRatio: number;
}

const SERIES = ['list price', 'realised on this traffic'] as const;
const COLOURS = ['#8a94a6', '#4e79a7'];

interface Dot {
  readonly schedule: string;
  readonly series: (typeof SERIES)[number];
  readonly usdPerMillion: number;
  readonly row: RealisedChartRow;
}

/**
 * List against realised blended price per schedule (provider/model), USD per million tokens of
 * either kind, on a log axis: a grey dot at the list price (the same tokens at the standard
 * input and output prices), a blue dot at what the schedule earns on the traffic once cache
 * reads and writes, batch, long-context tiers and discounts apply, joined by a line. Rows with a
 * non-positive price cannot sit on a log axis; they are left out and the caption says so.
 *
 * @example realisedChart([{ schedule: 'anthropic/claude-sonnet-4.5', listBlendedUsdPerMillion: 4.09, realisedBlendedUsdPerMillion: 2.1, realisedToListRatio: 0.51 }], { document })
 */
export function realisedChart(rows: readonly RealisedChartRow[], options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640 } = options;
  const drawn = rows.filter((r) => r.listBlendedUsdPerMillion > 0 && r.realisedBlendedUsdPerMillion > 0);
  const dots: Dot[] = drawn.flatMap((row) => [
    { schedule: row.schedule, series: SERIES[0], usdPerMillion: row.listBlendedUsdPerMillion, row },
    { schedule: row.schedule, series: SERIES[1], usdPerMillion: row.realisedBlendedUsdPerMillion, row },
  ]);
  const ratios = drawn.map((r) => r.realisedToListRatio).sort((a, b) => a - b);
  const lowest = drawn.find((r) => r.realisedToListRatio === ratios[0]);
  const caption = [
    'Read: the further the blue dot sits left of the grey one, the less of its list price the schedule earns on this traffic.',
    lowest === undefined ? '' : `Lowest share of list: ${lowest.schedule}, ${formatUsd(lowest.realisedBlendedUsdPerMillion)} against ${formatUsd(lowest.listBlendedUsdPerMillion)} (${lowest.realisedToListRatio.toFixed(2)}×).`,
    rows.length > drawn.length ? `${rows.length - drawn.length} schedule(s) with a zero price not drawn (no place on a log axis).` : '',
  ].filter((s) => s !== '').join(' ');
  const longest = Math.max(0, ...drawn.map((r) => r.schedule.length));
  const values = dots.map((d) => d.usdPerMillion);
  // Explicit 1-2-5 ticks where a decade or two holds fewer than three powers of ten, so a phone's axis still reads $0.20 … $5.
  const ticks = values.length === 0 ? undefined : logTicks(Math.min(...values), Math.max(...values));
  const tip = (d: Dot) => `${d.schedule}\nlist ${formatUsd(d.row.listBlendedUsdPerMillion)}, realised ${formatUsd(d.row.realisedBlendedUsdPerMillion)} per M (${d.row.realisedToListRatio.toFixed(2)}× list)`;
  return Plot.plot({
    document,
    width,
    height: 60 + 26 * Math.max(1, drawn.length) + 40,
    marginLeft: Math.min(width / 2, 12 + longest * 6.2),
    marginRight: 24,
    title: 'List against realised price, per provider and model',
    caption,
    x: { type: 'log', label: 'USD per million tokens (input and output blended by the traffic) →', grid: true, ...(ticks === undefined ? {} : { ticks }), tickFormat: formatUsdLogTick },
    y: { label: null, domain: drawn.map((r) => r.schedule) },
    color: { legend: true, domain: [...SERIES], range: COLOURS },
    marks: [
      Plot.link(drawn, { y1: 'schedule', y2: 'schedule', x1: 'listBlendedUsdPerMillion', x2: 'realisedBlendedUsdPerMillion', stroke: '#c3c9d4', strokeWidth: 2 }),
      Plot.dot(dots, { y: 'schedule', x: 'usdPerMillion', fill: 'series', r: 5, className: 'price-dot', title: tip }),
    ],
  });
}
