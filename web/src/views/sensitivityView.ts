import { sensitivityChart, type SensitivityChartRow } from '../charts/sensitivityChart.js';
import { toCsv } from '../charts/csv.js';
import { formatPercent, formatUsd } from '../charts/format.js';
import type { SensitivityViewModel } from '../compute/sensitivityView.js';
import { chartWidth } from './chartWidth.js';
import { csvLink, table } from './dom.js';

/** The rows the chart, the table and the CSV share: the core's sensitivity rows, column for column. */
export function sensitivityRows(m: SensitivityViewModel): SensitivityChartRow[] {
  return m.rows.map((r) => ({
    case: r.case, change: r.change, marginFraction: r.marginFraction, profitable: r.profitable,
    costUsdPerMillionOutputTokens: r.costUsdPerMillionOutputTokens, meetsLatencyTarget: r.meetsLatencyTarget, note: r.note,
  }));
}

/** The deployment sensitivity: a sentence, the chart, the table as the CLI report prints it, and the CSV. */
export function renderSensitivity(host: HTMLElement, m: SensitivityViewModel): void {
  const doc = host.ownerDocument;
  const p = doc.createElement('p');
  p.id = 'sensitivity-summary';
  p.textContent = `${m.subject} at ${formatPercent(m.utilization)} utilization, one input moved at a time (the rows of \`inferonomics report\`).`;
  const rows = sensitivityRows(m);
  const verdict = (x: SensitivityChartRow) => (x.profitable === null ? '' : x.profitable ? 'PROFIT' : 'LOSS');
  host.replaceChildren(
    p,
    sensitivityChart(rows, { document: doc, width: chartWidth(host) }),
    table(doc, m.rows.map((x, i) => [
      x.case, x.change, verdict(rows[i] as SensitivityChartRow), x.marginFraction === null ? '' : formatPercent(x.marginFraction),
      x.costUsdPerMillionOutputTokens === null ? '' : formatUsd(x.costUsdPerMillionOutputTokens), x.layout ?? '', x.note ?? (x.meetsLatencyTarget === false ? 'target missed' : ''),
    ]), ['case', 'change', 'verdict', 'margin', 'cost per M output', 'layout', 'note'], 'sensitivity-table'),
    csvLink(doc, 'deployment-sensitivity', toCsv(m.rows.map((x) => ({ ...x })))),
  );
}
