import * as Plot from '@observablehq/plot';
import type { ChartOptions, CurvePoint } from './types.js';
import { formatUsdLogTick } from './format.js';
import { BILLION } from '../../../src/core/units.js';

/** One model's median blended price over the providers of one kind. */
export interface MarketKindRow {
  readonly model: string;
  readonly kind: string;
  readonly activeParams: number;
  readonly medianBlendedUsdPerMillion: number;
}

/** Options of {@link marketKindsChart}. */
export interface MarketKindsChartOptions extends ChartOptions {
  /** The whole market's median fit against active parameters, with its 95% prediction band. */
  readonly curve: readonly CurvePoint[];
}

/**
 * The whole market's price against active parameters, log-log: each model's median price per
 * kind of provider (GPU cloud, chip vendor, lab, hyperscaler, aggregator) as a dot coloured by
 * kind, and the robust fit over all providers with its 95% prediction band.
 *
 * @example marketKindsChart(rows, { curve, document })
 */
export function marketKindsChart(rows: readonly MarketKindRow[], options: MarketKindsChartOptions): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 400, curve } = options;
  const billions = (x: number) => x / BILLION;
  return Plot.plot({
    document,
    width,
    height,
    title: 'The whole market by kind of provider',
    subtitle: 'Median price per model over each kind\'s providers (dots), and the robust fit over all providers with its 95% prediction band.',
    x: { type: 'log', label: 'Active parameters (billions) →', grid: true },
    y: { type: 'log', label: '↑ USD per million tokens (blended 3:1 input:output)', grid: true, tickFormat: formatUsdLogTick },
    color: { legend: true, domain: ['gpu-cloud', 'chip-vendor', 'lab', 'hyperscaler', 'aggregator'] },
    marks: [
      Plot.areaY(curve, { x: (d: CurvePoint) => billions(d.params), y1: 'low', y2: 'high', fill: '#888', fillOpacity: 0.12 }),
      Plot.line(curve, { x: (d: CurvePoint) => billions(d.params), y: 'usdPerMillion', stroke: '#333' }),
      Plot.dot(rows, { x: (d: MarketKindRow) => billions(d.activeParams), y: 'medianBlendedUsdPerMillion', stroke: 'kind', r: 3, title: (d: MarketKindRow) => `${d.model} (${d.kind})` }),
    ],
  });
}
