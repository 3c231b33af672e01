import { comparisonCostChart, comparisonFrontierChart, optionColour, toCsv } from '../charts/index.js';
import { comparisonRows, optionLabel, type CompareEntry } from '../compare/comparison.js';
import type { ComputeResult } from '../compute/computeView.js';
import { csvLink } from './dom.js';
import { describeSubject, verdictSentence } from './views.js';

/**
 * The comparison: one card per option (its colour, what it judges, its verdict or its problems,
 * and a button that removes it), then the options' fronts and costs overlaid in those colours.
 * `remove` is called with the index of the option whose button was pressed.
 */
export function renderComparison(host: HTMLElement, entries: readonly CompareEntry[], results: readonly ComputeResult[], remove: (index: number) => void): void {
  const doc = host.ownerDocument;
  if (entries.length === 0) {
    host.replaceChildren(Object.assign(doc.createElement('p'), { className: 'hint', textContent: 'No option to compare yet: add the editor\'s option, or load a preset.' }));
    return;
  }
  const labels = entries.map((entry, i) => optionLabel(i, entry, results[i]?.ok ? results[i].view : null));
  const list = doc.createElement('ol');
  list.id = 'compare-verdicts';
  entries.forEach((_, i) => {
    const result = results[i];
    const item = doc.createElement('li');
    item.className = 'compare-verdict';
    item.style.borderLeftColor = optionColour(i);
    item.dataset.colour = optionColour(i);
    const title = Object.assign(doc.createElement('span'), { className: 'subject', textContent: labels[i] ?? '' });
    const body = doc.createElement('span');
    if (result === undefined) body.textContent = 'computing…';
    else if (!result.ok) {
      body.className = 'field-error';
      body.textContent = `Cannot compute: ${Object.entries(result.problems).map(([k, m]) => (k === '(general)' ? m : `${k}: ${m}`)).join('; ')}`;
    } else {
      const sentence = verdictSentence(result.view);
      body.className = sentence.profitable === null ? '' : sentence.profitable ? 'profit' : 'loss';
      body.textContent = `${describeSubject(result.view.subject)} ${sentence.text}`;
    }
    const drop = Object.assign(doc.createElement('button'), { type: 'button', className: 'remove', textContent: 'Remove' });
    drop.setAttribute('aria-label', `remove option ${i + 1}`);
    drop.addEventListener('click', () => remove(i));
    item.append(title, body, drop);
    list.append(item);
  });
  const rows = comparisonRows(labels, results);
  const charts: Node[] = [];
  if (rows.frontier.length > 0) charts.push(comparisonFrontierChart(rows.frontier, { document: doc, labels }), csvLink(doc, 'comparison-frontier', toCsv(rows.frontier)));
  if (rows.cost.length > 0) charts.push(comparisonCostChart(rows.cost, { document: doc, labels }), csvLink(doc, 'comparison-cost', toCsv(rows.cost)));
  host.replaceChildren(list, ...charts);
}
