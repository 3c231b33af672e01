import * as Plot from '@observablehq/plot';
import { formatPercent, formatUsd } from './format.js';
import type { ChartOptions, MarginRow } from './types.js';

/** Options of {@link marginChart}. */
export interface MarginChartOptions extends ChartOptions {
  /** Utilization (0..1) at which revenue covers cost, marked with a rule; null when it never breaks even. */
  readonly breakEvenUtilization: number | null;
  /** The scenario's utilization (0..1), marked with a rule and a dot on the curve. */
  readonly utilization: number;
  /** The scenario's margin at that utilization, as the core computed it (a fraction of revenue); null when there is no revenue. */
  readonly marginFraction: number | null;
  /** Lowest margin drawn, as a fraction of revenue (default -2, i.e. −200%); lower margins are drawn at it and the caption says so. */
  readonly minMarginFraction?: number;
  /** Highest margin drawn, as a fraction of revenue (default 1, i.e. 100%, the ceiling of a margin). */
  readonly maxMarginFraction?: number;
}

interface Point {
  readonly utilizationPercent: number;
  readonly marginPercent: number;
  readonly clipped: boolean;
  readonly row: MarginRow;
}

/**
 * Margin (profit as a percentage of revenue) against utilization (percent of paid GPU-hours that
 * serve tokens): a curve with a zero rule, the break-even utilization marked and labelled when
 * there is one, and the scenario's utilization marked with its margin. A margin falls without
 * bound as utilization nears zero, so margins are clipped to
 * [`minMarginFraction`, `maxMarginFraction`] (default −200%..100%) with a caption note when any
 * is. The scenario's margin is the one given (the core's), clipped alike. Returns a figure (title,
 * caption, SVG).
 *
 * @example marginChart(rows, { breakEvenUtilization: 0.31, utilization: 0.6, marginFraction: 0.48, document })
 */
export function marginChart(rows: readonly MarginRow[], options: MarginChartOptions): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 360, breakEvenUtilization, utilization, marginFraction, minMarginFraction = -2, maxMarginFraction = 1 } = options;
  const low = minMarginFraction * 100;
  const high = maxMarginFraction * 100;
  const points: Point[] = [...rows]
    .sort((a, b) => a.utilization - b.utilization)
    .map((row) => {
      const margin = row.marginFraction * 100;
      const marginPercent = Number.isNaN(margin) ? NaN : Math.min(high, Math.max(low, margin));
      return { utilizationPercent: row.utilization * 100, marginPercent, clipped: marginPercent !== margin && !Number.isNaN(margin), row };
    });
  const clipped = points.some((point) => point.clipped);
  const scenarioMargin = marginFraction === null ? null : Math.min(high, Math.max(low, marginFraction * 100));
  const scenarioLabel = `scenario ${formatPercent(utilization)}${scenarioMargin === null ? '' : `: margin ${formatPercent(scenarioMargin / 100)}`}`;
  const tip = (point: Point) =>
    `${formatPercent(point.row.utilization)} utilization: margin ${formatPercent(point.row.marginFraction)}\n` +
    `cost ${formatUsd(point.row.costUsdPerGpuHour)}, revenue ${formatUsd(point.row.revenueUsdPerGpuHour)} per GPU-hour`;
  return Plot.plot({
    document,
    width,
    height,
    title: 'Margin against utilization',
    caption: captionOf(breakEvenUtilization, clipped, low),
    x: { label: 'Utilization (% of paid GPU-hours serving tokens) →', domain: [0, 100], grid: true },
    y: { label: '↑ Margin (% of revenue)', domain: [Math.min(0, ...finite(points)), high], nice: true, grid: true },
    marks: [
      Plot.ruleY([0], { className: 'zero' }),
      Plot.line(points, { x: 'utilizationPercent', y: 'marginPercent', stroke: '#4e79a7', strokeWidth: 2 }),
      Plot.dot(points.filter((point) => point.clipped), { x: 'utilizationPercent', y: 'marginPercent', symbol: 'triangle', rotate: 180, r: 3.5, fill: '#4e79a7', className: 'clipped', title: tip }),
      ...(breakEvenUtilization === null ? [] : [
        Plot.ruleX([breakEvenUtilization * 100], { stroke: '#e15759', strokeDasharray: '4,3', className: 'break-even' }),
        Plot.text([breakEvenUtilization * 100], {
          x: (d: number) => d, frameAnchor: 'top', dx: 4, dy: 2, textAnchor: 'start', fill: '#e15759', className: 'break-even-label',
          text: (d: number) => `break-even at ${formatPercent(d / 100)}`,
        }),
      ]),
      Plot.ruleX([utilization * 100], { stroke: 'currentColor', strokeOpacity: 0.5, className: 'scenario' }),
      ...(scenarioMargin === null ? [] : [
        Plot.dot([scenarioMargin], { x: () => utilization * 100, y: (d: number) => d, r: 5, fill: 'currentColor', className: 'scenario-point' }),
      ]),
      scenarioMargin === null
        ? Plot.text([scenarioLabel], { x: () => utilization * 100, frameAnchor: 'bottom', dx: 4, dy: -4, textAnchor: 'start', text: (d: string) => d, fill: 'currentColor', className: 'scenario-label' })
        : Plot.text([scenarioLabel], {
          x: () => utilization * 100, y: () => scenarioMargin, dx: 8, dy: 10, lineAnchor: 'top', textAnchor: 'start', text: (d: string) => d,
          fill: 'currentColor', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', className: 'scenario-label',
        }),
      Plot.tip(points, Plot.pointerX({ x: 'utilizationPercent', y: 'marginPercent', title: tip })),
    ],
  });
}

function finite(points: readonly Point[]): number[] {
  return points.map((point) => point.marginPercent).filter(Number.isFinite);
}

function captionOf(breakEvenUtilization: number | null, clipped: boolean, lowPercent: number): string {
  const parts = [
    breakEvenUtilization === null
      ? 'Revenue never covers cost at any utilization up to 100%: no break-even at these prices.'
      : `Revenue covers cost from ${formatPercent(breakEvenUtilization)} utilization (dashed rule).`,
  ];
  if (clipped) parts.push(`Margins below ${lowPercent}% are drawn at ${lowPercent}% (triangles).`);
  return parts.join(' ');
}
