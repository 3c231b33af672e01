import { describe, expect, it } from 'vitest';
import { PRICE_SNAPSHOTS } from '../../../src/core/catalog/allPriceSnapshots.js';
import type { ApiPrice } from '../../../src/core/catalog/prices.js';
import { breadthPoints, marketBreadth } from '../../../src/core/market/marketBreadth.js';
import { robustLine, robustLineAt } from '../../../src/core/market/robustFit.js';

const shipped = PRICE_SNAPSHOTS.flatMap((s) => s.api);

describe('robustLine', () => {
  it('robustLine([0..5], a line with one wild point) keeps the slope of the others and names the outlier', () => {
    const x = [0, 1, 2, 3, 4, 5];
    const y = [0, 1, 2, 3, 40, 5];
    const f = robustLine(x, y);
    expect(f.slope).toBeCloseTo(1, 1);
    expect(f.outliers).toEqual([4]);
    // Ordinary least squares would be pulled to a slope of about 4.
  });

  it('the prediction band is wider than the confidence band and widens away from the data', () => {
    const x = [0, 1, 2, 3, 4, 5, 6];
    const y = [0.1, 0.9, 2.2, 2.8, 4.1, 5.2, 5.9];
    const f = robustLine(x, y);
    const mid = robustLineAt(f, 3);
    const far = robustLineAt(f, 12);
    expect(mid.prediction[1] - mid.prediction[0]).toBeGreaterThan(mid.confidence[1] - mid.confidence[0]);
    expect(far.prediction[1] - far.prediction[0]).toBeGreaterThan(mid.prediction[1] - mid.prediction[0]);
  });
});

describe('marketBreadth on the shipped snapshots', () => {
  const b = marketBreadth(shipped);

  it('fits at least 60 sized open-weight models from at least 10 providers, against total and active parameters', () => {
    expect(b.fits.median.models).toBeGreaterThanOrEqual(60);
    expect(b.providers.length).toBeGreaterThanOrEqual(10);
    expect(b.fits.median.active?.exponent).toBeGreaterThan(0.3);
    expect(b.fits.median.total?.exponent).toBeGreaterThan(0.2);
    // The cheapest provider sits below the median at every size.
    expect(b.fits.cheapest.active!.usdPerMillionAtOneBillion).toBeLessThan(b.fits.median.active!.usdPerMillionAtOneBillion);
  });

  it('fits each kind of provider apart, chip vendors and GPU clouds included', () => {
    const kinds = Object.fromEntries(b.byKind.map((k) => [k.kind, k]));
    expect(kinds['gpu-cloud']?.providers).toBeGreaterThanOrEqual(5);
    expect(kinds['chip-vendor']?.providers).toBe(3);
    expect(kinds['chip-vendor']?.active).not.toBeNull();
  });

  it('extrapolates to 1T/32B, 2T/100B and 5T/150B with a prediction band that holds the estimate and grows with size', () => {
    expect(b.extrapolations.map((e) => e.label)).toEqual(['1T total / 32B active', '2T total / 100B active', '5T total / 150B active']);
    const median = b.extrapolations.map((e) => e.fits.find((f) => f.fit === 'median' && f.against === 'activeParams')!);
    for (const m of median) {
      expect(m.prediction[0]).toBeLessThan(m.usdPerMillion);
      expect(m.prediction[1]).toBeGreaterThan(m.usdPerMillion);
    }
    expect(median[2]!.usdPerMillion).toBeGreaterThan(median[0]!.usdPerMillion);
  });

  it('sets frontier list prices against the market price of a 1-5T / 30-150B model: an implied markup range', () => {
    const sonnet = b.frontier.find((f) => f.model === 'claude-sonnet-4.5');
    expect(sonnet?.provider).toBe('Anthropic');
    expect(sonnet!.impliedMarkup[0]).toBeLessThan(sonnet!.impliedMarkup[1]);
    expect(sonnet!.impliedMarkup[0]).toBeCloseTo(sonnet!.listBlendedUsdPerMillion / sonnet!.marketUsdPerMillion[1], 12);
    const narrow = marketBreadth(shipped, { sizeRange: { totalParams: [2e12, 2e12], activeParams: [100e9, 100e9] } }).frontier.find((f) => f.model === 'claude-sonnet-4.5')!;
    expect(narrow.impliedMarkup[1] / narrow.impliedMarkup[0]).toBeLessThan(sonnet!.impliedMarkup[1] / sonnet!.impliedMarkup[0]);
  });

  it('a date window keeps only the rows dated inside it', () => {
    const late = breadthPoints(shipped, { from: '2026-06-01' });
    expect(late.length).toBeLessThan(b.points.length);
    for (const p of late) for (const s of p.providers) expect(s.date >= '2026-06').toBe(true);
    expect(() => breadthPoints(shipped, { from: '2026-07-01', to: '2026-01-01' })).toThrow(/on or before/);
  });

  it('one model sold by a single provider enters at a quarter weight; aggregator listings are not providers', () => {
    const rows: ApiPrice[] = [
      { model: 'llama-3.3-70b', modelName: 'x', provider: 'Together AI', inputUsdPerMillion: 0.88, cachedInputUsdPerMillion: null, outputUsdPerMillion: 0.88, role: 'third-party', date: '2026-01-01', source: 's' },
      { model: 'llama-3.3-70b', modelName: 'x', provider: 'OpenRouter', inputUsdPerMillion: 0.1, cachedInputUsdPerMillion: null, outputUsdPerMillion: 0.3, role: 'aggregator', date: '2026-01-01', source: 's' },
    ];
    const [p] = breadthPoints(rows);
    expect(p).toMatchObject({ providerCount: 1, weight: 0.25, medianBlendedUsdPerMillion: 0.88, cheapestBlendedUsdPerMillion: 0.88 });
    expect(p?.byKind.aggregator?.medianBlendedUsdPerMillion).toBeCloseTo(0.15);
  });
});
