import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface PerfJson {
  fits: boolean;
  inputTokensPerSecondPerGpu: number; outputTokensPerSecondPerGpu: number; totalTokensPerSecondPerGpu: number;
  tokensPerSecondPerUser: number; tpotSeconds: number; ttftSeconds: number; concurrency: number;
  decodeStep: { stepSeconds: number; computeSeconds: number; memorySeconds: number; communicationSeconds: number; overheadSeconds: number; bound: string };
  smallestFit?: { gpus: number };
  warnings: string[];
}

const dsv3 = ['--model', 'deepseek-v3', '--gpu', 'h200', '--gpus', '8', '--framework', 'sglang'];

describe('inferonomics perf', () => {
  it('--engine-version 0.5 runs TensorRT-LLM without XQA: Llama-2-70B decodes slower; a malformed version is named', async () => {
    const llama = ['perf', '--model', 'llama-2-70b', '--gpu', 'h200', '--gpus', '1', '--framework', 'trtllm', '--weight-precision', 'fp8', '--input-tokens', '128', '--output-tokens', '2048', '--concurrency', '128'];
    const current = await runCliJson<PerfJson>(llama);
    const v05 = await runCliJson<PerfJson>([...llama, '--engine-version', '0.5.0']);
    expect(v05.decodeStep.memorySeconds).toBeGreaterThan(2 * current.decodeStep.memorySeconds);
    expect(v05.outputTokensPerSecondPerGpu).toBeLessThan(0.6 * current.outputTokensPerSecondPerGpu);
    const bad = await runCli([...llama, '--engine-version', 'latest']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid --engine-version: latest; expected a release such as 0\.9\.0/);
  });

  it('prints every required metric and the decode-step breakdown as JSON', async () => {
    const r = await runCliJson<PerfJson>(['perf', ...dsv3, '--concurrency', '64']);
    expect(r.fits).toBe(true);
    for (const k of ['inputTokensPerSecondPerGpu', 'outputTokensPerSecondPerGpu', 'totalTokensPerSecondPerGpu', 'tokensPerSecondPerUser', 'tpotSeconds', 'ttftSeconds'] as const) {
      expect(r[k], k).toBeGreaterThan(0);
    }
    expect(r.totalTokensPerSecondPerGpu).toBeCloseTo(r.inputTokensPerSecondPerGpu + r.outputTokensPerSecondPerGpu, 6);
    expect(r.tokensPerSecondPerUser).toBeCloseTo(1 / r.tpotSeconds, 6);
    const s = r.decodeStep;
    expect(s.stepSeconds).toBeGreaterThanOrEqual(Math.max(s.computeSeconds, s.memorySeconds) * 0.999 - 1e-12);
    expect(['compute', 'memory', 'communication', 'overhead']).toContain(s.bound);
    expect(r.concurrency).toBe(64);
  });

  it('offline max-throughput runs a larger batch: more tokens/s per GPU, fewer per user than concurrency 8', async () => {
    const max = await runCliJson<PerfJson>(['perf', ...dsv3, '--max-throughput']);
    const c8 = await runCliJson<PerfJson>(['perf', ...dsv3, '--concurrency', '8']);
    expect(max.concurrency).toBeGreaterThan(8);
    expect(max.outputTokensPerSecondPerGpu).toBeGreaterThan(c8.outputTokensPerSecondPerGpu);
    expect(max.tokensPerSecondPerUser).toBeLessThan(c8.tokensPerSecondPerUser);
  });

  it('prefix-cache hits lower TTFT and MTP raises per-user speed', async () => {
    const base = await runCliJson<PerfJson>(['perf', ...dsv3, '--concurrency', '8', '--input-tokens', '8000']);
    const cached = await runCliJson<PerfJson>(['perf', ...dsv3, '--concurrency', '8', '--input-tokens', '8000', '--prefix-cache-hit-rate', '0.8']);
    expect(cached.ttftSeconds).toBeLessThan(base.ttftSeconds);
    // In a decode pool of a dense model, one draft token at 0.85 acceptance emits 1.85 tokens a
    // memory-bound step that costs little more. (An MoE model gains less at small batch: verifying
    // twice the tokens touches more experts.)
    const decode = ['perf', '--model', 'llama-3.3-70b', '--gpu', 'h100', '--gpus', '4', '--concurrency', '8', '--phase', 'decode'];
    const plain = await runCliJson<PerfJson>(decode);
    const mtp = await runCliJson<PerfJson>([...decode, '--speculative-tokens', '1', '--acceptance-rate', '0.85']);
    expect(mtp.tokensPerSecondPerUser).toBeGreaterThan(plain.tokensPerSecondPerUser * 1.5);
    expect(mtp.tokensPerSecondPerUser).toBeLessThan(plain.tokensPerSecondPerUser * 1.85);
  });

  it('a setup that does not fit is reported with the smallest count that fits, never computed', async () => {
    const r = await runCliJson<PerfJson>(['perf', '--model', 'deepseek-v3', '--gpu', 'h100-sxm', '--gpus', '8', '--weight-precision', 'fp8']);
    expect(r.fits).toBe(false);
    expect(r.smallestFit?.gpus).toBeGreaterThan(8);
    expect(r.outputTokensPerSecondPerGpu).toBeUndefined();
    const text = await runCli(['perf', '--model', 'deepseek-v3', '--gpu', 'h100-sxm', '--gpus', '8', '--weight-precision', 'fp8']);
    expect(text.stdout).toContain('DOES NOT FIT');
    expect(text.stdout).toContain('nothing computed');
  });

  it('disaggregated pools and phase-only pools run', async () => {
    const d = await runCliJson<PerfJson>(['perf', '--model', 'deepseek-r1', '--gpu', 'h200', '--gpus', '72', '--prefill-gpus', '16', '--tp', '8', '--ep', '8', '--dp-attention', '--framework', 'dynamo-trtllm', '--concurrency', '3584']);
    expect(d.outputTokensPerSecondPerGpu).toBeGreaterThan(0);
    const p = await runCliJson<PerfJson>(['perf', ...dsv3, '--phase', 'prefill']);
    expect(p.inputTokensPerSecondPerGpu).toBeGreaterThan(0);
    expect(p.outputTokensPerSecondPerGpu).toBe(0);
  });

  it('the human report names what bounds the decode step', async () => {
    const r = await runCli(['perf', ...dsv3, '--concurrency', '64']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/decode step .*bound by (memory|compute|communication|overhead)/);
    expect(r.stdout).toContain('tokens/s per user');
  });

  it.each([
    [['--concurrency', '8', '--max-throughput'], /either --concurrency or --max-throughput/],
    [['--framework', 'tgi'], /invalid --framework: tgi; expected one of vllm, sglang/],
    [['--prefix-cache-hit-rate', '1.5'], /invalid --prefix-cache-hit-rate: 1.5; expected a number from 0 to 1/],
    [['--acceptance-rate', '0.8'], /--acceptance-rate.*only with --speculative-tokens/],
    [['--phase', 'train'], /invalid --phase: train; expected one of both, prefill, decode/],
    [['--prefill-gpus', '8'], /invalid --prefill-gpus: 8; expected fewer than --gpus 8/],
  ])('bad input %j is a one-line error', async (extra, message) => {
    const r = await runCli(['perf', ...dsv3, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('inferonomics frontier', () => {
  interface FrontierJson { points: { tokensPerSecondPerUser: number; outputTokensPerSecondPerGpu: number; layout: { mode: string } }[]; evaluated: number; layouts: number }

  it('deepseek-v3 on 16 h200: a Pareto front, fastest per user first, each point with its layout', async () => {
    const f = await runCliJson<FrontierJson>(['frontier', '--model', 'deepseek-v3', '--gpu', 'h200', '--gpus', '16', '--framework', 'sglang']);
    expect(f.points.length).toBeGreaterThan(5);
    expect(f.evaluated).toBeGreaterThan(f.points.length);
    for (let i = 1; i < f.points.length; i++) {
      const [prev, p] = [f.points[i - 1]!, f.points[i]!];
      expect(p.tokensPerSecondPerUser).toBeLessThanOrEqual(prev.tokensPerSecondPerUser);
      expect(p.outputTokensPerSecondPerGpu).toBeGreaterThan(prev.outputTokensPerSecondPerGpu);
    }
    expect(new Set(f.points.map((p) => p.layout.mode)).size).toBeGreaterThanOrEqual(1);
  });

  it('--no-disaggregation leaves only aggregated points', async () => {
    const f = await runCliJson<FrontierJson>(['frontier', '--model', 'llama-3.1-8b', '--gpu', 'h100', '--gpus', '4', '--no-disaggregation']);
    expect(f.points.every((p) => p.layout.mode === 'aggregated')).toBe(true);
  });

  it('prints a readable table', async () => {
    const r = await runCli(['frontier', '--model', 'llama-3.1-70b', '--gpu', 'h100', '--gpus', '8', '--framework', 'trtllm']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tok\/s\/user\s+out tok\/s\/GPU/);
    expect(r.stdout).toMatch(/on the Pareto front/);
  });
});
