import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface MarketJson {
  openWeight: { model: string; providerCount: number; medianBlendedUsdPerMillion: number; physical: { blendedCostUsdPerMillion: number; gpus: number; weightPrecision: string; meetsTarget: boolean } | null }[];
  fits: { median: { total: { exponent: number; rSquared: number; errorFactor: number }; active: { exponent: number; rSquared: number; errorFactor: number }; better: string } };
  sizeRange: { totalParams: [number, number]; activeParams: [number, number] };
  referenceSizes: { label: string; marketUsdPerMillion: number; physicalUsdPerMillion: number | null }[];
  frontier: { model: string; impliedMarkup: { market: [number, number]; physical: [number, number] | null } }[];
  breadth: { modelsFitted: number; providerCount: number; byKind: { kind: string }[]; extrapolations: { totalParams: number; activeParams: number }[] };
}

describe('inferonomics market', () => {
  it('--json gives per open-weight model the provider count and median price, the fitted curve with its error, and frontier markup ranges for the stated sizes', async () => {
    const r = await runCliJson<MarketJson>(['market']);
    expect(r.openWeight.length).toBeGreaterThanOrEqual(10);
    for (const p of r.openWeight) {
      expect(p.providerCount).toBeGreaterThanOrEqual(2);
      expect(p.medianBlendedUsdPerMillion).toBeGreaterThan(0);
    }
    expect(r.fits.median.active.errorFactor).toBeGreaterThan(1);
    expect(['activeParams', 'totalParams']).toContain(r.fits.median.better);
    expect(r.sizeRange).toEqual({ totalParams: [1e12, 5e12], activeParams: [30e9, 150e9] });
    for (const id of ['claude-opus-4.5', 'claude-sonnet-4.5', 'claude-haiku-4.5', 'gpt-5', 'gemini-2.5-pro']) {
      const f = r.frontier.find((x) => x.model === id);
      expect(f, id).toBeDefined();
      expect(f!.impliedMarkup.market[0]).toBeLessThanOrEqual(f!.impliedMarkup.market[1]);
    }
    // Each model is costed at the precision providers serve: Llama 3.1 405B at fp8, not its bf16 checkpoint.
    expect(r.openWeight.find((p) => p.model === 'llama-3.1-405b')?.physical).toMatchObject({ weightPrecision: 'fp8', meetsTarget: true });
    expect(r.referenceSizes.map((s) => s.label)).toEqual(['1T total / 32B active', '2T total / 100B active']);
    // A bigger model costs more by both methods.
    expect(r.referenceSizes[1]!.marketUsdPerMillion).toBeGreaterThan(r.referenceSizes[0]!.marketUsdPerMillion);
    expect(r.referenceSizes[1]!.physicalUsdPerMillion!).toBeGreaterThan(r.referenceSizes[0]!.physicalUsdPerMillion!);
    // The whole market beside the catalog models: at least 60 sized models from at least 10 providers.
    expect(r.breadth.modelsFitted).toBeGreaterThanOrEqual(60);
    expect(r.breadth.providerCount).toBeGreaterThanOrEqual(10);
    expect(r.breadth.byKind.map((k) => k.kind)).toEqual(['gpu-cloud', 'chip-vendor', 'lab', 'hyperscaler', 'aggregator']);
    expect(r.breadth.extrapolations.map((e) => `${e.totalParams}/${e.activeParams}`)).toEqual(['1000000000000/32000000000', '2000000000000/100000000000', '5000000000000/150000000000']);
  }, 120_000);

  it('a narrower size range narrows the markup range', async () => {
    const wide = await runCliJson<MarketJson>(['market']);
    const narrow = await runCliJson<MarketJson>(['market', '--total-params', '2e12,2e12', '--active-params', '100e9,100e9']);
    const w = wide.frontier.find((x) => x.model === 'claude-sonnet-4.5')!.impliedMarkup.physical!;
    const n = narrow.frontier.find((x) => x.model === 'claude-sonnet-4.5')!.impliedMarkup.physical!;
    expect(n[1] - n[0]).toBeLessThan(w[1] - w[0]);
  }, 120_000);

  it('a malformed range is a one-line error naming the flag', async () => {
    const r = await runCli(['market', '--total-params', '5e12,1e12']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid --total-params: 5e12,1e12; expected two numbers low,high from 2e\+9 to 1e\+14 parameters/);
  });
});

describe('inferonomics market --prices', () => {
  it('adds an imported OpenRouter snapshot beside the shipped one', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const out = join(mkdtempSync(join(tmpdir(), 'inferonomics-market-')), 'snapshot.json');
    const fixtures = new URL('../fixtures/openrouter/', import.meta.url).pathname;
    const { nodeIo } = await import('../../src/cli/main.js');
    const real = nodeIo(process.stdout, process.stderr);
    const imported = await runCli(['prices', 'import', `${fixtures}models.json`, `${fixtures}endpoints-kimi-k2.5.json`, '--date', '2026-11-27', '--out', out],
      { writeTextFile: real.writeTextFile, fileExists: real.fileExists });
    expect(imported.code).toBe(0);
    const r = await runCliJson<MarketJson & { snapshot: { ids: string } }>(['market', '--prices', out]);
    expect(r.snapshot.ids).toMatch(/^2026-11-research \+ /);
    expect(r.openWeight.find((p) => p.model === 'kimi-k2.5')?.providerCount).toBeGreaterThanOrEqual(6);
  }, 120_000);
});
