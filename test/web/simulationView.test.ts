import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { computeSimulation, DEFAULT_DEMAND, isDemandState } from '../../web/src/compute/simulationView.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';
import { decodeState, encodeState } from '../../web/src/state/urlState.js';
import { renderSimulation } from '../../web/src/views/simulationView.js';

const slice = (name: string) => readFileSync(resolve(import.meta.dirname, '../../web/src/data/traces', name), 'utf8');

describe('the web simulation view', () => {
  it('a synthetic run of 2 hours shows its 120 minutes, not a bucket more for the requests draining after the end', { timeout: 60_000 }, () => {
    const m = computeSimulation(DEFAULT_STATE, { ...DEFAULT_DEMAND, requestsPerSecond: 0.5, durationHours: 2, fleet: 'fixed' });
    expect(m.hours).toHaveLength(120);
    expect(Math.max(...m.hours.map((h) => h.hour))).toBeLessThan(2);
    expect(m.latency).toHaveLength(120);
  });

  it('replays the Kimi trace slice with the smallest fleet meeting the SLO: every request, prefix hits from hash_ids, and says so', { timeout: 60_000 }, () => {
    const demand = { ...DEFAULT_DEMAND, source: 'mooncake-kimi' as const, fleet: 'smallest-meeting-slo' as const };
    const m = computeSimulation({ ...DEFAULT_STATE, option: { ...DEFAULT_STATE.option, gpus: 8 } }, demand, slice('mooncake-kimi-10min.jsonl'));
    expect(m.requests).toBe(1750);
    expect(m.trace?.prefixCache?.hitRate).toBeGreaterThan(0);
    expect(m.search?.meetsSlo).toBe(true);
    expect(m.slo.met).toBe(true);
    expect(m.latency.length).toBe(m.hours.length);
    const host = new JSDOM('<!doctype html><body><div id="h"></div></body>').window.document.getElementById('h')!;
    renderSimulation(host, m);
    expect(host.querySelector('#simulation-summary')?.textContent).toMatch(/^Trace mooncake-kimi-10min\.jsonl: 0 bad rows skipped, prefix-cache hit rate [\d.]+% from its hash_ids\. 1,750 requests; SLO met/);
    expect(host.querySelector('#simulation-summary')?.textContent).toMatch(/Smallest fleet meeting the SLO: \d+ instances/);
    expect(host.querySelectorAll('figure').length).toBe(2); // the fleet and the latency over the run
    expect([...host.querySelectorAll('#simulation-costs tbody tr')].every((tr) => /meets SLO$/.test(tr.textContent ?? ''))).toBe(true);
  });

  it('carries the demand inputs in the link, and drops a malformed demand', () => {
    const demand = { ...DEFAULT_DEMAND, source: 'azure-code' as const, fleet: 'fixed' as const, requestsPerSecond: 3 };
    expect(decodeState(encodeState({ ...DEFAULT_STATE, demand })).state?.demand).toEqual(demand);
    expect(decodeState(encodeState({ ...DEFAULT_STATE, demand: { ...demand, fleet: 'elastic' } as never })).state?.demand).toBeUndefined();
    expect(isDemandState({ ...demand, peakToAverage: 0.5 })).toBe(false);
  });
});
