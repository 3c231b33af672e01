import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLimited, parseNumber } from '../../../src/cli/args.js';
import { InputError } from '../../../src/core/errors.js';
import { fraction, numberIn, wholeIn, wholeNumberIn, type NumberSchema } from '../../../src/core/numberSchemas.js';
import { parseScenario, ScenarioError } from '../../../src/core/scenario/index.js';
import { parseRequestMix } from '../../../src/core/market/requestMixText.js';
import { DEFAULT_DEMAND, isDemandState } from '../../../web/src/compute/simulationView.js';
import { DEMAND_SCHEMAS, PanelReader, readPanelNumber } from '../../../web/src/state/panelNumbers.js';

/** The problems parseScenario gives for one option, or [] when it parses. */
function scenarioProblems(option: Record<string, unknown>): string[] {
  try {
    parseScenario({ options: [{ model: 'deepseek-v3', gpu: 'h200', ...option }] }, 'scenario');
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return [...e.problems];
    throw e;
  }
}

/** The "expected ..." of a CLI flag's InputError, or null when the flag is accepted. */
function flagExpected(parse: () => number): string | null {
  try {
    parse();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).allowed;
  }
}

/** The "expected ..." of a web panel's problem, or null when the field is accepted. */
function panelExpected(text: string, schema: NumberSchema): string | null {
  const r = readPanelNumber('field', text, schema);
  return r.ok ? null : (/^field: expected (.*), received /.exec(r.problem)?.[1] ?? r.problem);
}

/** The "expected ..." of a scenario file's field at `path`, or null when it parses. */
function fileExpected(path: string, option: Record<string, unknown>): string | null {
  const line = scenarioProblems(option).find((p) => p.startsWith(`options[0].${path}: `));
  return line === undefined ? null : (/: expected (.*), received /.exec(line)?.[1] ?? line);
}

describe('one "expected" for a number, whether typed in a file, on a flag or in a panel', () => {
  it.each([
    ['0', 0], ['1.5', 1.5], ['1e12', 1e12], ['-3', -3],
  ])('gpus %s: the scenario file, --gpus and a panel of the same schema say the same', (text, value) => {
    const expected = 'a whole number from 1 to 65,536';
    expect(fileExpected('gpus', { gpus: value })).toBe(expected);
    expect(flagExpected(() => parseLimited('--gpus', text, 'accelerators'))).toBe(expected);
    expect(panelExpected(text, wholeIn('accelerators'))).toBe(expected);
  });

  it.each([['1.5', 1.5], ['-0.1', -0.1], ['2e0', 2]])('a prefix-cache hit rate of %s reads alike in workload.prefixCacheHitRate, --prefix-cache-hit-rate and a fraction field', (text, value) => {
    const expected = 'a number from 0 to 1';
    expect(fileExpected('workload.prefixCacheHitRate', { workload: { prefixCacheHitRate: value } })).toBe(expected);
    expect(flagExpected(() => parseNumber('--prefix-cache-hit-rate', text, 0, 1))).toBe(expected);
    expect(panelExpected(text, fraction)).toBe(expected);
  });

  it('text that is not a decimal number (NaN, hex, Infinity, a decimal comma) gets the same words as an out-of-range number', () => {
    for (const text of ['NaN', 'abc', '0x10', 'Infinity', '1,5', '']) {
      expect(flagExpected(() => parseLimited('--input-tokens', text, 'inputTokens')), text).toBe('a whole number from 1 to 10,000,000');
      expect(panelExpected(text, wholeIn('inputTokens')), text).toBe('a whole number from 1 to 10,000,000');
    }
    expect(fileExpected('workload.inputTokens', { workload: { inputTokens: Number.NaN } })).toBe('a whole number from 1 to 10,000,000');
    expect(fileExpected('workload.inputTokens', { workload: { inputTokens: 'abc' } })).toBe('a whole number from 1 to 10,000,000');
  });

  it('the simulation panel\'s rate is the scenario file\'s demand.requestsPerSecond', () => {
    for (const value of [0, -1, 1e6]) {
      expect(panelExpected(String(value), DEMAND_SCHEMAS.requestsPerSecond)).toBe(fileExpected('demand.requestsPerSecond', { demand: { requestsPerSecond: value } }));
    }
  });

  it('property: for any number text, a flag and a panel with the same range accept the same numbers and say the same when they refuse', () => {
    const texts = fc.oneof(fc.double().map(String), fc.integer({ min: -10, max: 70_000 }).map(String), fc.string({ maxLength: 8 }));
    fc.assert(fc.property(texts, (text) => {
      expect(flagExpected(() => parseLimited('--gpus', text, 'accelerators'))).toBe(panelExpected(text, wholeIn('accelerators')));
      expect(flagExpected(() => parseNumber('--x', text, 0, 1))).toBe(panelExpected(text, numberIn(0, 1)));
    }), { numRuns: 300 });
  });
});

describe('readPanelNumber', () => {
  it('reads a decimal number the schema accepts, spaces around it ignored', () => {
    expect(readPanelNumber('hours', ' 24 ', DEMAND_SCHEMAS.durationHours)).toEqual({ ok: true, value: 24 });
    expect(readPanelNumber('requests/s', '2e3', DEMAND_SCHEMAS.requestsPerSecond)).toEqual({ ok: true, value: 2000 });
  });

  it.each([
    ['', 'hours: expected a number > 0 and at most 168, received nothing'],
    ['0', 'hours: expected a number > 0 and at most 168, received 0'],
    ['200', 'hours: expected a number > 0 and at most 168, received 200'],
    ['abc', 'hours: expected a number > 0 and at most 168, received "abc"'],
    ['0x10', 'hours: expected a number > 0 and at most 168, received "0x10"'],
    ['Infinity', 'hours: expected a number > 0 and at most 168, received "Infinity"'],
  ])('names the field, the value %j and what is allowed', (text, problem) => {
    expect(readPanelNumber('hours', text, DEMAND_SCHEMAS.durationHours)).toEqual({ ok: false, problem });
  });

  it('property: whatever is typed, the value is a finite number the schema accepts, or there is a problem naming the field', () => {
    const schemas = [DEMAND_SCHEMAS.requestsPerSecond, DEMAND_SCHEMAS.peakToAverage, DEMAND_SCHEMAS.durationHours, fraction, wholeNumberIn(100, 200_000)];
    const texts = fc.oneof(fc.string({ maxLength: 12 }), fc.double().map(String), fc.double({ min: -1, max: 1e6 }).map((x) => x.toPrecision(4)));
    fc.assert(fc.property(texts, fc.constantFrom(...schemas), (text, schema) => {
      const r = readPanelNumber('field', text, schema);
      if (r.ok) {
        expect(Number.isFinite(r.value)).toBe(true);
        expect(panelExpected(String(r.value), schema)).toBeNull();
      } else {
        expect(r.problem).toMatch(/^field: expected .+, received .+$/);
      }
    }), { numRuns: 500 });
  });
});

describe('PanelReader', () => {
  it('collects every problem of a panel in order and hands the core nothing for a wrong field', () => {
    const p = new PanelReader();
    expect(p.number('requests/s', '-1', DEMAND_SCHEMAS.requestsPerSecond)).toBeNull();
    expect(p.number('peak/average', '30', DEMAND_SCHEMAS.peakToAverage)).toBeNull();
    expect(p.number('hours', '6', DEMAND_SCHEMAS.durationHours)).toBe(6);
    expect(p.problems).toEqual([
      'requests/s: expected a number > 0 and at most 100,000, received -1',
      'peak/average: expected a number from 1 to 12, received 30',
    ]);
  });

  it('an empty optional field is null with no problem; a wrong one is a problem', () => {
    const p = new PanelReader();
    expect(p.optional('idle seats', '  ', fraction)).toBeNull();
    expect(p.optional('idle seats', '0.25', fraction)).toBe(0.25);
    expect(p.problems).toEqual([]);
    expect(p.optional('idle seats', '2', fraction)).toBeNull();
    expect(p.problems).toEqual(['idle seats: expected a number from 0 to 1, received 2']);
  });

  it('a pair needs both ends valid and low <= high', () => {
    const p = new PanelReader();
    expect(p.pair('utilization', '0.2', '0.8', numberIn(0.01, 1))).toEqual([0.2, 0.8]);
    expect(p.pair('utilization', '0.9', '0.5', numberIn(0.01, 1))).toBeNull();
    expect(p.pair('total parameters (T)', '', '5', numberIn(0.01, 100))).toBeNull();
    expect(p.problems).toEqual([
      'utilization: low 0.9 is above high 0.5; expected low <= high',
      'total parameters (T) (low): expected a number from 0.01 to 100, received nothing',
    ]);
  });
});

describe('the rest of the web reads numbers alike', () => {
  it('a link\'s demand is held to the simulation panel\'s ranges', () => {
    for (const [field, value] of [['requestsPerSecond', 0], ['requestsPerSecond', 200_000], ['peakToAverage', 13], ['durationHours', 169], ['durationHours', Number.NaN]] as const) {
      expect(isDemandState({ ...DEFAULT_DEMAND, [field]: value }), `${field} ${value}`).toBe(false);
      expect(readPanelNumber(field, String(value), DEMAND_SCHEMAS[field]).ok).toBe(false);
    }
    expect(isDemandState({ ...DEFAULT_DEMAND, requestsPerSecond: 100_000, durationHours: 168 })).toBe(true);
  });

  it('the realised-price context mix reads decimal numbers only, as the CLI\'s --requests does', () => {
    expect(parseRequestMix('1:5e3:500')).toEqual({ requests: [{ share: 1, inputTokens: 5000, outputTokens: 500 }] });
    expect(parseRequestMix('1:0x10:500')).toEqual({ problem: 'context mix, class 1: "1:0x10:500"; expected share:inputTokens:outputTokens, e.g. 0.9:8000:400' });
  });
});
