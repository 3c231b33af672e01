import { InputError } from '../errors.js';
import type { ModelArchitecture } from './modelArchitecture.js';
import { countParameters } from './parameters.js';
import { BILLION } from '../units.js';

/** A size to build a model for: total and active parameters (active without the input embedding). */
export interface ModelSize {
  readonly totalParams: number;
  readonly activeParams: number;
}

/**
 * Expert widths tried, as multiples of DeepSeek-V3's (scaled with d): a small active size with a
 * large total steps in whole experts per token, and narrower experts make the steps finer.
 */
const EXPERT_SCALES = [1, 0.5, 0.75, 1.25, 1.5];

const roundTo = (x: number, step: number) => Math.max(step, Math.round(x / step) * step);

/** A DeepSeek-V3-style architecture (MLA, 3 dense layers, fine-grained experts, 1 shared) scaled by hidden size `d`. */
function template(id: string, d: number, experts: number, topK: number, expertScale = 1): ModelArchitecture {
  const scale = d / 7168;
  const heads = Math.max(16, roundTo(128 * scale, 8));
  const expertFfn = roundTo(2048 * scale * expertScale, 128);
  return {
    id,
    name: `Hypothetical MoE ${id}`,
    family: 'deepseek_v3',
    layerCount: 61,
    hiddenSize: d,
    vocabSize: 163840,
    tiedEmbeddings: false,
    attention: { kind: 'mla', queryHeadCount: heads, qLoraRank: roundTo(1536 * scale, 64), kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128, indexer: null },
    localAttention: null,
    attentionSinks: false,
    denseFfnSize: roundTo(18432 * scale, 256),
    moe: { routedExpertCount: experts, expertsPerToken: topK, sharedExpertCount: 1, expertFfnSize: expertFfn, sharedExpertFfnSize: expertFfn, denseLayerIndices: [0, 1, 2] },
    mtpModuleCount: 0,
    nativeWeightPrecision: { routedExperts: 'fp8', otherLinear: 'fp8', embeddings: 'bf16' },
    maxContextTokens: 262144,
    published: null,
    source: { url: 'constructed by inferonomics (syntheticMoe): DeepSeek-V3 architecture scaled to a total and active size', date: '2026-11-27' },
  };
}

/**
 * Builds a hypothetical MoE of about `size` (for "what would a frontier model of 1-5T total,
 * 30-150B active cost to serve"): DeepSeek-V3's design with the hidden size scaled by
 * √(active / 37B) (attention and dense weights grow as d²), then, over nearby hidden sizes and
 * expert widths (0.5-1.5× DeepSeek's), the top-k and expert count whose computed active and total counts land nearest the targets. The
 * result's own counts (countParameters) are what it is; they land within a few percent.
 * Example: syntheticMoe({totalParams: 2e12, activeParams: 100e9}) gives about 2.0T / 100B.
 */
export function syntheticMoe(size: ModelSize, id = `moe-${Math.round(size.totalParams / BILLION)}b-a${Math.round(size.activeParams / BILLION)}b`): ModelArchitecture {
  const centre = roundTo(7168 * Math.sqrt(size.activeParams / 37e9), 512);
  let best: { model: ModelArchitecture; error: number } | null = null;
  for (let d = centre - 1536; d <= centre + 1536; d += 512) {
    if (d < 2048 || d > 16384) continue;
    for (const expertScale of EXPERT_SCALES) {
      const one = countParameters(template(id, d, 1, 1, expertScale));
      const two = countParameters(template(id, d, 2, 2, expertScale));
      const slot = two.activeRoutedExperts - one.activeRoutedExperts + (two.router - one.router);
      const baseActive = one.active - slot;
      const baseTotal = one.total - slot;
      const k0 = (size.activeParams - baseActive) / slot;
      for (const topK of [Math.floor(k0), Math.ceil(k0)]) {
        if (topK < 1) continue;
        const experts = Math.max(2 * topK, Math.round((size.totalParams - baseTotal) / slot));
        const model = template(id, d, experts, topK, expertScale);
        const p = countParameters(model);
        // Prefer the hidden size the scaling rule gives and DeepSeek's expert width; move off them only to get within 2%.
        const error = Math.max(Math.abs(p.active / size.activeParams - 1), Math.abs(p.total / size.totalParams - 1));
        const score = Math.max(error, 0.02) + Math.abs(d - centre) * 1e-7 + Math.abs(Math.log(expertScale)) * 1e-4;
        if (best === null || score < best.error) best = { model, error: score };
      }
    }
  }
  if (best === null) {
    throw new InputError('size', `${size.totalParams}/${size.activeParams}`, 'a size a DeepSeek-V3-like MoE can have',
      `no DeepSeek-V3-like MoE has about ${size.totalParams.toPrecision(3)} total and ${size.activeParams.toPrecision(3)} active parameters; expected active parameters from 2e9 to 2e11 and total at least the active`);
  }
  return best.model;
}
