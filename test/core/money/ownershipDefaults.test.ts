import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { InputError } from '../../../src/core/errors.js';
import { OWNED_FIELDS, POWER_FIELDS } from '../../../src/core/money/costBasis.js';
import { describeCostBasis } from '../../../src/core/money/describeCostBasis.js';
import { gpuHourCost } from '../../../src/core/money/gpuHourCost.js';
import {
  defaultMarginalCostBasis, defaultOwnedCostBasis, OWNERSHIP_DEFAULT_GPU_IDS, OWNERSHIP_DEFAULTS,
} from '../../../src/core/money/ownershipDefaults.js';
import { parseCostBasis } from '../../../src/core/money/parseCostBasis.js';

const REQUIRED = ['h100-sxm', 'h200', 'b200', 'gb200', 'h800', 'a100-80gb', 'mi300x', 'b300'];
const record = (id: string) => {
  const r = OWNERSHIP_DEFAULTS.accelerators.find((a) => a.gpuId === id);
  if (r === undefined) throw new Error(`no defaults for ${id}`);
  return r;
};
const fact = (name: string) => {
  const f = OWNERSHIP_DEFAULTS.facts[name];
  if (f === undefined) throw new Error(`no fact ${name}`);
  return f.value;
};

describe('ownership defaults', () => {
  it('cover h100-sxm, h200, b200, gb200, h800, a100-80gb, mi300x and b300, each a catalog id', () => {
    expect(OWNERSHIP_DEFAULT_GPU_IDS).toEqual(expect.arrayContaining(REQUIRED));
    for (const id of OWNERSHIP_DEFAULT_GPU_IDS) expect(findById('gpu', id, ACCELERATORS).id).toBe(id);
  });

  it('label every assumption as one and give every sourced or derived number a source', () => {
    const all = [
      ...Object.values(OWNERSHIP_DEFAULTS.shared), ...Object.values(OWNERSHIP_DEFAULTS.facts),
      ...OWNERSHIP_DEFAULTS.accelerators.flatMap((a) => [a.capexUsdPerGpu, a.powerWattsPerGpu]),
    ];
    for (const d of all) {
      if (d.basis === 'assumption') expect(d.note.length).toBeGreaterThan(40); // says why this value
      else expect(d.source).toMatch(/https?:\/\/|@[0-9a-f]{7,}|src\/core\/catalog/);
    }
  });

  it('derive capex with the arithmetic their notes state', () => {
    // H100 all-in (Cheah) $50,000 less the H100 MSRP $30,000 = $20,000 of server and network per GPU.
    const rest = fact('h100RestOfSystemUsdPerGpu');
    expect(rest).toBe(record('h100-sxm').capexUsdPerGpu.value - fact('h100SxmGpuUsd'));
    expect(record('h200').capexUsdPerGpu.value).toBe(50_000 - 30_000 + 32_000); // + H200 MSRP
    expect(record('b200').capexUsdPerGpu.value).toBe(50_000 + rest); // B200 GPU ~$50,000
    expect(record('a100-80gb').capexUsdPerGpu.value).toBe((8_000 + 15_000) / 2 + rest);
    expect(record('mi300x').capexUsdPerGpu.value).toBe((10_000 + 15_000) / 2 + rest);
    expect(record('gb200').capexUsdPerGpu.value).toBe(Math.round(3_100_000 / 72 + (13_824_000 + 20_971_520) / 8_192));
    expect(record('b300').capexUsdPerGpu.value).toBe(Math.round(record('b200').capexUsdPerGpu.value * 7.4 / 6.0));
    expect(record('h800').capexUsdPerGpu.value).toBe(record('h100-sxm').capexUsdPerGpu.value);
  });

  it('give each 8-GPU server GPU its catalog TDP plus 575 W of host, and GB200 its rack 120 kW / 72', () => {
    const host = fact('hostPowerWattsPerGpu');
    expect(host).toBe((10_200 - 8 * 700) / 8);
    for (const id of OWNERSHIP_DEFAULT_GPU_IDS.filter((g) => g !== 'gb200')) {
      expect(record(id).powerWattsPerGpu.value, id).toBe((findById('gpu', id, ACCELERATORS).tdpWatts ?? Number.NaN) + host);
    }
    expect(record('gb200').powerWattsPerGpu.value).toBe(Math.round(120_000 / 72));
  });
});

describe('defaultOwnedCostBasis', () => {
  it('defaultOwnedCostBasis(h100) resolves the alias and costs $2.1153 per GPU-hour at utilization 0.6, by hand', () => {
    const basis = defaultOwnedCostBasis('h100');
    expect(basis).toEqual(defaultOwnedCostBasis('h100-sxm'));
    const cost = gpuHourCost(basis, 0.6);
    // capital 12,370.8866 / 8,760 = 1.412202; space 1.275 × 184.06 / 730 = 0.321475;
    // operations 0.05 × 50,000 / 8,760 = 0.285388; power 1.275 × (0.3 + 0.7 × 0.6) × 1.3 × 0.0806 = 0.096188
    expect(cost.capitalUsdPerGpuHour).toBeCloseTo(1.412202, 6);
    expect(cost.spaceUsdPerGpuHour).toBeCloseTo(0.321475, 6);
    expect(cost.operationsUsdPerGpuHour).toBeCloseTo(0.285388, 6);
    expect(cost.powerUsdPerGpuHour).toBeCloseTo(0.096188, 6);
    expect(cost.totalUsdPerGpuHour).toBeCloseTo(2.1152525, 6);
  });

  it('defaultOwnedCostBasis gives every field a source, and every default passes parseCostBasis', () => {
    for (const id of OWNERSHIP_DEFAULT_GPU_IDS) {
      const basis = defaultOwnedCostBasis(id);
      for (const field of OWNED_FIELDS) expect(basis.sources?.[field], `${id} ${field}`).toMatch(/^(sourced|derived|assumption)/);
      expect(parseCostBasis(basis, id)).toEqual(basis);
      expect(parseCostBasis(defaultMarginalCostBasis(id), id)).toEqual(defaultMarginalCostBasis(id));
    }
  });

  it('defaultOwnedCostBasis overrides are sourced "given", and a capex override rescales operations', () => {
    const basis = defaultOwnedCostBasis('h200', { pue: 1.1, capexUsdPerGpu: 40_000 });
    expect(basis.pue).toBe(1.1);
    expect(basis.sources?.pue).toBe('given');
    expect(basis.operationsUsdPerGpuYear).toBeCloseTo(0.05 * 40_000, 9);
    expect(basis.sources?.idlePowerFraction).toMatch(/^assumption/);
  });

  it('defaultOwnedCostBasis throws InputError for a catalog GPU without defaults and for an unknown id', () => {
    expect(() => defaultOwnedCostBasis('tpu-v7')).toThrow(/no ownership defaults for gpu tpu-v7; defaults exist for h100-sxm/);
    expect(() => defaultOwnedCostBasis('h1000')).toThrow(InputError);
  });
});

describe('defaultMarginalCostBasis', () => {
  it('defaultMarginalCostBasis keeps the power defaults and costs no more than owning, for every GPU', () => {
    for (const id of OWNERSHIP_DEFAULT_GPU_IDS) {
      const owned = defaultOwnedCostBasis(id);
      const marginal = defaultMarginalCostBasis(id);
      expect(marginal.kind).toBe('marginal');
      for (const field of POWER_FIELDS) {
        expect(marginal[field]).toBe(owned[field]);
        expect(marginal.sources?.[field]).toBe(owned.sources?.[field]);
      }
      for (const u of [0, 0.6, 1]) expect(gpuHourCost(marginal, u).totalUsdPerGpuHour).toBeLessThan(gpuHourCost(owned, u).totalUsdPerGpuHour);
    }
    // 1.275 kW × 0.72 × 1.3 × $0.0806
    expect(gpuHourCost(defaultMarginalCostBasis('h100-sxm'), 0.6).totalUsdPerGpuHour).toBeCloseTo(0.096188, 6);
  });
});

describe('describeCostBasis', () => {
  it('describeCostBasis(default owned h100) lists kind and the ten fields with unit and source', () => {
    const rows = describeCostBasis(defaultOwnedCostBasis('h100-sxm'));
    expect(rows.map((r) => r.name)).toEqual(['kind', ...OWNED_FIELDS]);
    expect(rows.find((r) => r.name === 'pue')).toMatchObject({ value: 1.3, unit: 'ratio' });
    expect(rows.find((r) => r.name === 'capexUsdPerGpu')?.source).toMatch(/^sourced, 2024-08: https:\/\/substack\.tech-talk-cto\.com/);
    for (const row of rows) expect(row.source.length).toBeGreaterThan(0);
  });

  it('describeCostBasis of a rented basis without sources says "given" and names the commitment', () => {
    expect(describeCostBasis({ kind: 'rented', priceUsdPerGpuHour: 2.69, commitment: null }).slice(1)).toEqual([
      { name: 'priceUsdPerGpuHour', value: 2.69, unit: 'USD per GPU-hour', source: 'given' },
      { name: 'commitment', value: 'none (on demand)', unit: '', source: 'given' },
    ]);
    const committed = describeCostBasis({ kind: 'rented', priceUsdPerGpuHour: 2.35, commitment: { termHours: 8_760, minimumGpus: 64 } });
    expect(committed.map((r) => [r.name, r.value])).toEqual([['kind', 'rented'], ['priceUsdPerGpuHour', 2.35], ['termHours', 8_760], ['minimumGpus', 64]]);
  });
});
