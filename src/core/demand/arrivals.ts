import { InputError } from '../errors.js';
import { FLAT_PROFILE, rateMultiplierAt, type DemandProfile } from './profile.js';
import { createRng, exponential, lognormal } from './rng.js';
import type { Request, RequestSource, Rng } from './types.js';
import { problemLine } from '../problems.js';

export { fromList, collectRequests } from './requestSource.js';
export { fromTrace, parseTrace, TraceError } from './trace/parseTrace.js';

/** A lognormal token count: its mean (tokens, > 0) and the standard deviation of its log (0 = always the mean). */
export interface TokenCountDistribution {
  readonly mean: number;
  readonly sigma: number;
}

/** How big requests are. */
export interface RequestSizes {
  readonly inputTokens: TokenCountDistribution;
  readonly outputTokens: TokenCountDistribution;
  /** Share of each prompt already in the prefix cache, in [0, 1] (default 0). */
  readonly prefixCacheHitRate?: number;
}

/** Bursts: spells of `rateFactor` times the calm rate, `meanDurationSeconds` long on average, `shareOfTime` of the time. */
export interface BurstOptions {
  /** Rate in a burst over the calm rate (>= 0; above 1 for a burst, below for a lull). */
  readonly rateFactor: number;
  /** Mean length of a burst, seconds (> 0); lengths are exponential. */
  readonly meanDurationSeconds: number;
  /** Long-run share of time spent in bursts, in [0, 1). */
  readonly shareOfTime: number;
}

export interface PoissonArrivalsOptions {
  /** Mean request rate over a day (and over bursts), requests per second (>= 0). */
  readonly requestsPerSecond: number;
  /** Length of the run, seconds (> 0; Infinity only with a finite `maxRequests`). */
  readonly durationSeconds: number;
  readonly sizes: RequestSizes;
  /** How the rate moves over the day (default FLAT_PROFILE). */
  readonly profile?: DemandProfile;
  /** Rate factor on Saturdays and Sundays (default 1; see rateMultiplierAt). */
  readonly weekendMultiplier?: number;
  /** Where second 0 of the run falls in the week, seconds from Monday 00:00 (default 0). */
  readonly startSeconds?: number;
  readonly burst?: BurstOptions;
  /** Stop after this many requests (default no limit). */
  readonly maxRequests?: number;
  /** The generator to draw from; else one is created from `seed`. */
  readonly rng?: Rng;
  /** Seed of the generator when no `rng` is given (an integer, default 1). */
  readonly seed?: number;
}

/**
 * Requests arriving as a non-homogeneous Poisson process of rate
 * `requestsPerSecond × rateMultiplierAt(profile, startSeconds + t, weekendMultiplier)` over
 * `durationSeconds`, generated lazily by thinning (Lewis and Shedler, Naval Res. Logist. Q. 26,
 * 1979): candidates come at the profile's peak rate and each is kept with probability rate(t) /
 * peak rate. Sizes are lognormal with the given means, rounded to whole tokens and at least 1
 * (so a mean below ~2 tokens or a wide sigma comes out slightly above the mean asked); cached
 * tokens are round(input × prefixCacheHitRate).
 *
 * With `burst`, the rate is Markov-modulated by a two-state chain (calm, burst): bursts last an
 * exponential time of mean D = `meanDurationSeconds`, calm spells D (1 − s) / s with s =
 * `shareOfTime`, and the chain starts in its stationary state. The burst rate is `rateFactor` f
 * times the calm rate, and the calm rate is scaled down to `requestsPerSecond` / (1 − s + s f),
 * so the long-run mean rate stays `requestsPerSecond`: bursts add variance, not load.
 *
 * Deterministic for a seed: arrival times and sizes come from two streams of it, so changing
 * the sizes never moves the arrivals. Throws one InputError listing every bad option.
 *
 * Example: poissonArrivals({ requestsPerSecond: 10, durationSeconds: 3600, sizes: { inputTokens:
 * { mean: 2000, sigma: 1 }, outputTokens: { mean: 300, sigma: 0.5 } }, seed: 7 }) yields about
 * 36,000 requests over the hour (±190, one standard deviation), then null.
 */
export function poissonArrivals(options: PoissonArrivalsOptions): RequestSource {
  checkOptions(options);
  const {
    requestsPerSecond, durationSeconds, sizes, profile = FLAT_PROFILE, weekendMultiplier = 1,
    startSeconds = 0, burst, maxRequests = Infinity, seed = 1,
  } = options;
  const arrivalRng = options.rng ?? createRng(seed);
  const sizeRng = createRng(Math.floor(arrivalRng.next() * 2 ** 32));
  const hitRate = sizes.prefixCacheHitRate ?? 0;
  const share = burst?.shareOfTime ?? 0;
  const factor = burst?.rateFactor ?? 1;
  const burstSeconds = burst?.meanDurationSeconds ?? Infinity;
  const calmRate = requestsPerSecond / (1 - share + share * factor);
  const peakMultiplier = Math.max(...profile.hourlyMultipliers) * Math.max(1, weekendMultiplier);

  const spellSeconds = (burst: boolean): number =>
    share === 0 ? Infinity : exponential(arrivalRng, burst ? 1 / burstSeconds : share / ((1 - share) * burstSeconds));
  let inBurst = share > 0 && arrivalRng.next() < share;
  let switchSeconds = spellSeconds(inBurst);
  let nowSeconds = 0;
  let emitted = 0;

  const tokens = (d: TokenCountDistribution): number => Math.max(1, Math.round(lognormal(sizeRng, d.mean, d.sigma)));
  const next = (): Request | null => {
    if (emitted >= maxRequests) return null;
    for (;;) {
      if (!(nowSeconds < durationSeconds)) return null;
      const candidateRate = calmRate * (inBurst ? factor : 1) * peakMultiplier;
      const candidate = nowSeconds + exponential(arrivalRng, candidateRate);
      if (candidate >= switchSeconds) {
        // Exponential gaps are memoryless: restart the candidate clock at the switch.
        nowSeconds = switchSeconds;
        inBurst = !inBurst;
        switchSeconds = nowSeconds + spellSeconds(inBurst);
        continue;
      }
      nowSeconds = candidate;
      if (!(nowSeconds < durationSeconds)) return null;
      const keep = arrivalRng.next() * peakMultiplier < rateMultiplierAt(profile, startSeconds + nowSeconds, weekendMultiplier);
      if (!keep) continue;
      emitted++;
      const inputTokens = tokens(sizes.inputTokens);
      const outputTokens = tokens(sizes.outputTokens);
      return { arrivalSeconds: nowSeconds, inputTokens, cachedInputTokens: Math.round(inputTokens * hitRate), outputTokens };
    }
  };
  return { next };
}

function checkOptions(o: PoissonArrivalsOptions): void {
  const finite = (x: number | undefined, min: number) => x === undefined || (Number.isFinite(x) && x >= min);
  const checks: [field: string, value: unknown, ok: boolean, allowed: string][] = [
    ['requestsPerSecond', o.requestsPerSecond, finite(o.requestsPerSecond, 0), 'a number >= 0'],
    ['durationSeconds', o.durationSeconds, o.durationSeconds > 0 && (Number.isFinite(o.durationSeconds) || (o.durationSeconds === Infinity && Number.isFinite(o.maxRequests))),
      'a number of seconds > 0 (Infinity only with a finite maxRequests)'],
    ['sizes.inputTokens.mean', o.sizes.inputTokens.mean, finite(o.sizes.inputTokens.mean, 0) && o.sizes.inputTokens.mean > 0, 'a number > 0'],
    ['sizes.inputTokens.sigma', o.sizes.inputTokens.sigma, finite(o.sizes.inputTokens.sigma, 0), 'a number >= 0'],
    ['sizes.outputTokens.mean', o.sizes.outputTokens.mean, finite(o.sizes.outputTokens.mean, 0) && o.sizes.outputTokens.mean > 0, 'a number > 0'],
    ['sizes.outputTokens.sigma', o.sizes.outputTokens.sigma, finite(o.sizes.outputTokens.sigma, 0), 'a number >= 0'],
    ['sizes.prefixCacheHitRate', o.sizes.prefixCacheHitRate, finite(o.sizes.prefixCacheHitRate, 0) && !((o.sizes.prefixCacheHitRate ?? 0) > 1), 'a number from 0 to 1'],
    ['weekendMultiplier', o.weekendMultiplier, finite(o.weekendMultiplier, 0), 'a number >= 0'],
    ['startSeconds', o.startSeconds, finite(o.startSeconds, -Infinity), 'a finite number of seconds'],
    ['burst.rateFactor', o.burst?.rateFactor, finite(o.burst?.rateFactor, 0), 'a number >= 0'],
    ['burst.meanDurationSeconds', o.burst?.meanDurationSeconds, finite(o.burst?.meanDurationSeconds, 0) && o.burst?.meanDurationSeconds !== 0, 'a number of seconds > 0'],
    ['burst.shareOfTime', o.burst?.shareOfTime, finite(o.burst?.shareOfTime, 0) && !((o.burst?.shareOfTime ?? 0) >= 1), 'a number in [0, 1)'],
    ['maxRequests', o.maxRequests, o.maxRequests === undefined || o.maxRequests === Infinity || (Number.isInteger(o.maxRequests) && o.maxRequests >= 0), 'a whole number >= 0'],
    ['seed', o.seed, o.seed === undefined || Number.isInteger(o.seed), 'an integer'],
  ];
  const bad = checks.filter(([, , ok]) => !ok);
  if (bad.length === 0) return;
  const problems = bad.map(([field, value, , allowed]) => problemLine(field, allowed, value));
  throw new InputError(bad.length === 1 ? (bad[0]?.[0] ?? 'poissonArrivals') : 'poissonArrivals options', String(bad.map(([, value]) => value).join(', ')),
    bad.map(([, , , allowed]) => allowed).join('; '), `invalid poissonArrivals options: ${problems.join('; ')}`);
}
