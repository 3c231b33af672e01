import { formatLocale } from 'd3-format';
import { BILLION, GB, GiB, MILLION, MILLISECONDS_PER_SECOND, THOUSAND, TRILLION } from '../core/units.js';

/**
 * The number formats every surface prints with: the CLI's tables and the web app's views and
 * charts. Built on d3-format with an en-US locale fixed here (ASCII minus, comma thousands), so
 * that output, and the snapshots of it, do not depend on the reader's locale. Pure: no I/O.
 *
 * Every formatter reads "n/a" for a non-finite number unless it says otherwise.
 */
const locale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''], minus: '-' });

/** d3 format specifiers compile once; formats are few and reused across every row. */
const compiled = new Map<string, (x: number) => string>();
function d3(specifier: string): (x: number) => string {
  let f = compiled.get(specifier);
  if (f === undefined) {
    f = locale.format(specifier);
    compiled.set(specifier, f);
  }
  return f;
}


/**
 * One step of a format by magnitude: amounts whose size reaches `from` (and no larger step)
 * print divided by `per` (default 1) with `decimals` decimals, or `significant` significant
 * figures, followed by `suffix`.
 */
export interface MagnitudeStep {
  readonly from: number;
  readonly decimals?: number;
  readonly significant?: number;
  readonly per?: number;
  readonly suffix?: string;
}

/** A format by magnitude: its steps, largest `from` first. */
export type Magnitudes = readonly MagnitudeStep[];

/**
 * The step an amount prints in: the largest step its size reaches (the last step for smaller
 * amounts), moved up while rounding in that step reaches the next step's threshold, so that a
 * price never reads "$1.000" or "$100.00" where the larger step would write "$1.00" or "$100".
 */
function stepOf(abs: number, steps: Magnitudes): MagnitudeStep {
  let i = steps.findIndex((s) => abs >= s.from);
  // zero prints with the smallest step of fixed decimals ("$0.000"), never in significant figures
  if (abs === 0) i = steps.findLastIndex((s) => s.significant === undefined);
  if (i === -1) i = steps.length - 1;
  while (i > 0) {
    const s = steps[i]!;
    const above = steps[i - 1]!;
    const rounded = s.significant !== undefined ? Number((abs / (s.per ?? 1)).toPrecision(s.significant)) : Number((abs / (s.per ?? 1)).toFixed(s.decimals ?? 0));
    if (rounded * (s.per ?? 1) < above.from) break;
    i--;
  }
  return steps[i]!;
}

/** Formats `x` by magnitude; `prefix` '$' goes between the sign and the digits ("-$1.50"). */
export function byMagnitude(x: number, steps: Magnitudes, prefix: '' | '$' = ''): string {
  if (!Number.isFinite(x)) return 'n/a';
  const step = stepOf(Math.abs(x), steps);
  const scaled = x / (step.per ?? 1);
  const body = step.significant !== undefined ? d3(`${prefix},.${step.significant}r`)(scaled) : d3(`${prefix},.${step.decimals ?? 0}f`)(scaled);
  return `${body}${step.suffix ?? ''}`;
}

/**
 * The precision a dollar amount prints with, by its size. `wholeWithoutCents` writes a whole
 * amount without decimals whatever its step ("$20", not "$20.00"): for list prices.
 */
export interface UsdStyle {
  readonly steps: Magnitudes;
  readonly wholeWithoutCents?: boolean;
}

/** The dollar styles in use, each named after where it reads best. */
export const USD_STYLES = {
  /** Prices and costs per million tokens: $0.892, $2.98, $1,235 (whole dollars from $100). */
  price: { steps: [{ from: 100, decimals: 0 }, { from: 1, decimals: 2 }, { from: 0, decimals: 3 }] },
  /** List prices of a seat or a plan: as `price`, whole amounts without cents ($20). */
  listPrice: { steps: [{ from: 100, decimals: 0 }, { from: 1, decimals: 2 }, { from: 0, decimals: 3 }], wholeWithoutCents: true },
  /** Chart labels: as `price` but cents up to $1,000, and two significant figures under a cent ($0.00040). */
  chart: { steps: [{ from: 1000, decimals: 0 }, { from: 1, decimals: 2 }, { from: 0.01, decimals: 3 }, { from: 0, significant: 2 }] },
  /** Bills of a day or a year: cents, whole dollars from $1,000 ($0.43, $12.98, $3,302). */
  bill: { steps: [{ from: 1000, decimals: 0 }, { from: 0, decimals: 2 }] },
  /** Market prices per million tokens, two figures enough: $0.15, $2.50, $12.5. */
  market: { steps: [{ from: 10, decimals: 1 }, { from: 0, decimals: 2 }] },
  /** Market prices down to small models: $0.015, $0.15, $2.50, $12.5. */
  marketFine: { steps: [{ from: 10, decimals: 1 }, { from: 0.1, decimals: 2 }, { from: 0, decimals: 3 }] },
  /** The parts of a small cost, to a hundredth of a cent: $0.0123. */
  costPart: { steps: [{ from: 0, decimals: 4 }] },
  /** Company-scale amounts in billions: $3.70B, -$4.78B. */
  billions: { steps: [{ from: 0, decimals: 2, per: BILLION, suffix: 'B' }] },
} as const satisfies Record<string, UsdStyle>;

/**
 * A dollar amount with the precision of `style` (default: `USD_STYLES.price`), the minus sign
 * before the dollar: 0.892 → "$0.892", 2.981 → "$2.98", 1234.5 → "$1,235", -1.5 → "-$1.50".
 */
export function usd(x: number, style: UsdStyle = USD_STYLES.price): string {
  if (style.wholeWithoutCents === true && Number.isInteger(x)) return d3('$,.0f')(x);
  return byMagnitude(x, style.steps, '$');
}

/** A price per million tokens: 2.5 → "$2.50 per million tokens"; `kind` names the tokens ("output"). */
export function usdPerMillionTokens(usdPerMillion: number, kind = '', style: UsdStyle = USD_STYLES.price): string {
  return `${usd(usdPerMillion, style)} per million ${kind === '' ? '' : `${kind} `}tokens`;
}

/** A fraction as a percentage with `decimals` decimals (default 0): 0.482 → "48%", (0.0534, 1) → "5.3%". */
export function percent(fraction: number, decimals = 0): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  return d3(`.${decimals}%`)(fraction);
}

/**
 * A change as a signed percentage: (0.12, 1) → "+12.0%", (-0.053, 1) → "-5.3%". A change that
 * rounds to zero keeps its sign ("+0.0%", "-0.0%") unless `zeroUnsigned` ("0.0%").
 */
export function signedPercent(fraction: number, decimals = 0, zeroUnsigned = false): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  if (zeroUnsigned && Number((fraction * 100).toFixed(decimals)) === 0) return percent(0, decimals);
  return d3(`+.${decimals}%`)(fraction);
}

/** A whole count with thousands separators: 70272 → "70,272", 3.6 → "4". */
export function count(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  return d3(',.0f')(Math.round(n));
}

/** A number with `decimals` decimals and thousands separators: (1525.61, 1) → "1,525.6". */
export function fixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  return d3(`,.${decimals}f`)(x);
}

/**
 * A number with at most `decimals` decimals, trailing zeros dropped down to `minDecimals`
 * (default 0): (2.50, 2) → "2.5", (117, 2) → "117", (0.6, 4, 2) → "0.60", (0.045, 4, 2) → "0.045".
 */
export function upTo(x: number, decimals: number, minDecimals = 0): string {
  if (!Number.isFinite(x)) return 'n/a';
  const text = d3(`,.${decimals}~f`)(x);
  const shown = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
  if (shown >= minDecimals) return text;
  return `${text}${shown === 0 ? '.' : ''}${'0'.repeat(minDecimals - shown)}`;
}

/** A measured or predicted quantity with `digits` significant figures (default 4): 1525.6 → "1,526", 0.12857 → "0.1286". */
export function significant(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return 'n/a';
  return d3(`,.${digits}~r`)(x);
}

/**
 * A number as a scenario file would hold it: up to `digits` significant figures (default 6),
 * no thousands separators, trailing zeros dropped: 26280 → "26280", 1.6 → "1.6", 0.123456789 → "0.123457".
 */
export function plain(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return 'n/a';
  return d3(`.${digits}~r`)(x);
}

/** A ratio with `decimals` decimals (default 2) and a times sign: 2.1846 → "2.18×". */
export function ratio(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return 'n/a';
  return `${d3(`,.${decimals}f`)(x)}×`;
}

/** Token counts in k, M and B: 1234 → "1k", 2.5e6 → "2.5M", 3.21e9 → "3.21B"; under 1,000 a count. */
export function tokens(n: number): string {
  return byMagnitude(n, [
    { from: BILLION, decimals: 2, per: BILLION, suffix: 'B' },
    { from: MILLION, decimals: 1, per: MILLION, suffix: 'M' },
    { from: THOUSAND, decimals: 0, per: THOUSAND, suffix: 'k' },
    { from: 0, decimals: 0 },
  ]);
}

/** Token counts in millions and billions: 2.5e6 → "2.5M", 3.21e9 → "3.21B" (volumes a month). */
export function millionsOfTokens(n: number): string {
  return byMagnitude(n, [{ from: BILLION, decimals: 2, per: BILLION, suffix: 'B' }, { from: 0, decimals: 1, per: MILLION, suffix: 'M' }]);
}

/**
 * A parameter count in B or T: 671.03e9 → "671.0B", 1.04e12 → "1.04T"; `separator` goes before
 * the letter (" " for "671.0 B") and `trillionDecimals` sets the precision of trillions (default 2).
 */
export function params(n: number, separator = '', trillionDecimals = 2): string {
  return byMagnitude(n, [{ from: TRILLION, decimals: trillionDecimals, per: TRILLION, suffix: `${separator}T` }, { from: 0, decimals: 1, per: BILLION, suffix: `${separator}B` }]);
}

/**
 * A parameter count as the fit report writes it, with a space and one more decimal for small
 * models: 671.03e9 → "671.0 B", 8.03e9 → "8.03 B", 1.04e12 → "1.040 T".
 */
export function paramsPrecise(n: number): string {
  return byMagnitude(n, [
    { from: TRILLION, decimals: 3, per: TRILLION, suffix: ' T' },
    { from: 10 * BILLION, decimals: 1, per: BILLION, suffix: ' B' },
    { from: 0, decimals: 2, per: BILLION, suffix: ' B' },
  ]);
}

/** Decimal gigabytes with `decimals` decimals (default 1): 84,123,456,789 → "84.1 GB". */
export function gigabytes(bytes: number, decimals = 1): string {
  return `${fixed(bytes / GB, decimals)} GB`;
}

/** Binary gibibytes, for capacities vendors quote in GiB: 151,397,597,184 → "141.0 GiB". */
export function gibibytes(bytes: number, decimals = 1): string {
  return `${fixed(bytes / GiB, decimals)} GiB`;
}

/**
 * Seconds as milliseconds with `decimals` decimals (default 0) and, as latencies are written, no
 * thousands separator: (0.0153, 1) → "15.3 ms", 4.3877 → "4388 ms".
 */
export function milliseconds(seconds: number, decimals = 0): string {
  if (!Number.isFinite(seconds)) return 'n/a';
  return `${d3(`.${decimals}f`)(seconds * MILLISECONDS_PER_SECOND)} ms`;
}

/** Seconds with `decimals` decimals (default 2): 0.734 → "0.73 s". */
export function seconds(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${fixed(value, decimals)} s`;
}

/**
 * A latency in the unit that reads best: milliseconds under 10 s, seconds with one decimal from
 * 10 s: 0.0904 → "90 ms", 12.34 → "12.3 s"; an unbounded latency reads "∞", a missing one "-".
 */
export function latency(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '-';
  if (!Number.isFinite(value)) return '∞';
  return value >= 10 ? seconds(value, 1) : milliseconds(value, 0);
}
