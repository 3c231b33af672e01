import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliJson } from '../cli/runCli.js';

/**
 * The model's accuracy, pinned with bounds a little looser than today's figures, so that a change to
 * a factor that makes the model worse fails here (a change that makes it better passes; then tighten
 * the bounds). Today (2026-12-07): in-sample median |error| 10.3%, p90 38.1% over 101 metrics of
 * 72 cases; DeepSeek's production day needs 203 nodes against the published 226.75 (-11%), 156
 * with MTP (-31%: the published overview does not say its decode uses MTP).
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
  it.skipIf(!hasSharedCases)('validate over ../shared/validation/cases.json: in-sample median |error| <= 12%, p90 <= 42%, no metric kind biased by more than 10%', { timeout: 120_000 }, async () => {
    const { summary } = await runCliJson<{ summary: Summary }>(['validate', sharedCases]);
    expect(summary.failed).toBe(0);
    expect(summary.metrics).toBeGreaterThanOrEqual(100);
    expect(summary.medianAbsRelativeError).toBeLessThanOrEqual(0.12);
    expect(summary.p90AbsRelativeError).toBeLessThanOrEqual(0.42);
    for (const kind of summary.byMetricKind) expect(Math.abs(kind.medianRelativeError ?? 0), kind.kind).toBeLessThanOrEqual(0.1);
  });

  it('reproduce deepseek: the predicted H800 nodes within 20% of the published 226.75 average; MTP needs fewer', { timeout: 60_000 }, async () => {
    const r = await runCliJson<{ predictedAverageNodes: number; predictedAverageNodesRelativeError: number; withMtp: { predictedAverageNodes: number } }>(['reproduce', 'deepseek']);
    expect(Math.abs(r.predictedAverageNodesRelativeError)).toBeLessThanOrEqual(0.2);
    expect(r.withMtp.predictedAverageNodes).toBeLessThan(r.predictedAverageNodes);
  });
});
