import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTION_INDEX } from '../../src/core/scenario/index.js';
import { valueWithUnit, type AssumptionRow } from '../../src/core/scenario/assumptions.js';
import { computeView } from '../../web/src/compute/computeView.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';
import { renderAssumptions } from '../../web/src/views/views.js';
import { runCli, runCliJson } from './runCli.js';

interface ReportJson { options: { assumptions: { rows: AssumptionRow[] } }[] }

describe('one assumptions table (assumptionRows) for the CLI and the web', () => {
  it('report --json and the web view give the same rows for the default scenario\'s headline option, and each prints every row', async () => {
    const cli = (await runCliJson<ReportJson>(['report'])).options[DEFAULT_OPTION_INDEX.headline]!.assumptions.rows;
    const web = computeView(DEFAULT_STATE, '2026-11-27');
    if (!web.ok) throw new Error(web.message);
    // the web's default state leaves the label out; every row of the table is the same
    expect(web.view.assumptionRows).toEqual(cli);
    expect(cli.filter((r) => r.group === 'scenario').length).toBeGreaterThan(8);
    expect(cli.find((r) => r.name === 'costBasis.priceUsdPerGpuHour')).toMatchObject({ group: 'cost basis', label: 'Rental price of a GPU-hour', unit: 'USD per GPU-hour' });

    // the CLI prints each row under its field name, the web under its label in words, both with the same value and source
    const text = (await runCli(['report'])).stdout;
    const host = new JSDOM('<!doctype html><div></div>').window.document.createElement('div');
    renderAssumptions(host, web.view);
    const cells = [...host.querySelectorAll('#scenario-assumptions tbody tr, #cost-basis-assumptions tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(cells).toHaveLength(cli.length);
    cli.forEach((row, i) => {
      expect(text).toContain(valueWithUnit(row));
      expect(cells[i]).toEqual(expect.arrayContaining([row.label, valueWithUnit(row), row.source]));
    });
  });
});
