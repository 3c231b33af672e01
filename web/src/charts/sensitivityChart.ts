import * as Plot from '@observablehq/plot';
import { formatPercent, formatUsd } from './format.js';
import type { ChartOptions } from './types.js';

/** One row of the deployment sensitivity as the chart draws it (the core's SensitivityRow, flattened). */
export interface SensitivityChartRow {
  /** What moved, in words: "half the GPUs". */
  readonly case: string;
  /** The move: "16 → 8 GPUs". */
  readonly change: string;
  /** Margin as a fraction of revenue; null where nothing fits or there is no revenue. */
  readonly marginFraction: number | null;
  readonly profitable: boolean | null;
  readonly costUsdPerMillionOutputTokens: number | null;
  readonly meetsLatencyTarget: boolean | null;
  readonly note: string | null;
}

/** Options of {@link sensitivityChart}. */
export interface SensitivityChartOptions extends ChartOptions {
  /** Lowest margin drawn (default -2, i.e. −200%); lower ones are drawn at it as triangles and the caption says so. */
  readonly minMarginFraction?: number;
}

interface Point {
  readonly label: string;
  readonly marginPercent: number;
  readonly clipped: boolean;
  readonly asGiven: boolean;
  readonly outcome: 'profit' | 'loss';
  readonly row: SensitivityChartRow;
}

export const PROFIT_COLOUR = '#1b6e3a';
export const LOSS_COLOUR = '#b3261e';

/**
 * How the margin verdict moves when one input of the option moves at a time: one row per case
 * (the option as given first, then half and double the GPUs, a stricter latency target, longer
 * prompts), a stem from zero to the case's margin, green for profit and red for loss; the option
 * as given is ringed and its margin drawn as a dashed rule so every other case reads against it.
 * Cases with no margin (does not fit) are not drawn and the caption names them. Returns a figure.
 *
 * @example sensitivityChart(rows, { document })
 */
export function sensitivityChart(rows: readonly SensitivityChartRow[], options: SensitivityChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, minMarginFraction = -2 } = options;
  const low = minMarginFraction * 100;
  const label = (r: SensitivityChartRow, i: number) => (i === 0 ? `${r.case} (chosen)` : r.case);
  const points: Point[] = rows.flatMap((row, i) => {
    if (row.marginFraction === null || row.profitable === null) return [];
    const margin = row.marginFraction * 100;
    return [{ label: label(row, i), marginPercent: Math.max(low, margin), clipped: margin < low, asGiven: i === 0, outcome: row.profitable ? 'profit' : 'loss', row }];
  });
  const order = rows.map(label);
  const given = points.find((p) => p.asGiven) ?? null;
  const missing = rows.filter((r) => r.marginFraction === null || r.profitable === null);
  const flips = points.filter((p) => !p.asGiven && given !== null && p.outcome !== given.outcome);
  const caption = [
    given === null ? 'The option as given has no margin to compare against.' : `Each row moves one input of the chosen option (ringed, margin ${formatPercent(given.row.marginFraction ?? NaN)}: the dashed rule); layout and batch are searched again at each.`,
    given === null ? '' : flips.length === 0 ? 'The verdict holds in every row.' : `The verdict flips at: ${flips.map((p) => p.row.case).join(', ')}.`,
    points.some((p) => p.clipped) ? `Margins below ${low}% are drawn at ${low}% (triangles).` : '',
    missing.length === 0 ? '' : `Not drawn: ${missing.map((r) => `${r.case} (${r.note ?? 'no margin'})`).join('; ')}.`,
  ].filter((s) => s !== '').join(' ');
  const tip = (p: Point) => `${p.row.case}: ${p.row.change}\nmargin ${formatPercent(p.row.marginFraction ?? NaN)}, ${p.outcome === 'profit' ? 'PROFIT' : 'LOSS'}` +
    `${p.row.costUsdPerMillionOutputTokens === null ? '' : `, cost ${formatUsd(p.row.costUsdPerMillionOutputTokens)} per M output`}${p.row.meetsLatencyTarget === false ? '\nlatency target missed' : ''}`;
  const xs = points.map((p) => p.marginPercent);
  const longest = Math.max(0, ...order.map((s) => s.length));
  return Plot.plot({
    document,
    width,
    height: 40 + 34 * Math.max(1, order.length) + 40,
    // Room for the longest case name at about 6.5 px a character, so no label is cut.
    marginLeft: Math.min(width / 2, 12 + longest * 6.5),
    marginRight: 24,
    title: 'Margin as one input moves at a time',
    caption,
    x: { label: 'Margin (% of revenue) →', domain: [Math.min(0, ...xs), Math.max(0, 100, ...xs)], nice: true, grid: true },
    y: { label: null, domain: order },
    color: { type: 'categorical', domain: ['profit', 'loss'], range: [PROFIT_COLOUR, LOSS_COLOUR], legend: true },
    marks: [
      Plot.ruleX([0], { className: 'zero' }),
      ...(given === null ? [] : [Plot.ruleX([given.marginPercent], { stroke: 'currentColor', strokeOpacity: 0.5, strokeDasharray: '4,3', className: 'as-given' })]),
      Plot.ruleY(points, { y: 'label', x1: 0, x2: 'marginPercent', stroke: 'outcome', strokeWidth: 2 }),
      Plot.dot(points.filter((p) => !p.clipped), { y: 'label', x: 'marginPercent', fill: 'outcome', r: 5, className: 'case-point', title: tip }),
      Plot.dot(points.filter((p) => p.clipped), { y: 'label', x: 'marginPercent', fill: 'outcome', symbol: 'triangle', rotate: -90, r: 5, className: 'case-point clipped', title: tip }),
      Plot.dot(points.filter((p) => p.asGiven), { y: 'label', x: 'marginPercent', r: 9, stroke: 'currentColor', strokeWidth: 1.5, fill: 'none', className: 'chosen' }),
      Plot.text(points, {
        y: 'label', x: 'marginPercent', text: (p: Point) => formatPercent(p.row.marginFraction ?? NaN), dy: -11, fill: 'currentColor', fontSize: 11,
        stroke: 'white', strokeWidth: 3, paintOrder: 'stroke',
      }),
    ],
  });
}
