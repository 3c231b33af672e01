import type { WeightPrecisions } from '../model/modelArchitecture.js';
import type { Precision } from '../precision.js';
import type { ConfigReader } from './configReader.js';

const DTYPES: Readonly<Record<string, Precision>> = { bfloat16: 'bf16', float16: 'fp16' };

/** The `quant_method`s understood, for error messages. */
export const QUANT_METHODS = ['fp8', 'fbgemm_fp8', 'mxfp4', 'compressed-tensors', 'modelopt'] as const;

/**
 * The checkpoint's 16-bit dtype from `dtype` (newer files) or `torch_dtype`, text config first;
 * bfloat16 when neither is present (gpt-oss). Example: Llama-2-7B's 'float16' gives 'fp16'.
 */
export function checkpointDtype(text: ConfigReader, outer: ConfigReader): Precision {
  for (const r of [text, outer]) {
    for (const name of ['dtype', 'torch_dtype']) {
      const value = r.optStr(name);
      if (value === undefined) continue;
      return DTYPES[value] ?? r.fail(name, value, `one of ${Object.keys(DTYPES).join(', ')}`);
    }
  }
  return 'bf16';
}

/** Precision of the weights in a compressed-tensors config: the first of `config_groups` with `weights`. */
function compressedTensorsPrecision(q: ConfigReader): Precision {
  const groups = q.optObject('config_groups') ?? q.fail('config_groups', undefined, 'an object of quantization groups');
  for (const key of Object.keys(groups.data)) {
    const w = groups.optObject(key)?.optObject('weights');
    if (w === undefined) continue;
    const bits = w.int('num_bits');
    const type = w.str('type');
    if (type === 'int' && bits === 4) return 'int4';
    if (type === 'int' && bits === 8) return 'int8';
    if (type === 'float' && bits === 8) return 'fp8';
    if (type === 'float' && bits === 4) return w.optInt('group_size', 16) === 32 ? 'mxfp4' : 'nvfp4';
    return w.fail('num_bits', bits, `4 or 8 (with type int or float; got type ${type})`);
  }
  return groups.fail('weights', undefined, 'a quantization group with weights');
}

/** ModelOpt's `quant_algo`: NVFP4 or FP8. */
function modeloptPrecision(q: ConfigReader): Precision {
  const algo = q.str('quant_algo');
  if (algo.toUpperCase() === 'NVFP4') return 'nvfp4';
  if (algo.toUpperCase() === 'FP8') return 'fp8';
  return q.fail('quant_algo', algo, 'NVFP4 or FP8');
}

/**
 * True when the not-quantized list (`ignore`, `modules_to_not_convert`, `exclude_modules`) names the
 * attention projections (`self_attn`; norms such as `post_attention_layernorm` do not count).
 */
function attentionKept(q: ConfigReader): boolean {
  const kept = [...(q.optStrList('ignore') ?? []), ...(q.optStrList('modules_to_not_convert') ?? []), ...(q.optStrList('exclude_modules') ?? [])];
  return kept.some((name) => name.includes('self_attn') && !name.includes('norm'));
}

/**
 * Precision of each weight group as published, from `quantization_config` (text config first):
 * none → the dtype everywhere; fp8 → fp8 linear layers; mxfp4 → experts only (gpt-oss);
 * compressed-tensors and modelopt → their format on routed experts, and on the other linear layers
 * unless attention (their largest part) is in the ignore list. Embeddings stay in the dtype.
 * Example: Kimi K2.5 (compressed-tensors int4, attention ignored) gives int4 / bf16 / bf16.
 */
export function nativeWeightPrecision(text: ConfigReader, outer: ConfigReader): WeightPrecisions {
  const dtype = checkpointDtype(text, outer);
  const q = text.optObject('quantization_config') ?? outer.optObject('quantization_config');
  if (q === undefined) return { routedExperts: dtype, otherLinear: dtype, embeddings: dtype };
  const method = q.str('quant_method');
  let quantized: Precision;
  switch (method) {
    case 'fp8':
    case 'fbgemm_fp8':
      quantized = 'fp8';
      break;
    case 'mxfp4':
      return { routedExperts: 'mxfp4', otherLinear: dtype, embeddings: dtype };
    case 'compressed-tensors':
      quantized = compressedTensorsPrecision(q);
      break;
    case 'modelopt':
      quantized = modeloptPrecision(q);
      break;
    default:
      return q.fail('quant_method', method, `one of ${QUANT_METHODS.join(', ')}`);
  }
  return { routedExperts: quantized, otherLinear: attentionKept(q) ? dtype : quantized, embeddings: dtype };
}
