import type { FamilyParser } from './common.js';
import { parseDeepseekV3 } from './families/deepseekV3.js';
import { parseGlm4Moe } from './families/glm4Moe.js';
import { parseGptOss } from './families/gptOss.js';
import { parseLlama } from './families/llama.js';
import { parseLlama4Text } from './families/llama4Text.js';
import { parseMinimaxM2 } from './families/minimaxM2.js';
import { parseMixtral } from './families/mixtral.js';
import { parseQwen3 } from './families/qwen3.js';
import { parseQwen3Moe } from './families/qwen3Moe.js';

/** Text-model `model_type`s the importer reads. */
export const HF_MODEL_TYPES = [
  'llama',
  'mixtral',
  'qwen3',
  'qwen3_moe',
  'deepseek_v3',
  'deepseek_v32',
  'kimi_k2',
  'gpt_oss',
  'glm4_moe',
  'minimax_m2',
  'llama4_text',
] as const;
export type HfModelType = (typeof HF_MODEL_TYPES)[number];

/** Multimodal wrappers whose text model sits under `text_config` (Kimi K2.5, Llama 4). */
export const HF_WRAPPER_MODEL_TYPES = ['kimi_k25', 'llama4'] as const;

/** One parser per text `model_type`. */
export const FAMILY_PARSERS: Readonly<Record<HfModelType, FamilyParser>> = {
  llama: parseLlama,
  mixtral: parseMixtral,
  qwen3: parseQwen3,
  qwen3_moe: parseQwen3Moe,
  deepseek_v3: parseDeepseekV3,
  deepseek_v32: parseDeepseekV3,
  kimi_k2: parseDeepseekV3,
  gpt_oss: parseGptOss,
  glm4_moe: parseGlm4Moe,
  minimax_m2: parseMinimaxM2,
  llama4_text: parseLlama4Text,
};

/** True when `modelType` is one the importer reads, e.g. `isHfModelType('qwen3_moe')` is true. */
export function isHfModelType(modelType: string): modelType is HfModelType {
  return (HF_MODEL_TYPES as readonly string[]).includes(modelType);
}

/** True when `modelType` wraps its text model in `text_config`, e.g. `isWrapperModelType('llama4')`. */
export function isWrapperModelType(modelType: string): boolean {
  return (HF_WRAPPER_MODEL_TYPES as readonly string[]).includes(modelType);
}
