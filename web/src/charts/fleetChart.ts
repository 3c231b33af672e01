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
  // Instances are whole: ticks at whole numbers only, at most about eight of them.
  const top = Math.max(1, ...rows.map((r) => r.instances));
  const step = Math.max(1, Math.ceil(top / 8));
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  const flat = rows.length > 0 && rows.every((r) => Math.abs(r.instances - (rows[0]?.instances ?? 0)) < 1e-9);
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    title: 'The fleet over the run',
    subtitle: 'Instances paid in each time bucket (accepting, warming up or draining); the label is the share of their capacity at the latency target used.',
    caption: `Read: bars are what you pay for, the labels how much of it works; low labels are idle capacity that still costs money.${flat ? ' Every bucket has the same fleet: it is fixed for the run.' : ''}`,
    x: { label: 'Hour of the run →' },
    y: { label: '↑ Instances (average over the bucket)', grid: true, ticks, tickFormat: (d: number) => d.toLocaleString('en-US'), domain: [0, top * 1.15] },
    marks: [
      Plot.barY(rows, { x: 'hour', y: 'instances', fill: '#4e79a7', fillOpacity: 0.75 }),
      Plot.text(rows, { x: 'hour', y: 'instances', text: (d: FleetHourRow) => `${Math.round(d.utilization * 100)}%`, dy: -6, fontSize: 9 }),
      Plot.ruleY([0]),
    ],
  });
}
