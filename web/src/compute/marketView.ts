import { MODELS } from '../../../src/core/catalog/models.js';
import { latestSnapshot } from '../../../src/core/catalog/prices.js';
import { priceAt } from '../../../src/core/market/costCurve.js';
import { DEFAULT_SIZE_RANGE, marketAnalysis, type SizeRange } from '../../../src/core/market/marketAnalysis.js';
import type { CurvePoint, MarketRow } from '../charts/types.js';

/** The market view: open-weight prices against size with the fitted curve, and frontier labs' implied markups. */
export function computeMarket(sizeRange: SizeRange = DEFAULT_SIZE_RANGE) {
  const a = marketAnalysis(MODELS, latestSnapshot().api, { sizeRange });
  const fit = a.fits.median.better;
  const against = fit.against === 'activeParams' ? 'active' : 'total';
  const rows: MarketRow[] = a.openWeight.map((p) => ({
    model: p.model,
    params: p[fit.against],
    medianBlendedUsdPerMillion: p.medianBlendedUsdPerMillion,
    physicalBlendedUsdPerMillion: p.physical?.blendedCostUsdPerMillion ?? null,
  }));
  const xs = rows.map((r) => r.params);
  const upper = against === 'active' ? sizeRange.activeParams[1] : sizeRange.totalParams[1];
  const lo = Math.log(Math.min(...xs));
  const hi = Math.log(Math.max(...xs, upper));
  const curve: CurvePoint[] = Array.from({ length: 40 }, (_, i) => Math.exp(lo + ((hi - lo) * i) / 39)).map((params) => {
    const at = priceAt(fit, params);
    return { params, usdPerMillion: at.usdPerMillion, low: at.confidence[0], high: at.confidence[1] };
  });
  return {
    against: against as 'active' | 'total',
    rows,
    curve,
    fit: { against: fit.against, exponent: fit.exponent, rSquared: fit.rSquared, errorFactor: fit.errorFactor, n: fit.n, otherRSquared: (fit === a.fits.median.active ? a.fits.median.total : a.fits.median.active).rSquared },
    referenceSizes: a.referenceSizes,
    sizeRange: a.sizeRange,
    reference: a.reference,
    frontier: a.frontier,
  };
}

export type MarketViewModel = ReturnType<typeof computeMarket>;
