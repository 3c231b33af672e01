import * as Plot from '@observablehq/plot';
import { formatPercent, formatQuantity } from './format.js';
import type { ChartOptions } from './types.js';
import { logTicks, measuredPredictedAxes } from './validationChart.js';

/** One measured metric beside its predictions (each null where the model gave none). */
export interface CalibrationChartRow {
  readonly caseId: string;
  readonly source: string;
  readonly metric: string;
  readonly measured: number;
  readonly predictedShipped: number | null;
  readonly predictedFitted: number | null;
}

interface Dot {
  readonly row: CalibrationChartRow;
  readonly factors: 'shipped' | 'fitted';
  readonly predicted: number;
}

const positive = (x: number | null): x is number => x !== null && Number.isFinite(x) && x > 0;

/**
 * Predicted against measured for the user's own cases, on log-log axes sharing one domain with
 * the y = x line: a filled dot per metric predicted with the factors fitted to these cases, a
 * hollow ring with the shipped factors, both coloured by the case's source, so a source the fit
 * cannot reconcile with the others stands apart. Each metric keeps its unit (tokens/s, seconds);
 * the axes compare a prediction with its measurement. Values that are not positive are left out
 * and the caption counts them. Returns a figure.
 *
 * @example calibrationChart([{ caseId: 'a', source: 'lmsys.org/blog', metric: 'outputTokensPerSecondPerGpu', measured: 2000, predictedShipped: 1800, predictedFitted: 1950 }], { document })
 */
export function calibrationChart(rows: readonly CalibrationChartRow[], options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 560, height = 520 } = options;
  const dots: Dot[] = rows.flatMap((row) => {
    if (!positive(row.measured)) return [];
    return [
      ...(positive(row.predictedShipped) ? [{ row, factors: 'shipped' as const, predicted: row.predictedShipped }] : []),
      ...(positive(row.predictedFitted) ? [{ row, factors: 'fitted' as const, predicted: row.predictedFitted }] : []),
    ];
  });
  const values = dots.flatMap((d) => [d.row.measured, d.predicted]);
  const lo = values.length ? Math.min(...values) / 2 : 1;
  const hi = values.length ? Math.max(...values) * 2 : 10;
  const ticks = logTicks(lo, hi);
  const within = (factors: Dot['factors']) => {
    const mine = dots.filter((d) => d.factors === factors);
    return `${mine.filter((d) => Math.abs(d.predicted / d.row.measured - 1) <= 0.25).length} of ${mine.length}`;
  };
  const left = rows.length * 2 - dots.length;
  const caption = [
    `Within ±25% of the measurement: ${within('fitted')} with the fitted factors (filled dots), ${within('shipped')} with the shipped ones (rings). On the line, predicted = measured.`,
    left > 0 ? `${left} predictions not drawn (none, or not positive: no place on a log axis).` : '',
  ].filter((s) => s !== '').join(' ');
  const tip = (d: Dot) => `${d.row.caseId} (${d.row.source}), ${d.row.metric}\nmeasured ${formatQuantity(d.row.measured)}, predicted ${formatQuantity(d.predicted)} with the ${d.factors} factors (${formatPercent(d.predicted / d.row.measured - 1, 1, true)})`;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    title: 'Your measurements against the model',
    caption,
    x: { type: 'log', domain: [lo, hi] },
    y: { type: 'log', domain: [lo, hi] },
    color: { type: 'ordinal', scheme: 'Tableau10', label: 'source', legend: true },
    marks: [
      ...measuredPredictedAxes(ticks),
      Plot.line([lo, hi], { x: (d: number) => d, y: (d: number) => d, stroke: 'currentColor', strokeOpacity: 0.6, className: 'identity' }),
      Plot.dot(dots.filter((d) => d.factors === 'shipped'), { x: (d: Dot) => d.row.measured, y: 'predicted', stroke: (d: Dot) => d.row.source, strokeWidth: 1.5, r: 5, className: 'shipped', title: tip }),
      Plot.dot(dots.filter((d) => d.factors === 'fitted'), { x: (d: Dot) => d.row.measured, y: 'predicted', fill: (d: Dot) => d.row.source, stroke: 'white', strokeWidth: 0.5, r: 4, className: 'fitted', title: tip }),
    ],
  });
}
