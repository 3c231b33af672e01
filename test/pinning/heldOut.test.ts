import { describe, expect, it } from 'vitest';
import { runCliJson } from '../cli/runCli.js';

/**
 * Accuracy on measurements the calibration never sees: 129 InferenceX runs of DeepSeek-R1 on one
 * aggregated server (B200, B300, H200, MI300X, MI325X, MI355X under SGLang, TensorRT-LLM and ATOM,
 * fp4 and fp8, 1K/1K, 1K/8K and 8K/1K, concurrency 1-256) that are not among the shared cases
 * (test/fixtures/validation/heldout/README.md). A guard against changes that fit the shared cases
 * better and the world worse. Measured 2026-12-07: throughput per GPU median |error| 14.6% (signed
 * +3.5%), TPOT 15.6% (-2.1%), TTFT 47.3% (-29.5%). TTFT is the weak metric: prompts of 1K tokens
 * start later than modelled (a floor of about 80 ms the model lacks), 8K prompts under load start
 * sooner than prompts queueing in waves would. The bounds leave room, and each can fail.
 */
const HELD_OUT = new URL('../fixtures/validation/heldout/inferencex-dsr1.json', import.meta.url).pathname;

interface Summary {
  readonly cases: number;
  readonly failed: number;
  readonly byMetricKind: readonly { kind: string; metrics: number; medianRelativeError: number | null; medianAbsRelativeError: number | null }[];
}

describe('held-out accuracy (InferenceX DeepSeek-R1 runs outside the shared cases)', () => {
  it('throughput and TPOT median |error| <= 20% and unbiased within 10%; TTFT median |error| <= 60%', { timeout: 120_000 }, async () => {
    const { summary } = await runCliJson<{ summary: Summary }>(['validate', HELD_OUT]);
    expect(summary.cases).toBe(129);
    expect(summary.failed).toBe(0);
    const kind = (name: string) => {
      const k = summary.byMetricKind.find((x) => x.kind === name);
      if (k === undefined) throw new Error(`no metric kind ${name} in the summary`);
      return k;
    };
    for (const name of ['throughput per GPU', 'per-user speed and TPOT']) {
      expect(kind(name).medianAbsRelativeError, name).toBeLessThanOrEqual(0.2);
      expect(Math.abs(kind(name).medianRelativeError ?? 1), name).toBeLessThanOrEqual(0.1);
    }
    expect(kind('TTFT').medianAbsRelativeError).toBeLessThanOrEqual(0.6);
  });
});
