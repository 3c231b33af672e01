import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { HF_MODEL_TYPES, modelFromHfConfig } from '../../../src/core/hfConfig/index.js';
import { DATE, fixtureObject, loadFixture } from './loadFixture.js';

/** The InputError `fn` throws (fails the test when it throws nothing or something else). */
function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError, nothing was thrown');
}

const parseRaw = (config: unknown, fileName = 'some/dir/config.json') => modelFromHfConfig(config, { fileName, date: DATE });

describe('modelFromHfConfig(bad config) throws InputError', () => {
  it('missing-field.config.json (no num_hidden_layers) → InputError naming num_hidden_layers and the file', () => {
    const { config, fileName } = loadFixture('missing-field');
    const err = inputError(() => modelFromHfConfig(config, { fileName, date: DATE }));
    expect(err.message).toBe(`invalid config: num_hidden_layers is missing in ${fileName}; expected a whole number >= 1`);
    expect(err.field).toBe(`num_hidden_layers in ${fileName}`);
  });

  it('malformed.config.json (a JSON array) → InputError "not a JSON object" naming the file', () => {
    const { config, fileName } = loadFixture('malformed');
    const err = inputError(() => modelFromHfConfig(config, { fileName, date: DATE }));
    expect(err.message).toContain('not a JSON object');
    expect(err.message).toContain('malformed.config.json');
  });

  it.each([null, 42, 'config', true])('modelFromHfConfig(%j) → InputError "not a JSON object"', (value) => {
    expect(inputError(() => parseRaw(value)).message).toContain('not a JSON object');
  });

  it('model_type "falcon" → InputError listing every supported model_type and the wrappers', () => {
    const err = inputError(() => parseRaw({ model_type: 'falcon' }));
    for (const t of [...HF_MODEL_TYPES, 'kimi_k25', 'llama4']) expect(err.message).toContain(t);
    expect(err.message).toContain('some/dir/config.json');
  });

  it('no model_type → InputError naming model_type', () => {
    expect(inputError(() => parseRaw({ hidden_size: 1 })).message).toContain('model_type is missing in some/dir/config.json');
  });

  it('hidden_size "4096" (a string) → InputError quoting the wrong value', () => {
    const config = { ...fixtureObject('llama-3.1-8b'), hidden_size: '4096' };
    expect(inputError(() => parseRaw(config)).message).toBe('invalid config: hidden_size is "4096" in some/dir/config.json; expected a whole number >= 1');
  });

  it('llama4 wrapper without text_config → InputError naming text_config', () => {
    expect(inputError(() => parseRaw({ model_type: 'llama4' })).message).toContain('text_config is missing');
  });

  it('kimi_k25 with text_config lacking kv_lora_rank → InputError naming text_config.kv_lora_rank', () => {
    const k = fixtureObject('kimi-k2.5');
    const { kv_lora_rank: _dropped, ...text } = k.text_config as Record<string, unknown>;
    expect(inputError(() => parseRaw({ ...k, text_config: text })).message).toContain('text_config.kv_lora_rank is missing');
  });

  it('deepseek_v32 without index_head_dim → InputError naming index_head_dim', () => {
    const config = { ...fixtureObject('deepseek-v3'), model_type: 'deepseek_v32', index_n_heads: 64, index_topk: 2048 };
    expect(inputError(() => parseRaw(config)).message).toContain('index_head_dim is missing');
  });

  it('quant_method "gptq" → InputError listing the supported quantization methods', () => {
    const config = { ...fixtureObject('llama-3.1-8b'), quantization_config: { quant_method: 'gptq', bits: 4 } };
    expect(inputError(() => parseRaw(config)).message).toContain('fp8, fbgemm_fp8, mxfp4, compressed-tensors, modelopt');
  });

  it('torch_dtype "float32" → InputError expecting bfloat16 or float16', () => {
    const config = { ...fixtureObject('llama-3.1-8b'), torch_dtype: 'float32' };
    expect(inputError(() => parseRaw(config)).message).toContain('expected one of bfloat16, float16');
  });

  it('gpt-oss layer_types of the wrong length → InputError naming layer_types', () => {
    const config = { ...fixtureObject('gpt-oss-20b'), layer_types: ['full_attention'] };
    expect(inputError(() => parseRaw(config)).message).toContain('layer_types');
  });

  it('MiniMax attn_type_list with a linear-attention layer (0) → InputError', () => {
    const config = { ...fixtureObject('minimax-m2'), attn_type_list: [0, 1] };
    expect(inputError(() => parseRaw(config)).message).toContain('attn_type_list');
  });

  it('date "yesterday" or id "Bad Id" → InputError', () => {
    const config = fixtureObject('llama-3.1-8b');
    expect(inputError(() => modelFromHfConfig(config, { fileName: 'x.json', date: 'yesterday' })).field).toBe('date');
    expect(inputError(() => modelFromHfConfig(config, { fileName: 'x.json', date: DATE, id: 'Bad Id' })).field).toBe('id');
  });
});
