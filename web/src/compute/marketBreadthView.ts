import { PROVIDERS } from '../../../src/core/catalog/providers.js';
import { PRICE_SNAPSHOTS } from '../../../src/core/catalog/allPriceSnapshots.js';
import { breadthPriceAt, marketBreadth } from '../../../src/core/market/marketBreadth.js';
import { providerCosts } from '../../../src/core/market/providerCosts.js';
import type { CurvePoint } from '../charts/types.js';
import type { MarketKindRow } from '../charts/marketKindsChart.js';

/** The whole-market inputs: a date window (YYYY-MM-DD or empty) and a provider to check (or empty). */
export interface MarketBreadthState {
  readonly from: string;
  readonly to: string;
  readonly provider: string;
}

export const DEFAULT_MARKET_BREADTH: MarketBreadthState = { from: '', to: '', provider: '' };

/** Providers with at least one priced open-weight model in the shipped snapshots, for the picker. */
export function providerChoices(): { value: string; label: string }[] {
  const priced = new Set(PRICE_SNAPSHOTS.flatMap((s) => s.api.map((r) => r.provider.toLowerCase())));
  return PROVIDERS.filter((p) => p.kind !== 'aggregator' && [p.name.toLowerCase(), ...p.aliases].some((n) => priced.has(n)))
    .map((p) => ({ value: p.id, label: `${p.name} (${p.kind})` }));
}

/**
 * The whole market in the window: points per kind of provider, the median fit's curve against
 * active parameters, each kind's fit, the extrapolations, and (when a provider is picked) its
 * prices against the modelled cost on its hardware.
 */
export function computeMarketBreadth(state: MarketBreadthState) {
  const rows = PRICE_SNAPSHOTS.flatMap((s) => s.api);
  const b = marketBreadth(rows, { ...(state.from !== '' && { from: state.from }), ...(state.to !== '' && { to: state.to }) });
  const kindRows: MarketKindRow[] = b.points.flatMap((p) => Object.entries(p.byKind).map(([kind, k]) => ({ model: p.model, kind, activeParams: p.activeParams, medianBlendedUsdPerMillion: k.medianBlendedUsdPerMillion })));
  const fit = b.fits.median.active;
  const xs = b.points.map((p) => p.activeParams);
  const curve: CurvePoint[] = fit === null || xs.length === 0 ? [] : Array.from({ length: 40 }, (_, i) => {
    const lo = Math.log(Math.min(...xs));
    const hi = Math.log(150e9);
    const activeParams = Math.exp(lo + ((hi - lo) * i) / 39);
    const at = breadthPriceAt(fit, { totalParams: activeParams, activeParams });
    return { params: activeParams, usdPerMillion: at.usdPerMillion, low: at.prediction[0], high: at.prediction[1] };
  });
  const provider = state.provider === '' ? null : providerCosts(state.provider, rows);
  return {
    window: b.window,
    models: b.fits.median.models,
    providers: b.providers.length,
    kindRows,
    curve,
    kinds: b.byKind.map((k) => ({ kind: k.kind, providers: k.providers, models: k.models, exponent: k.active?.exponent ?? null, rSquared: k.active?.rSquared ?? null, errorFactor: k.active?.errorFactor ?? null })),
    extrapolations: b.extrapolations.map((e) => ({ label: e.label, fits: e.fits.filter((f) => f.against === 'activeParams') })),
    provider: provider === null ? null : {
      name: provider.provider.name, kind: provider.provider.kind, accelerator: provider.accelerator, hardwareSource: provider.hardwareSource,
      models: provider.models.map((m) => ({ model: m.model, blended: m.price.blendedUsdPerMillion, cost: m.costUsdPerMillion, margin: m.margin, verdict: m.verdict })),
    },
  };
}

export type MarketBreadthViewModel = ReturnType<typeof computeMarketBreadth>;
