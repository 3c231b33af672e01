/**
 * Sharpness of the roofline: a kernel takes `(c^p + m^p)^(1/p)` for compute time c and memory
 * time m, not `max(c, m)`. Near the ridge point a real kernel reaches neither peak (loads and
 * math overlap imperfectly); p = 4 costs 19% over the hard max where c = m and under 1% once one
 * side is twice the other.
 */
export const ROOFLINE_SHARPNESS = 4; // rooflineSeconds computes the fourth root by two square roots

/** The time of a kernel of compute time `c` and memory time `m` on the smooth roofline. */
export function rooflineSeconds(c: number, m: number): number {
  const big = Math.max(c, m);
  if (big <= 0) return 0;
  // (x⁴ + y⁴)^¼ by squares and square roots: this runs for every kernel of every step.
  const x = c / big;
  const y = m / big;
  const x2 = x * x;
  const y2 = y * y;
  return big * Math.sqrt(Math.sqrt(x2 * x2 + y2 * y2));
}
