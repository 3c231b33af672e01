import { InputError } from '../errors.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import { ConfigReader } from './configReader.js';
import { FAMILY_PARSERS, HF_MODEL_TYPES, HF_WRAPPER_MODEL_TYPES, isHfModelType, isWrapperModelType } from './registry.js';
import { nativeWeightPrecision } from './weightPrecision.js';

export interface HfConfigOptions {
  /** Where the config came from (a path or URL); named in every error and kept as the source URL. */
  readonly fileName: string;
  /** When it was read, YYYY-MM-DD or YYYY-MM (the caller's clock; the core has none). */
  readonly date: string;
  /** Catalog-style id to give the model; by default from `_name_or_path` or the file name. */
  readonly id?: string;
}

const ID_PATTERN = /^[a-z0-9.-]+$/;

/** `_name_or_path`'s last segment, else the file name without `config.json` (or its folder's name for a bare config.json). */
function displayName(outer: ConfigReader, text: ConfigReader, fileName: string): string {
  for (const r of [outer, text]) {
    const named = r.optStr('_name_or_path')?.split(/[\\/]/).filter(Boolean).pop();
    if (named) return named;
  }
  const parts = fileName.split(/[\\/]/).filter(Boolean);
  const base = (parts.pop() ?? '').replace(/[._-]?config\.json$/i, '').replace(/\.json$/i, '');
  return base || parts.pop() || 'imported-model';
}

/** Lower-case id made of [a-z0-9.-], e.g. 'Kimi-K2.5' gives 'kimi-k2.5'. */
function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'imported-model';
}

/**
 * Reads a parsed Hugging Face `config.json` into a ModelArchitecture (text model only; wrappers
 * `kimi_k25` and `llama4` are unwrapped from `text_config`); a missing or wrongly typed field
 * throws an InputError naming the field and `options.fileName`.
 * Example: `modelFromHfConfig(JSON.parse(text), { fileName: 'deepseek-v3.config.json', date: '2026-01-15' })`
 * gives id 'deepseek-v3', 61 layers, MLA, 256 experts top-8, fp8 weights.
 */
export function modelFromHfConfig(config: unknown, options: HfConfigOptions): ModelArchitecture {
  const { fileName, date } = options;
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(date)) throw new InputError('date', date, 'a date YYYY-MM-DD or YYYY-MM');
  if (options.id !== undefined && !ID_PATTERN.test(options.id)) throw new InputError('id', options.id, 'lower-case letters, digits, dots and dashes');
  const outer = ConfigReader.of(config, fileName);
  const outerType = outer.str('model_type');
  const text = isWrapperModelType(outerType)
    ? (outer.optObject('text_config') ?? outer.fail('text_config', undefined, `the text model's config (model_type ${outerType} wraps one)`))
    : outer;
  const modelType = text.str('model_type');
  if (!isHfModelType(modelType)) {
    const wrappers = text === outer ? `, or a wrapper with text_config: ${HF_WRAPPER_MODEL_TYPES.join(', ')}` : '';
    return text.fail('model_type', modelType, `one of ${HF_MODEL_TYPES.join(', ')}${wrappers}`);
  }
  const fields = FAMILY_PARSERS[modelType](text, modelType);
  const name = displayName(outer, text, fileName);
  return {
    id: options.id ?? slug(name),
    name,
    family: modelType,
    ...fields,
    nativeWeightPrecision: nativeWeightPrecision(text, outer),
    maxContextTokens: text.int('max_position_embeddings'),
    published: null,
    source: { url: fileName, date },
  };
}
