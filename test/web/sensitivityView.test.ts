import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeSensitivity } from '../../web/src/compute/sensitivityView.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';
import { sensitivityRows } from '../../web/src/views/sensitivityView.js';
import { runCliJson } from '../cli/runCli.js';

const TODAY = '2026-11-27';

interface ReportJson { options: { sensitivity: unknown[] }[] }

describe('the deployment sensitivity view: the rows `inferonomics report` prints, for the editor\'s option', () => {
  it('gives the same rows as the CLI report of the same option, to the last digit', async () => {
    const web = computeSensitivity(DEFAULT_STATE, TODAY);
    if ('error' in web) throw new Error(web.error);
    const dir = mkdtempSync(join(tmpdir(), 'inferonomics-sensitivity-'));
    const file = join(dir, 'scenario.json');
    // The scenario the page's "Export scenario" writes for the default state.
    writeFileSync(file, JSON.stringify({ title: 'exported from the inferonomics explorer', options: [DEFAULT_STATE.option] }));
    const cli = await runCliJson<ReportJson>(['report', file]);
    expect(cli.options).toHaveLength(1);
    expect(web.rows).toEqual(cli.options[0]?.sensitivity);
    expect(web.rows.map((r) => r.case)).toEqual(['as given', 'half the GPUs', 'double the GPUs', 'latency target 2x stricter', 'prompt 4x longer', 'agentic prompt']);
    // The chart's rows carry the core's margins unchanged.
    expect(sensitivityRows(web).map((r) => r.marginFraction)).toEqual(web.rows.map((r) => r.marginFraction));
  });

  it('a state the core refuses comes back as one message naming the field, never a throw', () => {
    const bad = computeSensitivity({ ...DEFAULT_STATE, option: { ...DEFAULT_STATE.option, gpus: 100_000 } }, TODAY);
    expect(bad).toEqual({ error: expect.stringMatching(/gpus: expected a whole number from 1 to 65,536, received 100000/) });
  });
});
