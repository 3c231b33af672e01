import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { ScenarioError } from '../../../src/core/scenario/parseScenario.js';
import { optionProblem, runEach } from '../../../src/core/scenario/runEach.js';

describe('optionProblem', () => {
  it('names a flag\'s error by the option\'s field, in the words of every input problem', () => {
    expect(optionProblem(0, new InputError('--ep', '2', '1 (llama-3.1-8b has no experts)'))).toBe('options[0].layout.ep: expected 1 (llama-3.1-8b has no experts), received 2');
    expect(optionProblem(2, new InputError('--gpus', '3', 'a multiple of --tp (2)'))).toBe('options[2].gpus: expected a multiple of layout.tp (2), received 3');
    expect(optionProblem(1, new InputError('--tp', 'many', 'a whole number from 1 to 65,536'))).toBe('options[1].layout.tp: expected a whole number from 1 to 65,536, received "many"');
  });

  it('keeps an error in its own words whole, after the option\'s path', () => {
    expect(optionProblem(0, new InputError('--tp', '3', 'x', 'tp 3 does not divide 64 attention heads; try --tp 2'))).toBe('options[0].layout.tp: tp 3 does not divide 64 attention heads; try layout.tp 2');
  });
});

describe('runEach', () => {
  it('collects every option\'s input problem into one ScenarioError and rethrows anything else', () => {
    const f = (x: number) => {
      if (x < 0) throw new InputError('--gpus', String(x), 'a whole number >= 1');
      return x * 2;
    };
    expect(runEach([1, 2], 's.yaml', f)).toEqual([2, 4]);
    expect(() => runEach([1, -1, -2], 's.yaml', f)).toThrow(ScenarioError);
    try {
      runEach([1, -1, -2], 's.yaml', f);
    } catch (e) {
      expect((e as ScenarioError).problems).toEqual(['options[1].gpus: expected a whole number >= 1, received -1', 'options[2].gpus: expected a whole number >= 1, received -2']);
    }
    expect(() => runEach([1], 's.yaml', () => { throw new RangeError('bug'); })).toThrow(RangeError);
  });
});
