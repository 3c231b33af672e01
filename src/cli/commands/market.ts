import { defineCommand } from 'citty';
import { MODELS } from '../../core/catalog/models.js';
import { PRICE_SNAPSHOTS } from '../../core/catalog/allPriceSnapshots.js';
import { latestSnapshot } from '../../core/catalog/prices.js';
import { InputError } from '../../core/errors.js';
import { DEFAULT_SIZE_RANGE, marketAnalysis, type MarketAnalysis } from '../../core/market/marketAnalysis.js';
import { marketBreadth } from '../../core/market/marketBreadth.js';
import { priceTrend } from '../../core/market/priceTrend.js';
import { providerCosts } from '../../core/market/providerCosts.js';
import { DEFAULT_SRAM_ASSUMPTIONS } from '../../core/sram/sramServing.js';
import { DEFAULT_REFERENCE } from '../../core/market/physicalCost.js';
import { decimal, parseNumber, rejectUnknownFlags } from '../args.js';
import { table } from '../format.js';
import { breadthJson, renderBreadth, renderTrend } from '../marketBreadthOutput.js';
import { providerJson, renderProvider } from '../marketProviderOutput.js';
import type { CliIo } from '../io.js';
import { resolveGpu } from '../resolve.js';
import { readSnapshotFile } from './prices.js';
import { fixed, params, percent, ratio, usd as formatUsd, USD_STYLES } from '../../format/numbers.js';

const args = {
  'total-params': { type: 'string', description: 'hypothesised total parameters of a frontier model, low,high (default 1e12,5e12)', valueHint: 'lo,hi' },
  'active-params': { type: 'string', description: 'hypothesised active parameters, low,high (default 30e9,150e9)', valueHint: 'lo,hi' },
  gpu: { type: 'string', description: `accelerator of the reference setup (default ${DEFAULT_REFERENCE.gpu})`, valueHint: 'id' },
  utilization: { type: 'string', description: `busy share of paid GPU-hours in the reference setup (default ${DEFAULT_REFERENCE.utilization})`, valueHint: 'x' },
  'min-tokens-per-second-per-user': { type: 'string', description: 'latency target of the reference setup (default 30)', valueHint: 'n' },
  prices: { type: 'string', description: 'a snapshot file from `prices import` or `prices pull`, its rows beside the shipped ones (each provider\'s latest row counts)', valueHint: 'file' },
  provider: { type: 'string', description: 'instead of the market: each price of this provider (e.g. groq, cerebras, sambanova, together) against the modelled cost on the hardware it is known to use', valueHint: 'id' },
  from: { type: 'string', description: 'whole market and --provider: leave out price rows dated before this day (default: none; genai-prices rows without prices_checked carry their snapshot\'s day)', valueHint: 'YYYY-MM-DD' },
  to: { type: 'string', description: 'whole market and --provider: leave out price rows dated after this day (default: none)', valueHint: 'YYYY-MM-DD' },
  json: { type: 'boolean', description: 'print the result as JSON' },
} as const;

/**
 * The sizes a hypothetical model may have: what `syntheticMoe` (DeepSeek-V3's design scaled) can
 * build, 2 to 200 billion active parameters, and up to 100 trillion in total.
 */
const SIZE_BOUNDS = { '--total-params': { min: 2e9, max: 1e14, example: '1e12,5e12' }, '--active-params': { min: 2e9, max: 2e11, example: '30e9,150e9' } } as const;

function parseRange(flag: keyof typeof SIZE_BOUNDS, raw: unknown, fallback: readonly [number, number]): readonly [number, number] {
  if (raw === undefined) return fallback;
  const { min, max, example } = SIZE_BOUNDS[flag];
  const parts = String(raw).split(',').map(decimal);
  const [lo, hi] = parts;
  if (parts.length !== 2 || lo === undefined || hi === undefined || !(lo >= min) || !(hi >= lo) || !(hi <= max)) {
    throw new InputError(flag, String(raw), `two numbers low,high from ${min.toExponential(0)} to ${max.toExponential(0)} parameters with low <= high, e.g. ${example}`);
  }
  return [lo, hi];
}

/** A calendar day YYYY-MM-DD that exists (2026-02-30 does not). */
function parseDay(flag: string, raw: string): string {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : Number.NaN;
  const ok = Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === raw;
  if (!ok) throw new InputError(flag, raw, 'a date YYYY-MM-DD');
  return raw;
}

const usd = (x: number) => formatUsd(x, USD_STYLES.market);
const range = (r: readonly [number, number], f: (x: number) => string) => `${f(r[0])}–${f(r[1])}`;

/** The `market` command: what open-weight prices imply for the cost of serving, and frontier labs' markups. */
export function marketCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'market', description: 'Market prices: open-weight prices against the physical cost, the fitted price curve, frontier labs\' implied markups' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const sizeRange = { totalParams: parseRange('--total-params', a['total-params'], DEFAULT_SIZE_RANGE.totalParams), activeParams: parseRange('--active-params', a['active-params'], DEFAULT_SIZE_RANGE.activeParams) };
      if (sizeRange.activeParams[1] > sizeRange.totalParams[0]) {
        throw new InputError('--active-params', String(a['active-params'] ?? sizeRange.activeParams.join(',')), `a range whose high end is at most the low end of --total-params (${sizeRange.totalParams[0].toExponential(2)})`);
      }
      const reference = {
        ...DEFAULT_REFERENCE,
        ...(a.gpu !== undefined && { gpu: resolveGpu('--gpu', String(a.gpu)).id }),
        ...(a.utilization !== undefined && { utilization: parseNumber('--utilization', a.utilization, 0.01, 1) }),
        ...(a['min-tokens-per-second-per-user'] !== undefined && { latencyTarget: { ...DEFAULT_REFERENCE.latencyTarget, minTokensPerSecondPerUser: parseNumber('--min-tokens-per-second-per-user', a['min-tokens-per-second-per-user'], 0.1, 10_000) } }),
      };
      const from = a.from === undefined ? undefined : parseDay('--from', String(a.from));
      const to = a.to === undefined ? undefined : parseDay('--to', String(a.to));
      if (from !== undefined && to !== undefined && from > to) throw new InputError('--from', from, `a day on or before --to (${to})`);
      if (a.provider !== undefined) {
        const day = (d: string) => (d.length === 7 ? `${d}-01` : d);
        const inWindow = (r: { date: string }) => (from === undefined || day(r.date) >= from) && (to === undefined || day(r.date) <= to);
        const allRows = [...PRICE_SNAPSHOTS.flatMap((x) => x.api), ...(a.prices === undefined ? [] : readSnapshotFile(String(a.prices), io).flatMap((x) => x.api))].filter(inWindow);
        const r = providerCosts(String(a.provider), allRows, { reference, sram: { ...DEFAULT_SRAM_ASSUMPTIONS, utilization: reference.utilization } });
        io.out.write(a.json ? `${JSON.stringify(providerJson(r), null, 2)}\n` : renderProvider(r));
        return;
      }
      const shipped = latestSnapshot();
      const imported = a.prices === undefined ? [] : readSnapshotFile(String(a.prices), io);
      const rows = [...shipped.api, ...imported.flatMap((s) => s.api)];
      const snapshotIds = [shipped.id, ...imported.map((s) => s.id)].join(' + ');
      io.progress?.('market: running the physical model of every priced model...');
      const result = marketAnalysis(MODELS, rows, { reference, sizeRange });
      const allRows = [...PRICE_SNAPSHOTS.flatMap((x) => x.api), ...imported.flatMap((x) => x.api)];
      const breadth = marketBreadth(allRows, { sizeRange, ...(from !== undefined && { from }), ...(to !== undefined && { to }) });
      const allIds = [...PRICE_SNAPSHOTS.map((x) => x.id), ...imported.map((x) => x.id)].join(' + ');
      const trend = priceTrend(allRows, [...PRICE_SNAPSHOTS.flatMap((x) => x.gpuRental), ...imported.flatMap((x) => x.gpuRental)]);
      io.out.write(a.json
        ? `${JSON.stringify({ snapshot: { ids: snapshotIds, date: shipped.date }, ...stripFits(result), breadth: { snapshots: allIds, ...breadthJson(breadth) }, trend }, null, 2)}\n`
        : `${render(result, snapshotIds)}\n${renderBreadth(breadth)}\n${renderTrend(trend)}`);
    },
  });
}

/** The fits without their internal line statistics duplicated. */
function stripFits(r: MarketAnalysis) {
  const fit = (f: MarketAnalysis['fits']['median']['total']) => ({
    against: f.against, price: f.price, usdPerMillionAtOneBillion: f.usdPerMillionAtOneBillion, exponent: f.exponent,
    rSquared: f.rSquared, errorFactor: f.errorFactor, n: f.n,
  });
  const both = (c: MarketAnalysis['fits']['median']) => ({ total: fit(c.total), active: fit(c.active), better: c.better.against });
  return { ...r, fits: { median: both(r.fits.median), cheapest3: both(r.fits.cheapest3) } };
}

function render(r: MarketAnalysis, snapshotId: string): string {
  const ref = r.reference;
  const f = r.fits.median;
  const lines = [
    `Market prices (snapshot ${snapshotId}), all blended 3:1 input:output, against the physical model on ${ref.gpu} rented at the default contract rate (as report),`,
    `${ref.framework}, ${percent(ref.utilization, 0)} utilization, at least ${ref.latencyTarget.minTokensPerSecondPerUser} tokens/s per user, ${ref.workload.inputTokens}:${ref.workload.outputTokens} tokens a request;`,
    `each model at the weight precision providers serve it (the catalog's servedWeightPrecision) on the GPU count, up to ${ref.maxGpus}, with the least cost per token that meets the target.`,
    '',
    table(r.openWeight.map((p) => [
      p.model, params(p.totalParams), params(p.activeParams), String(p.providerCount), usd(p.medianBlendedUsdPerMillion), usd(p.cheapest3BlendedUsdPerMillion),
      p.physical === null ? 'does not fit' : `${usd(p.physical.blendedCostUsdPerMillion)} (${p.physical.gpus} GPUs, ${p.physical.weightPrecision}${p.physical.meetsTarget ? '' : ', target missed'})`,
      p.priceOverCost === null ? '' : ratio(p.priceOverCost),
    ]), ['model', 'total', 'active', 'providers', 'median $/M', 'cheapest-3 $/M', 'physical cost $/M', 'price/cost']),
    `Fitted curve, median price = a · params^b: against active parameters b = ${fixed(f.active.exponent, 2)}, R² ${fixed(f.active.rSquared, 2)}, typical error ×${fixed(f.active.errorFactor, 2)};` +
      ` against total b = ${fixed(f.total.exponent, 2)}, R² ${fixed(f.total.rSquared, 2)}, ×${fixed(f.total.errorFactor, 2)}: ${f.better.against === 'activeParams' ? 'active' : 'total'} parameters explain prices better (${f.active.n} models).`,
    '',
    table(r.referenceSizes.map((s) => [s.label, `${usd(s.marketUsdPerMillion)} (95% band ${range(s.marketConfidence, usd)})`, s.physicalUsdPerMillion === null ? 'does not fit' : `${usd(s.physicalUsdPerMillion)} on ${s.physicalGpus} GPUs`]),
      ['size', 'market-implied cost $/M', 'physical cost $/M']),
    `Frontier models if they were ${range(r.sizeRange.totalParams, params)} total and ${range(r.sizeRange.activeParams, params)} active parameters:`,
    table(r.frontier.map((x) => [
      x.model, `${usd(x.listInputUsdPerMillion)}/${usd(x.listOutputUsdPerMillion)}`, usd(x.listBlendedUsdPerMillion),
      range(x.marketCostUsdPerMillion, usd), x.physicalCostUsdPerMillion === null ? '-' : range(x.physicalCostUsdPerMillion, usd),
      range(x.impliedMarkup.market, (m) => ratio(m, 1)), x.impliedMarkup.physical === null ? '-' : range(x.impliedMarkup.physical, (m) => ratio(m, 1)),
      x.grossMargin.physical === null ? '-' : range(x.grossMargin.physical, (m) => percent(m, 0)),
    ]), ['model', 'list in/out', 'list blended', 'cost (market)', 'cost (physics)', 'markup (market)', 'markup (physics)', 'gross margin (physics)']),
  ];
  return lines.join('\n') + '\n';
}
