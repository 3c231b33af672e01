import { InputError } from '../errors.js';

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: Json): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const WHOLE = (min: number) => `a whole number >= ${min}`;

/**
 * Typed access to one parsed config.json object: every missing or wrongly typed field it needs
 * throws an InputError naming the field and the file.
 * Example: `new ConfigReader({}, 'a/config.json').int('num_hidden_layers')` throws
 * `invalid config: num_hidden_layers is missing in a/config.json; expected a whole number >= 1`.
 */
export class ConfigReader {
  constructor(
    readonly data: Readonly<Record<string, Json>>,
    readonly fileName: string,
    /** Prefix of field names in messages, e.g. `text_config.` for a wrapped text model. */
    readonly prefix = '',
  ) {}

  /** Wraps `value` after checking that it is a JSON object, e.g. `ConfigReader.of([], 'x.json')` throws. */
  static of(value: Json, fileName: string): ConfigReader {
    if (isObject(value)) return new ConfigReader(value, fileName);
    const got = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    throw new InputError(`config in ${fileName}`, describe(value), 'a JSON object', `invalid config: ${fileName} holds ${got}, not a JSON object; expected a Hugging Face config.json object`);
  }

  /** Throws the InputError for field `name` holding `value` where `allowed` was expected. */
  fail(name: string, value: Json, allowed: string): never {
    const field = `${this.prefix}${name}`;
    const state = value === undefined ? 'is missing' : `is ${describe(value)}`;
    throw new InputError(`${field} in ${this.fileName}`, describe(value), allowed, `invalid config: ${field} ${state} in ${this.fileName}; expected ${allowed}`);
  }

  /** True when `name` is present and not null, e.g. `r.has('q_lora_rank')`. */
  has(name: string): boolean {
    return this.data[name] !== undefined && this.data[name] !== null;
  }

  /** A required whole number >= `min`, e.g. `r.int('hidden_size')` gives 7168. */
  int(name: string, min = 1): number {
    const value = this.data[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
    return this.fail(name, value, WHOLE(min));
  }

  /** An optional whole number: `fallback` when absent or null, e.g. `r.optInt('first_k_dense_replace', 0)`. */
  optInt<F extends number | null>(name: string, fallback: F, min = 0): number | F {
    return this.has(name) ? this.int(name, min) : fallback;
  }

  /** An optional boolean, e.g. `r.optBool('tie_word_embeddings', false)` gives false when absent. */
  optBool(name: string, fallback: boolean): boolean {
    const value = this.data[name];
    if (value === undefined || value === null) return fallback;
    if (typeof value === 'boolean') return value;
    return this.fail(name, value, 'true or false');
  }

  /** An optional string, e.g. `r.optStr('torch_dtype')` gives 'bfloat16' or undefined. */
  optStr(name: string): string | undefined {
    const value = this.data[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    return this.fail(name, value, 'a string');
  }

  /** A required string, e.g. `r.str('model_type')` gives 'deepseek_v3'. */
  str(name: string): string {
    return this.optStr(name) ?? this.fail(name, undefined, 'a string');
  }

  /** An optional list of whole numbers >= `min`, e.g. `r.optIntList('mlp_only_layers')` gives [] or undefined. */
  optIntList(name: string, min = 0): number[] | undefined {
    const value = this.data[name];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= min)) return value as number[];
    return this.fail(name, value, `a list of whole numbers >= ${min}`);
  }

  /** An optional list of strings, e.g. `r.optStrList('layer_types')`. */
  optStrList(name: string): string[] | undefined {
    const value = this.data[name];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
    return this.fail(name, value, 'a list of strings');
  }

  /** An optional nested object as its own reader, e.g. `r.optObject('quantization_config')`. */
  optObject(name: string): ConfigReader | undefined {
    const value = this.data[name];
    if (value === undefined || value === null) return undefined;
    if (isObject(value)) return new ConfigReader(value, this.fileName, `${this.prefix}${name}.`);
    return this.fail(name, value, 'an object');
  }
}
