import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { ffnParamsOfLayer } from '../../../src/core/model/parameters.js';
import { attentionLayerCost } from '../../../src/core/perf/attentionLayerCost.js';
import { buildPerfContext } from '../../../src/core/perf/buildContext.js';
import { denseFfnLayerCost } from '../../../src/core/perf/denseFfnLayerCost.js';
import { layerCostInputs } from '../../../src/core/perf/layerCostInputs.js';
import { moeLayerCost } from '../../../src/core/perf/moeLayerCost.js';
import { StageCost } from '../../../src/core/perf/stageCost.js';
import { decodeStep, stepTime } from '../../../src/core/perf/stepTime.js';

const model = (id: string) => findById('model', id, MODELS);
const gpu = (id: string) => findById('gpu', id, ACCELERATORS);
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('per-layer cost builders', () => {
  it('llama-3.1-8b on 1 h100-sxm: 32 × (attention + dense FFN) plus the LM head bytes is stepTime.hbmBytesPerGpu', () => {
    const m = model('llama-3.1-8b');
    const ctx = buildPerfContext({ model: m, gpu: gpu('h100-sxm'), gpus: 1 });
    const work = decodeStep(8, 2000);
    const inputs = layerCostInputs(ctx, work);
    const cost = new StageCost();
    for (let layer = 0; layer < m.layerCount; layer++) {
      attentionLayerCost(cost, inputs, layer);
      denseFfnLayerCost(cost, inputs, ffnParamsOfLayer(m, layer).dense);
    }
    const lmHeadBytes = m.vocabSize * m.hiddenSize * 2; // bf16 LM head, read once
    const t = stepTime(ctx, work);
    expect(rel(cost.hbmBytesPerGpu + lmHeadBytes, t.hbmBytesPerGpu)).toBeLessThan(1e-12);
    // One GPU: no collectives, and a dense model has no per-layer overhead.
    expect(cost.blockingCollectiveSeconds + cost.expertCollectiveSeconds + cost.layerOverheadSeconds).toBe(0);
  });

  it('StageCost.layers = n adds n times one layer: kernels, collectives and overheads alike', () => {
    const m = model('deepseek-v3');
    const ctx = buildPerfContext({ model: m, gpu: gpu('h200'), gpus: 16, layout: { tp: 16, pp: 1, ep: 16, dpAttention: true }, framework: 'sglang' });
    const inputs = layerCostInputs(ctx, decodeStep(256, 3000));
    const moe = m.moe!;
    const f = ffnParamsOfLayer(m, m.layerCount - 1);
    const once = new StageCost();
    moeLayerCost(once, inputs, moe, f);
    const many = new StageCost();
    many.layers = 58;
    moeLayerCost(many, inputs, moe, f);
    expect(once.expertCollectiveSeconds).toBeGreaterThan(0); // EP 16: dispatch and combine
    expect(once.blockingCollectiveSeconds).toBe(0);
    for (const k of ['kernelSeconds', 'hbmBytesPerGpu', 'flopPerGpu', 'expertCollectiveSeconds', 'layerOverheadSeconds'] as const) {
      expect(rel(many[k], 58 * once[k])).toBeLessThan(1e-12);
    }
    expect(once.layerOverheadSeconds).toBe(ctx.framework.moeLayerOverheadSeconds);
  });
});
