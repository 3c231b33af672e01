import { calibrationChart } from '../charts/calibrationChart.js';
import { toCsv } from '../charts/csv.js';
import { formatPercent } from '../charts/format.js';
import type { CalibrationViewModel, GroupErrors } from '../compute/calibrationView.js';
import { chartWidth } from './chartWidth.js';
import { csvLink, table } from './dom.js';

const pct = (x: number | null) => (x === null ? 'n/a' : formatPercent(x, 1));
const signed = (x: number | null) => (x === null ? 'n/a' : formatPercent(x, 1, true));

function groupRows(groups: readonly GroupErrors[]): string[][] {
  return groups.map((g) => [g.key, String(g.cases), String(g.metrics), pct(g.medianAbsRelativeError), pct(g.p90AbsRelativeError), signed(g.medianRelativeError)]);
}

/**
 * The calibration against the user's measurements: what was read (and what was not, by case and
 * field), the chart, the in-sample and leave-one-source-out errors, the fitted factors with one
 * standard error, and the CSV of every case. `useFactors` (when given) adds the button that makes
 * the rest of the page use the fitted factors.
 */
export function renderCalibration(host: HTMLElement, m: CalibrationViewModel, useFactors?: () => void): void {
  const doc = host.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text: string, id?: string) => {
    const e = Object.assign(doc.createElement(tag), { textContent: text });
    if (id !== undefined) e.id = id;
    return e;
  };
  const loso = m.leaveOneSourceOut;
  const children: Node[] = [
    el('p', `${m.cases} cases from ${m.sources} sources fitted${m.rejected.length === 0 ? '' : `; ${m.rejected.length} not valid, left out (below)`}${m.unpredictable.length === 0 ? '' : `; ${m.unpredictable.length} the model cannot predict, left out`}. ` +
      `Median |error| in sample ${pct(m.inSample.medianAbsRelativeError)}${loso === null ? '' : `, leaving each source out ${pct(loso.medianAbsRelativeError)}`}.`, 'calibration-summary'),
  ];
  if (m.rejected.length > 0) {
    const ul = doc.createElement('ul');
    ul.id = 'calibration-rejected';
    ul.className = 'field-error';
    for (const r of m.rejected) ul.append(el('li', `${r.id}: ${r.error}`));
    children.push(ul);
  }
  children.push(
    calibrationChart(m.rows, { document: doc, width: chartWidth(host, 560), height: Math.min(520, chartWidth(host, 560) - 20) }),
    el('h3', 'Error: in sample, and each source predicted from a fit on the others'),
    table(doc, [
      ['in sample', pct(m.inSample.medianAbsRelativeError), pct(m.inSample.p90AbsRelativeError), String(m.inSample.metrics)],
      ...(loso === null ? [] : [['leave one source out', pct(loso.medianAbsRelativeError), pct(loso.p90AbsRelativeError), String(loso.metrics)]]),
    ], ['error', 'median |error|', '90th percentile |error|', 'metrics'], 'calibration-errors'),
    ...(loso === null ? [] : [table(doc, groupRows(loso.bySource), ['source (left out)', 'cases', 'metrics', 'median |error|', '90th pct', 'median signed'], 'calibration-by-source')]),
    el('h3', 'Fitted factors, with one standard error'),
    table(doc, m.factors.map((f) => [f.name, f.prior.toPrecision(3), f.value.toPrecision(3), `±${formatPercent(f.relativeUncertainty)}`, String(f.pinnedBy.length)]),
      ['factor', 'prior', 'fitted', '1 s.e.', 'sources'], 'calibration-factors'),
  );
  if (m.unpredictable.length > 0) children.push(el('p', `Cases the model cannot predict (left out): ${m.unpredictable.map((u) => `${u.id}: ${u.error}`).join('; ')}`));
  children.push(csvLink(doc, 'calibration-cases', toCsv(m.rows)), doc.createTextNode(' · '), csvLink(doc, 'calibration-factors', toCsv(m.factors.map((f) => ({ ...f, pinnedBy: f.pinnedBy.length })))));
  if (useFactors !== undefined && m.factors.length > 0) {
    const button = el('button', 'Use these factors on the whole page', 'use-factors');
    button.type = 'button';
    button.addEventListener('click', useFactors);
    children.push(doc.createElement('br'), button);
  }
  host.replaceChildren(...children);
}
