// The large run of the generated-input suite (npm run bench): 10,000 CLI calls over every command
// with valid, invalid and extreme inputs (GENERATED_CALLS and GENERATED_SEED change the count and
// the seed). Each call runs in a worker thread; one that takes longer than 40 s is a hang: the
// worker is ended and a fresh one takes the next call. Prints the counts and every failing call;
// exits 1 on any internal error, hang, non-finite number, accepted invalid input or bad message.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { generatedCall, type GeneratedCall } from '../test/generated/callGenerators.js';
import type { CallOutcome } from '../test/generated/checkCall.js';

const CALLS = Number(process.env.GENERATED_CALLS ?? 10_000);
const SEED = Number(process.env.GENERATED_SEED ?? 2026);
/** The budget for an answer, and the time after which a call counts as hung. */
const BUDGET_MS = 5_000;
const HANG_MS = 40_000;

const dir = mkdtempSync(join(tmpdir(), 'inferonomics-bench-generated-'));
const newWorker = () => new Worker(new URL('./generatedWorkerEntry.js', import.meta.url));
let worker = newWorker();

function runOne(call: GeneratedCall, i: number): Promise<CallOutcome | 'hang'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.removeAllListeners('message');
      void worker.terminate();
      worker = newWorker();
      resolve('hang');
    }, HANG_MS);
    worker.once('message', (outcome: CallOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
    });
    worker.postMessage({ call, dir: join(dir, String(i % 8)), budgetMilliseconds: BUDGET_MS });
  });
}

const calls = fc.sample(generatedCall('large'), { numRuns: CALLS, seed: SEED });
const counts = { calls: 0, exit0: 0, exit2: 0, invalidGenerated: 0, 'internal error': 0, hang: 0, 'non-finite': 0, 'accepted invalid': 0, 'bad message': 0, 'over time': 0 };
const failures: string[] = [];
const slowest: { ms: number; argv: string }[] = [];
const t0 = performance.now();
for (const [i, call] of calls.entries()) {
  const outcome = await runOne(call, i);
  counts.calls++;
  if (call.invalid) counts.invalidGenerated++;
  if (outcome === 'hang') {
    counts.hang++;
    failures.push(`hang (> ${HANG_MS / 1000} s): ${call.argv.join(' ')}`);
    continue;
  }
  if (outcome.code === 0) counts.exit0++;
  if (outcome.code === 2) counts.exit2++;
  const kinds = new Set(outcome.problems.length === 0 ? [] : [outcome.kind]);
  for (const p of outcome.problems) {
    if (p.startsWith('took ')) kinds.add('over time');
    if (/^exit \d+: /.test(p) || p.includes('internal error')) kinds.add('internal error');
  }
  for (const k of kinds) if (k !== 'ok') counts[k]++;
  if (outcome.problems.length > 0) failures.push(`${[...kinds].join(', ')}: ${outcome.argv.join(' ').slice(0, 400)}\n    ${outcome.problems.join('\n    ').slice(0, 800)}`);
  slowest.push({ ms: outcome.milliseconds, argv: outcome.argv.join(' ').slice(0, 200) });
  if (slowest.length > 20) slowest.sort((a, b) => b.ms - a.ms).splice(10);
  if (process.stderr.isTTY && i % 50 === 0) process.stderr.write(`\r${i} of ${CALLS} calls`);
}
await worker.terminate();
rmSync(dir, { recursive: true, force: true });
if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');

for (const f of failures.slice(0, 50)) console.log(f);
if (failures.length > 50) console.log(`... and ${failures.length - 50} more`);
console.log('slowest calls:');
for (const s of slowest.sort((a, b) => b.ms - a.ms).slice(0, 5)) console.log(`  ${(s.ms / 1000).toFixed(2)} s  ${s.argv}`);
console.log(`generated inputs: ${counts.calls} calls (seed ${SEED}) in ${((performance.now() - t0) / 1000).toFixed(0)} s; exit 0: ${counts.exit0}, exit 2: ${counts.exit2}; ` +
  `${counts.invalidGenerated} generated invalid; internal errors ${counts['internal error']}, hangs ${counts.hang}, non-finite numbers ${counts['non-finite']}, ` +
  `accepted invalid inputs ${counts['accepted invalid']}, bad messages ${counts['bad message']}, over the ${BUDGET_MS / 1000} s budget ${counts['over time']}`);
const broken = counts['internal error'] + counts.hang + counts['non-finite'] + counts['accepted invalid'] + counts['bad message'];
process.exitCode = broken > 0 ? 1 : 0;
