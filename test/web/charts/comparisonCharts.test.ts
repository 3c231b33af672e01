import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { comparisonCostChart, comparisonFrontierChart, frontierChart, optionColour } from '../../../web/src/charts/index.js';
import type { ComparisonCostRow, ComparisonFrontierRow, FrontierRow } from '../../../web/src/charts/types.js';

const document = new JSDOM('<!doctype html><body></body>').window.document;
const labels = ['1. A, 16 × h200', '2. A, 16 × b200', '3. A, 16 × mi300x'];
const front = (option: string, scale: number): ComparisonFrontierRow[] => [10, 30, 100].map((x, i) => ({
  option, tokensPerSecondPerUser: x, outputTokensPerSecondPerGpu: scale * (1000 / (i + 1)), costUsdPerMillionOutputTokens: 2 / scale, chosen: i === 1,
}));

describe('comparison charts', () => {
  it('comparisonFrontierChart draws one line per option, in the option\'s colour, and rings each chosen point', () => {
    const chart = comparisonFrontierChart(labels.flatMap((l, i) => front(l, i + 1)), { document, labels });
    const strokes = [...chart.querySelectorAll('g.front path')].map((p) => p.getAttribute('stroke'));
    expect(strokes.sort()).toEqual([0, 1, 2].map(optionColour).sort());
    expect(chart.querySelectorAll('g.chosen circle')).toHaveLength(3);
    expect(chart.textContent).toContain('Read:');
  });

  it('comparisonCostChart draws a bar per option and kind and a price tick where there is a price, on dollar ticks', () => {
    const rows: ComparisonCostRow[] = labels.flatMap((option, i) => (['input', 'cached input', 'output'] as const).map((kind, k) => ({ option, kind, costUsdPerMillion: 0.02 * (k + 1) * (i + 1), priceUsdPerMillion: k === 2 ? 3 : 0.5 })));
    const chart = comparisonCostChart(rows, { document, labels });
    expect(chart.querySelectorAll('g.cost-bars rect')).toHaveLength(9);
    expect(chart.querySelectorAll('g.price-ticks line')).toHaveLength(9);
    const fills = new Set([...chart.querySelectorAll('g.cost-bars rect')].map((r) => r.getAttribute('fill')));
    expect([...fills].sort()).toEqual([0, 1, 2].map(optionColour).sort());
    expect(chart.textContent).not.toMatch(/\dm\b/); // never an SI "300m" for $0.30
  });
});

describe('frontierChart colours cost on a fixed scale', () => {
  const row = (cost: number, x: number): FrontierRow => ({ tokensPerSecondPerUser: x, outputTokensPerSecondPerGpu: 100 / x, costUsdPerMillionOutputTokens: cost, layout: 'TP8', mode: 'aggregated', pareto: true, chosen: false });
  const fillOf = (rows: FrontierRow[], x: number) => {
    const chart = frontierChart(rows, { document, minTokensPerSecondPerUser: null });
    const dots = [...chart.querySelectorAll('g.pareto path')];
    const i = rows.filter((r) => r.pareto).sort((a, b) => a.tokensPerSecondPerUser - b.tokensPerSecondPerUser).findIndex((r) => r.tokensPerSecondPerUser === x);
    return dots[i]?.getAttribute('fill');
  };

  it('a $2 point has the same colour among cheap points as among dear ones (not the quantiles of each scenario)', () => {
    const cheap = [row(0.1, 1), row(0.2, 2), row(2, 3)];
    const dear = [row(2, 3), row(20, 4), row(50, 5)];
    expect(fillOf(cheap, 3)).toBe(fillOf(dear, 3));
    expect(fillOf(cheap, 1)).not.toBe(fillOf(dear, 5));
  });
});
