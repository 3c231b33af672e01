import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface RealisedJson {
  workload: string;
  traffic: { batchShare: number; cacheHitRate: number };
  schedules: { schedule: { id: string; base: { source: string; date: string } }; inputUsdPerMillion: number; outputUsdPerMillion: number; blendedUsdPerMillion: number; listBlendedUsdPerMillion: number }[];
}

describe('inferonomics prices realised', () => {
  it('prints each provider\'s realised $/M for Kimi K2.5 on coding-agent traffic, below list where cache reads are cheaper, with sources', async () => {
    const r = await runCli(['prices', 'realised', '--model', 'kimi-k2.5', '--workload', 'coding-agent']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/moonshot\/kimi-k2\.5 .*\$0\.600 \/ \$3\.00/);
    expect(r.stdout).toContain('sources:');
    const j = await runCliJson<RealisedJson>(['prices', 'realised', '--model', 'kimi-k2.5', '--workload', 'coding-agent']);
    expect(j.schedules.map((s) => s.schedule.id)).toEqual(['moonshot/kimi-k2.5', 'fireworks/kimi-k2.5', 'together/kimi-k2.5', 'openrouter/kimi-k2.5']);
    const moonshot = j.schedules[0]!;
    expect(moonshot.inputUsdPerMillion).toBeCloseTo(0.05 * 0.6 + 0.95 * 0.1, 9);
    expect(moonshot.blendedUsdPerMillion).toBeLessThan(moonshot.listBlendedUsdPerMillion);
  });

  it('--batch-share 1 halves Sonnet 4.5\'s realised price; flags override the preset\'s traffic', async () => {
    const base = await runCliJson<RealisedJson>(['prices', 'realised', '--provider', 'anthropic', '--model', 'claude-sonnet-4.5', '--workload', 'rag']);
    const batch = await runCliJson<RealisedJson>(['prices', 'realised', '--provider', 'anthropic', '--model', 'claude-sonnet-4.5', '--workload', 'rag', '--batch-share', '1']);
    expect(batch.traffic.batchShare).toBe(1);
    expect(batch.schedules[0]!.blendedUsdPerMillion).toBeCloseTo(base.schedules[0]!.blendedUsdPerMillion / 2, 9);
  });

  it('--requests sets the context-length mix: a share above 200,000 tokens pays the long-context tier', async () => {
    const j = await runCliJson<RealisedJson>(['prices', 'realised', '--provider', 'anthropic', '--model', 'claude-sonnet-4.5', '--requests', '1:300000:1000', '--cache-hit-rate', '0']);
    expect(j.schedules[0]!.outputUsdPerMillion).toBe(22.5);
  });

  it('bad input exits 2 with one line naming the flag and what is allowed', async () => {
    for (const [argv, message] of [
      [['--batch-share', '2'], 'invalid --batch-share: 2; expected a number from 0 to 1'],
      [['--provider', 'acme', '--model', 'gpt-5'], 'invalid --provider: acme; expected one of openai for gpt-5'],
      [['--workload', 'x'], 'invalid --workload: x; expected one of chat, rag, coding-agent, batch'],
      [['--requests', '0.5:100'], 'invalid --requests: 0.5:100'],
      [['--requests', '0.5:100:10'], 'invalid requests shares: 0.5; expected shares summing to 1'],
    ] as const) {
      const r = await runCli(['prices', 'realised', ...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('inferonomics report --workload-preset', () => {
  it('serves every option the preset\'s workload and says so; --json names the preset', async () => {
    const j = await runCliJson<{ scenario: string; workloadPreset: string; options: { assumptions: { options: { name: string; value: unknown }[] } }[] }>(['report', '--workload-preset', 'chat']);
    expect(j.workloadPreset).toBe('chat');
    expect(j.scenario).toContain('workload preset chat');
    for (const o of j.options) expect(o.assumptions.options.find((x) => x.name === 'workload.inputTokens')?.value).toBe('12035');
  });
});
