import * as Plot from '@observablehq/plot';
import type { ChartOptions, FleetHourRow } from './types.js';

/**
 * A simulated run: instances paid in each time bucket (bars) and the share of their capacity used
 * (labelled on each bar), so a reader sees capacity following demand and where it sits idle.
 *
 * @example fleetChart(rows, { document })
 */
export function fleetChart(rows: readonly FleetHourRow[], options: ChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 320 } = options;
  return Plot.plot({
    document,
    width,
    height,
    title: 'The fleet over the run',
    subtitle: 'Instances paid in each time bucket (accepting, warming up or draining); the label is the share of their capacity at the latency target used.',
    x: { label: 'Hour of the run →' },
    y: { label: '↑ Instances (average over the bucket)', grid: true },
    marks: [
      Plot.barY(rows, { x: 'hour', y: 'instances', fill: '#4e79a7', fillOpacity: 0.75 }),
      Plot.text(rows, { x: 'hour', y: 'instances', text: (d: FleetHourRow) => `${Math.round(d.utilization * 100)}%`, dy: -6, fontSize: 9 }),
      Plot.ruleY([0]),
    ],
  });
}
