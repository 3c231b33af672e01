import { ACCELERATORS } from '../core/catalog/accelerators.js';
import { findById } from '../core/catalog/lookup.js';
import { ALL_MODELS } from '../core/catalog/models.js';
import { modelFromHfConfig } from '../core/hfConfig/index.js';
import type { Accelerator } from '../core/accelerator/accelerator.js';
import type { ModelArchitecture } from '../core/model/modelArchitecture.js';
import { readJsonInput, type CliIo } from './io.js';

function looksLikePath(value: string): boolean {
  return value.endsWith('.json') || value.includes('/') || value.includes('\\');
}

/**
 * A model from a catalog id (or alias), or from the path of a Hugging Face `config.json`.
 * Unknown ids, unreadable files and malformed JSON become InputErrors naming `--model`.
 */
export function resolveModel(flag: string, value: string, io: CliIo): ModelArchitecture {
  if (!looksLikePath(value)) return findById(flag, value, ALL_MODELS);
  const json = readJsonInput(io, flag, value, 'a catalog model id or the path of a valid JSON config.json');
  return modelFromHfConfig(json, { fileName: value, date: io.today() });
}

/** An accelerator from its catalog id or alias; unknown ids name the closest known ones. */
export function resolveGpu(flag: string, value: string): Accelerator {
  return findById(flag, value, ACCELERATORS);
}
