import { realisedChart } from '../charts/realisedChart.js';
import { toCsv } from '../charts/csv.js';
import { formatPercent, formatUsd } from '../charts/format.js';
import type { RealisedViewModel } from '../compute/realisedView.js';
import { count, ratio } from '../../../src/format/numbers.js';
import { chartWidth } from './chartWidth.js';
import { csvLink, table } from './dom.js';

/** The realised-price view: the traffic in words, the chart, the table with sources, and the CSV. */
export function renderRealised(host: HTMLElement, m: RealisedViewModel): void {
  const doc = host.ownerDocument;
  const t = m.traffic;
  const p = doc.createElement('p');
  p.id = 'realised-summary';
  const mix = t.requests.map((r) => `${formatPercent(r.share)} at ${count(r.inputTokens)} in / ${count(r.outputTokens)} out`).join(', ');
  p.textContent = `${m.workload} traffic: ${mix}; ${formatPercent(t.cacheHitRate)} of prompt tokens read from the cache, ${formatPercent(t.cacheWriteShare)} of the rest written to it; ${formatPercent(t.batchShare)} of requests by batch.`;
  host.replaceChildren(
    p,
    realisedChart(m.rows, { document: doc, width: chartWidth(host) }),
    table(doc, m.rows.map((r) => [
      r.schedule, `${formatUsd(r.listInputUsdPerMillion)} / ${formatUsd(r.listOutputUsdPerMillion)}`,
      formatUsd(r.realisedInputUsdPerMillion), formatUsd(r.realisedOutputUsdPerMillion), formatUsd(r.realisedBlendedUsdPerMillion),
      formatUsd(r.listBlendedUsdPerMillion), ratio(r.realisedToListRatio), `${r.date}: ${r.source}`,
    ]), ['schedule', 'list per M in / out', 'realised per M in', 'per M out', 'per M blended', 'list blended', 'realised / list', 'source'], 'realised-table'),
    csvLink(doc, 'realised-prices', toCsv(m.rows)),
  );
}
