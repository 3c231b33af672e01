/**
 * The CSV behind every chart: the same rows the chart draws, one record per row.
 */

/**
 * Rows as RFC 4180 CSV: a header record of the column names, then one record per row, records
 * separated by CRLF with no line break after the last. A field is quoted when it holds a comma, a
 * double quote, CR or LF, and its quotes are doubled. Numbers are written as plain decimals, never
 * in exponent notation (1e-7 → "0.0000001"); infinities as "Infinity" / "-Infinity"; NaN, null and
 * undefined as an empty field; booleans as "true" / "false"; other objects as JSON.
 *
 * `columns` picks and orders the fields; by default every key of the rows, in the order first met.
 * No rows and no columns give "".
 *
 * @example toCsv([{ kind: 'input, cached', costUsdPerMillion: 0.018 }])
 *   // 'kind,costUsdPerMillion\r\n"input, cached",0.018'
 */
export function toCsv(rows: readonly object[], columns?: readonly string[]): string {
  const names = columns ?? columnsOf(rows);
  if (names.length === 0) return '';
  const records = rows.map((row) => names.map((name) => csvField((row as Record<string, unknown>)[name])).join(','));
  return [names.map(csvField).join(','), ...records].join('\r\n');
}

function columnsOf(rows: readonly object[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  return [...names];
}

function csvField(value: unknown): string {
  const text = fieldText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function fieldText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return plainDecimal(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

/** A number in plain decimal notation: 1.5e-7 → "0.00000015", 2e21 → "2000000000000000000000", -0 → "0". */
export function plainDecimal(n: number): string {
  if (Number.isNaN(n)) return '';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  const text = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
