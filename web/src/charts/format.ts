/**
 * Number formats the charts share: the shared formatters of src/format/numbers.ts (d3-format,
 * en-US fixed so that labels, and the snapshots of them, do not depend on the reader's locale)
 * under the names the charts use.
 */
import { count, percent, signedPercent, significant, usd, USD_STYLES } from '../../../src/format/numbers.js';

/**
 * A price in US dollars as a chart labels it: three decimals under $1, two significant figures
 * under a cent, cents from $1, whole dollars with thousands separators from $1,000:
 * 0.06 → "$0.060", 0.892 → "$0.892", 0.0004 → "$0.00040", 2.981 → "$2.98", 1234.5 → "$1,235".
 * Non-finite amounts read "n/a".
 */
export function formatUsd(x: number): string {
  return usd(x, USD_STYLES.chart);
}

/**
 * A fraction as a percentage with no decimals, or `decimals` of them: 0.482 → "48%",
 * (-0.053, 1) → "-5.3%", (0.12, 1, true) → "+12.0%"; a signed change that rounds to zero reads
 * "0.0%". Non-finite fractions read "n/a".
 */
export function formatPercent(fraction: number, decimals = 0, signed = false): string {
  return signed ? signedPercent(fraction, decimals, true) : percent(fraction, decimals);
}

/** A measured or predicted quantity with four significant figures: 1525.6 → "1,526", 0.12857 → "0.1286". */
export function formatQuantity(value: number): string {
  return significant(value, 4);
}

/** Tick labels in cents ($0.30, $2.50) and, under a cent, one significant figure ($0.005). */
const CENTS = { steps: [{ from: 0, decimals: 2 }] };
const ONE_FIGURE = { steps: [{ from: 0, significant: 1 }] };

/**
 * A tick label of a log-scale dollar axis, as a finance reader writes it (never an SI "300m"):
 * cents under $1, whole dollars from $1, tenths of a cent under a cent: 0.3 → "$0.30",
 * 0.05 → "$0.05", 2 → "$2", 0.005 → "$0.005". Like Plot's own log ticks, ticks whose leading digit
 * is 7, 8 or 9 stay unlabelled (""), so a decade's labels do not overlap. Non-positive or
 * non-finite ticks read "".
 */
export function formatUsdLogTick(amount: number): string {
  if (!Number.isFinite(amount) || amount <= 0) return '';
  const leading = Math.round((amount / 10 ** Math.floor(Math.log10(amount))) * 1e6) / 1e6;
  if (leading >= 7 && leading < 10) return '';
  if (amount >= 1) return Number.isInteger(Math.round(amount * 100) / 100) ? `$${count(amount)}` : usd(amount, CENTS);
  if (amount >= 0.01) return usd(amount, CENTS);
  return usd(amount, ONE_FIGURE);
}
