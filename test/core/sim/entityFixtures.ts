// A bare setting for the simulator's entities: a request table, a metrics store and the KV
// transfers a prefill instance hands on, so tests drive an Instance step by step.
import type { Request } from '../../../src/core/demand/types.js';
import { Instance, type InstanceRole } from '../../../src/core/sim/instance.js';
import type { InstanceModel } from '../../../src/core/sim/instanceModel.js';
import { SimulationMetrics } from '../../../src/core/sim/metrics.js';
import { RequestTable } from '../../../src/core/sim/requestTable.js';

/** A step of `seconds` + 1 ms a decoding sequence + 1 µs a prompt token, so a test can tell what a step held. */
export const linearStep = (maxSequences: number, kvCapacityTokens: number, maxBatchedTokens: number): InstanceModel => ({
  stepSeconds: (decode, prompt) => 0.01 + decode * 1e-3 + prompt * 1e-6, maxSequences, kvCapacityTokens, maxBatchedTokens, gpus: 1,
});

export function bench(models: readonly InstanceModel[], roles: readonly InstanceRole[] = models.map(() => 'both'), shedFreeAfterSeconds = Infinity) {
  const requests = new RequestTable();
  const metrics = new SimulationMetrics(requests, models.map(() => 1), 60, { maxTtftSeconds: null, maxTpotSeconds: null });
  const prefilled: number[] = [];
  const setting = { requests, metrics, outputTokensPerSecondAtCapacity: 100, shedFreeAfterSeconds, prefilled: (id: number) => prefilled.push(id) };
  const instances = models.map((m, i) => new Instance(i, m, roles[i] ?? 'both', 1, setting));
  const add = (r: Partial<Request>) => requests.add({ arrivalSeconds: 0, inputTokens: 100, cachedInputTokens: 0, outputTokens: 3, ...r });
  return { requests, metrics, instances, prefilled, add };
}
