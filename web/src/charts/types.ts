/**
 * Rows the web explorer's charts draw. Every chart is a pure function of (rows, options) that
 * returns an SVG (or a figure around one); each has a CSV of the same rows behind it.
 */

/** One evaluated operating point of the throughput-interactivity frontier. */
export interface FrontierRow {
  readonly tokensPerSecondPerUser: number;
  readonly outputTokensPerSecondPerGpu: number;
  /** Cost of a million output tokens at this point (at the scenario's utilization and cost basis). */
  readonly costUsdPerMillionOutputTokens: number;
  readonly layout: string;
  readonly mode: 'aggregated' | 'disaggregated';
  /** On the Pareto front. */
  readonly pareto: boolean;
  /** The operating point the economics uses. */
  readonly chosen: boolean;
}

/** Cost and price of a million tokens of one kind. */
export interface CostBreakdownRow {
  readonly kind: 'input' | 'cached input' | 'output';
  readonly costUsdPerMillion: number;
  readonly priceUsdPerMillion: number;
}

/** The money of one paid GPU-hour at one utilization. */
export interface MarginRow {
  readonly utilization: number;
  readonly marginFraction: number;
  readonly costUsdPerGpuHour: number;
  readonly revenueUsdPerGpuHour: number;
}

/** One metric of one validation case: measured against predicted. */
export interface ValidationRow {
  readonly caseId: string;
  readonly metric: string;
  readonly measured: number;
  readonly predicted: number;
  readonly relativeError: number;
}

/** Options every chart takes; `document` lets tests render without a browser. */
export interface ChartOptions {
  readonly document?: Document;
  readonly width?: number;
  readonly height?: number;
}

/** One open-weight model: its market price and what the physical model says it costs. */
export interface MarketRow {
  readonly model: string;
  readonly params: number;
  readonly medianBlendedUsdPerMillion: number;
  readonly physicalBlendedUsdPerMillion: number | null;
}

/** A point of the fitted price curve with its 95% confidence band. */
export interface CurvePoint {
  readonly params: number;
  readonly usdPerMillion: number;
  readonly low: number;
  readonly high: number;
}

/** One hour of a simulated fleet. */
export interface FleetHourRow {
  /** Start of the time bucket, hours from the start of the run. */
  readonly hour: number;
  /** Mean paid instances over the bucket. */
  readonly instances: number;
  /** Share of the paid instances' capacity at the latency target used, 0 to 1. */
  readonly utilization: number;
  readonly meanWaiting: number;
}

/** Latency of the requests arriving in one time bucket of a simulated run (seconds; NaN: none completed). */
export interface LatencyBucketRow {
  /** Start of the bucket, hours from the start of the run. */
  readonly hour: number;
  readonly ttftP50Seconds: number | null;
  readonly ttftP99Seconds: number | null;
  readonly tpotP99Seconds: number | null;
}

/** One subscription plan's monthly serving cost per seat against its price (USD per seat per month). */
export interface SeatCostRow {
  readonly plan: string;
  readonly priceUsdPerSeatPerMonth: number;
  readonly meanCostUsdPerSeat: number;
  readonly p50CostUsdPerSeat: number;
  readonly p90CostUsdPerSeat: number;
  readonly p99CostUsdPerSeat: number;
  readonly meanMarginFraction: number;
  readonly shareOfSeatsLosingMoney: number;
  readonly breakEvenTokensPerSeatPerMonth: number | null;
  readonly medianTokensPerActiveSeat: number;
  readonly idleShare: number;
}

/** One input's one-at-a-time swing of margin (p10 to p90 of the input, the others at their medians). */
export interface TornadoChartRow {
  readonly input: string;
  readonly lowValue: number;
  readonly highValue: number;
  readonly marginAtLow: number;
  readonly marginAtHigh: number;
  readonly swing: number;
}

/** A lab's cost per million output-equivalent tokens at one depth, at list or discounted compute rates. */
export interface LabBarRow {
  readonly rates: 'list' | 'discounted';
  readonly depth: string;
  readonly costUsdPerMillion: number;
}

/** One point of one compared option's Pareto front. */
export interface ComparisonFrontierRow {
  /** The option's label, which fixes its colour. */
  readonly option: string;
  readonly tokensPerSecondPerUser: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly costUsdPerMillionOutputTokens: number;
  /** The operating point the option's verdict uses. */
  readonly chosen: boolean;
}

/** Cost and price of a million tokens of one kind for one compared option. */
export interface ComparisonCostRow {
  readonly option: string;
  readonly kind: 'input' | 'cached input' | 'output';
  readonly costUsdPerMillion: number;
  readonly priceUsdPerMillion: number;
}
