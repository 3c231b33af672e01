// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { computeMarketBreadth, DEFAULT_MARKET_BREADTH, providerChoices } from '../../web/src/compute/marketBreadthView.js';
import { renderMarketBreadth } from '../../web/src/views/marketBreadthView.js';

describe('computeMarketBreadth(state)', () => {
  const all = computeMarketBreadth(DEFAULT_MARKET_BREADTH);

  it('gives every sized model a point per kind of provider and the median curve with its prediction band', () => {
    expect(all.models).toBeGreaterThanOrEqual(60);
    expect(new Set(all.kindRows.map((r) => r.kind))).toEqual(new Set(['gpu-cloud', 'chip-vendor', 'lab', 'hyperscaler', 'aggregator']));
    expect(all.curve).toHaveLength(40);
    for (const c of all.curve) expect(c.low).toBeLessThan(c.high);
  });

  it('a date window narrows the market, and a picked provider adds its prices against the modelled cost', () => {
    const late = computeMarketBreadth({ from: '2026-06-01', to: '', provider: 'cerebras' });
    expect(late.models).toBeLessThan(all.models);
    expect(late.provider?.accelerator).toBe('cerebras-wse3');
    expect(late.provider?.models.length).toBeGreaterThan(0);
  });

  it('offers the chip vendors and GPU clouds that price open-weight models, never the aggregator', () => {
    const ids = providerChoices().map((c) => c.value);
    expect(ids).toEqual(expect.arrayContaining(['groq', 'cerebras', 'sambanova', 'together']));
    expect(ids).not.toContain('openrouter');
  });

  it('renders the chart, the kind table, the extrapolations and the provider table', () => {
    const host = document.createElement('div');
    renderMarketBreadth(host, computeMarketBreadth({ from: '', to: '', provider: 'groq' }));
    expect(host.querySelector('svg')).not.toBeNull();
    expect(host.querySelectorAll('#market-kinds tbody tr')).toHaveLength(5);
    expect(host.querySelector('#market-extrapolations')?.textContent).toContain('5T total / 150B active');
    expect(host.querySelector('#market-provider-summary')?.textContent).toMatch(/^Groq \(chip-vendor\) on groq-lpu/);
  });
});
