import { marketChart, toCsv } from '../charts/index.js';
import type { MarketViewModel } from '../compute/marketView.js';
import { csvLink, table } from './dom.js';
import { fixed, params, percent, ratio, usd as formatUsd, USD_STYLES } from '../../../src/format/numbers.js';

const usd = (x: number) => formatUsd(x, USD_STYLES.market);
const range = (r: readonly [number, number], f: (x: number) => string) => `${f(r[0])}–${f(r[1])}`;

/** The market view: price against size with the fitted curve, the two reference sizes, and frontier labs' implied markups. */
export function renderMarket(host: HTMLElement, m: MarketViewModel): void {
  const doc = host.ownerDocument;
  const fit = doc.createElement('p');
  fit.id = 'market-fit';
  fit.textContent = `Median price ∝ ${m.against} parameters^${fixed(m.fit.exponent, 2)} (R² ${fixed(m.fit.rSquared, 2)}, typical error ×${fixed(m.fit.errorFactor, 2)}, ${m.fit.n} models; ` +
    `against ${m.against === 'active' ? 'total' : 'active'} parameters R² ${fixed(m.fit.otherRSquared, 2)}). Physical cost on ${m.reference.gpu} at ${percent(m.reference.utilization, 0)} utilization, ≥${m.reference.latencyTarget.minTokensPerSecondPerUser} tokens/s per user.`;
  host.replaceChildren(
    fit,
    marketChart(m.rows, { document: doc, against: m.against, curve: m.curve }),
    table(doc, m.referenceSizes.map((s) => [s.label, `${usd(s.marketUsdPerMillion)} (${range(s.marketConfidence, usd)})`, s.physicalUsdPerMillion === null ? 'does not fit' : usd(s.physicalUsdPerMillion)]),
      ['size', 'market-implied cost per M', 'physical cost per M'], 'market-sizes'),
    table(doc, m.frontier.map((f) => [
      f.model, usd(f.listBlendedUsdPerMillion), range(f.marketCostUsdPerMillion, usd), f.physicalCostUsdPerMillion === null ? '-' : range(f.physicalCostUsdPerMillion, usd),
      range(f.impliedMarkup.market, (x) => ratio(x, 1)), f.impliedMarkup.physical === null ? '-' : range(f.impliedMarkup.physical, (x) => ratio(x, 1)),
    ]), [`frontier model (if ${range(m.sizeRange.totalParams, params)} total, ${range(m.sizeRange.activeParams, params)} active)`, 'list price per M', 'cost (market)', 'cost (physics)', 'markup (market)', 'markup (physics)'], 'market-frontier'),
    csvLink(doc, 'market', toCsv(m.rows)),
  );
}
