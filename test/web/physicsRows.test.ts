import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../src/core/catalog/accelerators.js';
import { computeView } from '../../web/src/compute/computeView.js';
import { physicsRows } from '../../web/src/compute/physicsRows.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';
import { readableName } from '../../web/src/views/readableNames.js';

const today = '2026-12-07';
const rowsOf = (state: typeof DEFAULT_STATE) => {
  const r = computeView(state, today);
  return { view: r.ok ? r.view : null, rows: physicsRows(state, r.ok ? r.view : null, today) };
};
const value = (rows: ReturnType<typeof physicsRows>, name: string) => rows.find((r) => r.name === name)?.value;

describe('physicsRows(state, view, today): the physics of the scenario in words', () => {
  it('the default scenario names the H200\'s datasheet bandwidth, the efficiency factors, Kimi K2.5\'s size and KV bytes, and the chosen batch', () => {
    const { view, rows } = rowsOf(DEFAULT_STATE);
    const h200 = ACCELERATORS.find((a) => a.id === 'h200')!;
    expect(value(rows, 'Memory bandwidth (datasheet)')).toBe(`${(h200.hbmBandwidthBytesPerSecond / 1e12).toFixed(1)} TB/s`);
    expect(value(rows, 'Achieved share of memory bandwidth (weights)')).toMatch(/^\d+%$/);
    expect(value(rows, 'Parameters, total and active per token')).toMatch(/^1,02\d\.\d B total, 3\d\.\d B active$/);
    expect(value(rows, 'KV cache per token')).toMatch(/^\d+(\.\d)? KB in bf16, averaged over a 5,500-token request$/);
    expect(value(rows, 'Chosen batch: sequences running at once per instance')).toBe(view!.point!.sequences.toLocaleString('en-US'));
    expect(new Set(rows.map((r) => r.group))).toEqual(new Set(['accelerator', 'efficiency', 'model', 'operating point']));
  });

  it('follows the accelerator: on B200 the bandwidth and the efficiency family change', () => {
    const h200 = rowsOf(DEFAULT_STATE).rows;
    const b200 = rowsOf({ ...DEFAULT_STATE, option: { ...DEFAULT_STATE.option, gpu: 'b200' } }).rows;
    expect(value(b200, 'Memory bandwidth (datasheet)')).not.toBe(value(h200, 'Memory bandwidth (datasheet)'));
    expect(b200.find((r) => r.group === 'efficiency')?.source).toMatch(/^blackwell/);
  });

  it('names are words, never identifiers; an option that cannot be resolved gives no rows', () => {
    for (const r of rowsOf(DEFAULT_STATE).rows) expect(r.name).not.toMatch(/\b[a-z]+[A-Z][a-z]|\w\.\w/);
    expect(physicsRows({ ...DEFAULT_STATE, option: { ...DEFAULT_STATE.option, gpu: 'nope' } }, null, today)).toEqual([]);
  });
});

describe('readableName(name)', () => {
  it('reads scenario fields, cost basis fields and unknown camelCase names as words', () => {
    expect(readableName('latencyTarget.maxTtftSeconds')).toBe('Longest acceptable wait for the first token (s)');
    expect(readableName('capexUsdPerGpu')).toBe('Purchase price per GPU, with its share of server and network');
    expect(readableName('maxBatchSize')).toBe('Max batch size');
  });
});
