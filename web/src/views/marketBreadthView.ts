import { marketKindsChart } from '../charts/marketKindsChart.js';
import { toCsv } from '../charts/index.js';
import type { MarketBreadthViewModel } from '../compute/marketBreadthView.js';
import { csvLink, table } from './dom.js';
import { fixed, percent, usd as formatUsd, USD_STYLES } from '../../../src/format/numbers.js';

const usd = (x: number) => formatUsd(x, USD_STYLES.marketFine);

/** The whole-market view: the chart by provider kind, each kind's fit, the 1-5T extrapolations, and the picked provider's prices against its cost. */
export function renderMarketBreadth(host: HTMLElement, m: MarketBreadthViewModel): void {
  const doc = host.ownerDocument;
  const summary = doc.createElement('p');
  summary.id = 'market-breadth-summary';
  summary.textContent = `${m.models} sized open-weight models from ${m.providers} providers (${m.window.from ?? 'any date'} to ${m.window.to ?? 'any date'}); robust fits, one-provider models weighted 1/4.`;
  const children: Node[] = [
    summary,
    marketKindsChart(m.kindRows, { document: doc, curve: m.curve }),
    table(doc, m.kinds.map((k) => [k.kind, String(k.providers), String(k.models), k.exponent === null ? '-' : fixed(k.exponent, 2), k.rSquared === null ? '-' : fixed(k.rSquared, 2), k.errorFactor === null ? '-' : `×${fixed(k.errorFactor, 2)}`]),
      ['kind', 'providers', 'models', 'exponent (active)', 'R²', 'typical error'], 'market-kinds'),
    table(doc, m.extrapolations.flatMap((e) => e.fits.filter((f) => f.fit === 'median' || f.fit === 'cheapest' || f.fit === 'kind chip-vendor' || f.fit === 'kind gpu-cloud')
      .map((f) => [e.label, f.fit, usd(f.usdPerMillion), `${usd(f.prediction[0])}–${usd(f.prediction[1])}`])),
    ['size', 'fit (against active)', 'price per M', '95% prediction band'], 'market-extrapolations'),
  ];
  if (m.provider !== null) {
    const p = m.provider;
    const head = doc.createElement('p');
    head.id = 'market-provider-summary';
    head.textContent = `${p.name} (${p.kind}) on ${p.accelerator}: ${p.hardwareSource}`;
    children.push(head, table(doc, p.models.map((x) => [x.model, usd(x.blended), x.cost === null ? '-' : `${usd(x.cost.mid)} (${usd(x.cost.low)}–${usd(x.cost.high)})`, x.margin === null ? '-' : `${percent(x.margin.mid)} (${percent(x.margin.low)} to ${percent(x.margin.high)})`, x.verdict]),
      ['model', 'price per M', 'modelled cost per M', 'margin', 'verdict'], 'market-provider'));
  }
  children.push(csvLink(doc, 'market-kinds', toCsv(m.kindRows)));
  host.replaceChildren(...children);
}
