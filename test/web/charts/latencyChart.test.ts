import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { latencyChart } from '../../../web/src/charts/index.js';
import { normalize } from './normalize.js';

const document = new JSDOM('<!doctype html><body></body>').window.document;

describe('latencyChart(rows, options)', () => {
  const rows = [0, 0.25, 0.5, 0.75].map((hour, i) => ({ hour, ttftP50Seconds: 0.2 * (i + 1), ttftP99Seconds: [1, 8, 3, NaN][i]!, tpotP99Seconds: 0.03 }));
  const chart = latencyChart(rows, { document, maxTtftSeconds: 5 });

  it('matches test/web/charts/output/latencyChart.html', async () => {
    await expect(normalize(chart.outerHTML)).toMatchFileSnapshot('./output/latencyChart.html');
  });

  it('draws p50 and p99 TTFT on a log axis in seconds, with the target as a rule, and leaves out buckets without latency', () => {
    expect(chart.querySelector('g[aria-label="y-axis label"]')?.textContent).toContain('TTFT (seconds, log scale)');
    expect(chart.querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(chart.querySelector('g[aria-label="rule"]')).not.toBeNull();
    expect(chart.textContent).toContain('p99 TTFT');
    expect(latencyChart(rows, { document }).querySelector('g[aria-label="rule"]')).toBeNull();
  });
});
