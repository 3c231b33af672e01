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

  it('derive capex with the arithmetic their notes state: server, its share of scale-out network and of storage', () => {
    // H100 all-in: DGX H100 $270,000 / 8 (SemiAnalysis via Epoch) + scale-out network (Cheah's 1,024-node cluster)
    // + storage ($20,000 a 72-GPU rack, Bernstein).
    const network = fact('scaleOutNetworkUsdPerGpu');
    const storage = fact('storageUsdPerGpu');
    expect(network).toBe((13_824_000 + 20_971_520) / 8_192);
    expect(storage).toBeCloseTo(20_000 / 72, 2);
    expect(fact('h100ServerUsdPerGpu')).toBe(270_000 / 8);
    const cents = 2;
    expect(record('h100-sxm').capexUsdPerGpu.value).toBeCloseTo(fact('h100ServerUsdPerGpu') + network + storage, cents); // $38,275.28
    // less the H100 MSRP $30,000 = the rest of system per GPU of an 8-GPU server.
    const rest = fact('h100RestOfSystemUsdPerGpu');
    expect(rest).toBeCloseTo(record('h100-sxm').capexUsdPerGpu.value - fact('h100SxmGpuUsd'), cents);
    expect(record('h200').capexUsdPerGpu.value).toBeCloseTo(record('h100-sxm').capexUsdPerGpu.value - 30_000 + 32_000, cents); // + H200 MSRP
    expect(record('b200').capexUsdPerGpu.value).toBeCloseTo(50_000 + rest, cents); // B200 GPU ~$50,000
    expect(record('a100-80gb').capexUsdPerGpu.value).toBeCloseTo((8_000 + 15_000) / 2 + rest, cents);
    expect(record('mi300x').capexUsdPerGpu.value).toBeCloseTo((10_000 + 15_000) / 2 + rest, cents);
    // GB200: Bernstein's $3.4M of compute hardware a NVL72 rack (networking and storage inside) / 72.
    expect(record('gb200').capexUsdPerGpu.value).toBeCloseTo(fact('gb200ComputeHardwareUsdPerRack') / 72, cents);
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
  it('defaultOwnedCostBasis(h100) resolves the alias and costs $1.9204 per GPU-hour at utilization 0.6, by hand', () => {
    const basis = defaultOwnedCostBasis('h100');
    expect(basis).toEqual(defaultOwnedCostBasis('h100-sxm'));
    expect(basis.depreciationYears).toBe(4);
    const cost = gpuHourCost(basis, 0.6);
    // capital: CRF(4 y, 10%) = 0.1 × 1.4641 / 0.4641 = 0.3154708; (38,275.28 × 0.9) × 0.3154708 + 3,827.528 × 0.1
    // = 10,867.2600 + 382.7528 = 11,250.0128 a year / 8,760 = 1.284248; space 1.275 × 184.06 / 730 = 0.321475;
    // operations 0.05 × 38,275.28 / 8,760 = 0.218466; power 1.275 × (0.3 + 0.7 × 0.6) × 1.3 × 0.0806 = 0.096188
    expect(cost.capitalUsdPerGpuHour).toBeCloseTo(1.284248, 6);
    expect(cost.spaceUsdPerGpuHour).toBeCloseTo(0.321475, 6);
    expect(cost.operationsUsdPerGpuHour).toBeCloseTo(0.218466, 6);
    expect(cost.powerUsdPerGpuHour).toBeCloseTo(0.096188, 6);
    expect(cost.totalUsdPerGpuHour).toBeCloseTo(1.920377, 6);
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

  it('defaultOwnedCostBasis takes a life of 3 to 6 years and names the range for any other', () => {
    for (const years of [3, 4.5, 6]) expect(defaultOwnedCostBasis('h200', { depreciationYears: years }).depreciationYears).toBe(years);
    for (const years of [2.9, 7, 0, Number.NaN]) {
      expect(() => defaultOwnedCostBasis('h200', { depreciationYears: years })).toThrow(`invalid depreciationYears: ${years}; expected a number of years from 3 to 6 (default 4)`);
    }
    // a shorter life costs more per hour: 3 years against 6
    const at = (years: number) => gpuHourCost(defaultOwnedCostBasis('h100', { depreciationYears: years }), 1).totalUsdPerGpuHour;
    expect(at(3)).toBeGreaterThan(at(4));
    expect(at(4)).toBeGreaterThan(at(6));
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

  // Why the defaults sit ~1.45× above the anchor for h100-sxm, h200 and b200 (measured below):
  // capital alone (sourced capex, 4 years, 10%) already equals the anchor (0.96-1.00×), so the excess is
  // the rest: colocation at CBRE's $184.06/kW-month, operations at the assumed 5% of capex a year, and
  // power. SemiAnalysis writes that "colocation rent and electricity cost typically make up less than 20%
  // of the total cost of ownership" (InferenceX-app@77ca49a, inferencemax-open-source-inference-benchmarking.mdx);
  // ours are 27-35% of the anchor. So their hyperscaler pays well under our capex (DGX list price, 2023)
  // and/or under retail colocation: inputs we have no published figure for. The cost of capital is not
  // it: a hyperscaler's (Microsoft 8.34%) lowers the H100's capital by ~4%.
  it('explains the gap: capital alone matches the anchor for h100-sxm, h200 and b200; colocation + power exceed SemiAnalysis\'s 20% of it', () => {
    // h100-sxm: total $1.958 (1.51×), capital $1.284 (0.99×), colocation $0.321, operations $0.218, power $0.134.
    // h200 $2.036 (1.44×, capital 0.96×); b200 $2.850 (1.46×, capital 1.00×); gb200 $2.449 (1.11×, capital 0.72×).
    for (const id of ['h100-sxm', 'h200', 'b200'] as const) {
      const c = gpuHourCost(defaultOwnedCostBasis(id), 1);
      const anchor = ANCHOR_USD_PER_GPU_HOUR[id];
      expect(Math.abs(c.capitalUsdPerGpuHour / anchor - 1), id).toBeLessThan(0.05);
      expect((c.spaceUsdPerGpuHour + c.powerUsdPerGpuHour) / anchor, id).toBeGreaterThan(0.2);
      expect(c.totalUsdPerGpuHour / anchor, id).toBeGreaterThan(1.4);
      expect(c.totalUsdPerGpuHour / anchor, id).toBeLessThan(1.55);
    }
    expect(Math.abs(ownedAtFullLoad('gb200') / ANCHOR_USD_PER_GPU_HOUR.gb200 - 1)).toBeLessThanOrEqual(0.15);
  });

  // Issue 13's "Done when": not met by the sourced defaults (see the test above for why). `it.fails` passes
  // while the claim is false, so this turns red (to be made an ordinary `it`) the day sourced inputs meet it.
  it.fails('(issue 13, not yet met) is within 15% of the anchor for h100-sxm, h200, b200 and gb200', () => {
    for (const [id, anchor] of Object.entries(ANCHOR_USD_PER_GPU_HOUR)) {
      expect(Math.abs(ownedAtFullLoad(id) / anchor - 1), id).toBeLessThanOrEqual(0.15);
    }
  });

  it.fails('(issue 13, not yet met) puts gb200 at or above b200, as the anchor does', () => {
    // GB200: Bernstein's $3.4M compute hardware a rack / 72 = $47,222 a GPU, against B200 ~$50,000 + $8,275 of
    // H100 server, network and storage = $58,275 (FT Alphaville's "probably around $50,000", the weakest capex here).
    expect(ownedAtFullLoad('gb200')).toBeGreaterThanOrEqual(ownedAtFullLoad('b200'));
  });
});
