import { GB, GiB } from '../core/units.js';

/** Formats a table of rows as aligned text columns; numeric-looking cells are right-aligned. */
export function table(rows: readonly (readonly string[])[], header?: readonly string[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths: number[] = [];
  for (const row of all) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const numeric = /^[-+]?[\d,.]+( [a-zA-Z/%]+)?$/; // a number with at most one unit word
  const line = (row: readonly string[]) =>
    row.map((cell, i) => (i > 0 && numeric.test(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const out = all.map(line);
  if (header) out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return out.join('\n') + '\n';
}

/** Decimal gigabytes with one decimal: 84,123,456,789 → "84.1 GB". */
export function formatGB(bytes: number): string {
  return `${(bytes / GB).toFixed(1)} GB`;
}

/** Binary gibibytes, for capacities vendors quote in GiB: 151,397,597,184 → "141.0 GiB". */
export function formatGiB(bytes: number): string {
  return `${(bytes / GiB).toFixed(1)} GiB`;
}

/** A count with thousands separators: 70272 → "70,272". */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A parameter count in B or T: 671.03e9 → "671.0 B". */
export function formatParams(n: number): string {
  return n >= 1e12 ? `${(n / 1e12).toFixed(3)} T` : `${(n / 1e9).toFixed(n < 10e9 ? 2 : 1)} B`;
}
