import * as Plot from '@observablehq/plot';
import type { ChartOptions, CurvePoint, MarketRow } from './types.js';
import { formatUsdLogTick } from './format.js';
import { BILLION } from '../../../src/core/units.js';

/** Options of {@link marketChart}. */
export interface MarketChartOptions extends ChartOptions {
  /** What the x axis counts: the parameters the curve was fitted against. */
  readonly against: 'active' | 'total';
  readonly curve: readonly CurvePoint[];
}

/**
 * Market price against model size, log-log: each open-weight model's median blended price
 * (3:1 input:output, USD per million tokens) as a labelled dot, what the physical model says it
 * costs as a hollow triangle, and the fitted power law with its 95% confidence band.
 *
 * @example marketChart(rows, { against: 'active', curve, document })
 */
export function marketChart(rows: readonly MarketRow[], options: MarketChartOptions): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 400, against, curve } = options;
  const billions = (x: number) => x / BILLION;
  const physical = rows.filter((r) => r.physicalBlendedUsdPerMillion !== null && r.physicalBlendedUsdPerMillion > 0);
  // Neighbouring labels alternate above and below their dot, so that models of similar size do not overprint.
  const byParams = [...rows].sort((a, b) => a.params - b.params);
  const above = byParams.filter((_, i) => i % 2 === 0);
  const below = byParams.filter((_, i) => i % 2 === 1);
  const kinds = ['market median price', 'physical cost (the model)'];
  const label = { x: (d: MarketRow) => billions(d.params), y: 'medianBlendedUsdPerMillion', text: 'model', dx: 6, textAnchor: 'start' as const, fontSize: 9, stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', fill: 'currentColor', className: 'model-label' };
  return Plot.plot({
    document,
    width,
    height,
    // Room on the right for the largest model's label and inside the frame for the end markers.
    marginRight: 110,
    inset: 8,
    caption: 'Read: dots above the line are priced above the market\'s trend for their size; the gap from a dot down to its triangle is the margin over the physical cost.',
    title: 'What the market charges for a model of each size',
    subtitle: `Median price over providers (dots), the physical model's cost (triangles), and price fitted against ${against} parameters with its 95% band.`,
    x: { type: 'log', label: `${against === 'active' ? 'Active' : 'Total'} parameters (billions) →`, grid: true },
    y: { type: 'log', label: '↑ USD per million tokens (blended 3:1 input:output)', grid: true, tickFormat: formatUsdLogTick },
    color: { legend: true, domain: kinds, range: ['#1d2330', '#e15759'] },
    marks: [
      Plot.areaY(curve, { x: (d: CurvePoint) => billions(d.params), y1: 'low', y2: 'high', fill: '#4e79a7', fillOpacity: 0.15 }),
      Plot.line(curve, { x: (d: CurvePoint) => billions(d.params), y: 'usdPerMillion', stroke: '#4e79a7' }),
      Plot.dot(physical, { x: (d: MarketRow) => billions(d.params), y: 'physicalBlendedUsdPerMillion', symbol: 'triangle', stroke: () => kinds[1], r: 4, title: (d: MarketRow) => `${d.model}: physical cost $${d.physicalBlendedUsdPerMillion?.toFixed(3)} per million` }),
      Plot.dot(rows, { x: (d: MarketRow) => billions(d.params), y: 'medianBlendedUsdPerMillion', fill: () => kinds[0], r: 3.5, title: (d: MarketRow) => `${d.model}: market median $${d.medianBlendedUsdPerMillion.toFixed(3)} per million` }),
      Plot.text(above, { ...label, dy: -7 }),
      Plot.text(below, { ...label, dy: 8 }),
    ],
  });
}
