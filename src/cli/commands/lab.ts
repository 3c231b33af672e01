import { defineCommand } from 'citty';
import { InputError } from '../../core/errors.js';
import { LAB_DEFAULTS, REFERENCE_MARGINS } from '../../core/lab/defaults.js';
import { OPENAI_2024 as Y } from '../../core/reproduce/openai2024.js';
import { labCost, type CostAtRates, type LabCostInput, type LabCostResult, type PerMillion } from '../../core/lab/labCost.js';
import { count, labInputFor, type LabAssumption, type LabOverrides } from '../../core/lab/labInput.js';
import { defaultFrontierOption, runOption, type ResolvedOption } from '../../core/scenario/index.js';
import { flagNumber, rejectUnknownFlags } from '../args.js';
import { fraction, inRange, numberIn, type NumberSchema } from '../../core/numberSchemas.js';
import { table } from '../format.js';
import type { CliIo } from '../io.js';
import { fixed, percent, ratio, usd } from '../../format/numbers.js';

const D = LAB_DEFAULTS;
const args = {
  'training-flop': { type: 'string', description: `FLOP of the final training run, priced at the achieved FLOP/s of the serving GPU and its list price per GPU-hour (default: no FLOP count; the run costs ${D.trainingToServingCompute.value}× the lifetime serving compute, OpenAI 2024's split per Epoch AI)`, valueHint: 'x' },
  'training-usd': { type: 'string', description: 'cost of the final training run at list cloud rates, USD (instead of --training-flop)', valueHint: 'x' },
  'research-multiple': { type: 'string', description: `research and experiment compute as a multiple of the final run (default ${D.researchMultiple.value})`, valueHint: 'x' },
  'staff-usd-per-year': { type: 'string', description: `staff cost attributable to the model, USD a year (default ${D.staffUsdPerYear.value.toExponential()})`, valueHint: 'x' },
  'other-operating-usd-per-year': { type: 'string', description: `other operating cost (data, offices, sales, G&A), USD a year (default ${D.otherOperatingUsdPerYear.value.toExponential()})`, valueHint: 'x' },
  'lifetime-months': { type: 'string', description: `months the model serves traffic (default ${D.lifetimeMonths.value})`, valueHint: 'n' },
  'output-tokens-per-month': { type: 'string', description: `output tokens served a month (default ${D.outputTokensPerMonth.value.toExponential()})`, valueHint: 'x' },
  'input-tokens-per-month': { type: 'string', description: `prompt tokens served a month, split fresh/cached by the scenario's prefix-cache hit rate (default ${D.inputTokensPerMonth.value.toExponential()})`, valueHint: 'x' },
  'api-share': { type: 'string', description: `share of output-equivalent tokens sold through the API; the rest to subscribers (default ${D.apiShare.value})`, valueHint: 'x' },
  'subscription-usd-per-month': { type: 'string', description: `price of a subscription seat a month, USD (default ${D.subscriptionUsdPerSeatMonth.value}, Claude Pro)`, valueHint: 'x' },
  'subscription-tokens-per-month': { type: 'string', description: `mean output-equivalent tokens a seat uses a month (default ${D.subscriptionOutputEquivalentTokensPerSeatMonth.value.toExponential()})`, valueHint: 'x' },
  discount: { type: 'string', description: `discount off cloud list rates for serving, training and research compute (default ${D.discountFraction.value})`, valueHint: 'x' },
  json: { type: 'boolean', description: 'print the inputs, the result and every assumption as JSON (USD, tokens, fractions)' },
} as const;
type Flag = Exclude<keyof typeof args, 'json'>;

/** The `lab` command: a lab's full cost per token beside marginal and serving cost, at list and discounted rates. */
export function labCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'lab', description: "A lab's full cost per token: marginal (power), serving (hardware) and full (plus training, research, staff), at list and discounted compute rates, against API and subscription revenue" },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const flags = parseFlags(a);
      const option = defaultFrontierOption();
      io.progress?.('lab: running the physical model of the frontier option...');
      const { input, assumptions } = labInputFor(runOption(option), toOverrides(flags), (name) => `given (--${FLAG_OF[name]})`);
      const result = labCost(input);
      io.out.write(a.json
        ? `${JSON.stringify({ option: option.label, model: option.model.id, gpu: option.gpu.id, gpus: option.gpus, input, result, assumptions, referenceMargins: REFERENCE_MARGINS }, null, 2)}\n`
        : render(option, input, result, assumptions));
    },
  });
}

type Flags = Partial<Record<Flag, number>>;

const FLAG_OF: Record<keyof LabOverrides, Flag> = {
  trainingFlop: 'training-flop', trainingUsd: 'training-usd', researchMultiple: 'research-multiple', staffUsdPerYear: 'staff-usd-per-year',
  otherOperatingUsdPerYear: 'other-operating-usd-per-year', lifetimeMonths: 'lifetime-months', outputTokensPerMonth: 'output-tokens-per-month',
  inputTokensPerMonth: 'input-tokens-per-month', apiShare: 'api-share', subscriptionUsdPerMonth: 'subscription-usd-per-month',
  subscriptionTokensPerMonth: 'subscription-tokens-per-month', discount: 'discount',
};

function toOverrides(f: Flags): LabOverrides {
  const out: Partial<Record<keyof LabOverrides, number>> = {};
  for (const [name, flag] of Object.entries(FLAG_OF) as [keyof LabOverrides, Flag][]) {
    const x = f[flag];
    if (x !== undefined) out[name] = x;
  }
  return out;
}

// Each flag's range keeps every figure finite: wide enough for any lab, narrow enough not to overflow.
const RULES: Record<Flag, { readonly schema: NumberSchema; readonly note?: string }> = {
  'training-flop': { schema: numberIn(0, 1e30, '>'), note: 'FLOP, e.g. 2e25' },
  'training-usd': { schema: numberIn(0, 1e13), note: 'USD, e.g. 1e8' },
  'research-multiple': { schema: numberIn(0, 100) },
  'staff-usd-per-year': { schema: numberIn(0, 1e12), note: 'USD a year' },
  'other-operating-usd-per-year': { schema: numberIn(0, 1e12), note: 'USD a year' },
  'lifetime-months': { schema: inRange('lifetimeMonths', '>'), note: 'months' },
  'output-tokens-per-month': { schema: inRange('tokensPerMonth'), note: 'tokens, e.g. 1e13' },
  'input-tokens-per-month': { schema: inRange('tokensPerMonth'), note: 'tokens, e.g. 1e14' },
  'api-share': { schema: fraction },
  'subscription-usd-per-month': { schema: numberIn(0, 1e6), note: 'USD' },
  'subscription-tokens-per-month': { schema: numberIn(0, 1e15, '>'), note: 'tokens' },
  discount: { schema: fraction, note: '0.5 = half of list' },
};

/** Every numeric flag checked at once; all problems in one line. */
function parseFlags(a: Record<string, unknown>): Flags {
  const problems: string[] = [];
  const flags: Flags = {};
  for (const flag of Object.keys(RULES) as Flag[]) {
    const raw = a[flag];
    if (raw === undefined) continue;
    const r = flagNumber(`--${flag}`, raw, RULES[flag].schema, RULES[flag].note);
    if (r.ok) flags[flag] = r.value;
    else problems.push(r.error.message);
  }
  if (a['training-flop'] !== undefined && a['training-usd'] !== undefined) problems.push('--training-flop and --training-usd: give one or the other, not both');
  if (flags['output-tokens-per-month'] === 0 && flags['input-tokens-per-month'] === 0) problems.push('--output-tokens-per-month and --input-tokens-per-month are both 0: there are no tokens to spread the cost over');
  if (problems.length > 0) throw new InputError('flags', String(problems.length), 'valid flags', problems.join('; '));
  return flags;
}

// A margin on zero revenue is −∞: say so in words.
const pct = (x: number | null) => (x !== null && Number.isFinite(x) ? percent(x) : 'n/a (no revenue)');

function render(o: ResolvedOption, input: LabCostInput, r: LabCostResult, assumptions: readonly LabAssumption[]): string {
  const { list: L, discounted: Dc } = r;
  const w = r.outputEquivalentWeights;
  const t = input.tokensPerMonth;
  const rev = r.revenue;
  const both = (f: (c: CostAtRates) => string) => [f(L), f(Dc)];
  const breakEven = (c: CostAtRates) => (c.breakEvenLifetimeOutputEquivalentTokens === null ? 'never' : `${count(c.breakEvenLifetimeOutputEquivalentTokens)} (${c.breakEvenVolumeMultiple === null ? 'n/a' : ratio(c.breakEvenVolumeMultiple)} the volume)`);
  const a = L.amortizedUsdPerMillionOutputEquivalent;
  const ad = Dc.amortizedUsdPerMillionOutputEquivalent;
  const out: string[] = [
    `Lab full cost per token: ${o.label}`,
    `${input.lifetimeMonths} months × (${count(t.output)} output + ${count(t.freshInput + t.cachedInput)} input tokens a month, ${pct(o.workload.prefixCacheHitRate)} cached) = ${count(r.lifetimeOutputEquivalentTokens)} output-equivalent tokens (fresh input × ${fixed(w.freshInput, 3)}, cached × ${fixed(w.cachedInput, 3)}, output × 1: list-price ratios)`,
    '',
    table([
      ['marginal: power only', ...both((c) => usd(c.marginal.outputEquivalent))],
      [`serving: hardware (${input.servingCostBasis.kind}, ${usd(L.servingUsdPerGpuHour)} / ${usd(Dc.servingUsdPerGpuHour)} per GPU-hour)`, ...both((c) => usd(c.serving.outputEquivalent))],
      ['full: serving + training + research + staff/opex', ...both((c) => usd(c.full.outputEquivalent))],
      ['  of which training (final run)', usd(a.training), usd(ad.training)],
      [`  of which research (${input.researchMultiple}× the final run)`, usd(a.research), usd(ad.research)],
      ['  of which staff and other operating', usd(a.staffAndOperating), usd(ad.staffAndOperating)],
      [`revenue: ${pct(input.revenue.apiShare)} API at ${usd(rev.apiUsdPerMillionOutputEquivalent)}, ${pct(1 - input.revenue.apiShare)} subscription at ${usd(rev.subscriptionUsdPerMillionOutputEquivalent)}`, usd(rev.perMillion.outputEquivalent), usd(rev.perMillion.outputEquivalent)],
      ['margin on marginal / serving / full cost', ...both((c) => `${pct(c.marginFraction.marginal)} / ${pct(c.marginFraction.serving)} / ${pct(c.marginFraction.full)}`)],
      ['break-even lifetime output-equivalent tokens', ...both(breakEven)],
    ], ['USD per million output-equivalent tokens', 'list rates', `discounted (${pct(input.discountFraction)} off)`]),
  ];
  const kinds: [string, keyof PerMillion][] = [['fresh input', 'freshInput'], ['cached input', 'cachedInput'], ['output', 'output'], ['output-equivalent', 'outputEquivalent']];
  out.push(table(kinds.map(([label, k]) => [label, usd(L.marginal[k]), usd(Dc.marginal[k]), usd(L.serving[k]), usd(Dc.serving[k]), usd(L.full[k]), usd(Dc.full[k]), usd(rev.perMillion[k])]),
    ['USD per million tokens', 'marginal list', 'marginal disc.', 'serving list', 'serving disc.', 'full list', 'full disc.', 'revenue']));
  const lifetime: [string, (c: CostAtRates) => number][] = [
    ['serving', (c) => c.lifetimeUsd.serving], ['training (final run)', (c) => c.lifetimeUsd.training], ['research', (c) => c.lifetimeUsd.research],
    ['staff', (c) => c.lifetimeUsd.staff], ['other operating', (c) => c.lifetimeUsd.otherOperating], ['full', (c) => c.lifetimeUsd.full],
  ];
  out.push(table([
    ...lifetime.map(([label, f]) => [label, ...both((c) => `$${count(f(c))}`)]),
    ['revenue', `$${count(rev.lifetimeUsd)}`, `$${count(rev.lifetimeUsd)}`],
    ['training + research / serving compute', ...both((c) => `${ratio((c.lifetimeUsd.training + c.lifetimeUsd.research) / c.lifetimeUsd.serving)} (OpenAI 2024: ${ratio((Y.finalTrainingComputeUsd.value + Y.researchComputeUsd.value) / Y.inferenceComputeUsd.value)})`)],
    ...(r.trainingGpuHours === null ? [] : [['final run GPU-hours', count(r.trainingGpuHours), count(r.trainingGpuHours)]]),
  ], ['lifetime totals, USD', 'list rates', 'discounted']));
  out.push('for comparison (whole businesses, second-hand):');
  out.push(table(REFERENCE_MARGINS.map((m) => [`  ${m.name}`, pct(m.value), m.source])));
  if (r.warnings.length > 0) out.push(...r.warnings.map((x) => `warning: ${x}`), '');
  out.push('assumptions:');
  out.push(table(assumptions.map((x) => [`  ${x.name}`, x.value, x.source])));
  return out.join('\n');
}
