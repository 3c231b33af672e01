import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface ProviderJson {
  provider: { id: string; kind: string };
  accelerator: string;
  hardwareSource: string;
  assumptions: { utilization: number };
  models: { model: string; price: { blendedUsdPerMillion: number }; costUsdPerMillion: { low: number; mid: number; high: number } | null; margin: { low: number; mid: number; high: number } | null; verdict: string; sram: { low: { chips: number }; speedSource: string } | null }[];
}

describe('inferonomics market --provider', () => {
  for (const [id, chip] of [['cerebras', 'cerebras-wse3'], ['groq', 'groq-lpu']] as const) {
    it(`--provider ${id} --json gives per model the price, the modelled cost on ${chip} with its assumptions, and the margin range`, async () => {
      const r = await runCliJson<ProviderJson>(['market', '--provider', id]);
      expect(r.provider).toMatchObject({ id, kind: 'chip-vendor' });
      expect(r.accelerator).toBe(chip);
      expect(r.hardwareSource).toMatch(/^https:\/\//);
      expect(r.assumptions.utilization).toBe(0.6);
      expect(r.models.length).toBeGreaterThanOrEqual(3);
      for (const m of r.models) {
        expect(m.price.blendedUsdPerMillion).toBeGreaterThan(0);
        expect(m.costUsdPerMillion!.low).toBeLessThanOrEqual(m.costUsdPerMillion!.high);
        expect(m.margin!.low).toBeLessThanOrEqual(m.margin!.high);
        expect(m.sram!.low.chips).toBeGreaterThanOrEqual(1);
      }
    }, 20_000);
  }

  it('--utilization moves the modelled cost: a busier fleet costs less a token', async () => {
    const busy = await runCliJson<ProviderJson>(['market', '--provider', 'cerebras', '--utilization', '0.9']);
    const idle = await runCliJson<ProviderJson>(['market', '--provider', 'cerebras', '--utilization', '0.3']);
    expect(busy.models[0]!.costUsdPerMillion!.mid).toBeLessThan(idle.models[0]!.costUsdPerMillion!.mid);
  }, 20_000);

  it('an unknown provider is a one-line error naming the closest', async () => {
    const r = await runCli(['market', '--provider', 'groqq']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('inferonomics: unknown --provider: groqq; did you mean groq, google, alibaba?\n');
  });
});

describe('inferonomics market --from/--to', () => {
  it.each([
    [['--from', '2026-13-01'], 'invalid --from: 2026-13-01; expected a date YYYY-MM-DD'],
    [['--to', '2026-02-30'], 'invalid --to: 2026-02-30; expected a date YYYY-MM-DD'],
    [['--from', '2026-06-01', '--to', '2026-01-01'], 'invalid --from: 2026-06-01; expected a day on or before --to (2026-01-01)'],
  ])('%j is a one-line error naming the flag', async (argv, message) => {
    const r = await runCli(['market', ...argv]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`inferonomics: ${message}\n`);
  });
});
