import { defineCommand } from 'citty';
import { describeLayout } from '../../core/perf/describeLayout.js';
import { throughputFrontier } from '../../core/perf/frontier.js';
import { rejectUnknownFlags } from '../args.js';
import { table } from '../format.js';
import { count, fixed, milliseconds } from '../../format/numbers.js';
import type { CliIo } from '../io.js';
import { parseServing, servingArgs } from './servingArgs.js';
import { profileArg, readProfile } from '../profileArg.js';

const { tp: _tp, pp: _pp, ep: _ep, 'dp-attention': _dp, ...sweepArgs } = servingArgs;
const args = {
  ...sweepArgs,
  disaggregation: { type: 'boolean', default: true, description: 'also try separate prefill and decode pools (--no-disaggregation leaves them out)' },
  ...profileArg,
} as const;

/** The `frontier` command: the Pareto front of tokens/s per GPU against tokens/s per user over layouts and batches. */
export function frontierCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'frontier', description: 'Throughput-interactivity frontier: the Pareto front over layouts and batch sizes' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      io.progress?.(`frontier: searching the layouts and batches of ${String(a.model)} on ${String(a.gpus)} ${String(a.gpu)}...`);
      const { setup, workload, speculation } = parseServing(a, io);
      const profile = readProfile(io, a.profile);
      const f = throughputFrontier(setup.model, setup.gpu, setup.gpus, {
        workload, speculation, disaggregation: a.disaggregation !== false,
        ...(setup.framework !== undefined && { framework: setup.framework }),
        ...(setup.weightPrecision !== undefined && { weightPrecision: setup.weightPrecision }),
        ...(setup.kvPrecision !== undefined && { kvPrecision: setup.kvPrecision }),
        ...(profile !== undefined && { profile }),
      });
      if (a.json) {
        const { allPoints: _all, ...front } = f;
        io.out.write(`${JSON.stringify({ model: setup.model.id, gpu: setup.gpu.id, gpus: setup.gpus, framework: setup.framework ?? 'vllm', workload, ...front }, null, 2)}\n`);
        return;
      }
      const head = `Frontier: ${setup.model.id} on ${setup.gpus} × ${setup.gpu.id} with ${setup.framework ?? 'vllm'}, ${count(workload.inputTokens)} in / ${count(workload.outputTokens)} out tokens a request\n` +
        `${f.layouts} layouts fit, ${count(f.evaluated)} points evaluated, ${f.points.length} on the Pareto front\n\n`;
      const rows = f.points.map((p) => [
        fixed(p.tokensPerSecondPerUser, 1), count(p.outputTokensPerSecondPerGpu), count(p.totalTokensPerSecondPerGpu),
        milliseconds(p.tpotSeconds, 1), milliseconds(p.ttftSeconds), count(p.sequencesPerInstance), p.decodeBound, describeLayout(p),
      ]);
      io.out.write(head + (rows.length === 0 ? 'Nothing fits: see `inferonomics fit`.\n' : table(rows, ['tok/s/user', 'out tok/s/GPU', 'total tok/s/GPU', 'TPOT', 'TTFT', 'batch/inst', 'bound', 'layout'])));
    },
  });
}
