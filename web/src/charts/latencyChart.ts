import * as Plot from '@observablehq/plot';
import type { ChartOptions, LatencyBucketRow } from './types.js';

export interface LatencyChartOptions extends ChartOptions {
  /** The TTFT bound of the latency target, seconds (drawn as a rule; null: none). */
  readonly maxTtftSeconds?: number | null;
}

/**
 * Latency over a simulated run: p50 and p99 TTFT of the requests arriving in each time bucket
 * (log scale, seconds), with the target's TTFT bound as a red rule, so a reader sees when and
 * for how long a queue builds. Buckets without a completed request are left out.
 *
 * @example latencyChart(rows, { document, maxTtftSeconds: 5 })
 */
export function latencyChart(rows: readonly LatencyBucketRow[], options: LatencyChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 300, maxTtftSeconds = null } = options;
  const long = rows.flatMap((r) => [
    { hour: r.hour, seconds: r.ttftP50Seconds, percentile: 'p50 TTFT' },
    { hour: r.hour, seconds: r.ttftP99Seconds, percentile: 'p99 TTFT' },
  ]).flatMap((d) => (d.seconds !== null && Number.isFinite(d.seconds) && d.seconds > 0 ? [{ ...d, seconds: d.seconds }] : []));
  return Plot.plot({
    document,
    width,
    height,
    title: 'Time to first token over the run',
    subtitle: 'p50 and p99 TTFT of the requests arriving in each time bucket; the red rule is the target.',
    caption: 'Read: where the p99 line climbs above the red rule, a queue has built and the slowest requests miss the target.',
    x: { label: 'Hour of the run →' },
    y: { type: 'log', label: '↑ TTFT (seconds, log scale)', grid: true },
    color: { legend: true, domain: ['p50 TTFT', 'p99 TTFT'], range: ['#4e79a7', '#e15759'] },
    marks: [
      Plot.line(long, { x: 'hour', y: 'seconds', stroke: 'percentile', curve: 'step-after' }),
      ...(maxTtftSeconds === null ? [] : [Plot.ruleY([maxTtftSeconds], { stroke: 'red', strokeDasharray: '4,3' })]),
    ],
  });
}
