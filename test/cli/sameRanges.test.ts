import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../src/core/scenario/index.js';
import { TOKENS_PER_MILLION, TRILLION } from '../../src/core/units.js';
import { BUSINESS_SCHEMAS, DEMAND_SCHEMAS, readPanelNumber } from '../../web/src/state/panelNumbers.js';
import { runCli } from './runCli.js';

/** The "expected ..." of a CLI run's one-line error (the flag's unit note dropped), or null when it ran. */
async function cliExpected(argv: readonly string[]): Promise<string | null> {
  const r = await runCli(argv);
  if (r.code === 0) return null;
  const m = /; expected (.*?)(?: \([^()]*\))?\n$/.exec(r.stderr);
  return m?.[1] ?? r.stderr;
}

/** The "expected ..." of a web panel's field, or null when it is accepted. */
function panelExpected(text: string, schema: Parameters<typeof readPanelNumber>[2]): string | null {
  const r = readPanelNumber('field', text, schema);
  return r.ok ? null : (/^field: expected (.*), received /.exec(r.problem)?.[1] ?? r.problem);
}

/** The "expected ..." of a scenario file's demand.requestsPerSecond. */
function fileRateExpected(requestsPerSecond: number): string | null {
  try {
    parseScenario({ options: [{ model: 'llama-3.1-8b', gpu: 'h100', gpus: 1, demand: { requestsPerSecond } }] }, 'scenario');
    return null;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return /: expected (.*), received /.exec(e.problems[0] ?? '')?.[1] ?? null;
  }
}

const perf = ['perf', '--model', 'llama-3.1-8b', '--gpu', 'h100', '--gpus', '1', '--request-rate'];

describe('one range for one input, whichever surface takes it', () => {
  it.each([200_000, 0])('an arrival rate of %d: perf --request-rate, a scenario\'s demand.requestsPerSecond and the simulation panel say the same', async (rate) => {
    const file = fileRateExpected(rate);
    expect(file).toBe('a number > 0 and at most 100,000');
    expect(await cliExpected([...perf, String(rate)])).toBe(file);
    expect(panelExpected(String(rate), DEMAND_SCHEMAS.requestsPerSecond)).toBe(file);
  });

  it.each(['601', '0'])('a lifetime of %s months: lab --lifetime-months and the business panel say the same', async (months) => {
    const panel = panelExpected(months, BUSINESS_SCHEMAS.lifetimeMonths);
    expect(panel).toBe('a number > 0 and at most 600');
    expect(await cliExpected(['lab', '--lifetime-months', months])).toBe(panel);
  });

  it('a lifetime of 300 months, refused by the panel before (1 to 240), is taken by both', () => {
    expect(panelExpected('300', BUSINESS_SCHEMAS.lifetimeMonths)).toBeNull();
  });

  it.each(['11', '-1', 'wide'])('a usage sigma of %s: subscription --sigma and the business panel say the same', async (sigma) => {
    expect(panelExpected(sigma, BUSINESS_SCHEMAS.sigma)).toBe('a number from 0 to 10');
    expect(await cliExpected(['subscription', '--sigma', sigma])).toBe('a number from 0 to 10');
  });

  it('the median seat (M tokens in the panel, tokens on --median-tokens-per-month) and the model\'s output (T tokens in the panel, tokens on lab) refuse the same amounts', async () => {
    for (const tokens of [2e15, 0.5]) {
      expect(panelExpected(String(tokens / TOKENS_PER_MILLION), BUSINESS_SCHEMAS.medianMillionTokensPerMonth), String(tokens)).not.toBeNull();
      expect(await cliExpected(['subscription', '--median-tokens-per-month', String(tokens)]), String(tokens)).toBe('a number from 1 to 1e15');
    }
    expect(panelExpected(String(2e15 / TOKENS_PER_MILLION), BUSINESS_SCHEMAS.medianMillionTokensPerMonth)).toBe('a number from 1e-6 to 1,000,000,000');
    expect(panelExpected(String(2e18 / TRILLION), BUSINESS_SCHEMAS.outputTrillionTokensPerMonth)).toBe('a number from 0 to 1,000,000');
    expect(await cliExpected(['lab', '--output-tokens-per-month', '2e18'])).toBe('a number from 0 to 1e18');
  });
});
