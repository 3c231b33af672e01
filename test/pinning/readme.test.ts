import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliJson } from '../cli/runCli.js';

/**
 * The README's headline figures against what the tool computes today, compared rounded (costs
 * within 10%, margins and utilizations within 5 points): a change to a factor that moves a
 * headline figure fails here until the README says what the tool prints.
 */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const sharedCases = new URL('../../../shared/validation/cases.json', import.meta.url).pathname;

interface ReportOption {
  readonly label: string;
  readonly marginFraction: number | null;
  readonly breakEvenUtilization: number | null;
  readonly costUsdPerMillionOutputTokens: number;
  readonly costUsdPerMillionInputTokens: number;
}

/** The rows of the README's headline table: label, verdict, margin %, break-even %, $/M out, $/M in. */
function headlineRows(): { label: string; verdict: string; marginPercent: number; breakEvenPercent: number; costOut: number; costIn: number }[] {
  const rows = [...readme.matchAll(/^(.+?)\s{2,}(?:\d+\s+)?(PROFIT|LOSS)\s+(-?\d+)%\s+(\d+)%\s+\$([\d.]+)\s+\$([\d.]+)\s*$/gm)];
  return rows.map((m) => ({
    label: m[1] ?? '', verdict: m[2] ?? '', marginPercent: Number(m[3]), breakEvenPercent: Number(m[4]), costOut: Number(m[5]), costIn: Number(m[6]),
  }));
}

const within = (actual: number, readmeValue: number, relative: number) => Math.abs(actual / readmeValue - 1) <= relative;

describe('README headline figures', () => {
  it('the default report: each option of the README table has its verdict, margin, break-even utilization and costs', { timeout: 120_000 }, async () => {
    const { options } = await runCliJson<{ options: ReportOption[] }>(['report']);
    const rows = headlineRows();
    expect(rows.map((r) => r.label)).toEqual(options.map((o) => o.label));
    for (const [i, row] of rows.entries()) {
      const o = options[i] as ReportOption;
      const margin = (o.marginFraction ?? Number.NaN) * 100;
      const breakEven = (o.breakEvenUtilization ?? Number.NaN) * 100;
      expect(row.verdict, o.label).toBe(margin > 0 ? 'PROFIT' : 'LOSS');
      expect(Math.abs(margin - row.marginPercent), `${o.label}: margin ${margin.toFixed(1)}% against the README's ${row.marginPercent}%`).toBeLessThanOrEqual(5);
      expect(Math.abs(breakEven - row.breakEvenPercent), `${o.label}: break-even ${breakEven.toFixed(1)}% against ${row.breakEvenPercent}%`).toBeLessThanOrEqual(5);
      expect(within(o.costUsdPerMillionOutputTokens, row.costOut, 0.1), `${o.label}: $${o.costUsdPerMillionOutputTokens.toFixed(2)}/M output against $${row.costOut}`).toBe(true);
      expect(within(o.costUsdPerMillionInputTokens, row.costIn, 0.1), `${o.label}: $${o.costUsdPerMillionInputTokens.toFixed(3)}/M input against $${row.costIn}`).toBe(true);
    }
  });

  it('reproduce deepseek: the README\'s daily cost, revenue, cost-profit margin and predicted nodes', { timeout: 60_000 }, async () => {
    const m = /\$([\d,]+) a day, \$([\d,]+) of theoretical revenue[\s\S]*?([\d.]+)% cost-profit margin; physics: ([\d.]+) H800 nodes predicted against the\s+226\.75 average, ([+-][\d.]+)%/.exec(readme);
    if (m === null) throw new Error('README.md no longer states the DeepSeek reproduction in the expected words');
    const r = await runCliJson<{ dailyCostUsd: number; revenueUsd: number; costProfitMargin: number; predictedAverageNodes: number; predictedAverageNodesRelativeError: number }>(['reproduce', 'deepseek']);
    const number = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
    expect(r.dailyCostUsd).toBe(number(m[1]));
    expect(within(r.revenueUsd, number(m[2]), 0.001)).toBe(true);
    expect(Math.abs(r.costProfitMargin * 100 - number(m[3]))).toBeLessThanOrEqual(1);
    expect(within(r.predictedAverageNodes, number(m[4]), 0.1), `predicted ${r.predictedAverageNodes.toFixed(1)} nodes against the README's ${m[4]}`).toBe(true);
    expect(Math.abs(r.predictedAverageNodesRelativeError * 100 - number(m[5]))).toBeLessThanOrEqual(10);
  });

  it.skipIf(!existsSync(sharedCases))('the README\'s in-sample validation error (median and p90 |error|) within 1.5 points of validate over the shared cases', { timeout: 120_000 }, async () => {
    const m = /\| in-sample \(`validate`\) \| ([\d.]+)% \| ([\d.]+)% \|/.exec(readme);
    if (m === null) throw new Error('README.md no longer has the in-sample row of the validation table');
    const { summary } = await runCliJson<{ summary: { medianAbsRelativeError: number; p90AbsRelativeError: number } }>(['validate', sharedCases]);
    expect(Math.abs(summary.medianAbsRelativeError * 100 - Number(m[1]))).toBeLessThanOrEqual(1.5);
    expect(Math.abs(summary.p90AbsRelativeError * 100 - Number(m[2]))).toBeLessThanOrEqual(1.5);
  });
});
