import { defineCommand } from 'citty';
import { describeCostBasis } from '../../core/money/describeCostBasis.js';
import { assumptionRows } from '../../core/scenario/assumptions.js';
import { COST_SPLITS, parseCostSplit } from '../../core/economics/costSplit.js';
import { DEFAULT_KV_HOLDING } from '../../core/economics/kvTiers.js';
import { isProfitable } from '../../core/economics/tokenEconomics.js';
import { DEFAULT_SCENARIO, parseScenarioText, resolveScenario, runEach, runOption, type OptionResult } from '../../core/scenario/index.js';
import type { FrontierPoint } from '../../core/perf/frontier.js';
import { cachedInputCostParts, type CachedInputCostParts, type TokenAttribution } from '../../core/economics/tokenAttribution.js';
import { rejectUnknownFlags, requireString } from '../args.js';
import { assumptionTables, table } from '../format.js';
import { count, fixed, percent, usd, USD_STYLES } from '../../format/numbers.js';
import { readInputFile, type CliIo } from '../io.js';
import { describeLayout } from '../../core/perf/describeLayout.js';
import { resolveModel } from '../resolve.js';
import { profileArg, readProfile } from '../profileArg.js';
import { findWorkloadPreset, withWorkloadPreset, WORKLOAD_PRESET_IDS } from '../../core/scenario/workloadPresets.js';
import { sensitivity, type SensitivityRow } from '../../core/scenario/sensitivity.js';

const args = {
  scenario: { type: 'positional', required: false, description: 'a scenario file (YAML or JSON); default: the built-in scenario', valueHint: 'file' },
  json: { type: 'boolean', description: 'print the result as JSON (USD, seconds, fractions)' },
  'workload-preset': { type: 'string', description: `serve every option this sourced workload and latency target: ${WORKLOAD_PRESET_IDS.join(', ')} (default: the scenario's own)`, valueHint: 'preset' },
  'cost-split': { type: 'string', description: `who pays for which GPU-second, for every option: ${COST_SPLITS.join(' or ')} (default: the scenario's costSplit, else phase)`, valueHint: COST_SPLITS.join('|') },
  ...profileArg,
} as const;

/** A margin that may be undefined: no revenue (zero prices) or no cost. */
const pctOr = (x: number | null, none: string) => (x === null ? none : percent(x));

type Reported = OptionResult & { readonly sensitivity: readonly SensitivityRow[] };

const ONE_POINT = 'Each option is one point: one GPU count, one latency target, one request size. The sensitivity rows move one of them at a time (layout and batch searched again) to show how far the verdict holds.';

/** The `report` command: the verdict of a scenario's options, with every figure and assumption. */
export function reportCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'report', description: 'The headline report: cost per million tokens, revenue, margin and break-even for each served option' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const file = typeof a.scenario === 'string' && a.scenario !== '' ? a.scenario : null;
      let scenario = DEFAULT_SCENARIO;
      if (file !== null) {
        scenario = parseScenarioText(readInputFile(io, 'scenario', file, 'a readable YAML or JSON scenario file'), file);
      }
      const preset = a['workload-preset'] === undefined ? null : findWorkloadPreset(requireString('--workload-preset', a['workload-preset'], WORKLOAD_PRESET_IDS.join(', ')), '--workload-preset');
      if (preset !== null) scenario = withWorkloadPreset(scenario, preset);
      const profile = readProfile(io, a.profile);
      const options = resolveScenario(scenario, file ?? 'built-in default scenario', {
        resolveModel: (ref) => resolveModel('model', ref, io),
        ...(profile !== undefined && { profile }),
      });
      const costSplit = a['cost-split'] === undefined ? undefined : parseCostSplit('--cost-split', String(a['cost-split']));
      const started = io.now?.() ?? 0;
      const results = runEach(options, file ?? 'built-in default scenario', (o, i) => {
        // Progress on a terminal once the run has taken a second (a large scenario, a big cluster).
        if (io.progress !== undefined && (io.now?.() ?? 0) - started > 1000) io.progress(`report: option ${i + 1} of ${options.length}: ${o.label}`);
        const r = runOption(costSplit === undefined ? o : { ...o, costSplit }, profile);
        return { ...r, sensitivity: sensitivity(r, profile) };
      });
      const title = `${scenario.title ?? file ?? 'scenario'}${preset === null ? '' : ` (workload preset ${preset.id}: ${preset.trace})`}`;
      io.out.write(a.json ? `${JSON.stringify({ scenario: title, file, workloadPreset: preset?.id ?? null, onePoint: ONE_POINT, options: results.map(toJson) }, null, 2)}\n` : render(title, results));
    },
  });
}

function pointJson(p: FrontierPoint) {
  return {
    tokensPerSecondPerUser: p.tokensPerSecondPerUser, tpotSeconds: p.tpotSeconds, ttftSeconds: p.ttftSeconds,
    sequencesPerInstance: p.sequencesPerInstance, outputTokensPerSecondPerGpu: p.outputTokensPerSecondPerGpu,
    inputTokensPerSecondPerGpu: p.inputTokensPerSecondPerGpu, decodeBound: p.decodeBound, layout: p.layout, layoutText: describeLayout(p),
  };
}

/** How the option's GPU count was decided, for the JSON. */
function deploymentJson(r: OptionResult) {
  const o = r.option;
  return {
    gpus: o.gpus, decidedBy: o.deployment === undefined ? 'scenario' : 'search',
    layout: r.operatingPoint === null ? null : describeLayout(r.operatingPoint.point),
    candidates: o.deployment?.candidates ?? null,
  };
}

function toJson(r: Reported) {
  const o = r.option;
  const base = { label: o.label, model: o.model.id, gpu: o.gpu.id, gpus: o.gpus, fits: r.fits, smallestFit: r.smallestFit, deployment: deploymentJson(r), sensitivity: r.sensitivity };
  const assumptions = { options: o.assumptions, costBasis: describeCostBasis(o.costBasis), rows: assumptionRows(o) };
  const e = r.economics;
  const choice = r.operatingPoint;
  if (e === null || choice === null) return { ...base, assumptions };
  return {
    ...base,
    meetsLatencyTarget: choice.meetsTarget,
    latencyNote: choice.meetsTarget ? null : choice.reason,
    operatingPoint: pointJson(choice.point),
    costSplit: r.attribution?.costSplit ?? null,
    gpuSecondsPerToken: r.gpuSecondsPerToken,
    prefillGpuTimeShare: r.attribution?.prefillGpuTimeShare ?? null,
    cachedInputKvGpuSeconds: r.attribution?.cachedKv ?? null,
    cachedInputCostUsdPerMillionByPart: r.attribution === null ? null : cachedInputCostParts(r.attribution, e.costUsdPerGpuHour, o.utilization),
    prices: o.prices,
    utilization: o.utilization,
    costUsdPerGpuHour: e.costUsdPerGpuHour,
    gpuHourCost: e.gpuHour,
    costUsdPerMillionInputTokens: e.costUsdPerMillionInputTokens,
    costUsdPerMillionCachedInputTokens: e.costUsdPerMillionCachedInputTokens,
    costUsdPerMillionOutputTokens: e.costUsdPerMillionOutputTokens,
    costUsdPerRequest: e.costUsdPerRequest,
    revenueUsdPerRequest: e.revenueUsdPerRequest,
    revenueUsdPerGpuHourAtFullLoad: e.revenueUsdPerGpuHourAtFullLoad,
    revenueUsdPerGpuHour: e.revenueUsdPerGpuHour,
    profitUsdPerGpuHour: e.profitUsdPerGpuHour,
    marginFraction: e.marginFraction,
    costProfitMargin: e.costProfitMargin,
    breakEvenUtilization: e.breakEvenUtilization,
    breakEvenPrices: e.breakEvenPrices,
    onDemand: onDemandBeside(o.costBasis, e),
    assumptions,
  };
}

/**
 * The same option on demand, beside a contract rate: a rented GPU-hour costs its price busy or idle,
 * so every cost scales by on-demand / contract and revenue stays; null when there is no such price.
 */
function onDemandBeside(basis: OptionResult['option']['costBasis'], e: NonNullable<OptionResult['economics']>) {
  if (basis.kind !== 'rented' || basis.onDemandUsdPerGpuHour === undefined || !(basis.priceUsdPerGpuHour > 0)) return null;
  const k = basis.onDemandUsdPerGpuHour / basis.priceUsdPerGpuHour;
  return {
    usdPerGpuHour: basis.onDemandUsdPerGpuHour,
    costUsdPerMillionInputTokens: e.costUsdPerMillionInputTokens * k,
    costUsdPerMillionOutputTokens: e.costUsdPerMillionOutputTokens * k,
    marginFraction: e.marginFraction === null ? null : 1 - (1 - e.marginFraction) * k,
  };
}

function costParts(h: { capitalUsdPerGpuHour: number; powerUsdPerGpuHour: number; spaceUsdPerGpuHour: number; operationsUsdPerGpuHour: number; rentUsdPerGpuHour: number }): string {
  const parts: [string, number][] = [['rent', h.rentUsdPerGpuHour], ['capital', h.capitalUsdPerGpuHour], ['power', h.powerUsdPerGpuHour], ['space', h.spaceUsdPerGpuHour], ['operations', h.operationsUsdPerGpuHour]];
  return parts.filter(([, x]) => x > 0).map(([n, x]) => `${n} ${usd(x)}`).join(', ');
}

function onDemandRow(od: ReturnType<typeof onDemandBeside>): string[][] {
  if (od === null) return [];
  return [['on demand instead', `${usd(od.usdPerGpuHour)} per GPU-hour: output ${usd(od.costUsdPerMillionOutputTokens)}, input ${usd(od.costUsdPerMillionInputTokens)} per million, margin ${pctOr(od.marginFraction, 'no revenue')}`]];
}

function splitText(a: TokenAttribution): string {
  const how = a.costSplit === 'phase'
    ? 'by phase: each token kind bears its own phase\'s GPU-time (mixed steps split by standalone cost); cached input adds keeping and moving its KV'
    : 'marginal: a prompt bears only the time it adds to decode steps; output carries the whole step';
  return `${how}; prompts take ${percent(a.prefillGpuTimeShare)} of the GPU-time`;
}

function cachedText(a: TokenAttribution, c: CachedInputCostParts): string {
  const f = (x: number) => usd(x, USD_STYLES.costPart);
  if (a.cachedKv === null) return `per million: ${f(c.attention)}, the prefill it adds (difference of two runs); keeping its KV not counted`;
  const h = DEFAULT_KV_HOLDING;
  const held = `${h.residenceSecondsPerRead.hbm} s in HBM, ${h.residenceSecondsPerRead.hostDram} s in DRAM, ${h.residenceSecondsPerRead.ssd} s on SSD`;
  const reads = `${percent(h.readShares.hbm)}/${percent(h.readShares.hostDram)}/${percent(h.readShares.ssd)}`;
  return `per million: attention ${f(c.attention)}, KV kept in HBM ${f(c.hbmHolding)}, host DRAM ${f(c.hostDramHolding)}, SSD ${f(c.ssdHolding)}, moved back to HBM ${f(c.moving)} ` +
    `(assumed per read: KV held ${held}; reads served ${reads} from HBM/DRAM/SSD)`;
}

const gpusText = (r: OptionResult) => `${r.option.gpus}${r.option.deployment === undefined ? '' : ' (chosen)'}`;

/** The rows of a sensitivity table whose verdict differs from the option's own, in a few words. */
function flips(rows: readonly SensitivityRow[]): string[] {
  const base = rows[0]?.profitable ?? null;
  return rows.slice(1).filter((x) => x.profitable !== null && x.profitable !== base)
    .map((x) => `${x.case} (${x.profitable === true ? 'PROFIT' : 'LOSS'}${x.marginFraction === null ? '' : ` ${percent(x.marginFraction)}`})`);
}

function sensitivityTable(rows: readonly SensitivityRow[]): string {
  return table(rows.map((x) => [
    `  ${x.case}`, x.change, x.profitable === null ? '' : x.profitable ? 'PROFIT' : 'LOSS', x.marginFraction === null ? '' : percent(x.marginFraction),
    x.costUsdPerMillionOutputTokens === null ? '' : usd(x.costUsdPerMillionOutputTokens), x.layout ?? '', x.note ?? (x.meetsLatencyTarget === false ? 'target missed' : ''),
  ]), ['  sensitivity', 'change', 'verdict', 'margin', 'cost $/M out', 'layout', 'note']);
}

function deploymentText(r: OptionResult, layout: string): string {
  const o = r.option;
  const d = o.deployment;
  if (d === undefined) return `${o.gpus} ${o.gpu.id} (pinned by the scenario), ${layout}`;
  const tried = d.candidates.map((c) => `${c.gpus}: ${c.costUsdPerRequest === null ? 'does not fit' : `${usd(c.costUsdPerRequest * 1000)}/1k req${c.meetsLatencyTarget === false ? ' (target missed)' : ''}`}`).join(', ');
  return `${o.gpus} ${o.gpu.id} (chosen: least cost per request meeting the target; tried ${tried}), ${layout}`;
}

function render(title: string, results: readonly Reported[]): string {
  const out: string[] = [`${title}`, ''];
  const summary = results.map((r) => {
    const e = r.economics;
    if (e === null) return [r.option.label, gpusText(r), 'does not fit', '', '', '', ''];
    return [r.option.label, gpusText(r), isProfitable(e) ? 'PROFIT' : 'LOSS', pctOr(e.marginFraction, 'no revenue'), e.breakEvenUtilization === null ? 'never' : percent(e.breakEvenUtilization), usd(e.costUsdPerMillionOutputTokens), usd(e.costUsdPerMillionInputTokens)];
  });
  out.push(table(summary, ['option', 'GPUs', 'verdict', 'margin', 'break-even util.', 'cost $/M out', 'cost $/M in']));
  out.push(ONE_POINT);
  for (const r of results) {
    const f = flips(r.sensitivity);
    out.push(`  ${r.option.label}: ${f.length === 0 ? 'the verdict holds in every row' : `the verdict flips at ${f.join(', ')}`}`);
  }
  out.push('');
  for (const r of results) {
    const o = r.option;
    out.push(`== ${o.label}`);
    const e = r.economics;
    const choice = r.operatingPoint;
    if (e === null || choice === null) {
      out.push(`does not fit: ${o.model.id} needs ${r.smallestFit === null ? 'more' : r.smallestFit.gpus} ${o.gpu.id}; nothing computed.`, '');
      continue;
    }
    const p = choice.point;
    const be = e.breakEvenPrices;
    out.push(table([
      ['verdict', `${isProfitable(e) ? 'PROFITABLE' : 'LOSES MONEY'} at ${percent(o.utilization)} utilization: ` +
        `${e.marginFraction === null ? 'no revenue at these prices' : `margin ${percent(e.marginFraction)} of revenue`}, cost-profit margin ${pctOr(e.costProfitMargin, 'n/a (no cost)')}; ` +
        `${e.breakEvenUtilization === null ? 'never breaks even at these prices (no utilization up to 100% does)' : `breaks even at ${percent(e.breakEvenUtilization)} utilization`}`],
      ['deployment', deploymentText(r, describeLayout(p))],
      ['operating point', `${fixed(p.tokensPerSecondPerUser, 1)} tokens/s per user, TTFT ${fixed(p.ttftSeconds, 2)} s, ${count(p.sequencesPerInstance)} requests per instance, ${describeLayout(p)} (${p.layout.mode}), decode bound by ${p.decodeBound}` +
        (choice.meetsTarget ? '' : `; TARGET NOT MET: ${choice.reason}`)],
      ['cost of a GPU-hour', `${usd(e.costUsdPerGpuHour)} (${o.costBasis.kind}: ${costParts(e.gpuHour)})`],
      ...onDemandRow(onDemandBeside(o.costBasis, e)),
      ['cost per million', `input ${usd(e.costUsdPerMillionInputTokens)}, cached input ${usd(e.costUsdPerMillionCachedInputTokens)}, output ${usd(e.costUsdPerMillionOutputTokens)} (at ${percent(o.utilization)} utilization)`],
      ['cost split', r.attribution === null ? '' : splitText(r.attribution)],
      ['cached input', r.attribution === null ? '' : cachedText(r.attribution, cachedInputCostParts(r.attribution, e.costUsdPerGpuHour, o.utilization))],
      ['prices per million', `input ${usd(o.prices.inputUsdPerMillion)}, cached input ${usd(o.prices.cachedInputUsdPerMillion)}, output ${usd(o.prices.outputUsdPerMillion)}`],
      ['revenue per GPU-hour', `${usd(e.revenueUsdPerGpuHourAtFullLoad)} fully busy, ${usd(e.revenueUsdPerGpuHour)} at ${percent(o.utilization)}; profit ${usd(e.profitUsdPerGpuHour)} per GPU-hour`],
      ['break-even prices', (be.scale === null || be.prices === null ? 'no multiple of zero prices pays; or ' : `all prices × ${fixed(be.scale, 2)} (input ${usd(be.prices.inputUsdPerMillion)}, output ${usd(be.prices.outputUsdPerMillion)}), or `) +
        (be.outputUsdPerMillionHoldingInput <= 0 ? 'any output price: input revenue alone covers the cost' : `output ${usd(be.outputUsdPerMillionHoldingInput)} with input prices held`)],
    ]));
    out.push(sensitivityTable(r.sensitivity));
    out.push('assumptions:');
    out.push(assumptionTables(assumptionRows(o)));
  }
  return out.join('\n') + '\n';
}
