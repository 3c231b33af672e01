// The heavy statistical draws (npm run bench): the arrival generator at a million requests and
// more, with the tighter bounds such samples allow. The fast tests (test/core/demand/arrivals.test.ts)
// draw 100,000-350,000 requests with bounds sized for those samples. Prints each statistic beside
// its bound and the time taken; exits 1 when a bound is missed.
import { collectRequests, poissonArrivals, type PoissonArrivalsOptions } from '../src/core/demand/arrivals.js';
import { diurnalProfile } from '../src/core/demand/profile.js';
import { dispersion, hourlyShareErrors } from '../test/core/demand/arrivalStatistics.js';

const FIXED_SIZES = { inputTokens: { mean: 1000, sigma: 0 }, outputTokens: { mean: 100, sigma: 0 } };
const times = (o: Omit<PoissonArrivalsOptions, 'sizes'>) => collectRequests(poissonArrivals({ sizes: FIXED_SIZES, ...o })).map((r) => r.arrivalSeconds);

interface Draw {
  readonly name: string;
  /** Each check: what it measures, the value, and whether it is inside its bound. */
  run(): { readonly label: string; readonly value: number; readonly bound: string; readonly ok: boolean }[];
}

const draws: Draw[] = [
  {
    name: 'flat Poisson arrivals: 100 req/s for 10,000 s (1,000,000 requests)',
    run() {
      const t = times({ requestsPerSecond: 100, durationSeconds: 10_000, seed: 1 });
      const countError = t.length / 1e6 - 1;
      const inOrder = t.every((x, i) => x >= 0 && x < 10_000 && (i === 0 || x >= (t[i - 1] ?? 0)));
      const d = dispersion(t, 10_000, 10);
      return [
        { label: 'count error', value: countError, bound: '|x| < 1%', ok: Math.abs(countError) < 0.01 },
        { label: 'in order inside the run', value: inOrder ? 1 : 0, bound: '1', ok: inOrder },
        { label: 'index of dispersion (10-s windows)', value: d, bound: '1 ± 0.5', ok: Math.abs(d - 1) < 0.5 },
      ];
    },
  },
  {
    name: 'a week of a diurnal profile (peak/average 2 at 15:00), 3 req/s (1,814,400 requests expected)',
    run() {
      const profile = diurnalProfile({ peakToAverage: 2, peakHour: 15 });
      const t = times({ requestsPerSecond: 3, durationSeconds: 7 * 86_400, profile, seed: 11 });
      const worst = Math.max(...hourlyShareErrors(t, profile, 3, 7).map(Math.abs));
      return [{ label: 'worst hour\'s share error', value: worst, bound: '< 3%', ok: worst < 0.03 }];
    },
  },
  {
    name: 'bursty arrivals (5× the calm rate, 1 s long, 10% of the time), 10 req/s for 100,000 s (1,000,000 requests)',
    run() {
      const t = times({ requestsPerSecond: 10, durationSeconds: 100_000, burst: { rateFactor: 5, meanDurationSeconds: 1, shareOfTime: 0.1 }, seed: 3 });
      const countError = t.length / 1e6 - 1;
      const d = dispersion(t, 100_000, 10);
      return [
        { label: 'count error', value: countError, bound: '|x| < 2%', ok: Math.abs(countError) < 0.02 },
        { label: 'index of dispersion (10-s windows)', value: d, bound: '> 5', ok: d > 5 },
      ];
    },
  },
];

let failed = 0;
for (const draw of draws) {
  const t0 = performance.now();
  const checks = draw.run();
  const seconds = (performance.now() - t0) / 1000;
  const ok = checks.every((c) => c.ok);
  if (!ok) failed++;
  const detail = checks.map((c) => `${c.label} ${Number(c.value.toPrecision(3))} (${c.bound}${c.ok ? '' : ': MISSED'})`).join('; ');
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${draw.name}: ${detail}; ${seconds.toFixed(2)} s`);
}
process.exitCode = failed > 0 ? 1 : 0;
