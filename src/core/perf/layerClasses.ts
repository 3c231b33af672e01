import { stageLayerIndices } from '../memory/weightBytes.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';

/** Layers of a stage that cost the same: one representative layer and how many there are. */
export interface LayerClass {
  readonly layer: number;
  count: number;
}

const stageCache = new Map<string, readonly (readonly number[])[]>();

/** `stageLayerIndices`, memoized: a step asks for it every time. */
export function stagesOf(layerCount: number, pp: number): readonly (readonly number[])[] {
  const key = `${layerCount}:${pp}`;
  let stages = stageCache.get(key);
  if (stages === undefined) {
    stages = stageLayerIndices(layerCount, pp);
    stageCache.set(key, stages);
  }
  return stages;
}

const classCache = new WeakMap<ModelArchitecture, Map<string, readonly LayerClass[]>>();

/**
 * Layers of a stage grouped by what their cost depends on (dense or MoE FFN, windowed or full
 * attention), each with one representative and a count, so a step costs a handful of layer
 * evaluations instead of one per layer. Memoized per model and stage (a pure function of both).
 */
export function layerClasses(model: ModelArchitecture, layers: readonly number[]): readonly LayerClass[] {
  const perModel = classCache.get(model) ?? new Map<string, readonly LayerClass[]>();
  classCache.set(model, perModel);
  const key = `${layers[0] ?? -1}:${layers.length}`;
  const cached = perModel.get(key);
  if (cached !== undefined) return cached;
  const dense = new Set(model.moe?.denseLayerIndices ?? []);
  const local = new Set(model.localAttention?.layerIndices ?? []);
  const groups = new Map<string, LayerClass>();
  for (const layer of layers) {
    const k = `${model.moe === null || dense.has(layer)}:${local.has(layer)}`;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, { layer, count: 1 });
    else g.count++;
  }
  const out = [...groups.values()];
  perModel.set(key, out);
  return out;
}
