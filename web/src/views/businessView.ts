import { labCostChart, seatCostChart, toCsv, tornadoChart } from '../charts/index.js';
import type { BusinessViewModel } from '../compute/businessView.js';
import { csvLink, table } from './dom.js';
import { readableName } from './readableNames.js';
import { count, fixed, millionsOfTokens, params, percent, usd } from '../../../src/format/numbers.js';

const pct = (x: number | null) => (x !== null && Number.isFinite(x) ? percent(x, 1) : 'n/a');
const inputValue = (name: string, x: number) =>
  name === 'totalParams' || name === 'activeParams' ? params(x) : name === 'utilization' ? pct(x) : name === 'gpuPriceUsdPerHour' ? `$${fixed(x, 2)}/h` : x.toPrecision(3);

/**
 * "never in this range: margin stays negative, -12% at 40.0% and -3% at 80.0%" from the core's
 * "no break-even in [0.4000, 0.8000]: margin stays negative, -12% at 0.4000 and -3% at 0.8000":
 * the range is in its own column, and the values read in the input's unit.
 */
export function noBreakEven(input: string, reason: string | null): string {
  const why = (reason ?? '').replace(/^no break-even in \[[^\]]*\]:\s*/, '').replace(/\b(at|near) (-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/g, (_, word: string, x: string) => `${word} ${inputValue(input, Number(x))}`);
  return `never in this range${why === '' ? '' : `: ${why}`}`;
}

function heading(doc: Document, text: string): HTMLHeadingElement {
  return Object.assign(doc.createElement('h3'), { textContent: text });
}

/** The business view: subscription seats against their price, a lab's full cost per token, and the uncertainty run. */
export function renderBusiness(host: HTMLElement, m: BusinessViewModel): void {
  const doc = host.ownerDocument;
  const c = m.costUsdPerMillionTokens;
  const costLine = Object.assign(doc.createElement('p'), {
    id: 'business-cost',
    textContent: `Serving cost of the serving base, ${m.label}: input ${usd(c.inputUsdPerMillion)}, cached input ${usd(c.cachedInputUsdPerMillion)}, output ${usd(c.outputUsdPerMillion)} per million tokens; ${usd(c.mixed)} per million in the workload's mix. ` +
      `Usage: ${m.profile.id}${m.profile.idleShare === null ? '' : `, ${pct(m.profile.idleShare)} of seats idle`}${m.profile.sigma === null ? '' : `, lognormal sigma ${m.profile.sigma}`}.`,
  });
  const u = m.uncertainty;
  const verdict = Object.assign(doc.createElement('p'), {
    id: 'uncertainty-summary',
    textContent: `${u.base}: P(margin > 0) = ${pct(u.probabilityMarginPositive)} (±${fixed(u.probabilityStandardError * 100, 1)} points) over ${count(u.samples)} samples; ` +
      `median margin ${pct(u.margin.p50)} (5th-95th percentile ${pct(u.margin.p5)} to ${pct(u.margin.p95)}); median cost per million output tokens ${usd(u.costOutput.p50)}.`,
  });
  host.replaceChildren(
    heading(doc, 'Subscriptions'),
    costLine,
    seatCostChart(m.seats, { document: doc }),
    table(doc, m.seats.map((s) => [
      s.plan, usd(s.priceUsdPerSeatPerMonth), millionsOfTokens(s.medianTokensPerActiveSeat), usd(s.meanCostUsdPerSeat), usd(s.p99CostUsdPerSeat), pct(s.meanMarginFraction), pct(s.shareOfSeatsLosingMoney),
      s.breakEvenTokensPerSeatPerMonth === null ? 'never' : millionsOfTokens(s.breakEvenTokensPerSeatPerMonth),
    ]), ['plan', 'price / month', 'median tokens (active seat)', 'mean cost / seat', 'p99 cost / seat', 'mean margin', 'seats losing money', 'break-even tokens / month'], 'subscription-table'),
    csvLink(doc, 'subscriptions', toCsv(m.seats)),
    heading(doc, 'A lab\'s full cost per token'),
    labCostChart(m.lab.rows, { document: doc, revenueUsdPerMillion: m.lab.revenueUsdPerMillion }),
    table(doc, (['list', 'discounted'] as const).map((rates) => [
      rates, ...m.lab.rows.filter((r) => r.rates === rates).map((r) => usd(r.costUsdPerMillion)), usd(m.lab.revenueUsdPerMillion),
      `${pct(m.lab.marginFraction[rates].marginal)} / ${pct(m.lab.marginFraction[rates].serving)} / ${pct(m.lab.marginFraction[rates].full)}`,
    ]), ['compute at', 'marginal $/M', 'serving $/M', 'full $/M', 'revenue $/M', 'margin marginal / serving / full'], 'lab-table'),
    table(doc, m.lab.assumptions.map((a) => [readableName(a.name), a.value, a.source]), ['lab assumption', 'value', 'source']),
    csvLink(doc, 'lab', toCsv(m.lab.rows)),
    heading(doc, 'Uncertainty'),
    verdict,
    tornadoChart(u.tornado, { document: doc, marginAtMedians: u.marginAtMedians }),
    table(doc, u.tornado.map((r) => [readableName(r.input), `${inputValue(r.input, r.lowValue)} to ${inputValue(r.input, r.highValue)}`, pct(r.marginAtLow), pct(r.marginAtHigh), pct(r.swing)]),
      ['input', 'p10 to p90', 'margin at p10', 'margin at p90', 'swing'], 'tornado-table'),
    table(doc, u.breakEvens.map((b) => [readableName(b.input), `${inputValue(b.input, b.low)} to ${inputValue(b.input, b.high)}`, b.value === null ? noBreakEven(b.input, b.reason) : inputValue(b.input, b.value)]),
      ['input', 'range searched', 'break-even (margin 0, the others at their medians)'], 'breakeven-table'),
    csvLink(doc, 'tornado', toCsv(u.tornado)),
  );
}
