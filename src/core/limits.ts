import { MiB, SECONDS_PER_DAY } from './units.js';

/**
 * The finite range of every numeric input, chosen for the physics and the money: wide enough for
 * any real deployment or price, narrow enough that no computation overflows, hangs or runs out of
 * memory. Scenario schemas, CLI flags, URL state, trace columns and imported prices all check
 * against these, and their messages quote the range.
 */
export const LIMITS = {
  /**
   * Accelerators of one served option: 2^16 = 65,536, some 30 times the largest serving fleet
   * published (DeepSeek V3/R1 at peak: 278 nodes × 8 H800 = 2,224 GPUs; deepseek-ai/open-infra-index,
   * day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, 2025-03-01). A count past it is
   * refused at once with this range instead of sweeping layouts for a fleet nobody serves from.
   */
  accelerators: { min: 1, max: 2 ** 16 },
  /** Prompt tokens of one request: 10 million, the longest context windows offered. */
  inputTokens: { min: 1, max: 10_000_000 },
  /** Output tokens of one request: 1 million. */
  outputTokens: { min: 1, max: 1_000_000 },
  /** Draft tokens per step of speculative decoding / MTP: a handful in practice (EAGLE, MTP: 1-8). */
  speculativeTokens: { min: 0, max: 16 },
  /** Decode speed a user is promised, tokens per second per user. */
  tokensPerSecondPerUser: { min: 0, max: 100_000 },
  /** Time to first token target, seconds (a day). */
  ttftSeconds: { min: 0, max: SECONDS_PER_DAY },
  /** API price, USD per million tokens: up to a dollar a token. */
  priceUsdPerMillion: { min: 0, max: 1_000_000 },
  /** Rental price of one GPU-hour, USD. */
  gpuHourUsd: { min: 0, max: 10_000 },
  /** Capex of one GPU with its share of server and network, USD. */
  capexUsdPerGpu: { min: 0, max: 10_000_000 },
  /** Depreciation life, years. */
  depreciationYears: { min: 0, max: 50 },
  /** Cost of capital per year (1 = 100% a year). */
  costOfCapitalPerYear: { min: 0, max: 10 },
  /** Wall power of one GPU, watts. */
  powerWattsPerGpu: { min: 0, max: 100_000 },
  /** Power usage effectiveness. */
  pue: { min: 1, max: 10 },
  /** Electricity, USD per kWh. */
  electricityUsdPerKwh: { min: 0, max: 100 },
  /** Colocation, USD per kW-month. */
  datacenterUsdPerKwMonth: { min: 0, max: 100_000 },
  /** Staff, maintenance and software per GPU per year, USD. */
  operationsUsdPerGpuYear: { min: 0, max: 10_000_000 },
  /** A commitment's term, hours (10 years). */
  termHours: { min: 0, max: 87_600 },
  /** Mean arrival rate of a simulation, requests per second. */
  requestsPerSecond: { min: 0, max: 100_000 },
  /** Requests one simulation run may generate (arrival rate × duration, or `maxRequests`). */
  simulatedRequests: { min: 1, max: 10_000_000 },
  /** Length of a simulation and latest trace arrival: 4 weeks, in hours. */
  simulatedHours: { min: 0, max: 24 * 28 },
  /**
   * Peak hour over the day's mean of a synthetic daily profile: a peak on a whole hour is shared by
   * two hour centres, so the most the shape reaches is 24 / 2 = 12 (demand/profile.ts).
   */
  peakToAverage: { min: 1, max: 12 },
  /** A multiplier of the arrival rate (weekends, bursts). */
  rateMultiplier: { min: 0, max: 100 },
  /** Mean duration of a burst, seconds (1 s to a day). */
  burstSeconds: { min: 1, max: SECONDS_PER_DAY },
  /** Spread (σ of the log) of lognormal request sizes. */
  sizeSigma: { min: 0, max: 5 },
  /** Instances of a simulated fleet. */
  instances: { min: 1, max: 100_000 },
  /** Scale-up lag of an autoscaler, seconds (a day). */
  scaleUpLagSeconds: { min: 0, max: SECONDS_PER_DAY },
  /** Autoscaler headroom over the demand (10 = 1000%). */
  headroom: { min: 0, max: 10 },
  /** Host DRAM for a second prefix-cache tier, bytes per instance: up to 64 TB. */
  hostDramBytes: { min: 0, max: 64e12 },
  /** Seeds of the random streams: safe integers (taken modulo 2^32). */
  seed: { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
  /** Copies of a trace replayed over its own span (`traceScale`): up to 1,000 times its rate. */
  traceScale: { min: 0, max: 1_000 },
  /** Months a model serves traffic (lab, business view): up to 50 years, the longest depreciation life. */
  lifetimeMonths: { min: 0, max: 600 },
  /** Tokens served a month by one model (lab, business view): up to 1e18, some 10^5 times the default 1e13 output. */
  tokensPerMonth: { min: 0, max: 1e18 },
  /** Median tokens a subscription seat uses a month (subscription, business view): 1 to 1e15. */
  tokensPerSeatMonth: { min: 1, max: 1e15 },
  /** Log-space standard deviation of a seat's monthly tokens (subscription, business view). */
  seatUsageSigma: { min: 0, max: 10 },
  /** Options of one scenario file. */
  scenarioOptions: { min: 1, max: 1_000 },
  /** Size of a scenario, trace, config or price file read, bytes (64 MiB). */
  inputFileBytes: { min: 0, max: 64 * MiB },
} as const;

export type LimitName = keyof typeof LIMITS;

/** The range as text for messages: `from 1 to 65,536`. */
export function describeRange(name: LimitName): string {
  const { min, max } = LIMITS[name];
  return `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
}
