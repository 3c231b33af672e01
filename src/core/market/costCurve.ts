import type { ApiPrice } from '../catalog/prices.js';
import type { CatalogModel } from '../catalog/models.js';
import { countParameters } from '../model/parameters.js';
import { blendedUsdPerMillion, marketApiPrice } from './marketPrice.js';
import { fitLine, lineAt, type LineFit } from './regression.js';
import { BILLION } from '../units.js';

/** One open-weight model as the market prices it. */
export interface MarketPoint {
  readonly model: string;
  readonly totalParams: number;
  readonly activeParams: number;
  readonly providerCount: number;
  readonly medianInputUsdPerMillion: number;
  readonly medianOutputUsdPerMillion: number;
  /** Median over providers of each one's (3 × input + output) / 4. */
  readonly medianBlendedUsdPerMillion: number;
  /** Mean blended price of the 3 cheapest providers. */
  readonly cheapest3BlendedUsdPerMillion: number;
}

/** A power law price = a · params^b, fitted as a line in log-log space. */
export interface PowerLawFit {
  readonly against: 'totalParams' | 'activeParams';
  readonly price: 'median' | 'cheapest3';
  /** price at 1e9 parameters, USD per million tokens (blended 3:1). */
  readonly usdPerMillionAtOneBillion: number;
  readonly exponent: number;
  readonly rSquared: number;
  /** Typical error of one model's price around the curve, as a factor (e^σ of the log residuals). */
  readonly errorFactor: number;
  readonly n: number;
  readonly line: LineFit;
}

/** Blended price of a size under a fit, with its 95% confidence and prediction bands. */
export function priceAt(fit: PowerLawFit, params: number) {
  const at = lineAt(fit.line, Math.log(params / BILLION));
  return {
    usdPerMillion: Math.exp(at.y),
    confidence: [Math.exp(at.confidence[0]), Math.exp(at.confidence[1])] as const,
    prediction: [Math.exp(at.prediction[0]), Math.exp(at.prediction[1])] as const,
  };
}

/**
 * The market points: every catalog model at least `minProviders` providers sell (aggregator
 * listings aside), with its robust prices. Parameters are the catalog's computed counts.
 */
export function marketPoints(models: readonly CatalogModel[], rows: readonly ApiPrice[], minProviders = 2): MarketPoint[] {
  const out: MarketPoint[] = [];
  for (const m of models) {
    if (!rows.some((r) => r.model === m.id)) continue;
    const p = marketApiPrice(m.id, rows);
    if (p.providerCount < minProviders) continue;
    const counts = countParameters(m);
    out.push({
      model: m.id,
      totalParams: counts.total,
      activeParams: counts.active,
      providerCount: p.providerCount,
      medianInputUsdPerMillion: p.inputUsdPerMillion.median,
      medianOutputUsdPerMillion: p.outputUsdPerMillion.median,
      medianBlendedUsdPerMillion: p.blendedUsdPerMillion.median,
      cheapest3BlendedUsdPerMillion: p.cheapest(3).blendedUsdPerMillion,
    });
  }
  return out;
}

/** Fits blended price against total or active parameters (log-log least squares). */
export function fitPowerLaw(points: readonly MarketPoint[], against: PowerLawFit['against'], price: PowerLawFit['price']): PowerLawFit {
  const x = points.map((p) => Math.log(p[against] / BILLION));
  const y = points.map((p) => Math.log(price === 'median' ? p.medianBlendedUsdPerMillion : p.cheapest3BlendedUsdPerMillion));
  const line = fitLine(x, y);
  return {
    against, price,
    usdPerMillionAtOneBillion: Math.exp(line.intercept),
    exponent: line.slope,
    rSquared: line.rSquared,
    errorFactor: Math.exp(line.residualStandardError),
    n: line.n,
    line,
  };
}

/** Both fits of one price series, and which explains prices better (higher R² on the same prices). */
export function compareFits(points: readonly MarketPoint[], price: PowerLawFit['price']) {
  const total = fitPowerLaw(points, 'totalParams', price);
  const active = fitPowerLaw(points, 'activeParams', price);
  return { total, active, better: active.rSquared >= total.rSquared ? active : total };
}

export { blendedUsdPerMillion };
