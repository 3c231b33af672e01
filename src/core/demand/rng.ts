import type { Rng } from './types.js';

export type { Rng } from './types.js';

/**
 * A seeded generator of uniform numbers in [0, 1): sfc32 (Chris Doty-Humphrey's Small Fast
 * Chaotic generator from the PractRand suite; 128 bits of state, passes PractRand), its four
 * state words filled from the seed by splitmix32 (a 32-bit variant of Steele, Lea and Flood's
 * SplitMix, mixing constants from Hash Prospector) and its first 12 outputs discarded so that
 * nearby seeds start far apart. Each `next()` returns a multiple of 2^−32.
 *
 * The same seed gives the same stream on every platform; different seeds give unrelated streams.
 * The seed is any integer; it is taken modulo 2^32 (so 1 and 2^32 + 1 are the same stream).
 *
 * Example: `createRng(42).next()` is a number in [0, 1), the same on every call of `createRng(42)`.
 */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`createRng: seed must be an integer, got ${seed}`);
  let mix = seed >>> 0;
  const splitmix32 = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  const next = (): number => {
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next };
}

/**
 * An exponential draw with rate `ratePerSecond` (mean 1 / rate, seconds), by inversion:
 * −ln(1 − U) / rate with U uniform in [0, 1), so the logarithm never sees 0. Rate 0 gives
 * Infinity (the event never comes). Example: `exponential(rng, 2)` averages 0.5 s.
 */
export function exponential(rng: Rng, ratePerSecond: number): number {
  if (ratePerSecond === 0) return Infinity;
  return -Math.log(1 - rng.next()) / ratePerSecond;
}

/**
 * A standard normal draw (mean 0, variance 1) by the Box–Muller transform (Box and Muller,
 * Ann. Math. Statist. 29, 1958): √(−2 ln U₁) cos(2π U₂). It takes two uniforms a draw and keeps
 * no second value between calls, so the stream depends on the rng alone.
 */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next(); // (0, 1]: the logarithm stays finite
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A lognormal draw with the given MEAN (not median) and log-space standard deviation `sigma`:
 * exp(μ + σZ) with μ = ln(mean) − σ²/2, since E[exp(μ + σZ)] = exp(μ + σ²/2). Sigma 0 returns
 * `mean` exactly; a normal is drawn either way, so changing sigma never shifts the rest of the
 * stream. Example: `lognormal(rng, 1000, 1)` averages 1,000 with a median of 607.
 *
 * @param mean the distribution's mean (> 0)
 * @param sigma the standard deviation of its logarithm (>= 0)
 */
export function lognormal(rng: Rng, mean: number, sigma: number): number {
  const z = standardNormal(rng);
  if (sigma === 0) return mean;
  return Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * z);
}
