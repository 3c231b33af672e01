import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { labCostChart, seatCostChart, tornadoChart } from '../../../web/src/charts/index.js';
import type { LabBarRow, SeatCostRow, TornadoChartRow } from '../../../web/src/charts/types.js';
import { normalize } from './normalize.js';

const document = new JSDOM('<!doctype html><body></body>').window.document;

describe('seatCostChart(rows, options)', () => {
  const seat = (plan: string, price: number, p50: number): SeatCostRow => ({
    plan, priceUsdPerSeatPerMonth: price, meanCostUsdPerSeat: 2 * p50, p50CostUsdPerSeat: p50, p90CostUsdPerSeat: 4 * p50, p99CostUsdPerSeat: 30 * p50,
    meanMarginFraction: 0.7, shareOfSeatsLosingMoney: 0.05, breakEvenTokensPerSeatPerMonth: 2.5e7, medianTokensPerActiveSeat: 1e6, idleShare: 0.1,
  });
  const chart = seatCostChart([seat('Plan A', 20, 1), seat('Plan B', 200, 12)], { document });

  it('matches test/web/charts/output/seatCostChart.html', async () => {
    await expect(normalize(chart.outerHTML)).toMatchFileSnapshot('./output/seatCostChart.html');
  });

  it('names its unit and every plan, and draws a price tick per plan', () => {
    expect(chart.querySelector('g[aria-label="x-axis label"]')?.textContent).toContain('USD per seat per month');
    expect(chart.textContent).toContain('Plan A');
    expect(chart.textContent).toContain('Plan B');
    expect(chart.querySelector('g[aria-label="tick"]')?.querySelectorAll('line').length).toBe(2);
  });
});

describe('tornadoChart(rows, options)', () => {
  const rows: TornadoChartRow[] = [
    { input: 'totalParams', lowValue: 1.2e12, highValue: 4.3e12, marginAtLow: 0.85, marginAtHigh: -0.97, swing: 1.82 },
    { input: 'utilization', lowValue: 0.44, highValue: 0.76, marginAtLow: 0.42, marginAtHigh: 0.67, swing: 0.25 },
  ];
  const chart = tornadoChart(rows, { document, marginAtMedians: 0.58 });

  it('matches test/web/charts/output/tornadoChart.html', async () => {
    await expect(normalize(chart.outerHTML)).toMatchFileSnapshot('./output/tornadoChart.html');
  });

  it('names its unit and its inputs in words, and draws each input\'s p10 and p90 margins as two bars in two colours from the medians\' margin', () => {
    expect(chart.querySelector('g[aria-label="x-axis label"]')?.textContent).toContain('Margin (% of revenue)');
    const bars = [...chart.querySelectorAll('g.tornado-bars rect')];
    expect(bars).toHaveLength(4);
    expect(new Set(bars.map((b) => b.getAttribute('fill'))).size).toBe(2);
    expect(chart.textContent).toContain('Total parameters');
    expect(chart.textContent).not.toContain('totalParams');
    expect(chart.textContent).toContain('input at its 10th percentile');
  });
});

describe('labCostChart(rows, options)', () => {
  const rows: LabBarRow[] = (['list', 'discounted'] as const).flatMap((rates) => [
    { rates, depth: 'marginal (power)', costUsdPerMillion: 0.07 },
    { rates, depth: 'serving (hardware)', costUsdPerMillion: rates === 'list' ? 4.1 : 2.05 },
    { rates, depth: 'full (+ training, research, staff)', costUsdPerMillion: rates === 'list' ? 7.4 : 5.1 },
  ]);
  const chart = labCostChart(rows, { document, revenueUsdPerMillion: 12.5 });

  it('matches test/web/charts/output/labCostChart.html', async () => {
    await expect(normalize(chart.outerHTML)).toMatchFileSnapshot('./output/labCostChart.html');
  });

  it('names its unit and draws a bar per depth and rate', () => {
    expect(chart.querySelector('g[aria-label="x-axis label"]')?.textContent).toContain('USD per million output-equivalent tokens');
    expect(chart.querySelectorAll('g[aria-label="bar"] rect').length).toBe(6);
    expect(chart.textContent).toContain('$12.50');
  });
});
