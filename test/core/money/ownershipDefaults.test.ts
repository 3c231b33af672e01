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
    // H100 all-in: DGX H100 $270,000 / 8 (SemiAnalysis via Epoch) + scale-out network (Cheah's 1,024-node cluster).
    const network = fact('scaleOutNetworkUsdPerGpu');
    expect(network).toBe((13_824_000 + 20_971_520) / 8_192);
    expect(fact('h100ServerUsdPerGpu')).toBe(270_000 / 8);
    expect(record('h100-sxm').capexUsdPerGpu.value).toBe(fact('h100ServerUsdPerGpu') + network);
    // less the H100 MSRP $30,000 = the rest of system per GPU of an 8-GPU server.
    const rest = fact('h100RestOfSystemUsdPerGpu');
    expect(rest).toBe(record('h100-sxm').capexUsdPerGpu.value - fact('h100SxmGpuUsd'));
    expect(record('h200').capexUsdPerGpu.value).toBe(record('h100-sxm').capexUsdPerGpu.value - 30_000 + 32_000); // + H200 MSRP
    expect(record('b200').capexUsdPerGpu.value).toBe(50_000 + rest); // B200 GPU ~$50,000
    expect(record('a100-80gb').capexUsdPerGpu.value).toBe((8_000 + 15_000) / 2 + rest);
    expect(record('mi300x').capexUsdPerGpu.value).toBe((10_000 + 15_000) / 2 + rest);
    expect(record('gb200').capexUsdPerGpu.value).toBe(Math.round(3_100_000 / 72 + network));
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
  it('defaultOwnedCostBasis(h100) resolves the alias and costs $1.9095 per GPU-hour at utilization 0.6, by hand', () => {
    const basis = defaultOwnedCostBasis('h100');
    expect(basis).toEqual(defaultOwnedCostBasis('h100-sxm'));
    expect(basis.depreciationYears).toBe(4);
    const cost = gpuHourCost(basis, 0.6);
    // capital: CRF(4 y, 10%) = 0.1 × 1.4641 / 0.4641 = 0.3154708; (37,997.5 × 0.9) × 0.3154708 + 3,799.75 × 0.1
    // = 11,168.3667 a year / 8,760 = 1.274928; space 1.275 × 184.06 / 730 = 0.321475;
    // operations 0.05 × 37,997.5 / 8,760 = 0.216881; power 1.275 × (0.3 + 0.7 × 0.6) × 1.3 × 0.0806 = 0.096188
    expect(cost.capitalUsdPerGpuHour).toBeCloseTo(1.274928, 6);
    expect(cost.spaceUsdPerGpuHour).toBeCloseTo(0.321475, 6);
    expect(cost.operationsUsdPerGpuHour).toBeCloseTo(0.216881, 6);
    expect(cost.powerUsdPerGpuHour).toBeCloseTo(0.096188, 6);
    expect(cost.totalUsdPerGpuHour).toBeCloseTo(1.909471, 6);
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
    expect(rows.find((r) => r.name === 'capexUsdPerGpu')?.source).toMatch(/^derived, 2026-12: https:\/\/github\.com\/epoch-research\/training-cost-trends/);
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

// shared/research/economics-anchors.md #1: SemiAnalysis AI Cloud TCO model, hyperscaler-owned, 4-year
// life, as InferenceX `costh`. InferenceX divides that rate by the throughput at each measured point,
// so it is a cost per paid GPU-hour whatever the load: compared here with our owned cost at
// utilization 1 (power at full load), the most it can be.
const ANCHOR_USD_PER_GPU_HOUR = { 'h100-sxm': 1.30, h200: 1.41, b200: 1.95, gb200: 2.21 } as const;
const ownedAtFullLoad = (id: string) => gpuHourCost(defaultOwnedCostBasis(id), 1).totalUsdPerGpuHour;

describe('owned cost per GPU-hour against the hyperscaler anchor (#1)', () => {
  it('is computed at the anchor\'s 4-year life', () => {
    for (const id of Object.keys(ANCHOR_USD_PER_GPU_HOUR)) expect(defaultOwnedCostBasis(id).depreciationYears).toBe(4);
  });

  it('pins where the defaults stand: gb200 within 15%; h100-sxm, h200 and b200 1.40-1.55× the anchor', () => {
    // h100-sxm $1.947 (1.50×), h200 $2.025 (1.44×), b200 $2.839 (1.46×), gb200 $2.452 (1.11×).
    // The excess over the anchor is colocation at the CBRE retail rate ($0.32-0.42 a GPU-hour),
    // operations at the assumed 5% of capex a year ($0.22-0.33) and capital at 10% a year.
    const ratio = (id: keyof typeof ANCHOR_USD_PER_GPU_HOUR) => ownedAtFullLoad(id) / ANCHOR_USD_PER_GPU_HOUR[id];
    expect(Math.abs(ratio('gb200') - 1)).toBeLessThanOrEqual(0.15);
    for (const id of ['h100-sxm', 'h200', 'b200'] as const) {
      expect(ratio(id), id).toBeGreaterThan(1.40);
      expect(ratio(id), id).toBeLessThan(1.55);
    }
  });

  // Issue 13's "Done when": not met by the sourced defaults. `it.fails` passes while the claim is false,
  // so this turns red (to be made an ordinary `it`) the day the defaults meet it.
  it.fails('(issue 13, not yet met) is within 15% of the anchor for h100-sxm, h200, b200 and gb200', () => {
    for (const [id, anchor] of Object.entries(ANCHOR_USD_PER_GPU_HOUR)) {
      expect(Math.abs(ownedAtFullLoad(id) / anchor - 1), id).toBeLessThanOrEqual(0.15);
    }
  });

  it.fails('(issue 13, not yet met) puts gb200 at or above b200, as the anchor does', () => {
    // GB200 NVL72 rack $3.1M / 72 + network = $47,303 a GPU against B200 $50,000 + $7,997.50 = $57,997.50.
    expect(ownedAtFullLoad('gb200')).toBeGreaterThanOrEqual(ownedAtFullLoad('b200'));
  });
});
