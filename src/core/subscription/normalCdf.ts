/**
 * The standard normal cumulative distribution Φ(x) = P(Z <= x), by Hart's algorithm 5666 as
 * given by Graeme West ("Better approximations to cumulative normal functions", Wilmott
 * Magazine, 2005): a rational function times exp(−x²/2) for |x| < 7.07, a continued fraction
 * beyond, 0 past |x| = 37. Accurate to about 1e−14 (double precision); Φ(0) is 0.5 and
 * Φ(−x) = 1 − Φ(x). Φ(−∞) = 0, Φ(+∞) = 1; NaN gives NaN.
 *
 * Example: `normalCdf(0)` is 0.5; `normalCdf(1.959964)` is 0.975.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail: number; // P(Z > |x|)
  if (Number.isNaN(z)) return Number.NaN;
  if (z > 37) {
    tail = 0;
  } else if (z < 7.07106781186547) {
    const numerator = ((((((0.0352624965998911 * z + 0.700383064443688) * z + 6.37396220353165) * z + 33.912866078383) * z + 112.079291497871) * z + 221.213596169931) * z + 220.206867912376);
    const denominator = (((((((0.0883883476483184 * z + 1.75566716318264) * z + 16.064177579207) * z + 86.7807322029461) * z + 296.564248779674) * z + 637.333633378831) * z + 793.826512519948) * z + 440.413735824752);
    tail = (Math.exp((-z * z) / 2) * numerator) / denominator;
  } else {
    const fraction = z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))));
    tail = Math.exp((-z * z) / 2) / fraction / 2.506628274631;
  }
  return x > 0 ? 1 - tail : tail;
}
