import { defineCommand } from 'citty';
import { createRng } from '../../core/demand/rng.js';
import { InputError, oneOf } from '../../core/errors.js';
import { DEFAULT_SCENARIO, defaultFrontierOption, runOption } from '../../core/scenario/index.js';
import type { DocumentedValue, Sourced } from '../../core/sourced.js';
import { findPlan, freeTierOf, PLAN_CATALOG, PLANS, type SubscriptionPlan } from '../../core/subscription/plans.js';
import { freeTierCost, type FreeTierCost } from '../../core/subscription/freeTier.js';
import { profileTokenMix, seatListPrice } from '../../core/subscription/seatAtList.js';
import { findWorkloadPreset, presetWorkload, WORKLOAD_PRESET_IDS } from '../../core/scenario/workloadPresets.js';
import { blendedCostUsdPerMillionTokens, DEFAULT_SEAT_DRAWS, seatEconomics, tokenMixOfWorkload, type SeatEconomics } from '../../core/subscription/seatEconomics.js';
import type { TokenPrices } from '../../core/economics/prices.js';
import { costAsTokenPrices } from '../../core/economics/tokenEconomics.js';
import type { PerTokenKind } from '../../core/tokenKinds.js';
import { expectedMonthlyTokens, shareOfSeatsAbove, shareOfSeatsAtCap, usageOnPlan, type UsageDistribution } from '../../core/subscription/usage.js';
import { USAGE_PROFILE_IDS, USAGE_PROFILES, type UsageProfile } from '../../core/subscription/usageProfiles.js';
import { decimal, parseFlagNumber, parseInteger, rejectUnknownFlags, requireString } from '../args.js';
import { fraction, inRange } from '../../core/numberSchemas.js';
import { table } from '../format.js';
import { count, percent, tokens, usd as formatUsd, USD_STYLES } from '../../format/numbers.js';
import type { CliIo } from '../io.js';
import { TOKENS_PER_MILLION } from '../../core/units.js';

const DEFAULT_SAMPLES = DEFAULT_SEAT_DRAWS.samples;
const MAX_SAMPLES = 10_000_000;

const args = {
  plan: { type: 'string', description: `one plan (default: every plan): ${PLANS.map((p) => p.id).join(', ')}`, valueHint: 'id' },
  usage: { type: 'string', description: `usage profile of every plan: ${USAGE_PROFILE_IDS.join(', ')} (default: each plan's product: chat for ChatGPT, coding-agent for Claude Pro and Max, enterprise-rollout for Claude Team)`, valueHint: 'profile' },
  'idle-share': { type: 'string', description: 'share of seats that use nothing in a month, 0-1 (default: the profile\'s)', valueHint: 'x' },
  'median-tokens-per-month': { type: 'string', description: 'median monthly tokens of an active seat, the same for every plan (default: the profile\'s $20-tier median × the plan\'s usage multiple)', valueHint: 'n' },
  sigma: { type: 'string', description: 'log-space standard deviation of an active seat\'s monthly tokens (default: the profile\'s)', valueHint: 'x' },
  'token-mix': { type: 'string', description: 'fractions of a seat\'s tokens that are fresh input, cached input and output, summing to 1 (default: the usage profile\'s workload preset)', valueHint: 'in,cached,out' },
  'workload-preset': { type: 'string', description: `take every seat's token mix from this workload preset: ${WORKLOAD_PRESET_IDS.join(', ')} (default: the usage profile's)`, valueHint: 'preset' },
  'cost-input-usd-per-million': { type: 'string', description: 'serving cost of a million fresh input tokens (default: the report\'s frontier model on B200)', valueHint: 'usd' },
  'cost-cached-input-usd-per-million': { type: 'string', description: 'serving cost of a million cached input tokens (default: as above)', valueHint: 'usd' },
  'cost-output-usd-per-million': { type: 'string', description: 'serving cost of a million output tokens (default: as above)', valueHint: 'usd' },
  samples: { type: 'string', description: `seats drawn per plan (default ${count(DEFAULT_SAMPLES)})`, valueHint: 'n' },
  seed: { type: 'string', description: 'seed of the random draws; every plan draws from the same seed (default 1)', valueHint: 'n' },
  json: { type: 'boolean', description: 'print the result as JSON (USD, tokens, fractions)' },
} as const;

/** The serving costs of the report's default scenario's frontier-on-B200 option. */
function defaultCosts(): { label: string; scenario: string; costs: TokenPrices } {
  const option = defaultFrontierOption();
  const e = runOption(option).economics;
  if (e === null) throw new Error(`${option.label}: not served, so it has no serving costs to price a seat's tokens`);
  return {
    label: option.label,
    scenario: DEFAULT_SCENARIO.title ?? 'built-in default scenario',
    costs: costAsTokenPrices(e),
  };
}

function parseTokenMix(raw: unknown): PerTokenKind {
  const text = requireString('--token-mix', raw, 'three fractions in,cached,out summing to 1, e.g. 0.03,0.96,0.01');
  const parts = text.split(',').map(decimal);
  const [inputShare, cachedShare, outputShare] = parts;
  if (parts.length !== 3 || inputShare === undefined || cachedShare === undefined || outputShare === undefined || !parts.every((x) => x >= 0 && x <= 1) || Math.abs(inputShare + cachedShare + outputShare - 1) > 1e-6) {
    throw new InputError('--token-mix', text, 'three fractions in,cached,out from 0 to 1 summing to 1, e.g. 0.03,0.96,0.01');
  }
  return { freshInput: inputShare, cachedInput: cachedShare, output: outputShare };
}

const fromData = (d: DocumentedValue) => `${d.basis}: ${d.note}${d.source === 'assumption' || d.source === 'definition' || d.source === 'arithmetic' ? '' : ` (${d.source}, ${d.date})`}`;

/** The `subscription` command: does a subscription seat make money, as a distribution over seats. */
export function subscriptionCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'subscription', description: 'Subscriptions: cost per seat against price over a distribution of usage per seat; mean margin, seats losing money, break-even usage' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const plans = a.plan === undefined ? PLANS : [findPlan(requireString('--plan', a.plan, `one of ${PLANS.map((p) => p.id).join(', ')}`), '--plan')];
      const usageFlag = a.usage === undefined ? null : USAGE_PROFILES[oneOf('--usage', requireString('--usage', a.usage, USAGE_PROFILE_IDS.join(', ')), USAGE_PROFILE_IDS)];
      const overrides: Partial<UsageDistribution> = {
        ...(a['idle-share'] !== undefined && { idleShare: parseFlagNumber('--idle-share', a['idle-share'], fraction) }),
        ...(a['median-tokens-per-month'] !== undefined && { medianTokensPerMonth: parseFlagNumber('--median-tokens-per-month', a['median-tokens-per-month'], inRange('tokensPerSeatMonth')) }),
        ...(a.sigma !== undefined && { sigma: parseFlagNumber('--sigma', a.sigma, inRange('seatUsageSigma')) }),
      };
      const given = (flag: string, raw: unknown) => (raw === undefined ? undefined : parseFlagNumber(flag, raw, inRange('priceUsdPerMillion')));
      const costInput = given('--cost-input-usd-per-million', a['cost-input-usd-per-million']);
      const costCached = given('--cost-cached-input-usd-per-million', a['cost-cached-input-usd-per-million']);
      const costOutput = given('--cost-output-usd-per-million', a['cost-output-usd-per-million']);
      const mixGiven = a['token-mix'] === undefined ? undefined : parseTokenMix(a['token-mix']);
      const samples = a.samples === undefined ? DEFAULT_SAMPLES : parseInteger('--samples', a.samples, 1, MAX_SAMPLES);
      const seed = a.seed === undefined ? DEFAULT_SEAT_DRAWS.seed : parseInteger('--seed', a.seed, 0);

      const base = defaultCosts();
      const costSource = `${base.label}, from the report's default scenario (${base.scenario}), at its utilization`;
      const costs = {
        input: { value: costInput ?? base.costs.inputUsdPerMillion, source: costInput === undefined ? costSource : '--cost-input-usd-per-million' },
        cached: { value: costCached ?? base.costs.cachedInputUsdPerMillion, source: costCached === undefined ? costSource : '--cost-cached-input-usd-per-million' },
        output: { value: costOutput ?? base.costs.outputUsdPerMillion, source: costOutput === undefined ? costSource : '--cost-output-usd-per-million' },
      };
      const tokenCosts: TokenPrices = { inputUsdPerMillion: costs.input.value, cachedInputUsdPerMillion: costs.cached.value, outputUsdPerMillion: costs.output.value };
      const preset = a['workload-preset'] === undefined ? null : findWorkloadPreset(requireString('--workload-preset', a['workload-preset'], WORKLOAD_PRESET_IDS.join(', ')), '--workload-preset');
      if (preset !== null && mixGiven !== undefined) throw new InputError('--workload-preset', preset.id, 'either --workload-preset or --token-mix, not both');
      const mixOf = (profile: UsageProfile): Sourced<PerTokenKind> => {
        if (mixGiven !== undefined) return { value: mixGiven, source: '--token-mix' };
        if (preset !== null) return { value: tokenMixOfWorkload(presetWorkload(preset)), source: `the ${preset.id} workload preset's mean request (--workload-preset)` };
        return { value: profileTokenMix(profile), source: `the ${profile.workloadPreset} workload preset's mean request` };
      };

      io.progress?.(`subscription: drawing ${count(samples)} seats per plan...`);
      const rows = plans.map((plan): PlanRow => {
        const profile = usageFlag ?? USAGE_PROFILES[plan.defaultUsage];
        const mix = mixOf(profile);
        const usage = usageOnPlan(profile, plan, overrides);
        const cap = plan.monthlyTokenCap?.value ?? null;
        const economics = seatEconomics({ priceUsdPerSeatPerMonth: plan.priceUsdPerSeatPerMonth.value, monthlyTokenCap: cap }, usage, mix.value, tokenCosts, { samples, rng: createRng(seed) });
        const atList = seatListPrice(plan, profile, preset ?? undefined);
        const tier = freeTierOf(plan.vendor);
        const freeProfile = tier === null ? null : USAGE_PROFILES[tier.usageProfile];
        const free = tier === null || freeProfile === null ? null : { name: tier.name, ...freeTierCost(tier, freeProfile, blendedCostUsdPerMillionTokens(mixOf(freeProfile).value, tokenCosts)) };
        return { plan, profile, mix, usage, economics, atList: { schedule: plan.listPriceSchedule, usdPerMillionTokens: atList.blendedUsdPerMillion, meanUsdPerSeat: (economics.meanTokensPerSeatPerMonth * atList.blendedUsdPerMillion) / TOKENS_PER_MILLION }, free };
      });
      const context: RunContext = { overrides, costs, samples, seed };
      io.out.write(a.json ? `${JSON.stringify(toJson(context, rows), null, 2)}\n` : render(context, rows));
    },
  });
}

interface RunContext {
  readonly overrides: Partial<UsageDistribution>;
  readonly costs: { readonly input: Sourced<number>; readonly cached: Sourced<number>; readonly output: Sourced<number> };
  readonly samples: number;
  readonly seed: number;
}

interface PlanRow {
  readonly plan: SubscriptionPlan;
  readonly profile: UsageProfile;
  readonly mix: Sourced<PerTokenKind>;
  readonly usage: UsageDistribution;
  readonly economics: SeatEconomics;
  /** The seat's tokens valued at the plan's API list prices. */
  readonly atList: { readonly schedule: string; readonly usdPerMillionTokens: number; readonly meanUsdPerSeat: number };
  /** The vendor's free users carried by each paid seat; null where no free tier is modelled. */
  readonly free: (FreeTierCost & { readonly name: string }) | null;
}

/** One usage parameter as run: from the profile with its basis and source, or given by a flag. */
interface UsageInput extends Sourced<number> {
  readonly basis: DocumentedValue['basis'] | 'given';
}

function usageInputs(c: RunContext, p: UsageProfile): { profile: string; description: string; workloadPreset: string; idleShare: UsageInput; medianTokensPerMonth: UsageInput & { scaledBy: string | null }; sigma: UsageInput } {
  const one = (flag: string, override: number | undefined, d: DocumentedValue): UsageInput => (override === undefined ? { ...d } : { value: override, basis: 'given', source: flag });
  const median = one('--median-tokens-per-month', c.overrides.medianTokensPerMonth, p.medianTokensPerMonth);
  return {
    profile: p.id,
    description: p.description,
    workloadPreset: p.workloadPreset,
    idleShare: one('--idle-share', c.overrides.idleShare, p.idleShare),
    medianTokensPerMonth: { ...median, scaledBy: c.overrides.medianTokensPerMonth === undefined ? "each plan's usageMultiple" : null },
    sigma: one('--sigma', c.overrides.sigma, p.sigma),
  };
}

const describeInput = (x: UsageInput) => (x.basis === 'given' || x.note === undefined ? `given by ${x.source}` : fromData({ ...x, basis: x.basis, date: x.date ?? '', note: x.note }));

/** Mean margin once the free users' cost per paid seat is charged to the paid seats too. */
const marginAfterFree = (r: PlanRow) => (r.economics.priceUsdPerSeatPerMonth - r.economics.meanCostUsd - (r.free?.costUsdPerPaidSeat ?? 0)) / r.economics.priceUsdPerSeatPerMonth;

/** The distinct profiles of the rows, in order. */
const profilesOf = (rows: readonly PlanRow[]) => rows.map((r) => r.profile).filter((p, i, all) => all.indexOf(p) === i);

function toJson(c: RunContext, rows: readonly PlanRow[]) {
  return {
    samples: c.samples,
    seed: c.seed,
    servingCost: {
      inputUsdPerMillion: c.costs.input.value, cachedInputUsdPerMillion: c.costs.cached.value, outputUsdPerMillion: c.costs.output.value,
      sources: { input: c.costs.input.source, cachedInput: c.costs.cached.source, output: c.costs.output.source },
    },
    usageProfiles: Object.fromEntries(profilesOf(rows).map((p) => [p.id, usageInputs(c, p)])),
    capDerivation: PLAN_CATALOG.derivation,
    freeTiers: PLAN_CATALOG.freeTiers,
    plans: rows.map((r) => {
      const { plan, usage, economics: e } = r;
      const cap = plan.monthlyTokenCap?.value ?? null;
      return {
        id: plan.id, name: plan.name, vendor: plan.vendor, limitGuidance: plan.limitGuidance,
        price: plan.priceUsdPerSeatPerMonth, limit: plan.monthlyTokenCap, usageMultiple: plan.usageMultiple,
        usageProfile: r.profile.id,
        // The --json names of the token mix, kept as they were before PerTokenKind.
        tokenMix: { inputShare: r.mix.value.freshInput, cachedShare: r.mix.value.cachedInput, outputShare: r.mix.value.output, source: r.mix.source },
        usage,
        ...e,
        atListPrice: r.atList,
        freeTier: r.free,
        meanMarginAfterFreeTierFraction: marginAfterFree(r),
        closedForm: {
          shareOfSeatsLosingMoney: e.breakEvenTokensPerSeatPerMonth === null ? 0 : shareOfSeatsAbove(usage, cap, e.breakEvenTokensPerSeatPerMonth),
          meanTokensPerSeatPerMonth: expectedMonthlyTokens(usage, cap),
          meanCostUsd: (expectedMonthlyTokens(usage, cap) * e.costUsdPerMillionTokens) / TOKENS_PER_MILLION,
          shareCappedByLimit: shareOfSeatsAtCap(usage, cap),
        },
      };
    }),
  };
}

const usd = (x: number) => formatUsd(x, USD_STYLES.listPrice);
const pct = (x: number) => (x !== 0 && Math.abs(x) < 0.1 ? percent(x, 1) : percent(x, 0));

function render(c: RunContext, rows: readonly PlanRow[]): string {
  const costLine = c.costs.input.source === c.costs.cached.source && c.costs.cached.source === c.costs.output.source ? c.costs.input.source : 'see the JSON output for each figure\'s source';
  const median = (p: UsageProfile) => (c.overrides.medianTokensPerMonth === undefined
    ? `median ${tokens(p.medianTokensPerMonth.value)} tokens a month at a $20 tier × the plan's usage multiple`
    : `median ${tokens(c.overrides.medianTokensPerMonth)} tokens a month on every plan`);
  const mixText = (m: PerTokenKind) => `${pct(m.freshInput)} fresh / ${pct(m.cachedInput)} cached / ${pct(m.output)} output`;
  const out = [
    `Subscriptions: what serving a seat costs against its price, over ${count(c.samples)} sampled seats a plan (seed ${c.seed}, the same seats for every plan).`,
    table([
      ['serving cost', `input ${usd(c.costs.input.value)}, cached input ${usd(c.costs.cached.value)}, output ${usd(c.costs.output.value)} per million tokens: ${costLine}`],
      ...profilesOf(rows).map((p) => {
        const u = usageInputs(c, p);
        return [`usage ${p.id}`, `${p.description}: ${pct(u.idleShare.value)} of seats idle; the rest lognormal, ${median(p)}, sigma ${u.sigma.value}; capped at the plan's limit`];
      }),
    ]),
    table(rows.map((r) => {
      const e = r.economics;
      return [
        r.plan.name, usd(e.priceUsdPerSeatPerMonth), r.profile.id, mixText(r.mix.value), e.monthlyTokenCap === null ? 'none' : tokens(e.monthlyTokenCap), tokens(r.usage.medianTokensPerMonth),
        usd(e.meanCostUsd), usd(r.atList.meanUsdPerSeat), pct(e.meanMarginFraction), r.free === null ? '-' : usd(r.free.costUsdPerPaidSeat), pct(marginAfterFree(r)),
        pct(e.shareOfSeatsLosingMoney), e.breakEvenTokensPerSeatPerMonth === null ? 'never' : tokens(e.breakEvenTokensPerSeatPerMonth), usd(e.costUsdPerSeat.p90), pct(e.shareCappedByLimit),
      ];
    }), ['plan', 'price', 'usage', 'token mix', 'limit tokens/mo', 'median tokens/mo', 'mean cost/seat', 'at API list', 'mean margin', 'free users/seat', 'margin w/ free', 'seats losing', 'break-even tokens/mo', 'p90 cost/seat', 'capped']),
    'Mean cost is the serving cost of a seat\'s tokens; "at API list" is what the same tokens would cost at the vendor\'s API prices (cache reads and writes included); mean margin is over all seats together (idle seats pay too);',
    '"free users/seat" is the serving cost of the vendor\'s free users carried by each paid seat, and "margin w/ free" charges it to the paid seats.',
    '',
    'prices and limits (a monthly token cap derived from each vendor\'s guidance):',
    ...rows.flatMap(({ plan, atList }) => [
      `  ${plan.name}: ${usd(plan.priceUsdPerSeatPerMonth.value)} a seat a month, ${fromData(plan.priceUsdPerSeatPerMonth)}`,
      `    limit: ${plan.limitGuidance}; ${plan.monthlyTokenCap === null ? 'no cap' : `${tokens(plan.monthlyTokenCap.value)} tokens a month, ${fromData(plan.monthlyTokenCap)}`}`,
      `    usage multiple ${plan.usageMultiple.value}: ${fromData(plan.usageMultiple)}`,
      `    at list: ${atList.schedule} at ${usd(atList.usdPerMillionTokens)} per million of the seat's tokens (inferonomics prices realised)`,
    ]),
    ...PLAN_CATALOG.freeTiers.filter((f) => rows.some((r) => r.plan.vendor === f.vendor)).flatMap((f) => [
      `  ${f.name}: ${f.freeUsersPerPaidSeat.value} free users a paid seat, ${fromData(f.freeUsersPerPaidSeat)}`,
      `    usage ${f.usageProfile} × ${f.usageMultiple.value}: ${fromData(f.usageMultiple)}; cap ${tokens(f.monthlyTokenCap.value)} tokens a month, ${fromData(f.monthlyTokenCap)}`,
    ]),
    '',
    'inputs of the cap derivations:',
    ...Object.entries(PLAN_CATALOG.derivation).map(([name, d]) => `  ${name} = ${d.value}: ${fromData(d)}`),
    ...profilesOf(rows).flatMap((p) => {
      const u = usageInputs(c, p);
      return ['', `usage profile ${p.id} (token mix: the ${p.workloadPreset} workload preset):`, ...(['idleShare', 'medianTokensPerMonth', 'sigma'] as const).map((name) => `  ${name} = ${u[name].value}: ${describeInput(u[name])}`)];
    }),
  ];
  return out.join('\n') + '\n';
}
