// One worker of bench/generatedInputs.ts: runs generated CLI calls in-process, one at a time.
import { parentPort } from 'node:worker_threads';
import type { GeneratedCall } from '../test/generated/callGenerators.js';
import { checkCall } from '../test/generated/checkCall.js';

parentPort?.on('message', async (m: { call: GeneratedCall; dir: string; budgetMilliseconds: number }) => {
  try {
    parentPort?.postMessage(await checkCall(m.call, m.dir, m.budgetMilliseconds));
  } catch (e) {
    // checkCall itself never throws for a CLI failure (run() catches everything); this is the harness.
    parentPort?.postMessage({ argv: m.call.argv, code: -1, milliseconds: 0, problems: [`harness: ${e instanceof Error ? e.stack : String(e)}`], kind: 'internal error' });
  }
});
