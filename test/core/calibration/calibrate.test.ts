import { describe, expect, it } from 'vitest';
import { factorName, priorValue, profileOf } from '../../../src/core/calibration/parameters.js';
import { robustFit } from '../../../src/core/calibration/robustFit.js';
import { hardwareEfficiency, PRIOR_HARDWARE } from '../../../src/core/perf/efficiencyProfiles.js';

// Calibration on the shared cases (a minute on a loaded machine) is in calibrate.heavy.test.ts.

describe('robustFit', () => {
  it('fits log k to residuals log(k·aᵢ/bᵢ) near the clean points, not the outlier (Huber)', () => {
    const ratios = [1.1, 0.9, 1.05, 0.95, 1.0, 5]; // one wild point
    const fit = robustFit({
      start: [0], lower: [-5], upper: [5],
      residuals: ([x]) => ratios.map((r) => (x as number) + Math.log(r)),
      huberDelta: 0.15, priorMean: [0], priorSigma: 100,
    });
    // Least squares would land at -mean(log r) = -0.27; the robust fit stays near the clean median.
    expect(Math.abs((fit.x[0] as number) - 0)).toBeLessThan(0.06);
    expect(fit.standardErrors[0]).toBeGreaterThan(0);
  });
});

describe('profileOf', () => {
  it('a family without a fitted factor follows its neighbour by ratio: ada.hbm moves as hopper.hbm did', () => {
    const p = profileOf(new Map([['hopper.hbm', PRIOR_HARDWARE.hopper.hbm * 1.2]]), 'test');
    expect(hardwareEfficiency('hopper', p).hbm).toBeCloseTo(PRIOR_HARDWARE.hopper.hbm * 1.2, 12);
    expect(hardwareEfficiency('ada', p).hbm).toBeCloseTo(PRIOR_HARDWARE.ada.hbm * 1.2, 12);
    // A fitted family keeps its own value.
    const q = profileOf(new Map([['hopper.hbm', 0.9], ['ada.hbm', 0.5]]), 'test');
    expect(hardwareEfficiency('ada', q).hbm).toBe(0.5);
    expect(priorValue({ kind: 'hardware', group: 'ada', factor: 'hbm' })).toBe(PRIOR_HARDWARE.ada.hbm);
    expect(factorName({ kind: 'framework', group: 'vllm', factor: 'stepOverheadSeconds' })).toBe('vllm.stepOverheadSeconds');
  });
});
