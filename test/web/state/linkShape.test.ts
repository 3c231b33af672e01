import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../../../src/core/scenario/index.js';
import { linkShapeProblems } from '../../../web/src/state/linkShape.js';

/** The problems parseScenario gives for one option. */
function fileProblems(option: Record<string, unknown>): readonly string[] {
  try {
    parseScenario({ options: [{ model: 'llama-3.1-8b', gpu: 'h100', gpus: 1, ...option }] }, 's.yaml');
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
}

describe('linkShapeProblems', () => {
  it('is empty for an option of the right types, whatever its values', () => {
    expect(linkShapeProblems({ model: 'x', gpus: 1e9, utilization: 7, layout: { tp: 3 }, prices: { market: 'y' }, unknownField: 1 })).toEqual([]);
  });

  it('names every wrongly typed field with its path under option., what it expects and what it got', () => {
    expect(linkShapeProblems({ gpu: 5, layout: { tp: 'two', dpAttention: 'yes' }, costBasis: {}, prices: 'abc' })).toEqual([
      'option.gpu: expected a text, received 5',
      'option.layout: expected "best" or {tp, pp, ep, dpAttention}, received an object',
      'option.costBasis.kind: missing (the field is required)',
      'option.prices: expected {inputUsdPerMillion, cachedInputUsdPerMillion, outputUsdPerMillion}, {market: model} or {list: model}, received "abc"',
    ]);
  });

  it('a field that should be an object reads as it does in a scenario file: one formatter writes both', () => {
    const [link] = linkShapeProblems({ workload: 3 });
    const [file] = fileProblems({ workload: 3 });
    expect(link).toBe('option.workload: expected an object {field: value, ...}, received 3');
    expect(link?.replace(/^option\./, '')).toBe(file?.replace(/^options\[0\]\./, ''));
  });
});
