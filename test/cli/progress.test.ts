import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

describe('progress lines', () => {
  it('report on a terminal shows which option it runs once a second has passed, and clears the line before printing', async () => {
    const events: string[] = [];
    let clock = 0;
    const r = await runCli(['report', '--json'], {
      now: () => (clock += 600), // each look at the clock is 0.6 s later
      progress: (m) => events.push(m === null ? 'clear' : `progress: ${m}`),
      out: { write: (t: string) => events.push(`out: ${t.length} chars`) },
    });
    expect(r.code).toBe(0);
    expect(events.some((e) => /^progress: report: option \d of 4: /.test(e))).toBe(true);
    const firstOut = events.findIndex((e) => e.startsWith('out: '));
    expect(events.slice(0, firstOut).at(-1)).toBe('clear');
  }, 30_000);

  it('without a terminal (no progress in the io) nothing but the result is printed', async () => {
    const r = await runCli(['frontier', '--model', 'llama-3.1-8b', '--gpu', 'h100-sxm', '--gpus', '1', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  }, 30_000);
});
