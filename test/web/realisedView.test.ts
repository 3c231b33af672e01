import { describe, expect, it } from 'vitest';
import { computeRealised, DEFAULT_REALISED, type RealisedViewModel } from '../../web/src/compute/realisedView.js';
import { parseRequestMix } from '../../src/core/market/requestMixText.js';
import { runCliJson } from '../cli/runCli.js';

interface RealisedJson {
  traffic: unknown;
  schedules: { schedule: { id: string }; inputUsdPerMillion: number; outputUsdPerMillion: number; blendedUsdPerMillion: number; listBlendedUsdPerMillion: number; realisedToListRatio: number }[];
}

function ok(m: ReturnType<typeof computeRealised>): RealisedViewModel {
  if ('error' in m) throw new Error(m.error);
  return m;
}

/** The web's rows in the CLI's JSON terms. */
const asCli = (m: RealisedViewModel) => m.rows.map((r) => ({
  id: r.schedule, in: r.realisedInputUsdPerMillion, out: r.realisedOutputUsdPerMillion, blended: r.realisedBlendedUsdPerMillion, list: r.listBlendedUsdPerMillion, ratio: r.realisedToListRatio,
}));
const cliRows = (j: RealisedJson) => j.schedules.map((s) => ({ id: s.schedule.id, in: s.inputUsdPerMillion, out: s.outputUsdPerMillion, blended: s.blendedUsdPerMillion, list: s.listBlendedUsdPerMillion, ratio: s.realisedToListRatio }));

describe('the realised-price view: `prices realised` for a traffic mix the page edits', () => {
  it('by default prices every schedule on chat traffic exactly as the CLI does', async () => {
    const web = ok(computeRealised(DEFAULT_REALISED));
    const cli = await runCliJson<RealisedJson>(['prices', 'realised']);
    expect(web.traffic).toEqual(cli.traffic);
    expect(asCli(web)).toEqual(cliRows(cli));
    expect(web.rows.length).toBeGreaterThanOrEqual(10);
    expect(web.models).toContain('kimi-k2.5');
  });

  it('batch share, cache hit rate and a context mix give the CLI\'s numbers for the same flags', async () => {
    const mix = parseRequestMix('0.9:8000:400, 0.1:300000:1000');
    if ('problem' in mix) throw new Error(mix.problem);
    const web = ok(computeRealised({ workload: 'rag', model: 'claude-sonnet-4.5', batchShare: 0.5, cacheHitRate: 0.3, cacheWriteShare: null, requests: mix.requests }));
    const cli = await runCliJson<RealisedJson>(['prices', 'realised', '--model', 'claude-sonnet-4.5', '--workload', 'rag', '--batch-share', '0.5', '--cache-hit-rate', '0.3', '--requests', '0.9:8000:400,0.1:300000:1000']);
    expect(asCli(web)).toEqual(cliRows(cli));
    // Half the traffic at the batch discount and a long-context share: the realised price is not the list price.
    expect(web.rows[0]?.realisedToListRatio).not.toBeCloseTo(1, 2);
  });

  it('a traffic mix out of range is one message naming the field and what is allowed', () => {
    expect(computeRealised({ ...DEFAULT_REALISED, batchShare: 0.8, cacheHitRate: null, requests: [{ share: 0.5, inputTokens: 100, outputTokens: 10 }] }))
      .toEqual({ error: 'invalid requests shares: 0.5; expected shares summing to 1' });
    expect(computeRealised({ ...DEFAULT_REALISED, model: 'gpt-9' })).toEqual({ error: expect.stringMatching(/^model: gpt-9; expected one of .*kimi-k2\.5/) });
  });

  it('reads the CLI\'s share:in:out syntax, and names the class it cannot read', () => {
    expect(parseRequestMix('')).toEqual({ requests: null });
    expect(parseRequestMix('1:5000:500')).toEqual({ requests: [{ share: 1, inputTokens: 5000, outputTokens: 500 }] });
    expect(parseRequestMix('0.5:100:10, 0.5:abc')).toEqual({ problem: 'context mix, class 2: "0.5:abc"; expected share:inputTokens:outputTokens, e.g. 0.9:8000:400' });
  });
});
