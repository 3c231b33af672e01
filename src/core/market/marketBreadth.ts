import { OPEN_WEIGHT_MODELS, type OpenWeightModel } from '../catalog/openWeightModels.js';
import type { ApiPrice } from '../catalog/prices.js';
import { PROVIDER_KINDS, providerOf, rowProviderKind, type ProviderKind } from '../catalog/providers.js';
import { InputError } from '../errors.js';
import { FRONTIER_MODELS } from './marketAnalysis.js';
import { blendedUsdPerMillion } from './marketPrice.js';
import { robustLine, robustLineAt, type RobustLineFit } from './robustFit.js';
import { BILLION } from '../units.js';

/** Sizes the question names: a Kimi-K2-class MoE, a 2T/100B one and a 5T/150B one. */
export const EXTRAPOLATION_SIZES = [
  { label: '1T total / 32B active', totalParams: 1e12, activeParams: 32e9 },
  { label: '2T total / 100B active', totalParams: 2e12, activeParams: 100e9 },
  { label: '5T total / 150B active', totalParams: 5e12, activeParams: 150e9 },
] as const;

/** A row's date as a sortable day (a month-only date is its first day). */
const rowDay = (date: string) => (date.length === 7 ? `${date}-01` : date);
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** One open-weight model as the whole market prices it. */
export interface BreadthPoint {
  readonly model: string;
  readonly name: string;
  readonly lab: string;
  readonly family: OpenWeightModel['family'];
  readonly totalParams: number;
  readonly activeParams: number;
  readonly released: string;
  /** Providers other than aggregators, each at its latest row in the window. */
  readonly providerCount: number;
  /** Every provider's latest row in the window, aggregators' listings included, cheapest first. */
  readonly providers: readonly { readonly provider: string; readonly kind: ProviderKind; readonly blendedUsdPerMillion: number; readonly date: string }[];
  readonly medianBlendedUsdPerMillion: number;
  /** The cheapest provider's blended price. */
  readonly cheapestBlendedUsdPerMillion: number;
  /** Median blended price over the providers of each kind that sell it (aggregators included here). */
  readonly byKind: Partial<Record<ProviderKind, { readonly providerCount: number; readonly medianBlendedUsdPerMillion: number }>>;
  /** Prior weight in the fits: min(providers, 4) / 4, so a one-provider model counts a quarter. */
  readonly weight: number;
}

/** A power law price = a · params^b fitted robustly in log-log space. */
export interface BreadthFit {
  readonly against: 'totalParams' | 'activeParams';
  readonly usdPerMillionAtOneBillion: number;
  readonly exponent: number;
  readonly rSquared: number;
  /** e^scale: the typical factor one model's price strays from the line. */
  readonly errorFactor: number;
  readonly n: number;
  /** Models more than 2.5 scales off the line (kept, down-weighted). */
  readonly outliers: readonly string[];
  readonly line: RobustLineFit;
}

export interface BreadthOptions {
  /** Frontier total and active parameters to price: the corners of [low, high] × [low, high]. Default 1-5T total, 30-150B active. */
  readonly sizeRange?: { readonly totalParams: readonly [number, number]; readonly activeParams: readonly [number, number] };
  /** YYYY-MM-DD: rows dated before it are left out. Default: no lower bound. */
  readonly from?: string;
  /** YYYY-MM-DD: rows dated after it are left out. Default: no upper bound. */
  readonly to?: string;
  readonly models?: readonly OpenWeightModel[];
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Each (model, provider)'s latest row in the window. */
function latestRows(rows: readonly ApiPrice[], from?: string, to?: string): ApiPrice[] {
  const latest = new Map<string, ApiPrice>();
  for (const r of rows) {
    const d = rowDay(r.date);
    if ((from !== undefined && d < from) || (to !== undefined && d > to)) continue;
    const key = `${r.model}\u0000${r.provider.toLowerCase()}\u0000${r.role}`;
    const held = latest.get(key);
    if (held === undefined || d >= rowDay(held.date)) latest.set(key, r);
  }
  return [...latest.values()];
}

/**
 * Every open-weight model of the size catalog with at least one price in the window: its
 * providers' blended prices (3:1 input:output), median and cheapest, and the median per kind of
 * provider. Rows of models outside the size catalog (proprietary ones) are not points.
 */
export function breadthPoints(rows: readonly ApiPrice[], options: BreadthOptions = {}): BreadthPoint[] {
  const { from, to, models = OPEN_WEIGHT_MODELS } = options;
  for (const [flag, d] of [['from', from], ['to', to]] as const) if (d !== undefined && !DAY.test(d)) throw new InputError(flag, d, 'a date YYYY-MM-DD');
  if (from !== undefined && to !== undefined && from > to) throw new InputError('from', from, `a date on or before to (${to})`);
  const byId = new Map(models.map((m) => [m.id, m]));
  const grouped = new Map<string, ApiPrice[]>();
  for (const r of latestRows(rows, from, to)) {
    if (!byId.has(r.model)) continue;
    grouped.set(r.model, [...(grouped.get(r.model) ?? []), r]);
  }
  const points: BreadthPoint[] = [];
  for (const [id, modelRows] of grouped) {
    const m = byId.get(id) as OpenWeightModel;
    const all = modelRows.map((r) => ({ provider: providerOf(r.provider)?.name ?? r.provider, kind: rowProviderKind(r), blendedUsdPerMillion: blendedUsdPerMillion(r), date: r.date }));
    all.sort((a, b) => a.blendedUsdPerMillion - b.blendedUsdPerMillion || a.provider.localeCompare(b.provider));
    const sellers = all.filter((p) => p.kind !== 'aggregator');
    if (sellers.length === 0) continue;
    const byKind: Partial<Record<ProviderKind, { providerCount: number; medianBlendedUsdPerMillion: number }>> = {};
    for (const kind of PROVIDER_KINDS) {
      const of = all.filter((p) => p.kind === kind).map((p) => p.blendedUsdPerMillion);
      if (of.length > 0) byKind[kind] = { providerCount: of.length, medianBlendedUsdPerMillion: median(of) };
    }
    points.push({
      model: m.id, name: m.name, lab: m.lab, family: m.family, totalParams: m.totalParams, activeParams: m.activeParams, released: m.released,
      providerCount: sellers.length, providers: all,
      medianBlendedUsdPerMillion: median(sellers.map((p) => p.blendedUsdPerMillion)),
      cheapestBlendedUsdPerMillion: sellers[0]?.blendedUsdPerMillion ?? Number.NaN,
      byKind, weight: Math.min(sellers.length, 4) / 4,
    });
  }
  return points.sort((a, b) => a.activeParams - b.activeParams || a.model.localeCompare(b.model));
}

/** Robust fit of log price on log parameters; null with fewer than `minPoints` points or one size only. */
export function breadthFit(points: readonly { model: string; totalParams: number; activeParams: number; price: number; weight: number }[], against: BreadthFit['against'], minPoints = 5): BreadthFit | null {
  if (points.length < minPoints || new Set(points.map((p) => p[against])).size < 2) return null;
  const line = robustLine(points.map((p) => Math.log(p[against] / BILLION)), points.map((p) => Math.log(p.price)), points.map((p) => p.weight));
  return {
    against, usdPerMillionAtOneBillion: Math.exp(line.intercept), exponent: line.slope, rSquared: line.rSquared, errorFactor: Math.exp(line.scale), n: line.n,
    outliers: line.outliers.map((i) => points[i]?.model ?? ''), line,
  };
}

/** The blended price a fit gives for a size, with its 95% prediction band (where a new model's price would fall). */
export function breadthPriceAt(fit: BreadthFit, size: { totalParams: number; activeParams: number }) {
  const at = robustLineAt(fit.line, Math.log(size[fit.against] / BILLION));
  return { usdPerMillion: Math.exp(at.y), prediction: [Math.exp(at.prediction[0]), Math.exp(at.prediction[1])] as const };
}

type PriceOf = (p: BreadthPoint) => { price: number; weight: number } | null;

function fitPair(points: readonly BreadthPoint[], priceOf: PriceOf, minPoints = 5) {
  const series = points.flatMap((p) => {
    const v = priceOf(p);
    return v === null ? [] : [{ model: p.model, totalParams: p.totalParams, activeParams: p.activeParams, ...v }];
  });
  const total = breadthFit(series, 'totalParams', minPoints);
  const active = breadthFit(series, 'activeParams', minPoints);
  const better = total === null || (active !== null && active.rSquared >= total.rSquared) ? active : total;
  return { models: series.length, total, active, better };
}

export interface MarketBreadth {
  readonly window: { readonly from: string | null; readonly to: string | null };
  readonly points: readonly BreadthPoint[];
  readonly providers: readonly { readonly provider: string; readonly kind: ProviderKind; readonly models: number }[];
  readonly fits: {
    /** Median price over a model's providers, weighted by provider count. */
    readonly median: ReturnType<typeof fitPair>;
    /** The cheapest provider's price: what competition has pushed the price down to. */
    readonly cheapest: ReturnType<typeof fitPair>;
    /** Sensitivity: the median fit over models with at least two providers only. */
    readonly medianTwoOrMoreProviders: ReturnType<typeof fitPair>;
  };
  /** Per kind of provider: each model's median over that kind's providers, fitted apart. */
  readonly byKind: readonly ({ readonly kind: ProviderKind; readonly providers: number } & ReturnType<typeof fitPair>)[];
  /**
   * Frontier list prices against the whole market's median price for a model of the stated size
   * range (every corner of total × active, through the better-fitting median fit, 95% prediction
   * band): the implied markup over what open-weight providers charge at that size.
   */
  readonly sizeRange: { readonly totalParams: readonly [number, number]; readonly activeParams: readonly [number, number] };
  readonly frontier: readonly {
    readonly model: string;
    readonly provider: string;
    readonly listBlendedUsdPerMillion: number;
    readonly marketUsdPerMillion: readonly [number, number];
    readonly impliedMarkup: readonly [number, number];
  }[];
  readonly extrapolations: readonly {
    readonly label: string;
    readonly totalParams: number;
    readonly activeParams: number;
    /** Per fit (median, cheapest, each kind) and per size measure: price and 95% prediction band, USD per million blended tokens. */
    readonly fits: readonly { readonly fit: string; readonly against: BreadthFit['against']; readonly usdPerMillion: number; readonly prediction: readonly [number, number] }[];
  }[];
}

/**
 * The price-size relation over the whole market: every sized open-weight model with a price in
 * the window, fitted robustly (Huber, one-provider models weighted a quarter) against total and
 * against active parameters, on the median and on the cheapest provider, per kind of provider,
 * and extrapolated to 1T/32B, 2T/100B and 5T/150B with 95% prediction bands. Blended 3:1.
 */
export function marketBreadth(rows: readonly ApiPrice[], options: BreadthOptions = {}): MarketBreadth {
  const points = breadthPoints(rows, options);
  const median = fitPair(points, (p) => ({ price: p.medianBlendedUsdPerMillion, weight: p.weight }));
  const cheapest = fitPair(points, (p) => ({ price: p.cheapestBlendedUsdPerMillion, weight: p.weight }));
  const medianTwoOrMoreProviders = fitPair(points, (p) => (p.providerCount >= 2 ? { price: p.medianBlendedUsdPerMillion, weight: p.weight } : null));
  const providerModels = new Map<string, { kind: ProviderKind; models: number }>();
  for (const p of points) for (const s of p.providers.filter((x) => x.kind !== 'aggregator')) providerModels.set(s.provider, { kind: s.kind, models: (providerModels.get(s.provider)?.models ?? 0) + 1 });
  const byKind = PROVIDER_KINDS.map((kind) => {
    const providers = new Set(points.flatMap((p) => p.providers.filter((s) => s.kind === kind).map((s) => s.provider))).size;
    const pair = fitPair(points, (p) => {
      const k = p.byKind[kind];
      return k === undefined ? null : { price: k.medianBlendedUsdPerMillion, weight: Math.min(k.providerCount, 4) / 4 };
    });
    return { kind, providers, ...pair };
  });
  const named = [
    ['median', median], ['cheapest', cheapest], ...byKind.map((k) => [`kind ${k.kind}`, k] as const),
  ] as const;
  const extrapolations = EXTRAPOLATION_SIZES.map((size) => ({
    label: size.label, totalParams: size.totalParams, activeParams: size.activeParams,
    fits: named.flatMap(([fit, pair]) => [pair.total, pair.active].flatMap((f) => {
      if (f === null) return [];
      const at = breadthPriceAt(f, size);
      return [{ fit, against: f.against, usdPerMillion: at.usdPerMillion, prediction: [at.prediction[0], at.prediction[1]] as [number, number] }];
    })),
  }));
  const range = options.sizeRange ?? { totalParams: [1e12, 5e12] as const, activeParams: [30e9, 150e9] as const };
  const better = median.better;
  const corners = range.totalParams.flatMap((totalParams) => range.activeParams.map((activeParams) => ({ totalParams, activeParams })));
  const band = better === null ? null : corners.map((c) => breadthPriceAt(better, c).prediction);
  const marketUsdPerMillion: [number, number] | null = band === null ? null : [Math.min(...band.map((b) => b[0])), Math.max(...band.map((b) => b[1]))];
  const frontier = marketUsdPerMillion === null ? [] : FRONTIER_MODELS.flatMap((id) => {
    const list = latestRows(rows, options.from, options.to).filter((r) => r.model === id && r.role === 'first-party').sort((a, b) => rowDay(b.date).localeCompare(rowDay(a.date)))[0];
    if (list === undefined) return [];
    const blended = blendedUsdPerMillion(list);
    return [{ model: id, provider: list.provider, listBlendedUsdPerMillion: blended, marketUsdPerMillion, impliedMarkup: [blended / marketUsdPerMillion[1], blended / marketUsdPerMillion[0]] as [number, number] }];
  });
  return {
    window: { from: options.from ?? null, to: options.to ?? null },
    sizeRange: range,
    frontier,
    points,
    providers: [...providerModels].map(([provider, v]) => ({ provider, ...v })).sort((a, b) => b.models - a.models || a.provider.localeCompare(b.provider)),
    fits: { median, cheapest, medianTwoOrMoreProviders },
    byKind,
    extrapolations,
  };
}
