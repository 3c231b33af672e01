/**
 * The level annual payment that repays `capexUsd` over `years` at `ratePerYear`, net of the
 * residual value recovered at the end (the capital recovery cost of engineering economics):
 *
 *     payment = (capex − residual / (1 + r)^n) × CRF,   CRF = r (1 + r)^n / ((1 + r)^n − 1)
 *             = (capex − residual) × CRF + residual × r
 *
 * with residual = `residualFraction` × capex. The second line is the same quantity (the residual
 * is borrowed for n years at r and repaid in kind) and is what is computed. It is an annuity, not
 * straight division: money tied up in a GPU costs interest. At rate 0 it is straight-line
 * depreciation, (capex − residual) / years, exactly.
 *
 * Example: $50,000 over 5 years at 10% with a 10% residual: (1.1)^5 = 1.61051,
 * CRF = 0.161051 / 0.61051 = 0.2637975, payment = 45,000 × 0.2637975 + 5,000 × 0.1 = $12,370.89
 * a year (straight line would be $9,000).
 *
 * @param capexUsd purchase price, USD (>= 0)
 * @param years recovery period in years (> 0; need not be whole)
 * @param ratePerYear annual cost of capital (0.1 = 10%; >= 0)
 * @param residualFraction value left at the end as a share of capex, in [0, 1]
 * @returns USD per year
 */
export function capitalRecoveryUsdPerYear(capexUsd: number, years: number, ratePerYear: number, residualFraction: number): number {
  const residualUsd = capexUsd * residualFraction;
  if (ratePerYear === 0) return (capexUsd - residualUsd) / years;
  return (capexUsd - residualUsd) * capitalRecoveryFactor(years, ratePerYear) + residualUsd * ratePerYear;
}

/**
 * The capital recovery factor r / (1 − (1 + r)^−n): the annual payment per dollar borrowed for
 * `years` at `ratePerYear`; 1 / years at rate 0. Example: capitalRecoveryFactor(5, 0.1) = 0.2637975.
 * Computed with expm1/log1p so that small rates do not lose digits to cancellation; below a
 * rate of 1e-9 its first-order series (1 + (n + 1) r / 2) / n, whose error (~(n r)^2) is below
 * double precision there, so that subnormal rates do not divide garbage by garbage.
 */
export function capitalRecoveryFactor(years: number, ratePerYear: number): number {
  if (ratePerYear < TINY_RATE_PER_YEAR) return (1 + ((years + 1) * ratePerYear) / 2) / years;
  return ratePerYear / -Math.expm1(-years * Math.log1p(ratePerYear));
}

const TINY_RATE_PER_YEAR = 1e-9;
