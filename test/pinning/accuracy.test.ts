import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliJson } from '../cli/runCli.js';

/**
 * The model's accuracy, pinned at issue 11's targets, so that a change to a factor that makes the
 * model worse than them fails here. Today (2026-12-07): in-sample median |error| 8.9%, p90 33.8%
 * over 101 metrics of 72 cases; leave one source out 12.5% and 43.3%; DeepSeek's production day
 * needs 248 nodes against the published 226.75 (+9%) with the day's prefill pool half busy (a stated
 * input), 202 with MTP (the published overview does not say its decode uses MTP).
 */
const sharedCases = new URL('../../../shared/validation/cases.json', import.meta.url).pathname;
const hasSharedCases = existsSync(sharedCases);
if (!hasSharedCases) console.warn(`accuracy pins skipped: no measured cases at ${sharedCases} (the shared folder beside the repository)`);

interface Summary {
  readonly metrics: number;
  readonly failed: number;
  readonly medianAbsRelativeError: number;
  readonly p90AbsRelativeError: number;
  readonly byMetricKind: readonly { kind: string; metrics: number; medianRelativeError: number | null }[];
}

describe('accuracy pins', () => {
  it.skipIf(!hasSharedCases)('validate over ../shared/validation/cases.json: in-sample median |error| <= 12%, p90 <= 35%, no metric kind biased by more than 10%', { timeout: 120_000 }, async () => {
    const { summary } = await runCliJson<{ summary: Summary }>(['validate', sharedCases]);
    expect(summary.failed).toBe(0);
    expect(summary.metrics).toBeGreaterThanOrEqual(100);
    expect(summary.medianAbsRelativeError).toBeLessThanOrEqual(0.12);
    expect(summary.p90AbsRelativeError).toBeLessThanOrEqual(0.35);
    for (const kind of summary.byMetricKind) expect(Math.abs(kind.medianRelativeError ?? 0), kind.kind).toBeLessThanOrEqual(0.1);
  });

  it.skipIf(!hasSharedCases)('calibrate over the shared cases: leave-one-source-out median |error| <= 18%, p90 <= 45%', { timeout: 120_000 }, async () => {
    const r = await runCliJson<{ leaveOneSourceOut: { medianAbsRelativeError: number; p90AbsRelativeError: number } }>(['calibrate', sharedCases]);
    expect(r.leaveOneSourceOut.medianAbsRelativeError).toBeLessThanOrEqual(0.18);
    expect(r.leaveOneSourceOut.p90AbsRelativeError).toBeLessThanOrEqual(0.45);
  });

  it('reproduce deepseek: the predicted H800 nodes within 15% of the published 226.75 average (economics anchor #7); MTP needs fewer', { timeout: 60_000 }, async () => {
    const r = await runCliJson<{ predictedAverageNodes: number; predictedAverageNodesRelativeError: number; withMtp: { predictedAverageNodes: number } }>(['reproduce', 'deepseek']);
    expect(Math.abs(r.predictedAverageNodesRelativeError)).toBeLessThanOrEqual(0.15);
    expect(r.withMtp.predictedAverageNodes).toBeLessThan(r.predictedAverageNodes);
  });
});
