import { describe, expect, it } from 'vitest';
import { recordOfOneEach } from '../../../src/core/catalog/recordOfOneEach.js';
import { DEFAULT_SCENARIO, resolveScenario } from '../../../src/core/scenario/index.js';
import { findWorkloadPreset, presetTraffic, withWorkloadPreset, WORKLOAD_PRESET_IDS, WORKLOAD_PRESETS } from '../../../src/core/scenario/workloadPresets.js';

describe('workload presets', () => {
  it('ships chat, rag, coding-agent and batch, every number with a basis, a source and a date', () => {
    expect(Object.keys(WORKLOAD_PRESETS).sort()).toEqual([...WORKLOAD_PRESET_IDS].sort());
    for (const p of Object.values(WORKLOAD_PRESETS)) {
      for (const d of [p.inputTokens, p.outputTokens, p.inputTokensP90, p.prefixCacheHitRate, p.cacheWriteShare, p.batchShare, p.minTokensPerSecondPerUser, p.maxTtftSeconds]) {
        expect(d.source.length, p.id).toBeGreaterThan(0);
        expect(d.date, p.id).toMatch(/^\d{4}-\d{2}/);
        expect(d.note.length, p.id).toBeGreaterThan(10);
      }
      expect(p.inputTokensP90.value, p.id).toBeGreaterThanOrEqual(p.inputTokens.value * 0.99);
    }
  });

  it('the trace-based presets carry the statistics of their trace (Mooncake chat: 12,035 in, 343 out, 37% prefix reuse; Azure conversation: 1,155 / 211)', () => {
    expect(WORKLOAD_PRESETS.chat.inputTokens.value).toBe(12_035);
    expect(WORKLOAD_PRESETS.chat.prefixCacheHitRate.value).toBeCloseTo(0.37, 2);
    expect(WORKLOAD_PRESETS.chat.trace).toMatch(/mooncake-kimi-conversation\.jsonl/);
    expect(WORKLOAD_PRESETS.batch.inputTokens.value).toBe(1_155);
    expect(WORKLOAD_PRESETS.batch.trace).toMatch(/azure-llm-2023-conv\.csv/);
  });

  it('the coding agent has the longest prompts and the highest cache reads; batch traffic goes all through the batch API with no latency target', () => {
    const ca = WORKLOAD_PRESETS['coding-agent'];
    for (const p of Object.values(WORKLOAD_PRESETS)) {
      expect(ca.inputTokens.value).toBeGreaterThanOrEqual(p.inputTokens.value);
      expect(ca.prefixCacheHitRate.value).toBeGreaterThanOrEqual(p.prefixCacheHitRate.value);
    }
    expect(presetTraffic(WORKLOAD_PRESETS.batch).batchShare).toBe(1);
    expect(WORKLOAD_PRESETS.batch.minTokensPerSecondPerUser.value).toBeNull();
  });

  it('withWorkloadPreset(default scenario, coding-agent) serves every option the preset\'s workload and latency target', () => {
    const options = resolveScenario(withWorkloadPreset(DEFAULT_SCENARIO, WORKLOAD_PRESETS['coding-agent']), 'test');
    for (const o of options) {
      expect(o.workload).toEqual({ inputTokens: 50_000, outputTokens: 400, prefixCacheHitRate: 0.95 });
      expect(o.latencyTarget).toEqual({ minTokensPerSecondPerUser: 30, maxTtftSeconds: 5 });
    }
  });

  it('findWorkloadPreset names the field and the presets for an unknown id', () => {
    expect(() => findWorkloadPreset('agentic', '--workload-preset')).toThrow('invalid --workload-preset: agentic; expected one of chat, rag, coding-agent, batch');
  });
});

describe('recordOfOneEach', () => {
  it('keys a data file\'s items by id, and names every id missing or repeated', () => {
    expect(recordOfOneEach([{ id: 'a' as const, x: 1 }], ['a'], 'presets')).toEqual({ a: { id: 'a', x: 1 } });
    expect(() => recordOfOneEach([{ id: 'a' as 'a' | 'b' }, { id: 'a' as 'a' | 'b' }], ['a', 'b'], 'presets')).toThrow('presets is invalid: expected exactly one each of a, b; not so for a, b');
  });
});
