import * as Plot from '@observablehq/plot';
import { formatPercent, formatQuantity } from './format.js';
import type { ChartOptions, ValidationRow } from './types.js';

/** Options of {@link validationChart}. */
export type ValidationChartOptions = ChartOptions;

/** Relative error bands drawn around y = x, narrowest last so it paints on top. */
export const errorBands = [0.5, 0.25] as const;

interface BandPoint {
  readonly band: number;
  readonly measured: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Predicted against measured for every metric of every validation case, on log-log axes sharing
 * one domain, with the y = x line and shaded ±25% and ±50% bands; dots are colored by metric.
 * Each metric keeps its own unit (tokens/s, seconds, ...): the axes compare a prediction with its
 * measurement, never metrics with each other. Rows whose measured or predicted value is not a
 * positive finite number cannot sit on a log axis; they are left out and the caption counts them.
 * Returns a figure (title, legend, caption, SVG).
 *
 * @example validationChart([{ caseId: 'deepseek', metric: 'nodes', measured: 226.75, predicted: 214.8, relativeError: -0.053 }], { document })
 */
export function validationChart(rows: readonly ValidationRow[], options: ValidationChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 560, height = 520 } = options;
  const drawn = rows.filter((row) => isPositive(row.measured) && isPositive(row.predicted));
  const values = drawn.flatMap((row) => [row.measured, row.predicted]);
  // Both axes share one domain, so that y = x is the diagonal, padded so that a point's ±50% band shows.
  const lo = values.length ? Math.min(...values) / 2 : 1;
  const hi = values.length ? Math.max(...values) * 2 : 10;
  const ticks = logTicks(lo, hi);
  const bands = errorBands.flatMap((band) => bandPolygon(band, lo, hi));
  const left = rows.length - drawn.length;
  const within = (limit: number) => drawn.filter((row) => Math.abs(row.predicted / row.measured - 1) <= limit).length;
  const caption = [
    `${drawn.length} comparisons: ${within(0.25)} within ±25%, ${within(0.5)} within ±50% (the shaded bands; the line is predicted = measured).`,
    ...(left > 0 ? [`${left} not drawn: a value that is not positive has no place on a log axis.`] : []),
  ].join(' ');
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 56,
    title: 'Predicted against measured',
    caption,
    x: { type: 'log', domain: [lo, hi] },
    y: { type: 'log', domain: [lo, hi] },
    color: { type: 'ordinal', scheme: 'Tableau10', label: 'metric', legend: true },
    marks: [
      ...measuredPredictedAxes(ticks),
      Plot.areaY(bands, { x: 'measured', y1: 'low', y2: 'high', z: 'band', fill: 'currentColor', fillOpacity: 0.07, className: 'error-band' }),
      Plot.line([lo, hi], { x: (d: number) => d, y: (d: number) => d, stroke: 'currentColor', strokeOpacity: 0.6, className: 'identity' }),
      Plot.text(errorBands, {
        x: () => hi, y: (band: number) => hi * (1 - band), text: (band: number) => `±${band * 100}%`,
        dx: -4, dy: 4, lineAnchor: 'top', textAnchor: 'end', fill: 'currentColor', fillOpacity: 0.6, className: 'error-band-label',
      }),
      Plot.dot(drawn, {
        x: 'measured', y: 'predicted', fill: 'metric', stroke: 'white', strokeWidth: 0.5, r: 4.5,
        title: (row: ValidationRow) => `${row.caseId}, ${row.metric}\nmeasured ${formatQuantity(row.measured)}, predicted ${formatQuantity(row.predicted)} (${formatPercent(row.relativeError, 1, true)})`,
      }),
    ],
  });
}

/**
 * The grid and axes of a measured-against-predicted chart on log scales, the same for the shipped
 * validation and for the user's own measurements. Explicit axes: d3's log ticks crowd six decades
 * with unlabelled minor ticks and write 0.1 as "100m".
 */
export function measuredPredictedAxes(ticks: readonly number[]): Plot.Markish[] {
  return [
    Plot.gridX(ticks), Plot.gridY(ticks),
    Plot.axisX(ticks, { text: formatQuantity, label: 'Measured (in each metric’s own unit, log scale) →' }),
    Plot.axisY(ticks, { text: formatQuantity, label: '↑ Predicted (same unit, log scale)' }),
  ];
}

/** Powers of ten inside [lo, hi]; 1-2-5 steps where that gives fewer than three. */
export function logTicks(lo: number, hi: number): number[] {
  const steps = (multiples: readonly number[]) => {
    const out: number[] = [];
    for (let exponent = Math.floor(Math.log10(lo)); exponent <= Math.ceil(Math.log10(hi)); exponent++) {
      for (const multiple of multiples) {
        const tick = Number((multiple * 10 ** exponent).toPrecision(1));
        if (tick >= lo && tick <= hi) out.push(tick);
      }
    }
    return out;
  };
  const powers = steps([1]);
  return powers.length >= 3 ? powers : steps([1, 2, 5]);
}

function isPositive(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}

/**
 * The band predicted ∈ measured × [1 − band, 1 + band] inside the square [lo, hi]², as points of
 * an area. Clamped bounds are straight between the corners where they meet the square's edges,
 * so sampling at those corners draws the band exactly without a clip path.
 */
function bandPolygon(band: number, lo: number, hi: number): BandPoint[] {
  const corners = [lo, lo / (1 - band), hi / (1 + band), hi].filter((x) => x >= lo && x <= hi).sort((a, b) => a - b);
  return corners.map((measured) => ({
    band,
    measured,
    low: Math.min(hi, Math.max(lo, measured * (1 - band))),
    high: Math.min(hi, Math.max(lo, measured * (1 + band))),
  }));
}

/**
 * The rows of {@link validationChart} as a table: case, metric, measured, predicted (four
 * significant figures, each in its metric's unit) and error (predicted against measured, percent
 * with one decimal and a sign), one row per comparison in the order given.
 *
 * @example validationTable(rows, { document }).rows.length // rows.length + 1 (the header)
 */
export function validationTable(rows: readonly ValidationRow[], options: ValidationChartOptions = {}): HTMLTableElement {
  const { document = globalThis.document } = options;
  const table = document.createElement('table');
  table.className = 'validation-table';
  const caption = table.createCaption();
  caption.textContent = 'Predicted against measured, per validation case and metric';
  const head = table.createTHead().insertRow();
  for (const name of ['case', 'metric', 'measured', 'predicted', 'error %']) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = name;
    head.appendChild(cell);
  }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    const cells = [row.caseId, row.metric, formatQuantity(row.measured), formatQuantity(row.predicted), formatPercent(row.relativeError, 1, true)];
    cells.forEach((text, i) => {
      const cell = tr.insertCell();
      cell.textContent = text;
      if (i >= 2) cell.style.textAlign = 'right';
    });
  }
  return table;
}
