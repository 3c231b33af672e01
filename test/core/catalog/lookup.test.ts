import { describe, expect, it } from 'vitest';
import { closestIds, findById } from '../../../src/core/catalog/lookup.js';

describe('closestIds', () => {
  it('names each id once, nearest first, however often the list repeats it', () => {
    const items = ['kimi-k2', 'kimi-k2', 'kimi-k2.5', 'llama-3.1-8b', 'kimi-k2'].map((id) => ({ id }));
    expect(closestIds('kimi-k9', items)).toEqual(['kimi-k2', 'kimi-k2.5', 'llama-3.1-8b']);
  });

  it('matches aliases but names the id', () => {
    expect(closestIds('nvidia-h2OO', [{ id: 'h200', aliases: ['nvidia-h200'] }, { id: 'b200' }], 1)).toEqual(['h200']);
  });

  it('an unknown id in findById is an error naming the field, the value and the closest ids', () => {
    expect(() => findById('gpu', 'h2000', [{ id: 'h200' }, { id: 'h100-sxm' }])).toThrow(/unknown gpu: h2000; did you mean h200/);
  });
});
