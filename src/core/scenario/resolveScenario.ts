import type { CostSplit } from '../economics/costSplit.js';
import type { EfficiencyProfile } from '../perf/efficiencyProfiles.js';
import type { Accelerator } from '../accelerator/accelerator.js';
import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { ALL_MODELS } from '../catalog/models.js';
import { latestSnapshot, type PriceSnapshot } from '../catalog/prices.js';
import type { TokenPrices } from '../economics/prices.js';
import type { LatencyTarget } from '../economics/operatingPoint.js';
import { InputError } from '../errors.js';
import { apiPriceOf, gpuRentalPrice, marketApiPrice } from '../market/marketPrice.js';
import type { LayoutRequest } from '../memory/layout.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import type { CostBasis } from '../money/costBasis.js';
import { DEFAULT_OWNER, defaultMarginalCostBasis, defaultOwnedCostBasis } from '../money/ownershipDefaults.js';
import { contractCostBasis } from '../money/rentalTiers.js';
import type { ServingFramework } from '../perf/efficiency.js';
import type { Workload } from '../perf/serving.js';
import type { KvPrecision, Precision } from '../precision.js';
import { SCENARIO_DEFAULTS as D } from './defaults.js';
import { chooseDeployment } from './chooseDeployment.js';
import { ScenarioError } from './parseScenario.js';
import type { ScenarioInput, ScenarioOptionInput } from './schema.js';
import type { Sourced } from '../sourced.js';

/** One assumption of an option, printed with the result: where its value came from. */
export interface Assumption extends Sourced<string> {
  readonly name: string;
  /** `scenario` when the file set it, `default` when the tool did. */
  readonly origin: 'scenario' | 'default';
}

/** An option with every field decided and every catalog reference looked up. */
export interface ResolvedOption {
  readonly label: string;
  readonly model: ModelArchitecture;
  readonly gpu: Accelerator;
  /** GPUs of one deployment: as the scenario pinned them, or as `chooseDeployment` chose them (see `deployment`). */
  readonly gpus: number;
  /** Every GPU count tried when the scenario left `gpus` to be chosen (absent: pinned by the scenario). */
  readonly deployment?: ChosenDeployment;
  readonly layout: 'best' | LayoutRequest;
  readonly framework: ServingFramework;
  readonly weightPrecision: Precision | undefined;
  readonly kvPrecision: KvPrecision | undefined;
  readonly workload: Workload;
  readonly latencyTarget: LatencyTarget;
  readonly costBasis: CostBasis;
  readonly prices: TokenPrices;
  readonly pricesDescription: string;
  readonly utilization: number;
  readonly assumptions: readonly Assumption[];
  /** Efficiency factors of the performance model (absent: the shipped calibration); set by `--profile`. */
  readonly profile?: EfficiencyProfile;
  /** How GPU-time is shared between token kinds (absent: phase); set by the scenario's costSplit or `--cost-split`. */
  readonly costSplit?: CostSplit;
}

/** How a chosen GPU count was found: each count tried and what a request cost there (null: does not fit). */
export interface ChosenDeployment {
  readonly candidates: readonly { readonly gpus: number; readonly costUsdPerRequest: number | null; readonly meetsLatencyTarget: boolean | null }[];
}

export interface ResolveContext {
  /** Looks a model up by catalog id (or, in the CLI, reads a config.json path). */
  readonly resolveModel?: (reference: string) => ModelArchitecture;
  readonly prices?: PriceSnapshot;
  /** Efficiency factors the deployment search uses for `gpus: auto` (default: the shipped calibration). */
  readonly profile?: EfficiencyProfile;
}

/** Merges `defaults` under `option`, one level deep for the object-valued fields. */
export function merge(defaults: ScenarioOptionInput | undefined, option: ScenarioOptionInput): ScenarioOptionInput {
  const d = defaults ?? {};
  return {
    ...d,
    ...option,
    workload: { ...d.workload, ...option.workload },
    latencyTarget: { ...d.latencyTarget, ...option.latencyTarget },
  };
}

/**
 * Resolves every option of a scenario: fills each unset field with its documented default,
 * looks up models, accelerators and prices, and records every assumption. Problems in any option
 * (an unknown model, a field missing with no default) are all reported at once.
 */
export function resolveScenario(scenario: ScenarioInput, fileName: string, ctx: ResolveContext = {}): ResolvedOption[] {
  const problems: string[] = [];
  const out: ResolvedOption[] = [];
  scenario.options.forEach((option, i) => {
    try {
      out.push(resolveOption(merge(scenario.defaults, option), i, ctx));
    } catch (e) {
      if (e instanceof ScenarioError) problems.push(...e.problems);
      else if (e instanceof InputError) problems.push(`options[${i}]: ${e.message}`);
      else throw e;
    }
  });
  if (problems.length > 0) throw new ScenarioError(fileName, problems);
  return out;
}

function resolveOption(o: ScenarioOptionInput, i: number, ctx: ResolveContext): ResolvedOption {
  const at = (field: string) => `options[${i}].${field}`;
  const problems: string[] = [];
  const assumptions: Assumption[] = [];
  const note = (name: string, value: unknown, set: boolean, source: string) =>
    assumptions.push({ name, value: typeof value === 'string' ? value : JSON.stringify(value), origin: set ? 'scenario' : 'default', source });
  const attempt = <T>(field: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (e instanceof InputError) problems.push(`${at(field)}: ${e.message}`);
      else throw e;
      return undefined;
    }
  };
  if (o.model === undefined) problems.push(`${at('model')}: missing (required, in the option or in defaults: a model id or config.json path)`);
  if (o.gpu === undefined) problems.push(`${at('gpu')}: missing (required, in the option or in defaults: an accelerator id)`);
  const model = o.model === undefined ? undefined : attempt('model', () => (ctx.resolveModel ?? ((id: string) => findById('model', id, ALL_MODELS)))(o.model as string));
  const gpu = o.gpu === undefined ? undefined : attempt('gpu', () => findById('gpu', o.gpu as string, ACCELERATORS));
  const snapshot = ctx.prices ?? latestSnapshot();

  const framework = o.framework ?? D.framework.value;
  note('framework', framework, o.framework !== undefined, o.framework !== undefined ? 'set by the scenario' : D.framework.source);
  const layout = o.layout ?? D.layout.value;
  note('layout', layout, o.layout !== undefined, o.layout !== undefined ? 'set by the scenario' : D.layout.source);
  const weight = o.weightPrecision ?? D.weightPrecision.value;
  note('weightPrecision', weight, o.weightPrecision !== undefined, o.weightPrecision !== undefined ? 'set by the scenario' : D.weightPrecision.source);
  if (o.kvPrecision !== undefined) note('kvPrecision', o.kvPrecision, true, 'scenario');
  else note('kvPrecision', 'framework default', false, 'bf16, or fp8 where the framework runs fp8/fp4 checkpoints with an fp8 cache (efficiencyProfiles.ts)');

  const w = o.workload ?? {};
  const workload: Workload = {
    inputTokens: w.inputTokens ?? D.inputTokens.value,
    outputTokens: w.outputTokens ?? D.outputTokens.value,
    prefixCacheHitRate: w.prefixCacheHitRate ?? D.prefixCacheHitRate.value,
  };
  note('workload.inputTokens', workload.inputTokens, w.inputTokens !== undefined, w.inputTokens !== undefined ? 'set by the scenario' : D.inputTokens.source);
  note('workload.outputTokens', workload.outputTokens, w.outputTokens !== undefined, w.outputTokens !== undefined ? 'set by the scenario' : D.outputTokens.source);
  note('workload.prefixCacheHitRate', workload.prefixCacheHitRate, w.prefixCacheHitRate !== undefined, w.prefixCacheHitRate !== undefined ? 'set by the scenario' : D.prefixCacheHitRate.source);

  const l = o.latencyTarget ?? {};
  const latencyTarget: LatencyTarget = {
    minTokensPerSecondPerUser: l.minTokensPerSecondPerUser === undefined ? D.minTokensPerSecondPerUser.value : l.minTokensPerSecondPerUser,
    maxTtftSeconds: l.maxTtftSeconds === undefined ? D.maxTtftSeconds.value : l.maxTtftSeconds,
  };
  note('latencyTarget.minTokensPerSecondPerUser', latencyTarget.minTokensPerSecondPerUser, l.minTokensPerSecondPerUser !== undefined, l.minTokensPerSecondPerUser !== undefined ? 'set by the scenario' : D.minTokensPerSecondPerUser.source);
  note('latencyTarget.maxTtftSeconds', latencyTarget.maxTtftSeconds, l.maxTtftSeconds !== undefined, l.maxTtftSeconds !== undefined ? 'set by the scenario' : D.maxTtftSeconds.source);

  const utilization = o.utilization ?? D.utilization.value;
  note('utilization', utilization, o.utilization !== undefined, o.utilization !== undefined ? 'set by the scenario' : D.utilization.source);

  const costBasis = gpu === undefined ? undefined : attempt('costBasis', () => resolveCostBasis(o, gpu, snapshot, note));
  const priced = model === undefined ? undefined : attempt('prices', () => resolvePrices(o, model, snapshot));
  if (priced !== undefined) note('prices', `${priced.prices.inputUsdPerMillion}/${priced.prices.cachedInputUsdPerMillion}/${priced.prices.outputUsdPerMillion} USD per million input/cached/output`, o.prices !== undefined, priced.description);

  if (problems.length > 0 || model === undefined || gpu === undefined || costBasis === undefined || priced === undefined) {
    throw new ScenarioError('scenario', problems);
  }
  const gpus = o.gpus ?? D.gpus.value;
  const resolved: ResolvedOption = {
    label: o.label ?? `${model.id} on ${gpus} ${gpu.id}`,
    model, gpu, gpus: gpus === 'auto' ? 1 : gpus, layout, framework,
    weightPrecision: weight === 'native' ? undefined : weight,
    kvPrecision: o.kvPrecision,
    workload, latencyTarget, costBasis, prices: priced.prices, pricesDescription: priced.description, utilization, assumptions,
    ...(o.costSplit !== undefined && { costSplit: o.costSplit }),
  };
  if (gpus !== 'auto') {
    note('gpus', gpus, true, 'set by the scenario');
    return resolved;
  }
  const choice = chooseDeployment(resolved, ctx.profile === undefined ? {} : { profile: ctx.profile });
  const candidates = choice.candidates.map((c) => ({
    gpus: c.gpus, costUsdPerRequest: c.result?.economics?.costUsdPerRequest ?? null, meetsLatencyTarget: c.result?.operatingPoint?.meetsTarget ?? null,
  }));
  const chosen = choice.chosen.option.gpus;
  note('gpus', `${chosen} (chosen of ${candidates.map((c) => c.gpus).join(', ') || 'none: nothing up to 4,096 fits'})`, o.gpus !== undefined, D.gpus.source);
  // The default contract commits the GPUs the option runs on: the chosen count.
  const committed = costBasis.kind === 'rented' && costBasis.commitment !== null && !(o.costBasis?.kind === 'rented' && o.costBasis.commitment != null)
    ? { ...costBasis, commitment: { ...costBasis.commitment, minimumGpus: chosen } } : costBasis;
  return { ...resolved, label: o.label ?? `${model.id} on ${chosen} ${gpu.id} (count chosen)`, gpus: chosen, costBasis: committed, deployment: { candidates } };
}

/** The value of `f`, or null when it throws (a comparison figure that is fine to leave out). */
function attemptQuietly<T>(f: () => T): T | null {
  try {
    return f();
  } catch {
    return null;
  }
}

function resolveCostBasis(o: ScenarioOptionInput, gpu: Accelerator, snapshot: PriceSnapshot, note: (n: string, v: unknown, s: boolean, src: string) => void): CostBasis {
  const c = o.costBasis ?? { kind: 'rented' as const };
  if (c.kind === 'rented') {
    const given = c.priceUsdPerGpuHour;
    const onDemand = () => {
      const market = gpuRentalPrice(gpu.id, snapshot.gpuRental, { terms: 'on-demand', providerClass: 'neocloud' });
      return { price: market.medianUsdPerGpuHour, source: `${D.onDemandPrice.source}: median of ${market.count} offers (${[...new Set(market.rows.map((r) => r.provider))].join(', ')}), price snapshot ${snapshot.id}` };
    };
    const contract = given === undefined || given === 'contract' ? contractCostBasis(gpu.id) : null;
    let price: number;
    let source: string;
    let onDemandUsdPerGpuHour: number | undefined;
    if (contract !== null) {
      price = contract.basis.priceUsdPerGpuHour;
      source = `${D.rentedPrice.source}: ${contract.tier} contract, ${contract.basis.sources?.priceUsdPerGpuHour ?? 'rental-tier catalog'}`;
      const od = attemptQuietly(onDemand);
      if (od !== null) {
        onDemandUsdPerGpuHour = od.price;
        note('onDemandPrice', `${od.price.toFixed(2)} USD per GPU-hour (beside the ${contract.tier} contract rate; not in the cost)`, false, od.source);
      }
    } else if (given === undefined || given === 'contract' || given === 'market') {
      ({ price, source } = onDemand());
      if (given !== 'market') source = `no contract rate for ${gpu.id} in the rental-tier catalog, so on demand: ${source}`;
    } else {
      price = given;
      source = 'set by the scenario';
    }
    note('costBasis', `rented at ${price.toFixed(2)} USD per GPU-hour${c.commitment ? `, committed ${c.commitment.termHours} h × at least ${c.commitment.minimumGpus} GPUs` : contract !== null ? `, ${contract.tier} contract rate` : ', on demand'}`, o.costBasis !== undefined, source);
    const contractTerm = contract === null ? null : `${contract.tier} contract: ${contract.basis.commitment?.termHours ?? 0} hours, the option's ${typeof o.gpus === 'number' ? `${o.gpus} ` : ''}GPUs`;
    return {
      kind: 'rented', priceUsdPerGpuHour: price,
      // the default contract commits the option's GPUs for its term; a scenario's commitment wins
      commitment: c.commitment ?? (contract === null ? null : { termHours: contract.basis.commitment?.termHours ?? 0, minimumGpus: typeof o.gpus === 'number' ? o.gpus : 1 }),
      ...(onDemandUsdPerGpuHour === undefined ? {} : { onDemandUsdPerGpuHour }),
      sources: { priceUsdPerGpuHour: source, ...(contractTerm === null || c.commitment ? {} : { commitment: contractTerm }), ...(onDemandUsdPerGpuHour === undefined ? {} : { onDemandUsdPerGpuHour: 'median on-demand neocloud price in the price catalog (see the onDemandPrice assumption)' }) },
    };
  }
  const { kind: _kind, owner = DEFAULT_OWNER, ...overrides } = c;
  const basis = c.kind === 'owned' ? defaultOwnedCostBasis(gpu.id, overrides, owner) : defaultMarginalCostBasis(gpu.id, overrides, owner);
  note('costBasis', `${c.kind} (defaults of a ${owner} for ${gpu.id}${Object.keys(overrides).length > 0 ? `, overridden: ${Object.keys(overrides).join(', ')}` : ''})`, true, 'ownership defaults with their sources; see costBasis rows');
  return basis;
}

function resolvePrices(o: ScenarioOptionInput, model: ModelArchitecture, snapshot: PriceSnapshot): { prices: TokenPrices; description: string } {
  const p = o.prices ?? { market: model.id };
  if ('inputUsdPerMillion' in p) {
    return {
      prices: { inputUsdPerMillion: p.inputUsdPerMillion, cachedInputUsdPerMillion: p.cachedInputUsdPerMillion ?? p.inputUsdPerMillion, outputUsdPerMillion: p.outputUsdPerMillion },
      description: p.cachedInputUsdPerMillion === undefined ? 'set by the scenario (no cached-input price given: cached input billed as input)' : 'set by the scenario',
    };
  }
  if ('market' in p) {
    const m = marketApiPrice(p.market, snapshot.api);
    const cached = m.cachedInputUsdPerMillion?.median ?? m.inputUsdPerMillion.median;
    return {
      prices: { inputUsdPerMillion: m.inputUsdPerMillion.median, cachedInputUsdPerMillion: cached, outputUsdPerMillion: m.outputUsdPerMillion.median },
      description: `median of ${m.providerCount} providers of ${p.market} (${m.providers.join(', ')}) in price snapshot ${snapshot.id}` +
        (m.cachedInputUsdPerMillion === null ? '; none publishes a cached price, so cached input is billed as input' : `; cached: median of ${m.cachedInputUsdPerMillion.providerCount}`),
    };
  }
  const providers = snapshot.api.filter((r) => r.model === p.list);
  const provider = p.provider ?? providers.find((r) => r.role === 'first-party')?.provider ?? providers[0]?.provider ?? '';
  const row = apiPriceOf(p.list, provider, snapshot.api);
  return {
    prices: { inputUsdPerMillion: row.inputUsdPerMillion, cachedInputUsdPerMillion: row.cachedInputUsdPerMillion ?? row.inputUsdPerMillion, outputUsdPerMillion: row.outputUsdPerMillion },
    description: `list price of ${row.modelName} at ${row.provider} (${row.date}, ${row.source})`,
  };
}
