import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

const dsv3 = ['fit', '--model', 'deepseek-v3', '--weight-precision', 'fp8', '--kv-precision', 'bf16'];

interface FitJson {
  model: string; gpu: string; gpus: number; totalParams: number; activeParams: number;
  weightBytesPerGpu: number; kvCacheBytesPerToken: number; kvCacheBytesPerTokenPerGpu: number;
  freeBytesPerGpu: number; maxKvTokensPerGpu: number; maxConcurrentSequences: number; fits: boolean;
  smallestFit: { gpus: number; layout: { tp: number; pp: number } } | null;
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inferonomics-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('inferonomics fit', () => {
  it('deepseek-v3 fp8 on 8 h200 fits with 70,272 KV bytes per token', async () => {
    const r = await runCliJson<FitJson>([...dsv3, '--gpu', 'h200', '--gpus', '8']);
    expect(r.kvCacheBytesPerToken).toBe(70272);
    expect(r.kvCacheBytesPerTokenPerGpu).toBe(70272); // MLA latent is not split by TP
    expect(r.fits).toBe(true);
    expect(r.model).toBe('deepseek-v3');
    expect(r.gpu).toBe('h200');
    expect(r.weightBytesPerGpu).toBeGreaterThan(83e9);
    expect(r.weightBytesPerGpu).toBeLessThan(86e9);
    expect(r.maxKvTokensPerGpu).toBe(Math.floor(r.freeBytesPerGpu / 70272));
    for (const key of ['totalParams', 'activeParams', 'freeBytesPerGpu', 'maxConcurrentSequences'] as const) {
      expect(Number.isFinite(r[key])).toBe(true);
    }
  });

  it('deepseek-v3 fp8 on 8 h100-sxm does not fit, exits 0 and names 10 GPUs (TP 2 × PP 5) as the smallest count', async () => {
    const r = await runCli([...dsv3, '--gpu', 'h100-sxm', '--gpus', '8', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as FitJson;
    expect(j.fits).toBe(false);
    expect(j.maxConcurrentSequences).toBe(0);
    // 673 GB of weights: 9 GPUs cannot split 128 heads or 61 layers usefully; 10 = TP 2 × PP 5 holds 72.4 GB a GPU.
    expect(j.smallestFit).toMatchObject({ gpus: 10, layout: { tp: 2, pp: 5 } });
  });

  it('the human report says by how much it misses and the smallest count that fits', async () => {
    const r = await runCli([...dsv3, '--gpu', 'h100-sxm', '--gpus', '8']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/DOES NOT FIT: short by [\d.]+ GB per GPU/);
    expect(r.stdout).toContain('smallest count of h100-sxm that fits is 10 (TP 2 × PP 5)');
  });

  it.each([
    ['the project fixture', new URL('../fixtures/configs/deepseek-v3.config.json', import.meta.url).pathname],
    ['the verbatim Hugging Face copy in ../shared', new URL('../../../shared/research/configs/deepseek-v3.config.json', import.meta.url).pathname],
  ])('--model given a DeepSeek-V3 config.json (%s) gives the same numbers as the catalog id', async (_what, path) => {
    if (!existsSync(path)) return; // ../shared is absent outside this workplace
    const argv = ['--gpu', 'h200', '--gpus', '8', '--weight-precision', 'fp8', '--kv-precision', 'bf16'];
    const fromId = await runCliJson<FitJson>(['fit', '--model', 'deepseek-v3', ...argv]);
    const fromPath = await runCliJson<FitJson>(['fit', '--model', path, ...argv]);
    const keys = ['totalParams', 'activeParams', 'weightBytesPerGpu', 'kvCacheBytesPerToken', 'kvCacheBytesPerTokenPerGpu', 'freeBytesPerGpu', 'maxKvTokensPerGpu', 'maxConcurrentSequences', 'fits'] as const;
    for (const key of keys) expect(fromPath[key], key).toEqual(fromId[key]);
    expect(fromPath.kvCacheBytesPerToken).toBe(70272);
  });

  it('data-parallel attention holds tp times the MLA sequences of plain TP', async () => {
    const tp = await runCliJson<FitJson>([...dsv3, '--gpu', 'h200', '--gpus', '8']);
    const dp = await runCliJson<FitJson>([...dsv3, '--gpu', 'h200', '--gpus', '8', '--dp-attention']);
    // Attention, dense FFN, shared experts and vocabulary tables are replicated under DP attention
    // (as the engines run it), so less room per GPU: 464 against 8 × 86 today.
    expect(dp.maxConcurrentSequences).toBeGreaterThan(5 * tp.maxConcurrentSequences);
    expect(dp.maxConcurrentSequences).toBeLessThanOrEqual(8 * tp.maxConcurrentSequences);
  });

  it('the default scenario (kimi-k2.5 on 8 h200) prints a readable report', async () => {
    const r = await runCli(['fit', '--model', 'kimi-k2.5', '--gpu', 'h200', '--gpus', '8']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Memory fit: kimi-k2.5 on 8 × h200');
    expect(r.stdout).toContain('int4');
    expect(r.stdout).toMatch(/FITS: [\d,]+ sequences/);
  });
});

describe('inferonomics fit: bad input', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown model id names the closest ids', ['--model', 'deepseek-v4', '--gpu', 'h200', '--gpus', '8'], /unknown --model: deepseek-v4; did you mean .*deepseek-v3/],
    ['an unknown gpu id names the closest ids', ['--model', 'deepseek-v3', '--gpu', 'h300', '--gpus', '8'], /unknown --gpu: h300; did you mean .*h\d00/],
    ['a negative GPU count', ['--model', 'deepseek-v3', '--gpu', 'h200', '--gpus', '-3'], /invalid --gpus: -3; expected a whole number from 1 to 65,536/],
    ['a non-numeric GPU count', ['--model', 'deepseek-v3', '--gpu', 'h200', '--gpus', 'eight'], /invalid --gpus: eight; expected a whole number from 1 to 65,536/],
    ['a fractional TP', ['--model', 'deepseek-v3', '--gpu', 'h200', '--gpus', '8', '--tp', '2.5'], /invalid --tp: 2\.5/],
    ['a TP that does not divide the heads', ['--model', 'llama-3.1-70b', '--gpu', 'h200', '--gpus', '6', '--tp', '6'], /invalid --tp: 6 does not divide the 64 attention heads/],
    ['a TP × PP that does not divide the GPUs', ['--model', 'llama-3.1-70b', '--gpu', 'h200', '--gpus', '8', '--tp', '4', '--pp', '3'], /tp × pp = 12 does not divide --gpus 8/],
    ['EP on a dense model', ['--model', 'llama-3.1-8b', '--gpu', 'h200', '--gpus', '2', '--ep', '2'], /invalid --ep: 2; expected 1/],
    ['an unknown precision', ['--model', 'deepseek-v3', '--gpu', 'h200', '--gpus', '8', '--weight-precision', 'fp7'], /invalid --weight-precision: fp7; expected one of bf16, fp16, fp8/],
    ['a zero context', ['--model', 'deepseek-v3', '--gpu', 'h200', '--gpus', '8', '--context-tokens', '0'], /invalid --context-tokens: 0/],
    ['an unknown flag', ['--model', 'deepseek-v3', '--gpu', 'h200', '--gpus', '8', '--gpu-count', '8'], /unknown flag: --gpu-count/],
    ['a missing --gpus', ['--model', 'deepseek-v3', '--gpu', 'h200'], /gpus/],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const r = await runCli(['fit', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/); // never a stack trace
  });

  it('malformed JSON in a config path is a one-line error naming the file', async () => {
    const path = tempFile('config.json', '{"model_type": "llama", ');
    const r = await runCli(['fit', '--model', path, '--gpu', 'h200', '--gpus', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`invalid --model: ${path} is not valid JSON`);
  });

  it('a config missing a needed field is a one-line error naming the field and the file', async () => {
    const path = new URL('../fixtures/configs/missing-field.config.json', import.meta.url).pathname;
    const r = await runCli(['fit', '--model', path, '--gpu', 'h200', '--gpus', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/num_hidden_layers|hidden_size|num_attention_heads/);
    expect(r.stderr).toContain(path);
  });

  it('a missing config file is a one-line error', async () => {
    const r = await runCli(['fit', '--model', '/nonexistent/config.json', '--gpu', 'h200', '--gpus', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read /nonexistent/config.json (ENOENT)');
  });

  it('an unknown command lists the commands', async () => {
    const r = await runCli(['fitt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid command: fitt; expected one of /);
    for (const c of ['report', 'fit', 'perf', 'frontier', 'validate', 'simulate', 'market']) expect(r.stderr).toContain(c);
  });
});
