import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fleetChart, marketChart } from '../../../web/src/charts/index.js';
import type { CurvePoint, MarketRow } from '../../../web/src/charts/types.js';
import { formatUsdLogTick } from '../../../web/src/charts/format.js';
import { normalize } from './normalize.js';

const document = new JSDOM('<!doctype html><body></body>').window.document;
const rows: MarketRow[] = [
  { model: 'small-moe', params: 5e9, medianBlendedUsdPerMillion: 0.25, physicalBlendedUsdPerMillion: 0.05 },
  { model: 'mid-moe', params: 32e9, medianBlendedUsdPerMillion: 1.2, physicalBlendedUsdPerMillion: 0.3 },
  { model: 'dense-70b', params: 70e9, medianBlendedUsdPerMillion: 0.7, physicalBlendedUsdPerMillion: null },
];
const curve: CurvePoint[] = [5e9, 20e9, 80e9].map((params) => ({ params, usdPerMillion: 0.07 * (params / 1e9) ** 0.7, low: 0.05 * (params / 1e9) ** 0.7, high: 0.1 * (params / 1e9) ** 0.7 }));

describe('marketChart(rows, options)', () => {
  const chart = marketChart(rows, { document, against: 'active', curve });

  it('matches test/web/charts/output/marketChart.html', async () => {
    await expect(normalize(chart.outerHTML)).toMatchFileSnapshot('./output/marketChart.html');
  });

  it('names its units on both axes and labels every model', () => {
    expect(chart.querySelector('g[aria-label="x-axis label"]')?.textContent).toContain('Active parameters (billions)');
    expect(chart.querySelector('g[aria-label="y-axis label"]')?.textContent).toContain('USD per million tokens');
    for (const r of rows) expect(chart.textContent).toContain(r.model);
  });

  it('labels its dollar axis as dollars and cents ($0.30), never with SI prefixes (300m)', () => {
    const ticks = [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent ?? '').filter((t) => t !== '');
    expect(ticks.length).toBeGreaterThan(3);
    for (const t of ticks) expect(t).toMatch(/^\$\d[\d,]*(\.\d+)?$/);
    expect(ticks).toContain('$0.30');
  });

  it('draws a physical-cost triangle only for models that have one', () => {
    const triangles = chart.querySelectorAll('g[aria-label="dot"]')[0]?.querySelectorAll('path').length ?? 0;
    expect(triangles).toBe(2);
  });
});

describe('formatUsdLogTick(usd)', () => {
  it.each([[0.3, '$0.30'], [0.05, '$0.05'], [0.1, '$0.10'], [1, '$1'], [2, '$2'], [20, '$20'], [2000, '$2,000'], [0.005, '$0.005'], [0.08, ''], [9, ''], [0, ''], [Number.NaN, '']])('%s → "%s"', (usd, label) => {
    expect(formatUsdLogTick(usd)).toBe(label);
  });
});

describe('fleetChart(rows, options)', () => {
  const rows = [0, 1, 2].map((hour) => ({ hour, instances: 2 + hour, utilization: 0.5 + 0.1 * hour, meanWaiting: hour }));
  const chart = fleetChart(rows, { document });

  it('matches test/web/charts/output/fleetChart.html', async () => {
    await expect(normalize(chart.outerHTML)).toMatchFileSnapshot('./output/fleetChart.html');
  });

  it('labels its axes and each hour with the share of capacity used', () => {
    expect(chart.querySelector('g[aria-label="y-axis label"]')?.textContent).toContain('Instances');
    expect(chart.textContent).toContain('70%');
  });
});
