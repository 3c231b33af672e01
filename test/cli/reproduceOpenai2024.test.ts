import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface Row { depth: string; profitUsd: number; marginFraction: number }
interface YearJson {
  rows: Row[]; firstLossDepth: string | null; researchAndTrainingToInferenceRatio: number;
  checks: { lossUsd: number; reportedLossUsd: number; lossRelativeError: number };
  inputs: Record<string, { value: number; source: string; date: string }>;
}

describe('inferonomics reproduce openai-2024', () => {
  it('prints the four depths, the verdict, the checks and every input with its source', async () => {
    const r = await runCli(['reproduce', 'openai-2024']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const depth of ['serving', 'plus training', 'plus research', 'plus staff']) expect(r.stdout).toMatch(new RegExp(`\\n${depth}\\s+\\$`));
    expect(r.stdout).toContain('The year loses money from the "plus research" depth on.');
    expect(r.stdout).toMatch(/loss at the staff depth\s+\$5\.00B\s+\$4\.78B/);
    for (const name of ['revenueUsd', 'inferenceComputeUsd', 'finalTrainingComputeUsd', 'researchComputeUsd', 'staffUsd']) expect(r.stdout).toMatch(new RegExp(`\\n  ${name}\\s+\\$[\\d.]+B\\s+sourced, \\d{4}-\\d{2}`));
  });

  it('--json carries the same rows, each input with its source and date', async () => {
    const j = await runCliJson<YearJson>(['reproduce', 'openai-2024']);
    expect(j.rows.map((x) => x.depth)).toEqual(['serving', 'plus training', 'plus research', 'plus staff']);
    expect(j.firstLossDepth).toBe('plus research');
    expect(j.rows[3]?.profitUsd).toBeCloseTo(-j.checks.lossUsd, 0);
    expect(Object.keys(j.inputs)).toHaveLength(5);
    for (const d of Object.values(j.inputs)) expect(d.source).toMatch(/^https:\/\//);
  });

  it('an unknown case names the known ones', async () => {
    const r = await runCli(['reproduce', 'openai-2023']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('openai-2024');
  });
});
