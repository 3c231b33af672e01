import type { ArgsDef } from 'citty';
import { InputError } from '../../core/errors.js';
import { SERVING_FRAMEWORKS } from '../../core/perf/efficiency.js';
import { parseFramework } from '../../core/perf/efficiencyProfiles.js';
import type { Workload } from '../../core/perf/serving.js';
import type { Speculation } from '../../core/perf/speculation.js';
import { parseKvPrecision, parsePrecision } from '../../core/precision.js';
import type { ServingSetup } from '../../core/perf/buildContext.js';
import { parseLimited, parseNumber } from '../args.js';
import type { CliIo } from '../io.js';
import { resolveGpu, resolveModel } from '../resolve.js';
import { parsePlacement, placementArgs } from './layoutArgs.js';

/** Flags of every command that runs the performance model on one setup and workload. */
export const servingArgs = {
  ...placementArgs,
  framework: { type: 'string', description: `serving framework whose efficiency factors apply (default vllm): ${SERVING_FRAMEWORKS.join(', ')}`, valueHint: 'f' },
  'weight-precision': { type: 'string', description: 'precision of all linear weights (default: the checkpoint\'s own)', valueHint: 'p' },
  'kv-precision': { type: 'string', description: 'KV-cache precision (default: bf16, or the framework\'s default for fp8/fp4 weights)', valueHint: 'p' },
  'input-tokens': { type: 'string', description: 'prompt tokens per request (default 1024)', valueHint: 'n' },
  'output-tokens': { type: 'string', description: 'output tokens per request (default 1024)', valueHint: 'n' },
  'prefix-cache-hit-rate': { type: 'string', description: 'share of prompt tokens found in the prefix cache, 0 to 1 (default 0)', valueHint: 'x' },
  'speculative-tokens': { type: 'string', description: 'draft tokens per step of speculative decoding / MTP, 0 to 16 (default 0: none)', valueHint: 'n' },
  'acceptance-rate': { type: 'string', description: 'acceptance rate of each draft token, 0 to 1 (default 0.7)', valueHint: 'x' },
  json: { type: 'boolean', description: 'print the result as JSON (SI units)' },
} as const satisfies ArgsDef;

export interface ServingInput {
  readonly setup: ServingSetup;
  readonly workload: Workload;
  readonly speculation: Speculation | null;
}

/** Reads the serving flags, resolving model and GPU ids against the catalogs. */
export function parseServing(a: Record<string, unknown>, io: CliIo): ServingInput {
  const placement = parsePlacement(a);
  const str = (k: string) => (a[k] === undefined ? undefined : String(a[k]));
  const weight = str('weight-precision');
  const kv = str('kv-precision');
  const framework = str('framework');
  const workload: Workload = {
    inputTokens: a['input-tokens'] === undefined ? 1024 : parseLimited('--input-tokens', a['input-tokens'], 'inputTokens'),
    outputTokens: a['output-tokens'] === undefined ? 1024 : parseLimited('--output-tokens', a['output-tokens'], 'outputTokens'),
    prefixCacheHitRate: a['prefix-cache-hit-rate'] === undefined ? 0 : parseNumber('--prefix-cache-hit-rate', a['prefix-cache-hit-rate'], 0, 1),
  };
  const draft = a['speculative-tokens'] === undefined ? 0 : parseLimited('--speculative-tokens', a['speculative-tokens'], 'speculativeTokens');
  if (draft === 0 && a['acceptance-rate'] !== undefined) {
    throw new InputError('--acceptance-rate', String(a['acceptance-rate']), 'only with --speculative-tokens >= 1');
  }
  const acceptanceRate = a['acceptance-rate'] === undefined ? 0.7 : parseNumber('--acceptance-rate', a['acceptance-rate'], 0, 1);
  const model = resolveModel('--model', placement.modelArg, io);
  const gpu = resolveGpu('--gpu', placement.gpuArg);
  return {
    setup: {
      model, gpu, gpus: placement.gpus, layout: placement.layout,
      ...(weight !== undefined && { weightPrecision: parsePrecision('--weight-precision', weight) }),
      ...(kv !== undefined && { kvPrecision: parseKvPrecision('--kv-precision', kv) }),
      ...(framework !== undefined && { framework: parseFramework('--framework', framework) }),
    },
    workload,
    speculation: draft === 0 ? null : { method: 'mtp', draftTokens: draft, acceptanceRate },
  };
}
