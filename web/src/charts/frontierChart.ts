import * as Plot from '@observablehq/plot';
import { formatUsd, formatUsdLogTick } from './format.js';
import type { ChartOptions, FrontierRow } from './types.js';

/** Options of {@link frontierChart}. */
export interface FrontierChartOptions extends ChartOptions {
  /** The scenario's latency target in tokens/s per user, drawn as a vertical rule; none when null or absent. */
  readonly minTokensPerSecondPerUser?: number | null;
}

const modes = ['aggregated', 'disaggregated'] as const;

/**
 * The fixed colour bands of cost per million output tokens, USD: green under $0.30, then $0.30 to
 * $1, $1 to $3, $3 to $10, $10 to $30, and red from $30. Fixed, not the quantiles of one scenario,
 * so the same colour means the same cost in every scenario and every option compared.
 */
export const COST_COLOUR_THRESHOLDS_USD_PER_MILLION: readonly number[] = [0.3, 1, 3, 10, 30];

/**
 * The throughput-interactivity frontier: every evaluated operating point (faint), the Pareto
 * front as a line with its points colored by the cost of a million output tokens on the fixed
 * scale {@link COST_COLOUR_THRESHOLDS_USD_PER_MILLION}, the chosen point ringed and labelled with that
 * cost, and the latency target as a vertical rule. The symbol tells aggregated (circle) from
 * disaggregated (triangle) serving. x is tokens/s per user, y output tokens/s per GPU, both on log
 * scales (the points span decades; linear scales squeeze the front against the axes). Returns a
 * figure (title, legends, caption, SVG).
 *
 * Empty rows draw empty axes. Rows are drawn in the order given apart from the front, which is
 * sorted by tokens/s per user so that its line reads left to right.
 *
 * @example frontierChart(rows, { minTokensPerSecondPerUser: 30, document })
 */
export function frontierChart(rows: readonly FrontierRow[], options: FrontierChartOptions = {}): SVGSVGElement | HTMLElement {
  const { document = globalThis.document, width = 640, height = 420, minTokensPerSecondPerUser = null } = options;
  const front = rows.filter((row) => row.pareto).sort((a, b) => a.tokensPerSecondPerUser - b.tokensPerSecondPerUser);
  const chosen = rows.filter((row) => row.chosen);
  // A log axis has no zero: a target of 0 tokens/s per user (none) draws no rule.
  const target = minTokensPerSecondPerUser !== null && minTokensPerSecondPerUser > 0 ? minTokensPerSecondPerUser : null;
  const tip = (row: FrontierRow) =>
    `${row.layout} (${row.mode})\n${row.tokensPerSecondPerUser.toFixed(1)} tokens/s per user\n` +
    `${row.outputTokensPerSecondPerGpu.toFixed(0)} output tokens/s per GPU\n${formatUsd(row.costUsdPerMillionOutputTokens)} per million output tokens`;
  return Plot.plot({
    document,
    width,
    height,
    marginRight: 30,
    title: 'Throughput against interactivity',
    subtitle: 'Each point is one layout and batch size; the Pareto front is coloured by the cost of a million output tokens, on a fixed scale.',
    caption: captionOf(rows.length, front.length, chosen[0], target),
    x: { type: 'log', label: 'Interactivity (tokens/s per user, log scale) →', grid: true },
    y: { type: 'log', label: '↑ Throughput (output tokens/s per GPU, log scale)', grid: true },
    color: { type: 'threshold', domain: [...COST_COLOUR_THRESHOLDS_USD_PER_MILLION], scheme: 'RdYlGn', reverse: true, label: 'USD per million output tokens (fixed bands)', legend: true, tickFormat: formatUsdLogTick },
    symbol: { domain: [...modes], range: ['circle', 'triangle'], label: 'serving mode', legend: true },
    marks: [
      ...(target === null ? [] : [
        Plot.ruleX([target], { stroke: '#d62728', strokeDasharray: '4,3', className: 'latency-target' }),
        Plot.text([target], { x: (d: number) => d, frameAnchor: 'top', dx: 4, dy: 2, textAnchor: 'start', fill: '#d62728', text: (d: number) => `target ≥ ${d} tokens/s per user` }),
      ]),
      Plot.dot(rows, { x: 'tokensPerSecondPerUser', y: 'outputTokensPerSecondPerGpu', symbol: 'mode', stroke: 'currentColor', strokeOpacity: 0.25, r: 2.5, title: tip }),
      Plot.line(front, { x: 'tokensPerSecondPerUser', y: 'outputTokensPerSecondPerGpu', stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.dot(front, { x: 'tokensPerSecondPerUser', y: 'outputTokensPerSecondPerGpu', symbol: 'mode', fill: 'costUsdPerMillionOutputTokens', stroke: 'currentColor', strokeWidth: 0.5, r: 4.5, title: tip, className: 'pareto' }),
      Plot.dot(chosen, { x: 'tokensPerSecondPerUser', y: 'outputTokensPerSecondPerGpu', r: 10, stroke: 'currentColor', strokeWidth: 2, fill: 'none', className: 'chosen' }),
      Plot.text(chosen, {
        x: 'tokensPerSecondPerUser',
        y: 'outputTokensPerSecondPerGpu',
        text: (row: FrontierRow) => `chosen: ${formatUsd(row.costUsdPerMillionOutputTokens)} per M output`,
        dx: 12,
        dy: -12,
        textAnchor: 'start',
        fontWeight: 'bold',
        fill: 'currentColor',
        stroke: 'white',
        strokeWidth: 3,
        paintOrder: 'stroke',
        className: 'chosen-label',
      }),
    ],
  });
}

function captionOf(points: number, frontPoints: number, chosen: FrontierRow | undefined, target: number | null): string {
  const parts = ['Read: the front is the most each GPU can serve at each speed per user; right of the dashed target, the highest point is the cheapest way to meet it.', `${points} operating points, ${frontPoints} on the Pareto front.`];
  if (chosen) parts.push(`Chosen: ${chosen.layout} (${chosen.mode}) at ${chosen.tokensPerSecondPerUser.toFixed(1)} tokens/s per user, ${formatUsd(chosen.costUsdPerMillionOutputTokens)} per million output tokens.`);
  else parts.push('No point meets the latency target.');
  if (target !== null) parts.push(`Dashed rule: the latency target of ${target} tokens/s per user.`);
  return parts.join(' ');
}
