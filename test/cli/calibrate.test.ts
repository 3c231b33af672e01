import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const fixture = (name: string) => new URL(`../fixtures/validation/${name}`, import.meta.url).pathname;
const sharedCases = new URL('../../../shared/validation/cases.json', import.meta.url).pathname;

const writeTo = (files: Map<string, string>) => ({
  writeTextFile: (path: string, text: string) => { files.set(path, text); },
});

describe('inferonomics calibrate', () => {
  it.skipIf(!existsSync(sharedCases))('--json gives in-sample and leave-one-source-out errors, factors and a profile; --out writes that profile', { timeout: 120_000 }, async () => {
    const files = new Map<string, string>();
    const r = await runCli(['calibrate', sharedCases, '--json', '--out', 'p.json'], writeTo(files));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      inSample: { medianAbsRelativeError: number; p90AbsRelativeError: number; bySource: unknown[] };
      leaveOneSourceOut: { medianAbsRelativeError: number; p90AbsRelativeError: number; bySource: { key: string }[] };
      factors: { name: string; pinnedBy: string[]; relativeUncertainty: number }[];
      profile: { hardware: Record<string, unknown> };
    };
    for (const k of ['medianAbsRelativeError', 'p90AbsRelativeError'] as const) {
      expect(Number.isFinite(report.inSample[k])).toBe(true);
      expect(Number.isFinite(report.leaveOneSourceOut[k])).toBe(true);
    }
    // Held out, a source is predicted worse than in-sample at the median.
    expect(report.leaveOneSourceOut.medianAbsRelativeError).toBeGreaterThan(report.inSample.medianAbsRelativeError);
    expect(report.leaveOneSourceOut.bySource.length).toBe(15);
    expect(report.factors.every((f) => f.pinnedBy.length >= 2 && f.relativeUncertainty > 0)).toBe(true);
    expect(JSON.parse(files.get('p.json') ?? '{}')).toEqual(report.profile);
  });

  it('a file of two cases calibrates in-sample; the human report names the errors and the factors', { timeout: 60_000 }, async () => {
    const r = await runCli(['calibrate', fixture('cases.json'), '--in-sample-only']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Calibration: 2 cases of 1 sources/m);
    expect(r.stdout).toMatch(/^in-sample\s+\d+\.\d%/m);
    expect(r.stdout).not.toMatch(/leave one source out/);
  });

  it.skipIf(!existsSync(sharedCases))('--group-by family fits one value of each framework factor for every framework (named *.factor)', { timeout: 120_000 }, async () => {
    const r = await runCli(['calibrate', sharedCases, '--group-by', 'family', '--in-sample-only', '--json']);
    expect(r.code).toBe(0);
    const names = (JSON.parse(r.stdout) as { factors: { name: string }[] }).factors.map((f) => f.name);
    expect(names).toContain('*.stepOverheadSeconds');
    expect(names.some((n) => n.startsWith('trtllm.'))).toBe(false);
    expect(names).toContain('hopper.hbm');
  });

  it.each([
    ['a bad --group-by', [fixture('cases.json'), '--group-by', 'vendor'], /invalid --group-by: vendor; expected family, framework, or family,framework/],
    ['no file', [], /FILE|files/],
  ])('%s exits 2 with one line', async (_what, argv, message) => {
    const r = await runCli(['calibrate', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});

describe('--profile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inferonomics-profile-'));
  const slow = join(dir, 'slow.json');
  // Half the Hopper HBM factor: a memory-bound batch-1 decode takes about twice as long.
  writeFileSync(slow, JSON.stringify({ description: 'test', hardware: { hopper: { hbm: 0.35 } }, frameworks: {}, basis: { hopper: 'test' } }));
  const perf = ['perf', '--model', 'llama-3.1-8b', '--gpu', 'h100-sxm', '--gpus', '1', '--concurrency', '1', '--json'];

  it('perf --profile uses the profile\'s factors: half the HBM factor, about half the batch-1 speed', async () => {
    const base = JSON.parse((await runCli(perf)).stdout) as { tokensPerSecondPerUser: number; hardwareEfficiency: { hbm: number } };
    const r = await runCli([...perf, '--profile', slow]);
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout) as { tokensPerSecondPerUser: number; hardwareEfficiency: { hbm: number } };
    expect(p.hardwareEfficiency.hbm).toBe(0.35);
    expect(p.tokensPerSecondPerUser / base.tokensPerSecondPerUser).toBeGreaterThan(0.45);
    expect(p.tokensPerSecondPerUser / base.tokensPerSecondPerUser).toBeLessThan(0.75);
  });

  it('validate, frontier and report take --profile too', async () => {
    for (const argv of [['validate', fixture('cases.json')], ['frontier', '--model', 'llama-3.1-8b', '--gpu', 'h100-sxm', '--gpus', '1'], ['report']]) {
      const r = await runCli([...argv, '--profile', slow]);
      expect(r.code, argv[0]).toBe(0);
    }
  }, 60_000);

  it('a profile with a bad value is a one-line error naming the file and the field', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ description: 'x', hardware: { hopper: { hbm: 'fast' } }, frameworks: {}, basis: {} }));
    const r = await runCli([...perf, '--profile', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid --profile: .*bad\.json: hardware\.hopper\.hbm/);
    expect(readFileSync(bad, 'utf8')).toContain('fast');
  });
});
