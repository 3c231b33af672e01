import { divisors } from '../divisors.js';
import { InputError } from '../errors.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';

/**
 * How one serving instance spreads a model over GPUs, in the terms SGLang and vLLM use:
 * `tp` GPUs per pipeline stage run tensor-parallel (or, with `dpAttention`, run attention
 * data-parallel: each GPU its own sequences, attention weights replicated); `ep` expert-parallel
 * groups split the routed experts among those `tp` GPUs (each expert sharded `tp / ep` ways);
 * `pp` stages split the layers. `replicas` instances of `tp × pp` GPUs share the GPUs.
 */
export interface ParallelLayout {
  readonly tp: number;
  readonly pp: number;
  readonly ep: number;
  readonly dpAttention: boolean;
}

export interface ResolvedLayout extends ParallelLayout {
  readonly gpus: number;
  readonly gpusPerInstance: number;
  readonly replicas: number;
  /** Tensor-parallel degree of attention: tp, or 1 with data-parallel attention. */
  readonly attentionTp: number;
  /** Attention data-parallel ranks per stage: 1, or tp with data-parallel attention. */
  readonly attentionDp: number;
  /** Ways each routed expert is sharded: tp / ep. */
  readonly moeTp: number;
}

export type LayoutRequest = Partial<ParallelLayout>;

/** Divisors of `n` for a message, ascending, at most the first and last 12 of them. */
function divisorList(n: number): string[] {
  const all = divisors(n);
  return all.length <= 24 ? all.map(String) : [...all.slice(0, 12).map(String), '...', ...all.slice(-12).map(String)];
}

/**
 * Completes a partial layout for `gpus` GPUs and checks it against the model: pp defaults to 1,
 * tp to gpus / pp, ep to 1 (experts sharded by TP, vLLM's default). Throws InputError naming the
 * flag when a degree does not divide what it must.
 * Example: resolveLayout(deepseekV3, 16, { tp: 8 }) gives 2 replicas of TP8.
 */
export function resolveLayout(model: ModelArchitecture, gpus: number, request: LayoutRequest = {}): ResolvedLayout {
  const pp = request.pp ?? 1;
  if (pp > model.layerCount) {
    throw new InputError('--pp', String(pp), `at most the ${model.layerCount} layers of ${model.id}`);
  }
  if (request.tp === undefined && gpus % pp !== 0) {
    throw new InputError('--pp', String(pp), `a divisor of --gpus ${gpus} (${divisorList(gpus).join(', ')})`);
  }
  const tp = request.tp ?? gpus / pp;
  if (gpus % (tp * pp) !== 0) {
    throw new InputError('--tp', String(tp), `tp × pp (${tp} × ${pp}) dividing --gpus ${gpus}`,
      `invalid --tp: ${tp}; tp × pp = ${tp * pp} does not divide --gpus ${gpus}`);
  }
  const dpAttention = request.dpAttention ?? false;
  const ep = request.ep ?? 1;
  const moe = model.moe;
  if (moe === null && ep !== 1) {
    throw new InputError('--ep', String(ep), `1 (${model.id} has no experts)`);
  }
  if (tp % ep !== 0) {
    throw new InputError('--ep', String(ep), `a divisor of tp ${tp} (${divisorList(tp).join(', ')})`);
  }
  if (moe !== null && ep > moe.routedExpertCount) {
    throw new InputError('--ep', String(ep), `at most the ${moe.routedExpertCount} routed experts of ${model.id}`);
  }
  const attentionTp = dpAttention ? 1 : tp;
  checkHeadsDivide(model, attentionTp);
  return {
    tp, pp, ep, dpAttention, gpus,
    gpusPerInstance: tp * pp,
    replicas: gpus / (tp * pp),
    attentionTp,
    attentionDp: dpAttention ? tp : 1,
    moeTp: tp / ep,
  };
}

/** Tensor parallelism splits query heads evenly, and KV heads evenly or by replication. */
function checkHeadsDivide(model: ModelArchitecture, attentionTp: number): void {
  const a = model.attention;
  const heads = a.queryHeadCount;
  if (heads % attentionTp !== 0) {
    throw new InputError('--tp', String(attentionTp), `a divisor of the ${heads} attention heads of ${model.id} (${divisorList(heads).join(', ')}), or --dp-attention`,
      `invalid --tp: ${attentionTp} does not divide the ${heads} attention heads of ${model.id}; expected one of ${divisorList(heads).join(', ')}, or --dp-attention`);
  }
  if (a.kind === 'gqa' && a.kvHeadCount % attentionTp !== 0 && attentionTp % a.kvHeadCount !== 0) {
    throw new InputError('--tp', String(attentionTp), `a divisor or multiple of the ${a.kvHeadCount} KV heads of ${model.id}`);
  }
}
