import { describe, expect, it } from 'vitest';
import { createRng, exponential, lognormal, standardNormal } from '../../../src/core/demand/rng.js';

const draws = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('createRng', () => {
  it('createRng(42) gives the same stream every time', () => {
    expect(draws(42, 1000)).toEqual(draws(42, 1000));
  });

  it('createRng(1) and createRng(2) give different streams (no shared value in 1,000 draws at the same index)', () => {
    const a = draws(1, 1000);
    const b = draws(2, 1000);
    expect(a.filter((x, i) => x === b[i])).toHaveLength(0);
  });

  it('createRng(seed) takes the seed modulo 2^32: 7 and 2^32 + 7 are the same stream', () => {
    expect(draws(2 ** 32 + 7, 10)).toEqual(draws(7, 10));
  });

  it('createRng(0).next() stays in [0, 1) with mean 1/2 and variance 1/12 over 200k draws (within 1%)', () => {
    const xs = draws(0, 200_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const m = mean(xs);
    expect(Math.abs(m / 0.5 - 1)).toBeLessThan(0.01);
    expect(Math.abs(mean(xs.map((x) => (x - m) ** 2)) * 12 - 1)).toBeLessThan(0.01);
  });

  it('createRng(1.5) throws: seeds are integers', () => {
    expect(() => createRng(1.5)).toThrow(/integer/);
  });
});

describe('distributions', () => {
  it('exponential(rng, 4) has mean 0.25 s within 1% over 200k draws', () => {
    const rng = createRng(3);
    const xs = Array.from({ length: 200_000 }, () => exponential(rng, 4));
    expect(Math.abs(mean(xs) / 0.25 - 1)).toBeLessThan(0.01);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  });

  it('exponential(rng, 0) is Infinity: an event of rate 0 never comes', () => {
    expect(exponential(createRng(1), 0)).toBe(Infinity);
  });

  it('standardNormal(rng) has mean 0 and variance 1 over 200k draws (within 0.01)', () => {
    const rng = createRng(4);
    const xs = Array.from({ length: 200_000 }, () => standardNormal(rng));
    expect(Math.abs(mean(xs))).toBeLessThan(0.01);
    expect(Math.abs(mean(xs.map((x) => x * x)) - 1)).toBeLessThan(0.01);
  });

  it('lognormal(rng, 1000, 1) has sample mean 1,000 within 2% and median 1000·e^(−1/2) = 607 within 2% over 200k draws', () => {
    const rng = createRng(5);
    const xs = Array.from({ length: 200_000 }, () => lognormal(rng, 1000, 1));
    expect(Math.abs(mean(xs) / 1000 - 1)).toBeLessThan(0.02);
    const sorted = [...xs].sort((a, b) => a - b);
    expect(Math.abs((sorted[100_000] ?? 0) / (1000 * Math.exp(-0.5)) - 1)).toBeLessThan(0.02);
  });

  it('lognormal(rng, 300, 0) is exactly 300 every draw', () => {
    const rng = createRng(6);
    expect(Array.from({ length: 10 }, () => lognormal(rng, 300, 0))).toEqual(new Array(10).fill(300));
  });
});
