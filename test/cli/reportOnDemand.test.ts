import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface OptionJson {
  gpu: string; costUsdPerGpuHour: number; costUsdPerMillionOutputTokens: number; marginFraction: number | null;
  onDemand: { usdPerGpuHour: number; costUsdPerMillionOutputTokens: number; marginFraction: number | null } | null;
}

describe('inferonomics report: contract rate by default, on demand beside it', () => {
  it('--json: each rented option costs its contract rate and carries the on-demand figures, scaled exactly by the price ratio', async () => {
    const j = await runCliJson<{ options: OptionJson[] }>(['report']);
    for (const o of j.options) {
      expect(o.costUsdPerGpuHour).toBe(o.gpu === 'h200' ? 1.6 : 2.9);
      const od = o.onDemand;
      if (od === null) throw new Error(`${o.gpu}: no on-demand figures`);
      const k = od.usdPerGpuHour / o.costUsdPerGpuHour;
      expect(k).toBeGreaterThan(2);
      expect(od.costUsdPerMillionOutputTokens).toBeCloseTo(o.costUsdPerMillionOutputTokens * k, 9);
      if (o.marginFraction !== null) expect(od.marginFraction).toBeCloseTo(1 - (1 - o.marginFraction) * k, 9);
    }
  });

  it('prints an "on demand instead" line under the cost of a GPU-hour', async () => {
    const r = await runCli(['report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cost of a GPU-hour\s+\$1\.60 \(rented: rent \$1\.60\)\non demand instead\s+\$4\.50 per GPU-hour: output \$[\d.]+, input \$[\d.]+ per million, margin -?\d+%/);
  });
});
