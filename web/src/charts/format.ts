/**
 * Number formats the charts share. Fixed to en-US so that labels, and the snapshots of them, do
 * not depend on the reader's locale.
 */

/**
 * A price in US dollars as the CLI writes it: three decimals under $1, two significant figures
 * under a cent, cents from $1, whole dollars with thousands separators from $1,000:
 * 0.06 → "$0.060", 0.892 → "$0.892", 0.0004 → "$0.00040", 2.981 → "$2.98", 1234.5 → "$1,235".
 * Non-finite amounts read "n/a".
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return 'n/a';
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (Math.round(abs) >= 1000) return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
  if (Number(abs.toFixed(3)) >= 1) return `${sign}$${abs.toFixed(2)}`;
  if (abs >= 0.01 || abs === 0) return `${sign}$${abs.toFixed(3)}`;
  return `${sign}$${abs.toLocaleString('en-US', { minimumSignificantDigits: 2, maximumSignificantDigits: 2 })}`;
}

/**
 * A fraction as a percentage with no decimals, or `decimals` of them: 0.482 → "48%",
 * (-0.053, 1) → "-5.3%", (0.12, 1, true) → "+12.0%". Non-finite fractions read "n/a".
 */
export function formatPercent(fraction: number, decimals = 0, signed = false): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const text = (fraction * 100).toFixed(decimals);
  const zero = Number(text) === 0;
  const clean = zero ? (0).toFixed(decimals) : text;
  return `${signed && !zero && fraction > 0 ? '+' : ''}${clean}%`;
}

/** A measured or predicted quantity with four significant figures: 1525.6 → "1,526", 0.12857 → "0.1286". */
export function formatQuantity(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { maximumSignificantDigits: 4 });
}

/**
 * A tick label of a log-scale dollar axis, as a finance reader writes it (never an SI "300m"):
 * cents under $1, whole dollars from $1, tenths of a cent under a cent: 0.3 → "$0.30",
 * 0.05 → "$0.05", 2 → "$2", 0.005 → "$0.005". Like Plot's own log ticks, ticks whose leading digit
 * is 7, 8 or 9 stay unlabelled (""), so a decade's labels do not overlap. Non-positive or
 * non-finite ticks read "".
 */
export function formatUsdLogTick(usd: number): string {
  if (!Number.isFinite(usd) || usd <= 0) return '';
  const leading = Math.round((usd / 10 ** Math.floor(Math.log10(usd))) * 1e6) / 1e6;
  if (leading >= 7 && leading < 10) return '';
  if (usd >= 1) return `$${Number.isInteger(Math.round(usd * 100) / 100) ? Math.round(usd).toLocaleString('en-US') : usd.toFixed(2)}`;
  if (usd >= 0.01) return `$${usd.toFixed(2)}`;
  return `$${Number(usd.toPrecision(1))}`;
}
