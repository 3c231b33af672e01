import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestMix, revenueUsdPerRequest, tokenPricesOf, usdPerMillionOf } from '../../src/core/economics/prices.js';
import { addKinds, dotKinds, mapKinds, scaleKinds, TOKEN_KINDS, type PerTokenKind } from '../../src/core/tokenKinds.js';

const request: PerTokenKind = { freshInput: 2500, cachedInput: 2500, output: 500 };
const perKind = fc.record({ freshInput: fc.double({ min: -1e6, max: 1e6, noNaN: true }), cachedInput: fc.double({ min: -1e6, max: 1e6, noNaN: true }), output: fc.double({ min: -1e6, max: 1e6, noNaN: true }) });

describe('PerTokenKind operations', () => {
  it('TOKEN_KINDS are the keys of a PerTokenKind, in the order its sums run: fresh input, cached input, output', () => {
    expect(Object.keys(requestMix(5000, 500, 0.5))).toEqual([...TOKEN_KINDS]);
    expect(Object.keys(mapKinds(request, (x) => x))).toEqual([...TOKEN_KINDS]);
  });

  it('mapKinds doubles 2,500 / 2,500 / 500 to 5,000 / 5,000 / 1,000 and passes the kind', () => {
    expect(mapKinds(request, (x) => 2 * x)).toEqual({ freshInput: 5000, cachedInput: 5000, output: 1000 });
    expect(mapKinds(request, (_, k) => k)).toEqual({ freshInput: 'freshInput', cachedInput: 'cachedInput', output: 'output' });
  });

  it('dotKinds(tokens per request, GPU-seconds per token) is the GPU-seconds of the request: 2,500·1e-5 + 2,500·1e-6 + 500·1e-3 = 0.5275', () => {
    expect(dotKinds(request, { freshInput: 1e-5, cachedInput: 1e-6, output: 1e-3 })).toBeCloseTo(0.5275, 12);
  });

  it('scaleKinds and addKinds act kind by kind', () => {
    expect(scaleKinds(request, 0.5)).toEqual({ freshInput: 1250, cachedInput: 1250, output: 250 });
    expect(addKinds(request, request)).toEqual(scaleKinds(request, 2));
  });

  it('dotKinds is linear: dot(a, scale(b, k) + c) = k·dot(a, b) + dot(a, c), within rounding', () => {
    fc.assert(fc.property(perKind, perKind, perKind, fc.double({ min: -100, max: 100, noNaN: true }), (a, b, c, k) => {
      const left = dotKinds(a, addKinds(scaleKinds(b, k), c));
      const right = k * dotKinds(a, b) + dotKinds(a, c);
      const size = Math.abs(k) * dotKinds(mapKinds(a, Math.abs), mapKinds(b, Math.abs)) + dotKinds(mapKinds(a, Math.abs), mapKinds(c, Math.abs));
      // Relative rounding, plus an absolute floor for subnormal products (k = 6.4e-323 found a 2-ulp gap there).
      expect(Math.abs(left - right)).toBeLessThanOrEqual(1e-12 * size + 1e-300);
    }));
  });

  it('dotKinds sums in TOKEN_KINDS order, the order the hand-written sums it replaced ran in (bit for bit)', () => {
    fc.assert(fc.property(perKind, perKind, (a, b) => {
      expect(dotKinds(a, b)).toBe(a.freshInput * b.freshInput + a.cachedInput * b.cachedInput + a.output * b.output);
    }));
  });
});

describe('price lists as PerTokenKind', () => {
  it('usdPerMillionOf($3 / $0.30 / $15) is fresh 3, cached 0.3, output 15, and tokenPricesOf turns it back', () => {
    const prices = { inputUsdPerMillion: 3, cachedInputUsdPerMillion: 0.3, outputUsdPerMillion: 15 };
    expect(usdPerMillionOf(prices)).toEqual({ freshInput: 3, cachedInput: 0.3, output: 15 });
    expect(tokenPricesOf(usdPerMillionOf(prices))).toEqual(prices);
  });

  it('requestMix(5,000, 500, 0.5) is 2,500 fresh / 2,500 cached / 500 output, and its revenue at $0.5 / $0.05 / $2.5 is $0.002625', () => {
    expect(requestMix(5000, 500, 0.5)).toEqual(request);
    expect(revenueUsdPerRequest(request, { inputUsdPerMillion: 0.5, cachedInputUsdPerMillion: 0.05, outputUsdPerMillion: 2.5 })).toBeCloseTo(0.002625, 15);
  });
});
