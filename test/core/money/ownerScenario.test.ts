import { describe, expect, it } from 'vitest';
import { parseScenarioText, resolveScenario, ScenarioError } from '../../../src/core/scenario/index.js';
import { defaultMarginalCostBasis, defaultOwnedCostBasis } from '../../../src/core/money/ownershipDefaults.js';

const basisOf = (costBasis: string) =>
  resolveScenario(parseScenarioText(`options: [{ model: llama-3.3-70b, gpu: h100, gpus: 8, costBasis: ${costBasis} }]`, 'x'), 'x')[0]!.costBasis;

describe('the owner of a scenario\'s owned cost basis', () => {
  it('defaults to the hyperscaler; owner: neocloud takes the neocloud\'s defaults; overrides still win', () => {
    expect(basisOf('{ kind: owned }')).toEqual(defaultOwnedCostBasis('h100-sxm'));
    expect(basisOf('{ kind: owned, owner: neocloud }')).toEqual(defaultOwnedCostBasis('h100-sxm', {}, 'neocloud'));
    expect(basisOf('{ kind: owned, owner: neocloud, pue: 1.2 }')).toMatchObject({ owner: 'neocloud', pue: 1.2, datacenterUsdPerKwMonth: 184.06 });
    expect(basisOf('{ kind: marginal, owner: neocloud }')).toEqual(defaultMarginalCostBasis('h100-sxm', {}, 'neocloud'));
  });

  it('names the allowed owners for any other', () => {
    expect(() => parseScenarioText('options: [{ model: llama-3.3-70b, gpu: h100, gpus: 8, costBasis: { kind: owned, owner: lab } }]', 'x'))
      .toThrow(ScenarioError);
    expect(() => parseScenarioText('options: [{ model: llama-3.3-70b, gpu: h100, gpus: 8, costBasis: { kind: owned, owner: lab } }]', 'x'))
      .toThrow('options[0].costBasis.owner: expected one of hyperscaler, neocloud (whose defaults fill the fields not given; default hyperscaler), received "lab"');
  });
});
