import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { InputError } from '../../../src/core/errors.js';
import { buildPerfContext, maxSequencesPerInstance } from '../../../src/core/perf/buildContext.js';
import { engineLimits } from '../../../src/core/perf/engineLimits.js';
import { isOlderThan, parseEngineVersion, type EngineVersion } from '../../../src/core/perf/engineVersion.js';
import { aggregated } from '../../../src/core/perf/serving.js';
import { decodeStep, stepTime } from '../../../src/core/perf/stepTime.js';

const model = (id: string) => findById('model', id, MODELS);
const gpu = (id: string) => findById('gpu', id, ACCELERATORS);
const V0_5: EngineVersion = { major: 0, minor: 5, patch: 0 };
const V0_7: EngineVersion = { major: 0, minor: 7, patch: 0 };

describe('engine version', () => {
  it('reads 0.5, v0.14.0 and 1.0.0rc3; refuses "latest" naming the field and what is allowed', () => {
    expect(parseEngineVersion('--engine-version', '0.5')).toEqual({ major: 0, minor: 5, patch: 0 });
    expect(parseEngineVersion('--engine-version', 'v0.14.0')).toEqual({ major: 0, minor: 14, patch: 0 });
    expect(parseEngineVersion('--engine-version', '1.0.0rc3')).toEqual({ major: 1, minor: 0, patch: 0 });
    expect(() => parseEngineVersion('--engine-version', 'latest')).toThrow(InputError);
    expect(() => parseEngineVersion('--engine-version', 'latest')).toThrow(/--engine-version: latest; expected a release such as 0\.9\.0/);
    expect(isOlderThan(V0_7, 0, 8)).toBe(true);
    expect(isOlderThan({ major: 0, minor: 14, patch: 0 }, 0, 8)).toBe(false);
  });

  it('TensorRT-LLM before 0.8 decodes GQA without XQA; 0.8 on, other engines and an unstated version do not', () => {
    const h200 = gpu('h200');
    expect(engineLimits('trtllm', h200, V0_5).decodeKvReadPerQueryHead).toBe(true);
    expect(engineLimits('trtllm', h200, V0_5).source).toMatch(/XQA/);
    expect(engineLimits('trtllm', h200, { major: 0, minor: 8, patch: 0 }).decodeKvReadPerQueryHead).toBe(false);
    expect(engineLimits('trtllm', h200).decodeKvReadPerQueryHead).toBe(false);
    expect(engineLimits('vllm', h200, V0_5).decodeKvReadPerQueryHead).toBe(false);
  });

  it('without XQA a decode step reads the KV cache 8 times for llama-2-70b on one GPU (64 query heads, 8 KV heads), once per GPU head at TP8', () => {
    const setup = { model: model('llama-2-70b'), gpu: gpu('h200'), framework: 'trtllm' as const, weightPrecision: 'fp8' as const };
    const work = decodeStep(64, 2000);
    const weightsOnly = stepTime(buildPerfContext({ ...setup, gpus: 1 }), decodeStep(64, 0)).hbmBytesPerGpu;
    const kvNow = stepTime(buildPerfContext({ ...setup, gpus: 1 }), work).hbmBytesPerGpu - weightsOnly;
    const kvOld = stepTime(buildPerfContext({ ...setup, gpus: 1, engineVersion: V0_5 }), work).hbmBytesPerGpu - weightsOnly;
    // The KV written by the step is the same; the KV read is 8 times.
    expect(kvOld / kvNow).toBeGreaterThan(7.5);
    expect(kvOld / kvNow).toBeLessThanOrEqual(8);
    // At TP8 a GPU holds one KV head and the 8 query heads of its group: 8 reads again. At TP16
    // (two GPUs per KV head, 4 query heads each) it is 4.
    const kvRatio = (gpus: number) => {
      const base = stepTime(buildPerfContext({ ...setup, gpus }), decodeStep(64, 0)).hbmBytesPerGpu;
      const now = stepTime(buildPerfContext({ ...setup, gpus }), work).hbmBytesPerGpu - base;
      return (stepTime(buildPerfContext({ ...setup, gpus, engineVersion: V0_5 }), work).hbmBytesPerGpu - base) / now;
    };
    expect(kvRatio(8)).toBeGreaterThan(7.5);
    expect(kvRatio(16)).toBeGreaterThan(3.7);
    expect(kvRatio(16)).toBeLessThanOrEqual(4);
  });

  it("reproduces the XQA blog's held-out speed-up: Llama-70B fp8 on H200 at 128/2048, 2.4x on one GPU and 1.9x on eight, within 25%", () => {
    const ratio = (gpus: number) => {
      const out = (engineVersion?: EngineVersion) => {
        const ctx = buildPerfContext({ model: model('llama-2-70b'), gpu: gpu('h200'), gpus, framework: 'trtllm', weightPrecision: 'fp8', ...(engineVersion && { engineVersion }) });
        const batch = maxSequencesPerInstance(ctx, 128 + 2048);
        return aggregated(ctx, batch, { inputTokens: 128, outputTokens: 2048, prefixCacheHitRate: 0 }, null, 'waves').outputTokensPerSecondPerGpu;
      };
      return out() / out(V0_7);
    };
    // docs/source/blogs/XQA-kernel.md: 1,227 -> 2,941 tok/s/GPU on 1 GPU, 13,232 -> 25,300 tok/s on 8.
    expect(ratio(1) / (2941 / 1227)).toBeGreaterThan(0.75);
    expect(ratio(1) / (2941 / 1227)).toBeLessThan(1.25);
    expect(ratio(8) / (25300 / 13232)).toBeGreaterThan(0.75);
    expect(ratio(8) / (25300 / 13232)).toBeLessThan(1.25);
  });
});
