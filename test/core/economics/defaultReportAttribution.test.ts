import { describe, expect, it } from 'vitest';
import { cachedInputCostParts } from '../../../src/core/economics/tokenAttribution.js';
import { DEFAULT_SCENARIO, resolveScenario, runOption, type OptionResult } from '../../../src/core/scenario/index.js';

/** The default report's options, run under each cost split (the frontier search is the slow part: about 1 s an option). */
const options = resolveScenario(DEFAULT_SCENARIO, 'built-in default scenario');
const phase = options.map((o) => runOption(o));
const marginal = options.map((o) => runOption({ ...o, costSplit: 'marginal' }));

function requestGpuSeconds(r: OptionResult): { attributed: number; point: number } {
  const s = r.gpuSecondsPerToken;
  const p = r.operatingPoint?.point;
  if (s === null || p === undefined) throw new Error(`${r.option.label} does not fit`);
  const w = r.option.workload;
  const cached = w.inputTokens * w.prefixCacheHitRate;
  const fresh = w.inputTokens - cached;
  return {
    attributed: fresh * s.freshInput + cached * s.cachedInput + w.outputTokens * s.output,
    point: fresh * p.prefillGpuSecondsPerInputToken + w.outputTokens * p.decodeGpuSecondsPerOutputToken,
  };
}

describe('the default report under the phase split (the default)', { timeout: 60_000 }, () => {
  it('says which split it used: phase by default, marginal when asked', () => {
    for (const r of phase) expect(r.attribution?.costSplit).toBe('phase');
    for (const r of marginal) expect(r.attribution?.costSplit).toBe('marginal');
  });

  it('every option (B200 ones included) costs input, cached input and output above zero', () => {
    for (const r of phase) {
      const e = r.economics;
      expect(e, r.option.label).not.toBeNull();
      expect(e?.costUsdPerMillionInputTokens, r.option.label).toBeGreaterThan(0);
      expect(e?.costUsdPerMillionCachedInputTokens, r.option.label).toBeGreaterThan(0);
      expect(e?.costUsdPerMillionOutputTokens, r.option.label).toBeGreaterThan(0);
    }
  });

  it('input, cached and output GPU-time add up to the operating point\'s GPU-time, under both splits', () => {
    for (const r of [...phase, ...marginal]) {
      const { attributed, point } = requestGpuSeconds(r);
      expect(attributed / point, r.option.label).toBeCloseTo(1, 10);
    }
  });

  it('the prefill share of GPU-time is what the per-token seconds say', () => {
    for (const r of phase) {
      const a = r.attribution;
      const s = r.gpuSecondsPerToken;
      if (a === null || s === null) throw new Error('no attribution');
      const w = r.option.workload;
      const cached = w.inputTokens * w.prefixCacheHitRate;
      const prompt = (w.inputTokens - cached) * s.freshInput + cached * s.cachedInput;
      expect(a.prefillGpuTimeShare).toBeCloseTo(prompt / requestGpuSeconds(r).point, 12);
    }
  });

  it('the cost of a request is its GPU-time plus its cached tokens\' KV keeping and moving, at the busy GPU-second price', () => {
    for (const r of phase) {
      const e = r.economics;
      const a = r.attribution;
      if (e === null || a === null || a.cachedKv === null) throw new Error('no economics');
      const w = r.option.workload;
      const cached = w.inputTokens * w.prefixCacheHitRate;
      const kv = a.cachedKv.hbmHolding + a.cachedKv.moving + a.cachedKv.hostDramHolding + a.cachedKv.ssdHolding;
      const busySecondUsd = e.costUsdPerGpuHour / (3600 * r.option.utilization);
      expect(e.costUsdPerRequest / (busySecondUsd * (requestGpuSeconds(r).point + cached * kv))).toBeCloseTo(1, 10);
    }
  });

  it('the cached-input cost by part (attention, KV in HBM, DRAM, SSD, moving) adds up to the cached-input cost, every part above zero', () => {
    for (const r of phase) {
      const e = r.economics;
      if (e === null || r.attribution === null) throw new Error('no economics');
      const parts = cachedInputCostParts(r.attribution, e.costUsdPerGpuHour, r.option.utilization);
      const sum = parts.attention + parts.hbmHolding + parts.moving + parts.hostDramHolding + parts.ssdHolding;
      expect(sum / e.costUsdPerMillionCachedInputTokens, r.option.label).toBeCloseTo(1, 10);
      for (const [k, x] of Object.entries(parts)) expect(x, `${r.option.label} ${k}`).toBeGreaterThan(0);
    }
  });

  it('the marginal split keeps the earlier method: no KV keeping cost, decode seconds as the point gives them', () => {
    for (const r of marginal) {
      expect(r.attribution?.cachedKv).toBeNull();
      expect(r.gpuSecondsPerToken?.output).toBe(r.operatingPoint?.point.decodeGpuSecondsPerOutputToken);
    }
  });
});
