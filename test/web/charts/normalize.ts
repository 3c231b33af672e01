/**
 * Chart markup made comparable across runs and Plot versions' cosmetic churn: every decimal number
 * rounded to 2 decimals, Plot's versioned class name (`plot-d6a7b5`) and its counter-numbered
 * clip and pattern ids replaced by fixed names, and one tag per line so that a snapshot diff
 * points at the element that changed (the way Observable Plot's own test/output files read).
 */
export function normalize(markup: string): string {
  return markup
    .replace(/plot-[0-9a-f]{6}/g, 'plot')
    .replace(/plot-(clip|pattern)-\d+/g, 'plot-$1')
    .replace(/-?\d*\.\d+/g, (number) => String(Math.round(Number(number) * 100) / 100 + 0))
    .replace(/></g, '>\n<');
}
