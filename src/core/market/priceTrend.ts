import { OPEN_WEIGHT_MODELS } from '../catalog/openWeightModels.js';
import type { ApiPrice, GpuRentalPrice } from '../catalog/prices.js';
import { blendedUsdPerMillion } from './marketPrice.js';
import { fitLine, tQuantile95 } from './regression.js';
import { BILLION, MILLISECONDS_PER_SECOND, SECONDS_PER_JULIAN_YEAR } from '../units.js';

/** The day a trend starts counting years from. */
const EPOCH_DAY = '2025-01-01';
/** A half-year with fewer price rows is too thin to index. */
const MIN_PERIOD_ROWS = 5;
const MS_PER_YEAR = SECONDS_PER_JULIAN_YEAR * MILLISECONDS_PER_SECOND;
/** Notes of imported rows whose date is the snapshot's, not a day the price was checked. */
const UNDATED = /no prices_checked|undated/;

const yearsSinceEpoch = (date: string) => (Date.parse(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`) - Date.parse(`${EPOCH_DAY}T00:00:00Z`)) / MS_PER_YEAR;
const halfYear = (date: string) => `${date.slice(0, 4)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}`;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Ordinary least squares of y on [1, x1, x2]: coefficients and the standard error of each. */
function twoRegressors(x1: readonly number[], x2: readonly number[], y: readonly number[]) {
  const n = y.length;
  const m = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
  const v = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const row = [1, x1[i] as number, x2[i] as number];
    for (let r = 0; r < 3; r++) {
      v[r] = (v[r] as number) + (row[r] as number) * (y[i] as number);
      for (let c = 0; c < 3; c++) (m[r] as number[])[c] = ((m[r] as number[])[c] as number) + (row[r] as number) * (row[c] as number);
    }
  }
  const inv = invert3(m);
  if (inv === null) return null;
  const beta = inv.map((r) => r.reduce((s, x, c) => s + x * (v[c] as number), 0));
  let sse = 0;
  for (let i = 0; i < n; i++) sse += ((y[i] as number) - ((beta[0] as number) + (beta[1] as number) * (x1[i] as number) + (beta[2] as number) * (x2[i] as number))) ** 2;
  const s2 = sse / (n - 3);
  return { beta, se: inv.map((r, i) => Math.sqrt(s2 * (r[i] as number))), n };
}

function invert3(m: readonly (readonly number[])[]): number[][] | null {
  const [a, b, c] = m[0] as number[];
  const [d, e, f] = m[1] as number[];
  const [g, h, k] = m[2] as number[];
  const [A, B, C] = [e! * k! - f! * h!, -(d! * k! - f! * g!), d! * h! - e! * g!];
  const det = a! * A + b! * B + c! * C;
  if (!(Math.abs(det) > 1e-12)) return null;
  return [
    [A / det, -(b! * k! - c! * h!) / det, (b! * f! - c! * e!) / det],
    [B / det, (a! * k! - c! * g!) / det, -(a! * f! - c! * d!) / det],
    [C / det, -(a! * h! - b! * g!) / det, (a! * e! - b! * d!) / det],
  ];
}

export interface PriceTrend {
  readonly rows: number;
  readonly models: number;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  /** log price = a + b · log(active params) + c · years: c as a change a year (−0.3 = 30% cheaper each year), with its 95% interval; null with too few dated rows. */
  readonly fit: { readonly sizeExponent: number; readonly changePerYear: number; readonly changePerYearInterval: readonly [number, number]; readonly usdPerMillionAt70BActiveOnEpoch: number; readonly epoch: string } | null;
  /** Half-years: rows, the median price relative to the size curve, the cheapest offer per model relative to it, and the median H100 rental. */
  readonly periods: readonly {
    readonly period: string;
    readonly rows: number;
    readonly medianPriceOverSizeCurve: number;
    readonly cheapestPriceOverSizeCurve: number;
    readonly h100MedianUsdPerGpuHour: number | null;
    readonly h100Offers: number;
    /** Fewer than 5 rows: shown, left out of the comparison with GPU rental. */
    readonly thin: boolean;
  }[];
  /** Slope of log(cheapest over size curve) on log(H100 median rental) across periods with both; null below 3 periods. */
  readonly cheapestVsGpuRental: { readonly elasticity: number; readonly periods: number } | null;
  readonly notes: readonly string[];
}

/**
 * How prices moved over time: every dated price of a sized open-weight model (aggregator
 * listings and rows dated only by their snapshot left out, each provider's history kept), fitted
 * as log price against log active parameters and years since 2025-01-01, so the year term is
 * the change at a fixed size; by half-year, the median and the cheapest price relative to the
 * size curve beside the median H100 rental price (on-demand, spot, reserved and marketplace
 * offers), and how the cheapest moves with it.
 */
export function priceTrend(rows: readonly ApiPrice[], gpuRental: readonly GpuRentalPrice[]): PriceTrend {
  const size = new Map(OPEN_WEIGHT_MODELS.map((m) => [m.id, m.activeParams]));
  const seen = new Set<string>();
  const dated = rows.filter((r) => {
    const key = `${r.model}|${r.provider}|${r.date}`;
    if (r.role === 'aggregator' || !size.has(r.model) || UNDATED.test(r.note ?? '') || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const logSize = dated.map((r) => Math.log((size.get(r.model) as number) / BILLION));
  const logPrice = dated.map((r) => Math.log(blendedUsdPerMillion(r)));
  const years = dated.map((r) => yearsSinceEpoch(r.date));
  const dates = dated.map((r) => r.date).sort();
  const notes: string[] = [];
  const two = dated.length >= 10 ? twoRegressors(logSize, years, logPrice) : null;
  let fit: PriceTrend['fit'] = null;
  if (two !== null) {
    const [a, b, c] = two.beta as [number, number, number];
    const t = tQuantile95(two.n - 3);
    const se = two.se[2] as number;
    fit = { sizeExponent: b, changePerYear: Math.expm1(c), changePerYearInterval: [Math.expm1(c - t * se), Math.expm1(c + t * se)], usdPerMillionAt70BActiveOnEpoch: Math.exp(a + b * Math.log(70)), epoch: EPOCH_DAY };
  } else notes.push(`too few dated rows for a trend (${dated.length})`);
  const sizeOnly = dated.length >= 3 ? fitLine(logSize, logPrice) : null;
  const residual = (i: number) => (logPrice[i] as number) - (sizeOnly === null ? 0 : sizeOnly.intercept + sizeOnly.slope * (logSize[i] as number));
  const byPeriod = new Map<string, number[]>();
  dated.forEach((r, i) => byPeriod.set(halfYear(r.date), [...(byPeriod.get(halfYear(r.date)) ?? []), i]));
  const h100 = gpuRental.filter((g) => g.gpu === 'h100-sxm' && g.terms !== 'assumption');
  const periods = [...byPeriod].sort(([a], [b]) => a.localeCompare(b)).map(([period, idx]) => {
    const cheapestByModel = new Map<string, number>();
    for (const i of idx) {
      const m = (dated[i] as ApiPrice).model;
      cheapestByModel.set(m, Math.min(cheapestByModel.get(m) ?? Infinity, residual(i)));
    }
    const offers = h100.filter((g) => halfYear(g.date) === period).map((g) => g.usdPerGpuHour);
    return {
      period, rows: idx.length,
      medianPriceOverSizeCurve: Math.exp(median(idx.map(residual))),
      cheapestPriceOverSizeCurve: Math.exp(median([...cheapestByModel.values()])),
      h100MedianUsdPerGpuHour: offers.length === 0 ? null : median(offers),
      h100Offers: offers.length,
      thin: idx.length < MIN_PERIOD_ROWS,
    };
  });
  const paired = periods.filter((p) => p.h100MedianUsdPerGpuHour !== null && !p.thin);
  let cheapestVsGpuRental: PriceTrend['cheapestVsGpuRental'] = null;
  if (paired.length >= 3 && new Set(paired.map((p) => p.h100MedianUsdPerGpuHour)).size >= 2) {
    const line = fitLine(paired.map((p) => Math.log(p.h100MedianUsdPerGpuHour as number)), paired.map((p) => Math.log(p.cheapestPriceOverSizeCurve)));
    cheapestVsGpuRental = { elasticity: line.slope, periods: paired.length };
  } else notes.push(`the cheapest offer against H100 rental needs 3 half-years with both (and ${MIN_PERIOD_ROWS}+ price rows); ${paired.length} have both`);
  notes.push('the year term compares the models sold at each date, not one model over time: newer models at a size may simply be priced differently');
  return { rows: dated.length, models: new Set(dated.map((r) => r.model)).size, firstDate: dates[0] ?? null, lastDate: dates[dates.length - 1] ?? null, fit, periods, cheapestVsGpuRental, notes };
}
