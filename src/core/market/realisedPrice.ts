import { InputError } from '../errors.js';
import type { PriceSchedule, TokenPriceSet } from './priceSchedules.js';

/** One kind of request in a traffic mix: its share of requests (0-1) and its token counts. */
export interface RequestClass {
  readonly share: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/**
 * The traffic a schedule is applied to. Every field is a fraction 0-1: the share of prompt tokens
 * read from the prefix cache, the share of uncached prompt tokens written to it, the shares of
 * requests sent as batch and as priority (together at most 1), and the share sent in off-peak
 * hours. `requests` is the context-length distribution: classes whose shares sum to 1.
 */
export interface TrafficMix {
  readonly requests: readonly RequestClass[];
  readonly cacheHitRate: number;
  readonly cacheWriteShare: number;
  readonly batchShare: number;
  readonly priorityShare: number;
  readonly offPeakShare: number;
}

/** What a provider earns per million tokens of a traffic mix, USD, beside its list prices. */
export interface RealisedPrice {
  /** Revenue from prompt tokens (fresh, cache writes, cache reads) per million prompt tokens. */
  readonly inputUsdPerMillion: number;
  readonly outputUsdPerMillion: number;
  /** All revenue per million tokens of either kind. */
  readonly blendedUsdPerMillion: number;
  /** The same tokens at the standard input and output prices, no cache, tier or discount. */
  readonly listBlendedUsdPerMillion: number;
  /** blended / list blended: below 1 where caching and discounts outweigh premiums. */
  readonly realisedToListRatio: number;
  /** Share of requests (0-1) whose prompt passes the long-context threshold. */
  readonly longContextRequestShare: number;
  /** Mean prompt and output tokens of a request. */
  readonly inputTokensPerRequest: number;
  readonly outputTokensPerRequest: number;
}

function check(field: string, x: number, ok: boolean, allowed: string): void {
  if (!Number.isFinite(x) || !ok) throw new InputError(field, String(x), allowed);
}

/** Throws an InputError naming the first field of `t` outside its range. */
export function validateTrafficMix(t: TrafficMix): void {
  for (const f of ['cacheHitRate', 'cacheWriteShare', 'batchShare', 'priorityShare', 'offPeakShare'] as const) check(f, t[f], t[f] >= 0 && t[f] <= 1, 'a fraction from 0 to 1');
  check('batchShare + priorityShare', t.batchShare + t.priorityShare, t.batchShare + t.priorityShare <= 1 + 1e-9, 'at most 1 (a request is batch, priority or standard)');
  if (t.requests.length === 0) throw new InputError('requests', '[]', 'at least one request class');
  t.requests.forEach((r, i) => {
    check(`requests[${i}].share`, r.share, r.share >= 0 && r.share <= 1, 'a fraction from 0 to 1');
    check(`requests[${i}].inputTokens`, r.inputTokens, r.inputTokens >= 0, 'a number of tokens >= 0');
    check(`requests[${i}].outputTokens`, r.outputTokens, r.outputTokens >= 0, 'a number of tokens >= 0');
  });
  const shares = t.requests.reduce((s, r) => s + r.share, 0);
  check('requests shares', shares, Math.abs(shares - 1) < 1e-6, 'shares summing to 1');
  const tokens = t.requests.reduce((s, r) => s + r.share * (r.inputTokens + r.outputTokens), 0);
  check('requests tokens', tokens, tokens > 0, 'some tokens (a mix of empty requests has no price per token)');
}

/**
 * The $/M a provider actually earns on `traffic` under `schedule`. Per request class: prompts
 * above the long-context threshold pay the long-context prices on all their tokens; a prompt's
 * cached share pays the cache-read price, its uncached share the cache-write price for the
 * written part and the input price for the rest (a missing cache price falls back to the input
 * price). Then every price is scaled by the request's tier: batch requests get the batch
 * discount, priority requests the priority multiplier, and the off-peak discount applies to
 * standard and batch requests in off-peak hours (discounts multiply); a tier the schedule lacks
 * is priced as standard. Throws an InputError for a traffic mix out of range.
 *
 * Example: Sonnet 4.5 ($3 in, $0.30 cached, $15 out), one class of 10,000 in / 1,000 out, no
 * cache: input $3, output $15, blended (30,000 + 15,000) / 11,000 = $4.09 per million; at batch
 * share 1 all three halve.
 */
export function realisedPrice(schedule: PriceSchedule, traffic: TrafficMix): RealisedPrice {
  validateTrafficMix(traffic);
  const { cacheHitRate: h, cacheWriteShare: w, batchShare, priorityShare, offPeakShare } = traffic;
  const offPeakFactor = 1 - offPeakShare * (schedule.offPeak?.discountFraction ?? 0);
  const batchFactor = (1 - (schedule.batch?.discountFraction ?? 0)) * offPeakFactor;
  const priorityFactor = schedule.priority?.multiplier ?? offPeakFactor;
  const tierFactor = batchShare * batchFactor + priorityShare * priorityFactor + (1 - batchShare - priorityShare) * offPeakFactor;
  let inputUsd = 0, outputUsd = 0, inputTokens = 0, outputTokens = 0, longShare = 0, listUsd = 0;
  for (const r of traffic.requests) {
    const long = schedule.longContext !== null && r.inputTokens > schedule.longContext.thresholdInputTokens;
    const p: TokenPriceSet = long && schedule.longContext !== null ? schedule.longContext : schedule.base;
    const fresh = r.inputTokens * (1 - h);
    inputUsd += r.share * (fresh * (1 - w) * p.inputUsdPerMillion + fresh * w * (p.cacheWriteUsdPerMillion ?? p.inputUsdPerMillion) + r.inputTokens * h * (p.cachedInputUsdPerMillion ?? p.inputUsdPerMillion));
    outputUsd += r.share * r.outputTokens * p.outputUsdPerMillion;
    listUsd += r.share * (r.inputTokens * schedule.base.inputUsdPerMillion + r.outputTokens * schedule.base.outputUsdPerMillion);
    inputTokens += r.share * r.inputTokens;
    outputTokens += r.share * r.outputTokens;
    if (long) longShare += r.share;
  }
  const blended = ((inputUsd + outputUsd) * tierFactor) / (inputTokens + outputTokens);
  const listBlended = listUsd / (inputTokens + outputTokens);
  return {
    inputUsdPerMillion: inputTokens > 0 ? (inputUsd * tierFactor) / inputTokens : 0,
    outputUsdPerMillion: outputTokens > 0 ? (outputUsd * tierFactor) / outputTokens : 0,
    blendedUsdPerMillion: blended,
    listBlendedUsdPerMillion: listBlended,
    realisedToListRatio: listBlended > 0 ? blended / listBlended : 0,
    longContextRequestShare: longShare,
    inputTokensPerRequest: inputTokens,
    outputTokensPerRequest: outputTokens,
  };
}
