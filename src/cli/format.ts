import { valueWithUnit, type AssumptionRow } from '../core/scenario/assumptions.js';

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

/**
 * The assumptions table (`assumptionRows`) as the CLI prints it: the scenario's fields with who set
 * each, then the cost basis's with their units, each with its source; fields as a scenario file
 * names them (the web prints the same rows under their labels in words).
 */
export function assumptionTables(rows: readonly AssumptionRow[]): string {
  const scenario = rows.filter((r) => r.group === 'scenario').map((r) => [`  ${r.name}`, valueWithUnit(r), r.origin ?? '', r.source]);
  const costBasis = rows.filter((r) => r.group === 'cost basis').map((r) => [`  ${r.name}`, valueWithUnit(r), r.source]);
  return table(scenario) + '\n' + table(costBasis);
}
