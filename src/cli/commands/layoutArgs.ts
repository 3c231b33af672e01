import type { ArgsDef } from 'citty';
import type { LayoutRequest } from '../../core/memory/layout.js';
import { describeRange } from '../../core/limits.js';
import { parseLimited, requireString } from '../args.js';

/** Flags shared by every command that places a model on GPUs. */
export const placementArgs = {
  model: { type: 'string', description: 'model: a catalog id (e.g. kimi-k2.5) or the path of a Hugging Face config.json', valueHint: 'id|config.json', required: true },
  gpu: { type: 'string', description: 'accelerator catalog id (e.g. h200, b200, mi300x)', valueHint: 'id', required: true },
  gpus: { type: 'string', description: `number of accelerators, ${describeRange('accelerators')}`, valueHint: 'n', required: true },
  tp: { type: 'string', description: 'tensor-parallel GPUs per pipeline stage (default: gpus / pp)', valueHint: 'n' },
  pp: { type: 'string', description: 'pipeline-parallel stages (default 1)', valueHint: 'n' },
  ep: { type: 'string', description: 'expert-parallel groups among the tp GPUs (default 1: experts sharded by TP)', valueHint: 'n' },
  'dp-attention': { type: 'boolean', description: 'data-parallel attention: each GPU of a stage serves its own sequences' },
} as const satisfies ArgsDef;

export interface Placement {
  readonly modelArg: string;
  readonly gpuArg: string;
  readonly gpus: number;
  readonly layout: LayoutRequest;
}

/** Reads and checks the placement flags (numbers only; ids are resolved against the catalogs later). */
export function parsePlacement(args: Record<string, unknown>): Placement {
  const layout: LayoutRequest = {
    ...(args.tp !== undefined && { tp: parseLimited('--tp', args.tp, 'accelerators') }),
    ...(args.pp !== undefined && { pp: parseLimited('--pp', args.pp, 'accelerators') }),
    ...(args.ep !== undefined && { ep: parseLimited('--ep', args.ep, 'accelerators') }),
    ...(args['dp-attention'] === true && { dpAttention: true }),
  };
  return {
    modelArg: requireString('--model', args.model, 'a catalog model id or a config.json path'),
    gpuArg: requireString('--gpu', args.gpu, 'an accelerator catalog id'),
    gpus: parseLimited('--gpus', args.gpus, 'accelerators'),
    layout,
  };
}
