import { defineCommand } from 'citty';
import { InputError, quoteForMessage } from '../../core/errors.js';
import { findPriceSchedule, PRICE_SCHEDULES, type PriceSchedule } from '../../core/market/priceSchedules.js';
import { realisedPrice, type RealisedPrice, type RequestClass, type TrafficMix } from '../../core/market/realisedPrice.js';
import { parseRequestMix } from '../../core/market/requestMixText.js';
import { findWorkloadPreset, presetTraffic, WORKLOAD_PRESET_IDS, type WorkloadPreset } from '../../core/scenario/workloadPresets.js';
import { parseNumber, rejectUnknownFlags, requireString } from '../args.js';
import { table } from '../format.js';
import { count, percent, ratio, usd } from '../../format/numbers.js';
import type { CliIo } from '../io.js';

const args = {
  provider: { type: 'string', description: `a provider (default: every provider of --model): ${[...new Set(PRICE_SCHEDULES.map((s) => s.id.split('/')[0]))].join(', ')}`, valueHint: 'name' },
  model: { type: 'string', description: `a model (default: every schedule): ${[...new Set(PRICE_SCHEDULES.map((s) => s.model))].join(', ')}`, valueHint: 'id' },
  workload: { type: 'string', description: `the traffic's workload preset: ${WORKLOAD_PRESET_IDS.join(', ')} (default chat)`, valueHint: 'preset' },
  'cache-hit-rate': { type: 'string', description: 'share of prompt tokens read from the prefix cache, 0-1 (default: the preset\'s)', valueHint: 'x' },
  'cache-write-share': { type: 'string', description: 'share of uncached prompt tokens written to the cache, 0-1 (default: the preset\'s)', valueHint: 'x' },
  'batch-share': { type: 'string', description: 'share of requests sent through a batch API, 0-1 (default: the preset\'s)', valueHint: 'x' },
  'priority-share': { type: 'string', description: 'share of requests at a priority tier, 0-1 (default 0)', valueHint: 'x' },
  'off-peak-share': { type: 'string', description: 'share of requests in off-peak hours, 0-1 (default 0)', valueHint: 'x' },
  requests: { type: 'string', description: 'context-length mix: share:inputTokens:outputTokens classes, comma-separated, shares summing to 1 (default: one class at the preset\'s means)', valueHint: 's:in:out,...' },
  json: { type: 'boolean', description: 'print the result as JSON (USD per million tokens, fractions)' },
} as const;

function parseRequests(raw: unknown): RequestClass[] {
  const allowed = `share:inputTokens:outputTokens classes, comma-separated, e.g. 0.9:8000:400,0.1:300000:1000`;
  const text = requireString('--requests', raw, allowed);
  const mix = parseRequestMix(text);
  if ('problem' in mix) throw new InputError('--requests', quoteForMessage(text, 80), allowed, `invalid --requests: ${quoteForMessage(text, 80)}: ${mix.problem}`);
  if (mix.requests === null) throw new InputError('--requests', '(empty)', allowed);
  return mix.requests;
}

/** The schedules a run prices: one provider's, every provider's of a model, or all. */
function pickSchedules(provider: string | undefined, model: string | undefined): readonly PriceSchedule[] {
  if (model !== undefined && provider !== undefined) return [findPriceSchedule(provider, model)];
  if (model !== undefined) {
    const found = PRICE_SCHEDULES.filter((s) => s.model === model);
    if (found.length === 0) throw new InputError('--model', quoteForMessage(model, 40), `one of ${[...new Set(PRICE_SCHEDULES.map((s) => s.model))].join(', ')}`);
    return found;
  }
  if (provider !== undefined) {
    const p = provider.toLowerCase();
    const found = PRICE_SCHEDULES.filter((s) => s.provider.toLowerCase() === p || s.id.split('/')[0] === p);
    if (found.length === 0) throw new InputError('--provider', quoteForMessage(provider, 40), `one of ${[...new Set(PRICE_SCHEDULES.map((s) => s.id.split('/')[0]))].join(', ')}`);
    return found;
  }
  return PRICE_SCHEDULES;
}


/** `prices realised`: the $/M a provider earns once caching, batch, tiers and discounts apply to a traffic mix. */
export function pricesRealisedCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'realised', description: 'Realised price: a provider\'s price schedule (cache reads and writes, batch, long context, priority, off-peak) applied to a workload\'s traffic, $/M input, output and blended' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const preset = findWorkloadPreset(a.workload === undefined ? 'chat' : requireString('--workload', a.workload, WORKLOAD_PRESET_IDS.join(', ')), '--workload');
      const fraction = (flag: string, raw: unknown) => (raw === undefined ? undefined : parseNumber(flag, raw, 0, 1));
      const base = presetTraffic(preset);
      const traffic: TrafficMix = {
        requests: a.requests === undefined ? base.requests : parseRequests(a.requests),
        cacheHitRate: fraction('--cache-hit-rate', a['cache-hit-rate']) ?? base.cacheHitRate,
        cacheWriteShare: fraction('--cache-write-share', a['cache-write-share']) ?? base.cacheWriteShare,
        batchShare: fraction('--batch-share', a['batch-share']) ?? base.batchShare,
        priorityShare: fraction('--priority-share', a['priority-share']) ?? base.priorityShare,
        offPeakShare: fraction('--off-peak-share', a['off-peak-share']) ?? base.offPeakShare,
      };
      const model = a.model === undefined ? undefined : requireString('--model', a.model, 'a model id');
      const provider = a.provider === undefined ? undefined : requireString('--provider', a.provider, 'a provider name');
      const rows = pickSchedules(provider, model).map((schedule) => ({ schedule, realised: realisedPrice(schedule, traffic) }));
      io.out.write(a.json ? `${JSON.stringify({ workload: preset.id, traffic, schedules: rows.map(({ schedule, realised }) => ({ ...realised, schedule })) }, null, 2)}\n` : render(preset, traffic, rows));
    },
  });
}

function render(preset: WorkloadPreset, t: TrafficMix, rows: readonly { schedule: PriceSchedule; realised: RealisedPrice }[]): string {
  const requests = t.requests.map((r) => `${percent(r.share)} at ${count(r.inputTokens)} in / ${count(r.outputTokens)} out`).join(', ');
  const terms = (s: PriceSchedule) => [
    s.base.cachedInputUsdPerMillion === null ? 'no cache price' : `cache read ${usd(s.base.cachedInputUsdPerMillion)}`,
    s.base.cacheWriteUsdPerMillion === null ? '' : `write ${usd(s.base.cacheWriteUsdPerMillion)}`,
    s.batch === null ? '' : `batch -${percent(s.batch.discountFraction)}`,
    s.longContext === null ? '' : `>${count(s.longContext.thresholdInputTokens)} tok: ${usd(s.longContext.inputUsdPerMillion)}/${usd(s.longContext.outputUsdPerMillion)}`,
    s.priority === null ? '' : `priority ×${s.priority.multiplier}`,
    s.offPeak === null ? '' : `off-peak -${percent(s.offPeak.discountFraction)} ${s.offPeak.hoursUtc} UTC`,
  ].filter((x) => x !== '').join(', ');
  return [
    `Realised price: what each schedule earns on ${preset.id} traffic (${preset.description}).`,
    `traffic: ${requests}; ${percent(t.cacheHitRate)} of prompt tokens cached, ${percent(t.cacheWriteShare)} of the rest written to the cache; batch ${percent(t.batchShare)}, priority ${percent(t.priorityShare)}, off-peak ${percent(t.offPeakShare)} of requests`,
    table(rows.map(({ schedule: s, realised: r }) => [
      s.id, `${usd(s.base.inputUsdPerMillion)} / ${usd(s.base.outputUsdPerMillion)}`, terms(s),
      usd(r.inputUsdPerMillion), usd(r.outputUsdPerMillion), usd(r.blendedUsdPerMillion), usd(r.listBlendedUsdPerMillion), ratio(r.realisedToListRatio),
    ]), ['schedule', 'list in / out', 'terms', 'realised $/M in', '$/M out', '$/M blended', 'list blended', 'realised/list']),
    'sources:',
    ...rows.map(({ schedule: s }) => `  ${s.id}: ${s.base.source} (${s.base.date})${[s.longContext, s.batch, s.priority, s.offPeak].filter((x) => x !== null).map((x) => `; ${x.note} ${x.source} (${x.date})`).join('')}`),
  ].join('\n') + '\n';
}
