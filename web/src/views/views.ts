import { costBreakdownChart, frontierChart, marginChart, toCsv, validationChart, validationTable } from '../charts/index.js';
import type { ValidationRow } from '../charts/types.js';
import type { VerdictSubject, ViewModel } from '../compute/computeView.js';
import type { PhysicsRow } from '../compute/physicsRows.js';
import { csvLink, table } from './dom.js';
import { valueWithUnit } from '../../../src/core/scenario/assumptions.js';
import { fixed, percent, usd } from '../../../src/format/numbers.js';


function section(host: HTMLElement, ...children: Node[]): void {
  host.replaceChildren(...children);
}

/** What the verdict judges, as a sentence: "Kimi K2.5 on 16 × NVIDIA H200 SXM 141GB with sglang, rented at …; prices: …." */
export function describeSubject(s: VerdictSubject): string {
  return `${s.modelName} on ${s.gpus} × ${s.gpuName} with ${s.framework}, ${s.costBasis}; token prices: ${s.priceSource}.`;
}

/** Break-even utilization in words: a percentage, or "never at these prices" (the core gives null above 100%). */
export function describeBreakEven(breakEvenUtilization: number | null): string {
  return breakEvenUtilization === null ? 'never at these prices' : percent(breakEvenUtilization);
}

/**
 * The verdict in one sentence, and whether the option makes money: "Loses money at 60% utilization:
 * margin -12%; breaks even at 71%." A model that does not fit says how many accelerators it needs.
 */
export function verdictSentence(v: ViewModel): { readonly profitable: boolean | null; readonly text: string } {
  const e = v.economics;
  if (!v.fits || e === null || v.point === null) {
    return { profitable: null, text: `Does not fit: the model needs ${v.smallestFitGpus ?? 'more'} of these accelerators. Nothing computed.` };
  }
  const profitable = e.revenueUsdPerGpuHour >= e.costUsdPerGpuHour;
  return {
    profitable,
    text: `${profitable ? 'Profitable' : 'Loses money'} at ${percent(v.utilization)} utilization: ${e.marginFraction === null ? 'no revenue at these prices' : `margin ${percent(e.marginFraction)}`}; breaks even ${e.breakEvenUtilization === null ? 'never at these prices' : `at ${percent(e.breakEvenUtilization)}`}.` +
      (v.meetsTarget ? '' : ` Latency target not met: ${v.latencyNote ?? ''}`),
  };
}

/** Fills the summary: the verdict and the key figures. */
export function renderSummary(host: HTMLElement, v: ViewModel): void {
  const doc = host.ownerDocument;
  const e = v.economics;
  const sentence = verdictSentence(v);
  if (e === null || v.point === null || sentence.profitable === null) {
    const p = doc.createElement('p');
    p.id = 'verdict';
    p.textContent = `${describeSubject(v.subject)} ${sentence.text}`;
    section(host, p);
    return;
  }
  const verdict = doc.createElement('p');
  verdict.id = 'verdict';
  verdict.className = sentence.profitable ? 'profit' : 'loss';
  const subject = doc.createElement('span');
  subject.className = 'subject';
  subject.textContent = `${describeSubject(v.subject)} `;
  verdict.append(subject, sentence.text);
  const figures: [string, string, string][] = [
    ['cost-gpu-hour', 'Cost of a GPU-hour', usd(e.costUsdPerGpuHour)],
    ['cost-input', 'Cost per M input tokens', usd(e.costUsdPerMillionInputTokens)],
    ['cost-cached-input', 'Cost per M cached input tokens', usd(e.costUsdPerMillionCachedInputTokens)],
    ['cost-output', 'Cost per M output tokens', usd(e.costUsdPerMillionOutputTokens)],
    ['revenue-full', 'Revenue per fully busy GPU-hour', usd(e.revenueUsdPerGpuHourAtFullLoad)],
    ['margin', 'Margin', e.marginFraction === null ? 'no revenue' : percent(e.marginFraction)],
    ['break-even', 'Break-even utilization', describeBreakEven(e.breakEvenUtilization)],
    ['operating-point', 'Operating point', `${fixed(v.point.tokensPerSecondPerUser, 1)} tok/s/user, TTFT ${fixed(v.point.ttftSeconds, 2)} s, ${v.point.layout}`],
  ];
  const dl = doc.createElement('dl');
  for (const [id, label, value] of figures) {
    const dt = doc.createElement('dt');
    dt.textContent = label;
    const dd = doc.createElement('dd');
    dd.id = id;
    dd.textContent = value;
    dl.append(dt, dd);
  }
  section(host, verdict, dl);
}

/** The frontier with cost per million output tokens along it and the chosen point. */
export function renderFrontier(host: HTMLElement, v: ViewModel): void {
  const doc = host.ownerDocument;
  if (v.frontierRows.length === 0) return section(host, Object.assign(doc.createElement('p'), { textContent: 'No point to show.' }));
  section(host, frontierChart([...v.frontierRows], { document: doc, minTokensPerSecondPerUser: v.minTokensPerSecondPerUser }),
    csvLink(doc, 'frontier', toCsv(v.frontierRows)));
}

export function renderCost(host: HTMLElement, v: ViewModel): void {
  const doc = host.ownerDocument;
  if (v.costRows.length === 0) return section(host);
  section(host, costBreakdownChart([...v.costRows], { document: doc }),
    table(doc, v.costRows.map((r) => [r.kind, usd(r.costUsdPerMillion), usd(r.priceUsdPerMillion)]), ['tokens', 'cost per M', 'price per M']),
    csvLink(doc, 'cost-breakdown', toCsv(v.costRows)));
}

export function renderMargin(host: HTMLElement, v: ViewModel): void {
  const doc = host.ownerDocument;
  if (v.marginRows.length === 0 || v.economics === null) return section(host);
  section(host, marginChart([...v.marginRows], { document: doc, breakEvenUtilization: v.economics.breakEvenUtilization, utilization: v.utilization, marginFraction: v.economics.marginFraction }),
    csvLink(doc, 'margin-vs-utilization', toCsv(v.marginRows)));
}

/** Every assumption in words: the scenario's, the cost basis's, and the physics behind the performance model. */
export function renderAssumptions(host: HTMLElement, v: ViewModel, physics: readonly PhysicsRow[] = []): void {
  const doc = host.ownerDocument;
  const heading = (text: string) => Object.assign(doc.createElement('h3'), { textContent: text });
  const groups: [PhysicsRow['group'], string][] = [
    ['accelerator', 'The accelerator: datasheet peaks and bandwidths'],
    ['efficiency', 'Efficiency: what share of those peaks the model assumes is reached, and fixed overheads'],
    ['model', 'The model: size, weights and KV cache'],
    ['operating point', 'The chosen operating point'],
  ];
  section(host,
    heading('The scenario'),
    table(doc, v.assumptionRows.filter((r) => r.group === 'scenario').map((r) => [r.label, valueWithUnit(r), r.origin === 'scenario' ? 'the scenario' : 'default', r.source]), ['assumption', 'value', 'set by', 'source'], 'scenario-assumptions'),
    heading('The cost of a GPU-hour'),
    table(doc, v.assumptionRows.filter((r) => r.group === 'cost basis').map((r) => [r.label, valueWithUnit(r), r.source]), ['cost basis', 'value', 'source'], 'cost-basis-assumptions'),
    ...(physics.length === 0 ? [] : [
      heading('The physics'),
      table(doc, groups.flatMap(([g, title]) => physics.filter((r) => r.group === g).map((r) => [title.split(':')[0] ?? g, r.name, r.value, r.source])), ['part', 'quantity', 'value', 'source'], 'physics-assumptions'),
    ]));
}

export function renderValidation(host: HTMLElement, rows: readonly ValidationRow[], summary: { cases: number; failed: number; metrics: number; medianAbsRelativeError: number | null; p90AbsRelativeError: number | null }): void {
  const doc = host.ownerDocument;
  const p = doc.createElement('p');
  p.id = 'validation-summary';
  p.textContent = `${summary.cases} published cases, ${summary.failed} failed, ${summary.metrics} metrics: median |error| ${summary.medianAbsRelativeError === null ? '-' : percent(summary.medianAbsRelativeError)}, 90th percentile ${summary.p90AbsRelativeError === null ? '-' : percent(summary.p90AbsRelativeError)}.`;
  section(host, p, validationChart([...rows], { document: doc }), validationTable([...rows], { document: doc }), csvLink(doc, 'validation', toCsv(rows)));
}
