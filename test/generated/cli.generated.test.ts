import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedCall, invalidMarketCall } from './callGenerators.js';
import { checkCall, type CallOutcome } from './checkCall.js';
import { runCli } from '../cli/runCli.js';
import { writeFileSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'inferonomics-generated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Each call's budget here: generous, because CI machines are shared; `npm run bench` runs 10,000
 * calls against the 5 s budget of the issue.
 */
const BUDGET_MS = 5000;

async function runAll(arbitrary: fc.Arbitrary<Parameters<typeof checkCall>[0]>, count: number, seed: number): Promise<CallOutcome[]> {
  const calls = fc.sample(arbitrary, { numRuns: count, seed });
  const outcomes: CallOutcome[] = [];
  for (const [i, call] of calls.entries()) outcomes.push(await checkCall(call, join(dir, String(i)), BUDGET_MS));
  return outcomes;
}

const failures = (outcomes: readonly CallOutcome[]) => outcomes.filter((o) => o.problems.length > 0).map((o) => `${o.argv.join(' ')}\n    ${o.problems.join('\n    ')}`);

describe('the CLI under generated inputs (valid, invalid, extreme)', () => {
  it('200 calls over every command: exit 0 or 2, one clear message per problem, finite JSON, invalid inputs refused, each within its budget', async () => {
    const outcomes = await runAll(generatedCall('ci'), 200, 16);
    expect(failures(outcomes)).toEqual([]);
    // The generator reaches both sides of the contract.
    expect(outcomes.filter((o) => o.code === 0).length).toBeGreaterThan(40);
    expect(outcomes.filter((o) => o.code === 2).length).toBeGreaterThan(40);
  }, 120_000);

  it('market flag errors are refused at once', async () => {
    expect(failures(await runAll(invalidMarketCall, 10, 17))).toEqual([]);
  }, 30_000);

  it('report --json is monotone: higher utilization never raises the cost per token, higher prices never lower the margin, break-even in [0, 1] or null', async () => {
    interface Option { costUsdPerMillionOutputTokens?: number; marginFraction?: number | null; profitUsdPerGpuHour?: number; breakEvenUtilization?: number | null }
    const reportOf = async (option: object, name: string): Promise<Option> => {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify({ options: [option] }));
      const r = await runCli(['report', path, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { options: Option[] }).options[0] ?? {};
    };
    const setups = fc.sample(fc.record({
      model: fc.constantFrom('llama-3.1-8b', 'mixtral-8x7b', 'gpt-oss-20b'),
      gpu: fc.constantFrom('h100-sxm', 'h200', 'b200'),
      gpus: fc.constantFrom(1, 2, 4),
      u: fc.tuple(fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
      prices: fc.record({ inputUsdPerMillion: fc.double({ min: 0, max: 20, noNaN: true }), outputUsdPerMillion: fc.double({ min: 0, max: 50, noNaN: true }) }),
      k: fc.double({ min: 1, max: 10, noNaN: true }),
      costBasis: fc.constantFrom({ kind: 'rented' }, { kind: 'owned' }, { kind: 'marginal' }),
    }), { numRuns: 12, seed: 18 });
    for (const [i, s] of setups.entries()) {
      const base = { model: s.model, gpu: s.gpu, gpus: s.gpus, costBasis: s.costBasis, prices: s.prices };
      const low = await reportOf({ ...base, utilization: s.u[0] }, `m${i}a`);
      const high = await reportOf({ ...base, utilization: s.u[1] }, `m${i}b`);
      const dearer = await reportOf({ ...base, utilization: s.u[0], prices: { inputUsdPerMillion: s.prices.inputUsdPerMillion * s.k, outputUsdPerMillion: s.prices.outputUsdPerMillion * s.k } }, `m${i}c`);
      if (low.costUsdPerMillionOutputTokens === undefined) continue; // does not fit: nothing to compare
      expect(high.costUsdPerMillionOutputTokens).toBeLessThanOrEqual(low.costUsdPerMillionOutputTokens * (1 + 1e-9));
      expect(dearer.profitUsdPerGpuHour).toBeGreaterThanOrEqual((low.profitUsdPerGpuHour ?? 0) - 1e-9);
      if (low.marginFraction !== null && dearer.marginFraction !== null) expect(dearer.marginFraction).toBeGreaterThanOrEqual((low.marginFraction ?? 0) - 1e-9);
      for (const r of [low, high, dearer]) {
        if (r.breakEvenUtilization !== null) {
          expect(r.breakEvenUtilization).toBeGreaterThanOrEqual(0);
          expect(r.breakEvenUtilization).toBeLessThanOrEqual(1);
        }
      }
    }
  }, 60_000);
});
