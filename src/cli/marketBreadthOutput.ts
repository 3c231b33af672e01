import type { BreadthFit, MarketBreadth } from '../core/market/marketBreadth.js';
import type { PriceTrend } from '../core/market/priceTrend.js';
import { table } from './format.js';
import { fixed, params, signedPercent, usd as formatUsd, USD_STYLES } from '../format/numbers.js';

const usd = (x: number) => formatUsd(x, USD_STYLES.marketFine);

/** A fit without its line internals, for JSON. */
export function fitJson(f: BreadthFit | null) {
  if (f === null) return null;
  return { against: f.against, usdPerMillionAtOneBillion: f.usdPerMillionAtOneBillion, exponent: f.exponent, rSquared: f.rSquared, errorFactor: f.errorFactor, n: f.n, outliers: f.outliers };
}

const pairJson = (p: MarketBreadth['fits']['median']) => ({ models: p.models, total: fitJson(p.total), active: fitJson(p.active), better: p.better?.against ?? null });

/** The whole-market result as JSON: counts first, then fits, extrapolations and every point. */
export function breadthJson(b: MarketBreadth) {
  return {
    window: b.window,
    modelsFitted: b.fits.median.models,
    providerCount: b.providers.length,
    providers: b.providers,
    fits: { median: pairJson(b.fits.median), cheapest: pairJson(b.fits.cheapest), medianTwoOrMoreProviders: pairJson(b.fits.medianTwoOrMoreProviders) },
    byKind: b.byKind.map((k) => ({ kind: k.kind, providers: k.providers, ...pairJson(k) })),
    extrapolations: b.extrapolations,
    sizeRange: b.sizeRange,
    frontier: b.frontier,
    points: b.points.map((p) => ({
      model: p.model, lab: p.lab, family: p.family, totalParams: p.totalParams, activeParams: p.activeParams, released: p.released,
      providerCount: p.providerCount, medianBlendedUsdPerMillion: p.medianBlendedUsdPerMillion, cheapestBlendedUsdPerMillion: p.cheapestBlendedUsdPerMillion,
      byKind: p.byKind, providers: p.providers,
    })),
  };
}

const fitCells = (f: BreadthFit | null) => (f === null ? ['-', '-', '-'] : [`${usd(f.usdPerMillionAtOneBillion)} · N^${fixed(f.exponent, 2)}`, fixed(f.rSquared, 2), `×${fixed(f.errorFactor, 2)}`]);

/** The whole-market section of `market`'s text output. */
export function renderBreadth(b: MarketBreadth): string {
  const window = b.window.from === null && b.window.to === null ? 'all dates' : `${b.window.from ?? 'any'} to ${b.window.to ?? 'any'}`;
  const fitRows: string[][] = [];
  const add = (label: string, pair: MarketBreadth['fits']['median']) => {
    fitRows.push([label, String(pair.models), 'total', ...fitCells(pair.total)]);
    fitRows.push(['', '', 'active', ...fitCells(pair.active)]);
  };
  add('median of providers', b.fits.median);
  add('cheapest provider', b.fits.cheapest);
  add('median, 2+ providers only', b.fits.medianTwoOrMoreProviders);
  for (const k of b.byKind) add(`kind ${k.kind} (${k.providers} provider${k.providers === 1 ? '' : 's'})`, k);
  const sizes = b.extrapolations.map((e) => {
    const pick = (fit: string, against: string) => e.fits.find((f) => f.fit === fit && f.against === against);
    const cell = (fit: string, against: string) => {
      const f = pick(fit, against);
      return f === undefined ? '-' : `${usd(f.usdPerMillion)} (${usd(f.prediction[0])}–${usd(f.prediction[1])})`;
    };
    return [e.label, cell('median', 'activeParams'), cell('median', 'totalParams'), cell('cheapest', 'activeParams'), cell('kind chip-vendor', 'activeParams'), cell('kind gpu-cloud', 'activeParams')];
  });
  const outliers = [...new Set([...(b.fits.median.total?.outliers ?? []), ...(b.fits.median.active?.outliers ?? [])])];
  return [
    `Whole market (${window}): ${b.fits.median.models} sized open-weight models from ${b.providers.length} providers, blended 3:1; robust (Huber) log-log fits, one-provider models weighted 1/4`,
    '',
    table(fitRows, ['fit', 'models', 'against', 'price = a · (params/1B)^b', 'R²', 'typical error']),
    `Outliers of the median fit (kept, down-weighted): ${outliers.length === 0 ? 'none' : outliers.join(', ')}`,
    'Dates: a row counts on the day its price was checked; genai-prices entries without prices_checked carry their snapshot\'s day.',
    '',
    'Extrapolated blended price, USD per million tokens, with the 95% prediction band:',
    table(sizes, ['size', 'median vs active', 'median vs total', 'cheapest vs active', 'chip vendors vs active', 'GPU clouds vs active']),
    `Frontier list prices against what the open-weight market charges at ${params(b.sizeRange.totalParams[0])}–${params(b.sizeRange.totalParams[1])} total / ${params(b.sizeRange.activeParams[0])}–${params(b.sizeRange.activeParams[1])} active (the better median fit, ${b.fits.median.better?.against ?? '-'}; 95% prediction band over the corners):`,
    table(b.frontier.map((f) => [f.model, f.provider, usd(f.listBlendedUsdPerMillion), `${usd(f.marketUsdPerMillion[0])}–${usd(f.marketUsdPerMillion[1])}`, `${fixed(f.impliedMarkup[0], 1)}×–${fixed(f.impliedMarkup[1], 1)}×`]),
      ['model', 'list from', 'list blended', 'market price at the size', 'implied markup']),
    `Providers: ${b.providers.map((p) => `${p.provider} (${p.kind}, ${p.models})`).join(', ')}`,
    '',
  ].join('\n');
}


/** The prices-over-time section of `market`'s text output. */
export function renderTrend(t: PriceTrend): string {
  const fit = t.fit === null
    ? 'no trend fitted'
    : `at a fixed active size, prices changed ${signedPercent(t.fit.changePerYear)} a year (95% interval ${signedPercent(t.fit.changePerYearInterval[0])} to ${signedPercent(t.fit.changePerYearInterval[1])}); size exponent ${fixed(t.fit.sizeExponent, 2)}; a 70B-active model at ${usd(t.fit.usdPerMillionAt70BActiveOnEpoch)} on ${t.fit.epoch}`;
  return [
    `Prices over time: ${t.rows} dated prices of ${t.models} sized models, ${t.firstDate ?? '-'} to ${t.lastDate ?? '-'} (rows dated only by their snapshot and aggregator listings left out)`,
    fit,
    '',
    table(t.periods.map((p) => [p.period, String(p.rows), `×${fixed(p.medianPriceOverSizeCurve, 2)}`, `×${fixed(p.cheapestPriceOverSizeCurve, 2)}`, p.h100MedianUsdPerGpuHour === null ? '-' : `$${fixed(p.h100MedianUsdPerGpuHour, 2)} (${p.h100Offers})`, p.thin ? 'thin' : '']),
      ['half-year', 'prices', 'median vs size curve', 'cheapest vs size curve', 'H100 $/GPU-hour (offers)', '']),
    `Cheapest offer against H100 rental: ${t.cheapestVsGpuRental === null ? 'not estimated' : `elasticity ${fixed(t.cheapestVsGpuRental.elasticity, 2)} over ${t.cheapestVsGpuRental.periods} half-years`}`,
    ...t.notes.map((n) => `note: ${n}`),
    '',
  ].join('\n');
}

