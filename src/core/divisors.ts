/**
 * The divisors of a whole number n >= 1 in increasing order, found in O(√n).
 * Example: divisors(12) is [1, 2, 3, 4, 6, 12].
 */
export function divisors(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 1; i * i <= n; i++) {
    if (n % i !== 0) continue;
    small.push(i);
    if (i * i !== n) large.push(n / i);
  }
  return [...small, ...large.reverse()];
}
