import { InputError } from '../errors.js';

/*
 * Mean-value formulas of classic queues, to check the simulator against. Notation: λ arrival
 * rate (per second), μ service rate of one server (per second), s = 1/μ mean service time, c
 * servers, a = λ/μ offered load in erlangs, ρ = a/c the load per server. Sources: L. Kleinrock,
 * Queueing Systems, Vol. 1: Theory (Wiley, 1975), ch. 3 (M/M/c, Erlang B and C) and ch. 5
 * (M/G/1, the Pollaczek–Khinchine mean-value formula); A. O. Allen, Probability, Statistics, and
 * Queueing Theory with Computer Science Applications, 2nd ed. (Academic Press, 1990), ch. 5
 * (Erlang B and C, and the Allen–Cunneen approximation for G/G/c).
 */

/**
 * Erlang's loss formula B(c, a): the probability that an arrival finds all c servers busy in
 * M/M/c/c (no queue), by the recursion B(0) = 1, B(k) = a B(k−1) / (k + a B(k−1)) (Allen 1990,
 * ch. 5), which never forms a^c or c! and so stays finite for thousands of servers.
 * Example: erlangB(2, 1) = 0.2 (a²/2 / (1 + a + a²/2) = 0.5 / 2.5).
 *
 * @param servers c, a whole number >= 1
 * @param offeredLoadErlangs a = λ/μ (>= 0)
 */
export function erlangB(servers: number, offeredLoadErlangs: number): number {
  checkServers(servers);
  checkNonNegative('offeredLoadErlangs', offeredLoadErlangs);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoadErlangs * b) / (k + offeredLoadErlangs * b);
  return b;
}

/**
 * Erlang's delay formula C(c, a): the probability that an arrival waits in M/M/c,
 *
 *     C = (a^c / c!) (c / (c − a)) / (Σ_{k<c} a^k / k! + (a^c / c!) (c / (c − a)))
 *       = c B / (c − a (1 − B)),   B = erlangB(c, a)
 *
 * (Kleinrock 1975, ch. 3; Allen 1990, ch. 5), computed by the second form. At a >= c the queue
 * never empties and every arrival waits: 1. Examples: C(1, ρ) = ρ; C(2, 1) = 1/3.
 *
 * @param servers c, a whole number >= 1
 * @param offeredLoadErlangs a = λ/μ (>= 0)
 */
export function erlangC(servers: number, offeredLoadErlangs: number): number {
  const b = erlangB(servers, offeredLoadErlangs);
  if (offeredLoadErlangs >= servers) return 1;
  return (servers * b) / (servers - offeredLoadErlangs * (1 - b));
}

/**
 * Mean time in queue (before service starts) of M/M/c, seconds:
 *
 *     Wq = C(c, a) / (c μ − λ)
 *
 * (Kleinrock 1975, ch. 3). Infinity at ρ = λ / (c μ) >= 1. Example: M/M/1 at λ = 0.5, μ = 1
 * waits ρ / (μ − λ) = 1 s.
 *
 * @param arrivalRate λ, per second (>= 0)
 * @param serviceRate μ of one server, per second (> 0)
 * @param servers c, a whole number >= 1
 */
export function mmcWaitSeconds(arrivalRate: number, serviceRate: number, servers: number): number {
  checkNonNegative('arrivalRate', arrivalRate);
  if (!(serviceRate > 0 && Number.isFinite(serviceRate))) throw new InputError('serviceRate', String(serviceRate), 'a number > 0');
  const a = arrivalRate / serviceRate;
  if (a >= servers) return (checkServers(servers), Infinity);
  return erlangC(servers, a) / (servers * serviceRate - arrivalRate);
}

/**
 * Approximate mean time in queue of M/G/c, seconds, by Allen–Cunneen for Poisson arrivals
 * (arrival Ca² = 1):
 *
 *     Wq ≈ Wq(M/M/c) × (1 + Cs²) / 2,   Cs² = Var(S) / E[S]²
 *
 * (Allen 1990, ch. 5). Exact for c = 1 (Pollaczek–Khinchine) and for exponential service
 * (Cs² = 1); within a few percent for moderate c and loads. Infinity at ρ >= 1.
 * Example: deterministic service (Cs² = 0) on one server waits half as long as M/M/1.
 *
 * @param arrivalRate λ, per second (>= 0)
 * @param meanServiceSeconds E[S] of one request on one server, seconds (> 0)
 * @param serviceCv2 Cs², the squared coefficient of variation of the service time (>= 0)
 * @param servers c, a whole number >= 1
 */
export function mgcWaitSeconds(arrivalRate: number, meanServiceSeconds: number, serviceCv2: number, servers: number): number {
  checkNonNegative('serviceCv2', serviceCv2);
  if (!(meanServiceSeconds > 0 && Number.isFinite(meanServiceSeconds))) throw new InputError('meanServiceSeconds', String(meanServiceSeconds), 'a number of seconds > 0');
  return mmcWaitSeconds(arrivalRate, 1 / meanServiceSeconds, servers) * ((1 + serviceCv2) / 2);
}

/**
 * Mean time in queue of M/D/1, seconds, by Pollaczek–Khinchine with constant service s:
 *
 *     Wq = ρ s / (2 (1 − ρ)),   ρ = λ s
 *
 * (Kleinrock 1975, ch. 5: Wq = λ E[S²] / (2 (1 − ρ)) with E[S²] = s²): half of M/M/1's ρ s / (1 − ρ) at the same load.
 * Infinity at ρ >= 1. Example: λ = 0.5 per second, s = 1 s waits 0.5 s.
 *
 * @param arrivalRate λ, per second (>= 0)
 * @param serviceSeconds s, seconds (> 0)
 */
export function md1WaitSeconds(arrivalRate: number, serviceSeconds: number): number {
  checkNonNegative('arrivalRate', arrivalRate);
  if (!(serviceSeconds > 0 && Number.isFinite(serviceSeconds))) throw new InputError('serviceSeconds', String(serviceSeconds), 'a number of seconds > 0');
  const rho = arrivalRate * serviceSeconds;
  if (rho >= 1) return Infinity;
  return (rho * serviceSeconds) / (2 * (1 - rho));
}

function checkServers(servers: number): void {
  if (!(Number.isInteger(servers) && servers >= 1)) throw new InputError('servers', String(servers), 'a whole number >= 1');
}

function checkNonNegative(field: string, x: number): void {
  if (!(x >= 0 && Number.isFinite(x))) throw new InputError(field, String(x), 'a finite number >= 0');
}
