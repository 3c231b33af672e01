import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generatedCall, invalidMarketCall } from './callGenerators.js';
import { checkCall, type CallOutcome } from './checkCall.js';

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
});
