import { defineCommand } from 'citty';
import { InputError, oneOf } from '../../core/errors.js';
import { describeCostBasis } from '../../core/money/describeCostBasis.js';
import { assumptionRows } from '../../core/scenario/assumptions.js';
import {
  DEFAULT_UNCERTAINTY, describeDistribution, INPUT_SPECS, median, OUTPUT_NAMES, OUTPUT_SPECS, parseUncertaintyText, quantile,
  runUncertainty, support, UNCERTAIN_INPUT_NAMES, type BreakEven, type OutputName, type UncertainInputName, type UncertaintyReport,
} from '../../core/uncertainty/index.js';
import { decimal, optionalInteger, parseInteger, rejectUnknownFlags } from '../args.js';
import { assumptionTables, table } from '../format.js';
import { count, fixed, paramsPrecise, percent, usd } from '../../format/numbers.js';
import { readInputFile, type CliIo } from '../io.js';
import { resolveModel } from '../resolve.js';

const args = {
  scenario: { type: 'positional', required: false, description: 'an uncertainty file (YAML or JSON): {base: <scenario option>, uncertain: [{name, distribution}], samples?, seed?}; default: a frontier MoE of 1-5T at Claude Sonnet 4.5 prices', valueHint: 'file' },
  samples: { type: 'string', description: "Monte Carlo samples (default: the file's, else 100,000)", valueHint: 'n' },
  seed: { type: 'string', description: "seed of the random streams, a whole number >= 0 (default: the file's, else 1)", valueHint: 'n' },
  output: { type: 'string', description: `the output the tornado ranks inputs by: ${OUTPUT_NAMES.join(', ')} (default margin)`, valueHint: 'name' },
  solve: { type: 'string', description: `solve the break-even (margin 0) of this one input only: ${UNCERTAIN_INPUT_NAMES.join(', ')} (default: every uncertain input)`, valueHint: 'input' },
  range: { type: 'string', description: "with --solve: the range to search, low,high in the input's unit (default: its distribution's range)", valueHint: 'low,high' },
  'grid-points': { type: 'string', description: "surrogate grid points per physics input, 2 to 9 (default: the file's, else 5 for up to two inputs)", valueHint: 'n' },
  json: { type: 'boolean', description: 'print the result as JSON (USD, fractions, parameters, tokens)' },
} as const;

const pct = (x: number) => percent(x, Math.abs(x) >= 1 ? 0 : 1);

/** A value of an input in its unit: parameters in B/T, prices in dollars, shares in percent. */
function inputText(name: UncertainInputName, x: number): string {
  const unit = INPUT_SPECS[name].unit;
  if (unit === 'parameters') return paramsPrecise(x);
  if (unit.startsWith('USD')) return usd(x);
  if (unit === 'fraction') return pct(x);
  return count(x);
}

const outputText = (name: OutputName, x: number) => (OUTPUT_SPECS[name].unit === 'fraction' ? pct(x) : usd(x));

function parseRange(raw: unknown): { low: number; high: number } | undefined {
  if (raw === undefined) return undefined;
  const parts = String(raw).split(',').map(decimal);
  const [low, high] = parts;
  if (typeof raw !== 'string' || parts.length !== 2 || low === undefined || high === undefined || !Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
    throw new InputError('--range', String(raw), 'two numbers low,high with low < high');
  }
  return { low, high };
}

/** The `uncertainty` command: a seeded Monte Carlo of a scenario with uncertain inputs, its tornado and break-evens. */
export function uncertaintyCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'uncertainty', description: 'Monte Carlo over uncertain inputs: percentiles of margin and cost, P(margin > 0), a tornado of inputs and the break-even of each' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const file = typeof a.scenario === 'string' && a.scenario !== '' ? a.scenario : null;
      const samples = optionalInteger('--samples', a.samples);
      if (samples !== undefined && samples > 10_000_000) throw new InputError('--samples', String(samples), 'a whole number from 1 to 10,000,000');
      const seed = a.seed === undefined ? undefined : parseInteger('--seed', a.seed, 0);
      const output = a.output === undefined ? 'margin' : oneOf('--output', String(a.output), OUTPUT_NAMES);
      const solveInput = a.solve === undefined ? undefined : oneOf('--solve', String(a.solve), UNCERTAIN_INPUT_NAMES);
      const range = parseRange(a.range);
      if (range !== undefined && solveInput === undefined) throw new InputError('--range', String(a.range), 'a range given with --solve', 'invalid --range: it needs --solve <input>');
      const gridPoints = optionalInteger('--grid-points', a['grid-points'], 2, 9);

      const scenario = file === null ? DEFAULT_UNCERTAINTY : parseUncertaintyText(readInputFile(io, 'scenario', file, 'a readable YAML or JSON uncertainty file'), file);
      io.progress?.('running the physics on the surrogate grid...');
      const report = runUncertainty(scenario, file ?? 'built-in default uncertainty scenario', { resolveModel: (ref) => resolveModel('model', ref, io) }, {
        output,
        ...(samples !== undefined && { samples }),
        ...(seed !== undefined && { seed }),
        ...(gridPoints !== undefined && { pointsPerDimension: gridPoints }),
        ...(solveInput !== undefined && { solve: { input: solveInput, ...(range !== undefined && { range }) } }),
      });
      io.progress?.(null);
      const title = scenario.title ?? file ?? 'uncertainty scenario';
      io.out.write(a.json ? `${JSON.stringify(toJson(title, file, report), null, 2)}\n` : render(title, report));
    },
  });
}

function toJson(title: string, file: string | null, r: UncertaintyReport) {
  const o = r.model.option;
  const mc = r.monteCarlo;
  const s = r.model.surrogate;
  return {
    scenario: title,
    file,
    samples: mc.samples,
    seed: mc.seed,
    base: {
      label: o.label, model: s.synthetic ? 'syntheticMoe of the sampled size' : o.model.id, gpu: o.gpu.id, gpus: o.gpus,
      gpusChosenPerPoint: o.deployment !== undefined, gpusAtGridNodes: gpusRange(r), framework: o.framework,
      workload: o.workload, latencyTarget: o.latencyTarget, prices: o.prices, pricesSource: o.pricesDescription, utilization: o.utilization,
      values: r.model.baseValues,
    },
    inputs: r.model.inputs.map((x) => ({
      name: x.name, unit: INPUT_SPECS[x.name].unit, distribution: x.distribution, description: describeDistribution(x.distribution), source: x.source ?? null,
      p10: quantile(x.distribution, 0.1), median: median(x.distribution), p90: quantile(x.distribution, 0.9), ...support(x.distribution),
    })),
    outputs: Object.fromEntries(OUTPUT_NAMES.map((n) => [OUTPUT_SPECS[n].field, { output: n, unit: OUTPUT_SPECS[n].unit, ...mc.outputs[n] }])),
    probabilityMarginPositive: mc.probabilityMarginPositive,
    probabilityStandardError: mc.probabilityStandardError,
    tornado: { ...r.tornado, field: OUTPUT_SPECS[r.tornado.output].field },
    breakEven: r.breakEvens,
    surrogate: {
      interpolation: 'multilinear in log GPU-seconds per token against log size and token counts and the linear hit rate',
      synthetic: s.synthetic,
      dimensions: s.dimensions,
      physicsRuns: s.nodes.length,
      // The --json names of GPU-seconds per token, kept as they were before PerTokenKind.
      nodes: s.nodes.map((n) => ({ ...n, seconds: { perFreshInputToken: n.seconds.freshInput, perCachedInputToken: n.seconds.cachedInput, perOutputToken: n.seconds.output } })),
      check: r.surrogateCheck,
    },
    warnings: r.model.warnings,
    assumptions: { options: o.assumptions, costBasis: describeCostBasis(o.costBasis), rows: assumptionRows(o) },
  };
}

function breakEvenRow(b: BreakEven): string[] {
  const range = `${inputText(b.input, b.low)} to ${inputText(b.input, b.high)}${b.rangeFrom === 'given' ? ' (given)' : ''}`;
  const ends = `${pct(b.marginAtLow)} / ${pct(b.marginAtHigh)}`;
  if (b.value === null) return [b.input, range, ends, `none: margin ${b.marginAtLow > 0 && b.marginAtHigh > 0 ? 'stays positive' : b.marginAtLow <= 0 && b.marginAtHigh <= 0 ? 'stays negative' : 'jumps across zero'} in the range`];
  return [b.input, range, ends, `${inputText(b.input, b.value)}${b.crossings > 1 ? ` (the lowest of ${b.crossings})` : ''}`];
}

/** The fewest and most GPUs the grid nodes were served on (one count when the base pins it). */
function gpusRange(r: UncertaintyReport): { readonly min: number; readonly max: number } {
  const counts = r.model.surrogate.nodes.map((n) => n.gpus);
  return { min: Math.min(...counts), max: Math.max(...counts) };
}

function servingGpus(r: UncertaintyReport): string {
  const o = r.model.option;
  if (o.deployment === undefined) return `${o.gpus} × ${o.gpu.id} (pinned by the file: the same count at every sampled size)`;
  const g = gpusRange(r);
  return `${o.gpu.id}, the GPU count chosen again at each grid point (least cost per token meeting the target; base ${o.gpus}, grid nodes ${g.min === g.max ? g.min : `${g.min}-${g.max}`})`;
}

function render(title: string, r: UncertaintyReport): string {
  const o = r.model.option;
  const mc = r.monteCarlo;
  const s = r.model.surrogate;
  const t = r.tornado;
  const w = o.workload;
  const out: string[] = [title, ''];
  out.push(table([
    ['base', o.label],
    ['model', s.synthetic ? `syntheticMoe of each sampled size (DeepSeek-V3's design scaled); a size not sampled is ${o.model.id}'s` : o.model.id],
    ['serving', `${servingGpus(r)}, ${o.framework}, layout ${o.layout === 'best' ? 'best' : JSON.stringify(o.layout)}; ${count(w.inputTokens)} + ${count(w.outputTokens)} tokens a request, ${pct(w.prefixCacheHitRate)} of the prompt cached; ` +
      `at least ${o.latencyTarget.minTokensPerSecondPerUser ?? 'any'} tokens/s per user, TTFT ${o.latencyTarget.maxTtftSeconds === null ? 'unbounded' : `within ${o.latencyTarget.maxTtftSeconds} s`}`],
    ['prices', `input ${usd(o.prices.inputUsdPerMillion)}, cached input ${usd(o.prices.cachedInputUsdPerMillion)}, output ${usd(o.prices.outputUsdPerMillion)} per million (${o.pricesDescription})`],
    ['cost basis', o.costBasis.kind === 'rented' ? `rented at ${usd(o.costBasis.priceUsdPerGpuHour)} per GPU-hour at ${pct(o.utilization)} utilization` : `${o.costBasis.kind}, at ${pct(o.utilization)} utilization`],
  ]));
  out.push('uncertain inputs (assumptions; the others as the base):');
  out.push(table(r.model.inputs.map((x) => [x.name, describeDistribution(x.distribution), inputText(x.name, quantile(x.distribution, 0.1)), inputText(x.name, median(x.distribution)), inputText(x.name, quantile(x.distribution, 0.9)), x.source ?? '']),
    ['input', 'distribution', 'p10', 'median', 'p90', 'source']));
  out.push(`${count(mc.samples)} samples, seed ${mc.seed}:`);
  out.push(table(OUTPUT_NAMES.map((n) => {
    const q = mc.outputs[n];
    return [OUTPUT_SPECS[n].label, ...[q.p5, q.p25, q.p50, q.p75, q.p95, q.mean].map((x) => outputText(n, x))];
  }), ['output', 'p5', 'p25', 'p50', 'p75', 'p95', 'mean']));
  out.push(`P(margin > 0) = ${percent(mc.probabilityMarginPositive, 1)} (standard error ${fixed(mc.probabilityStandardError * 100, 2)} points)`, '');
  out.push(`tornado: ${OUTPUT_SPECS[t.output].label} as each input moves from its p10 to its p90, the others at their medians (${outputText(t.output, t.outputAtMedians)} with all at their medians):`);
  out.push(table(t.rows.map((x) => [x.name, `${inputText(x.name, x.lowValue)} to ${inputText(x.name, x.highValue)}`, outputText(t.output, x.outputAtLow), outputText(t.output, x.outputAtHigh), outputText(t.output, x.swing)]),
    ['input', 'p10 to p90', 'at p10', 'at p90', 'swing']));
  out.push('break-even: the value of each input at which margin is 0, the others at their medians:');
  out.push(table(r.breakEvens.map(breakEvenRow), ['input', 'range searched', 'margin at ends', 'break-even']));
  const dims = s.dimensions.map((d) => `${d.nodes.length} ${d.name}`).join(' × ');
  const check = r.surrogateCheck;
  out.push(s.dimensions.length === 0
    ? 'physics: one direct run (no physics input varies); money inputs go through tokenEconomics per sample'
    : `surrogate: GPU-seconds per token interpolated log-linearly over a grid of ${dims} (${s.nodes.length} physics runs); money inputs go through tokenEconomics per sample` +
      (check === null ? '' : `; at ${check.points.length} cell centres it is off a direct run by ${pct(check.medianAbsoluteRelativeError)} (median), ${pct(check.maxAbsoluteRelativeError)} at most (the physics steps with batch size and layout)`));
  for (const warning of r.model.warnings) out.push(`warning: ${warning}`);
  out.push('', 'assumptions of the base option:');
  out.push(assumptionTables(assumptionRows(o)));
  return out.join('\n') + '\n';
}
