import type { ApiPrice } from '../catalog/prices.js';
import type { CatalogModel } from '../catalog/models.js';
import { syntheticMoe, type ModelSize } from '../model/syntheticMoe.js';
import { compareFits, marketPoints, priceAt, type MarketPoint, type PowerLawFit } from './costCurve.js';
import { blendedUsdPerMillion, marketApiPrice } from './marketPrice.js';
import { DEFAULT_REFERENCE, physicalCost, type PhysicalCost, type ReferenceSetup } from './physicalCost.js';

/** Frontier models whose list prices are compared (price-catalog ids). */
export const FRONTIER_MODELS = ['claude-opus-4.5', 'claude-sonnet-4.5', 'claude-haiku-4.5', 'gpt-5', 'gemini-2.5-pro', 'gemini-3-pro', 'grok-4'] as const;

/** A hypothesised size range: the corners are costed and the range spans them. */
export interface SizeRange {
  readonly totalParams: readonly [number, number];
  readonly activeParams: readonly [number, number];
}

export const DEFAULT_SIZE_RANGE: SizeRange = { totalParams: [1e12, 5e12], activeParams: [30e9, 150e9] };

/** Sizes the closing question names: a Kimi-K2-class MoE and a 2T/100B one. */
export const REFERENCE_SIZES: readonly (ModelSize & { readonly label: string })[] = [
  { label: '1T total / 32B active', totalParams: 1e12, activeParams: 32e9 },
  { label: '2T total / 100B active', totalParams: 2e12, activeParams: 100e9 },
];

type Range = readonly [number, number];
const span = (xs: readonly number[]): Range => [Math.min(...xs), Math.max(...xs)];

/** The cost of a size by both methods: the market curve (fit and 95% confidence band) and the physical model. */
function costOfSize(size: ModelSize, fit: PowerLawFit, ref: ReferenceSetup) {
  const x = fit.against === 'activeParams' ? size.activeParams : size.totalParams;
  const market = priceAt(fit, x);
  const model = syntheticMoe(size);
  const physical = physicalCost(model, ref);
  return { market, physical, model: model.id };
}

export interface MarketAnalysis {
  readonly reference: ReferenceSetup;
  readonly openWeight: readonly (MarketPoint & { readonly physical: PhysicalCost | null; readonly priceOverCost: number | null })[];
  readonly fits: { readonly median: ReturnType<typeof compareFits>; readonly cheapest3: ReturnType<typeof compareFits> };
  readonly referenceSizes: readonly {
    readonly label: string;
    readonly totalParams: number;
    readonly activeParams: number;
    readonly marketUsdPerMillion: number;
    readonly marketConfidence: Range;
    readonly physicalUsdPerMillion: number | null;
    readonly physicalGpus: number | null;
  }[];
  readonly sizeRange: SizeRange;
  readonly frontier: readonly {
    readonly model: string;
    readonly provider: string;
    readonly listInputUsdPerMillion: number;
    readonly listOutputUsdPerMillion: number;
    readonly listBlendedUsdPerMillion: number;
    /** Blended cost of a model in the size range, by the market curve (band included) and by the physical model. */
    readonly marketCostUsdPerMillion: Range;
    readonly physicalCostUsdPerMillion: Range | null;
    /** List price over cost. */
    readonly impliedMarkup: { readonly market: Range; readonly physical: Range | null };
    /** 1 − cost / list price. */
    readonly grossMargin: { readonly market: Range; readonly physical: Range | null };
  }[];
}

/**
 * What today's prices say: each open-weight model's robust price beside what the physical model
 * says it costs on the reference setup; price fitted against total and active parameters; the
 * cost that curve and the physics give for hypothesised frontier sizes; and the markup and gross
 * margin those imply for frontier labs' list prices. All prices blended 3:1 input:output.
 */
export function marketAnalysis(models: readonly CatalogModel[], rows: readonly ApiPrice[], options: { reference?: ReferenceSetup; sizeRange?: SizeRange } = {}): MarketAnalysis {
  const ref = options.reference ?? DEFAULT_REFERENCE;
  const range = options.sizeRange ?? DEFAULT_SIZE_RANGE;
  const points = marketPoints(models, rows);
  const openWeight = points.map((p) => {
    const model = models.find((m) => m.id === p.model);
    const physical = model === undefined ? null : physicalCost(model, ref);
    return { ...p, physical, priceOverCost: physical === null ? null : p.medianBlendedUsdPerMillion / physical.blendedCostUsdPerMillion };
  });
  const fits = { median: compareFits(points, 'median'), cheapest3: compareFits(points, 'cheapest3') };
  const fit = fits.median.better;
  const referenceSizes = REFERENCE_SIZES.map((s) => {
    const c = costOfSize(s, fit, ref);
    return {
      label: s.label, totalParams: s.totalParams, activeParams: s.activeParams,
      marketUsdPerMillion: c.market.usdPerMillion, marketConfidence: c.market.confidence,
      physicalUsdPerMillion: c.physical?.blendedCostUsdPerMillion ?? null, physicalGpus: c.physical?.gpus ?? null,
    };
  });
  const corners: ModelSize[] = [];
  for (const totalParams of range.totalParams) for (const activeParams of range.activeParams) corners.push({ totalParams, activeParams });
  const costs = corners.map((s) => costOfSize(s, fit, ref));
  const marketCost = span(costs.flatMap((c) => [c.market.confidence[0], c.market.confidence[1]]));
  const physicalCosts = costs.map((c) => c.physical?.blendedCostUsdPerMillion).filter((x): x is number => x !== undefined);
  const physicalCost_ = physicalCosts.length === costs.length ? span(physicalCosts) : null;
  const frontier = FRONTIER_MODELS.filter((id) => rows.some((r) => r.model === id)).map((id) => {
    const list = marketApiPrice(id, rows);
    const row = list.rows.find((r) => r.role === 'first-party') ?? list.rows[0];
    const input = row?.inputUsdPerMillion ?? list.inputUsdPerMillion.median;
    const output = row?.outputUsdPerMillion ?? list.outputUsdPerMillion.median;
    const blended = blendedUsdPerMillion({ inputUsdPerMillion: input, outputUsdPerMillion: output });
    const markup = (c: Range): Range => [blended / c[1], blended / c[0]];
    const margin = (c: Range): Range => [1 - c[1] / blended, 1 - c[0] / blended];
    return {
      model: id, provider: row?.provider ?? 'median of providers',
      listInputUsdPerMillion: input, listOutputUsdPerMillion: output, listBlendedUsdPerMillion: blended,
      marketCostUsdPerMillion: marketCost,
      physicalCostUsdPerMillion: physicalCost_,
      impliedMarkup: { market: markup(marketCost), physical: physicalCost_ === null ? null : markup(physicalCost_) },
      grossMargin: { market: margin(marketCost), physical: physicalCost_ === null ? null : margin(physicalCost_) },
    };
  });
  return { reference: ref, openWeight, fits, referenceSizes, sizeRange: range, frontier };
}
