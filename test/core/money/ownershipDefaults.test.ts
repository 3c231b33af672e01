import { readFileSync } from 'node:fs';
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
import { acceptedAsScenarioInput } from './scenarioAccepts.js';

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
    const { hyperscaler, neocloud } = OWNERSHIP_DEFAULTS.owners;
    const all = [
      ...Object.values(OWNERSHIP_DEFAULTS.shared), ...Object.values(OWNERSHIP_DEFAULTS.facts),
      hyperscaler.costOfCapitalPerYear, hyperscaler.pue, hyperscaler.operationsFractionOfCapexPerYear,
      neocloud.costOfCapitalPerYear, neocloud.pue, neocloud.operationsFractionOfCapexPerYear,
      ...(hyperscaler.space === 'built' ? [hyperscaler.dataHallUsdPerMwCritical, hyperscaler.dataHallLifeYears] : [hyperscaler.colocationUsdPerKwMonth]),
      ...(neocloud.space === 'built' ? [neocloud.dataHallUsdPerMwCritical, neocloud.dataHallLifeYears] : [neocloud.colocationUsdPerKwMonth]),
      ...OWNERSHIP_DEFAULTS.accelerators.flatMap((a) => [a.capexUsdPerGpu, a.powerWattsPerGpu, ...(a.hyperscalerCapexUsdPerGpu ? [a.hyperscalerCapexUsdPerGpu] : [])]),
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

  it('derive the hyperscaler\'s volume capex: GPU at the low end of its published range + server BOM, network and storage', () => {
    // SemiAnalysis's DGX H100 BOM without GPUs $32,010 / 8 + Cheah's network + Bernstein's storage.
    const rest = fact('hyperscalerRestOfSystemUsdPerGpu');
    expect(rest).toBeCloseTo(fact('dgxH100NonGpuBomUsdPerServer') / 8 + fact('scaleOutNetworkUsdPerGpu') + fact('storageUsdPerGpu'), 2);
    const hyperscaler = (id: string) => record(id).hyperscalerCapexUsdPerGpu?.value;
    expect(fact('h100VolumeGpuUsd')).toBe(25_000); // Raymond James $25,000-30,000
    expect(fact('b200VolumeGpuUsd')).toBe(30_000); // NVIDIA via CNBC $30,000-40,000
    expect(hyperscaler('h100-sxm')).toBeCloseTo(fact('h100VolumeGpuUsd') + rest, 2); // $33,526.53
    expect(hyperscaler('h200')).toBeCloseTo(fact('h100VolumeGpuUsd') + (32_000 - 30_000) + rest, 2); // + the H200's MSRP premium
    expect(hyperscaler('b200')).toBeCloseTo(fact('b200VolumeGpuUsd') + rest, 2);
    // below the list-price figures of the neocloud, and none published for the others (they share the list-price one)
    for (const id of ['h100-sxm', 'h200', 'b200']) expect(hyperscaler(id)).toBeLessThan(record(id).capexUsdPerGpu.value);
    for (const id of ['gb200', 'h800', 'a100-80gb', 'mi300x', 'b300']) expect(hyperscaler(id)).toBeUndefined();
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
  it('defaultOwnedCostBasis(h100) resolves the alias, is the hyperscaler\'s, and costs $1.5556 per GPU-hour at utilization 0.6, by hand', () => {
    const basis = defaultOwnedCostBasis('h100');
    expect(basis).toEqual(defaultOwnedCostBasis('h100-sxm', {}, 'hyperscaler'));
    expect(basis.owner).toBe('hyperscaler');
    expect(basis.depreciationYears).toBe(4);
    const cost = gpuHourCost(basis, 0.6);
    // capital: (1.0834)^4 = 1.3777021, CRF = 0.0834 × 1.3777021 / 0.3777021 = 0.3042089;
    // 33,526.53 × 0.9 × 0.3042089 + 3,352.653 × 0.0834 = 9,179.1640 + 279.6101 = 9,458.7741 a year / 8,760 = 1.079769.
    // space: data hall $11.7M/MW = $11,700/kW over 15 years at 8.34%: (1.0834)^15 = 3.3253125, CRF = 0.1192661,
    // 11,700 × 0.1192661 / 12 = $116.2845 per kW-month; × 1.275 kW / 730 h = 0.203100.
    // operations 0.05 × 33,526.53 / 8,760 = 0.191361; power 1.275 × (0.3 + 0.7 × 0.6) × 1.1 × 0.0806 = 0.081390.
    expect(basis.datacenterUsdPerKwMonth).toBeCloseTo(116.284493, 5);
    expect(cost.capitalUsdPerGpuHour).toBeCloseTo(1.079769, 6);
    expect(cost.spaceUsdPerGpuHour).toBeCloseTo(0.203100, 6);
    expect(cost.operationsUsdPerGpuHour).toBeCloseTo(0.191361, 6);
    expect(cost.powerUsdPerGpuHour).toBeCloseTo(0.081390, 6);
    expect(cost.totalUsdPerGpuHour).toBeCloseTo(1.555620, 6);
  });

  it('defaultOwnedCostBasis(h100, {}, neocloud) buys at the DGX list price, rents colocation, and costs $1.9293 at utilization 0.6, by hand', () => {
    const basis = defaultOwnedCostBasis('h100', {}, 'neocloud');
    expect(basis).toMatchObject({ owner: 'neocloud', capexUsdPerGpu: 38_275.28, costOfCapitalPerYear: 0.1, pue: 1.42, datacenterUsdPerKwMonth: 184.06 });
    const cost = gpuHourCost(basis, 0.6);
    // capital: CRF(4 y, 10%) = 0.3154708; 38,275.28 × 0.9 × 0.3154708 + 3,827.528 × 0.1 = 11,250.0128 / 8,760 = 1.284248;
    // space 1.275 × 184.06 / 730 = 0.321475; operations 0.05 × 38,275.28 / 8,760 = 0.218466; power 1.275 × 0.72 × 1.42 × 0.0806 = 0.105067
    expect(cost.capitalUsdPerGpuHour).toBeCloseTo(1.284248, 6);
    expect(cost.spaceUsdPerGpuHour).toBeCloseTo(0.321475, 6);
    expect(cost.operationsUsdPerGpuHour).toBeCloseTo(0.218466, 6);
    expect(cost.powerUsdPerGpuHour).toBeCloseTo(0.105067, 6);
    expect(cost.totalUsdPerGpuHour).toBeCloseTo(1.929256, 6);
    expect(basis.sources?.datacenterUsdPerKwMonth).toMatch(/^neocloud: sourced, 2025-02-26: https:\/\/www\.cbre\.com/);
  });

  it('a hyperscaler\'s data hall is financed at the basis\'s cost of capital, and a GPU without a volume price says so', () => {
    const at = (r: number) => defaultOwnedCostBasis('h100', { costOfCapitalPerYear: r }).datacenterUsdPerKwMonth;
    expect(at(0)).toBeCloseTo(11_700 / 15 / 12, 9); // straight line at rate 0
    expect(at(0.1)).toBeGreaterThan(at(0.0834));
    expect(defaultOwnedCostBasis('h100').sources?.datacenterUsdPerKwMonth).toMatch(/^hyperscaler: derived: data hall \$11,700,000 per MW of critical IT recovered over 15 years at 0\.0834 a year = \$116\.28 per kW-month/);
    expect(defaultOwnedCostBasis('gb200').sources?.capexUsdPerGpu).toMatch(/^hyperscaler: .*no published volume price for gb200: the list-price figure/);
    expect(defaultOwnedCostBasis('gb200').capexUsdPerGpu).toBe(defaultOwnedCostBasis('gb200', {}, 'neocloud').capexUsdPerGpu);
  });

  it('defaultOwnedCostBasis names the owners for any other owner', () => {
    expect(() => defaultOwnedCostBasis('h100', {}, 'lab' as 'neocloud')).toThrow('invalid owner: lab; expected hyperscaler or neocloud');
  });

  it('defaultOwnedCostBasis gives every field a source, and every default passes the scenario schema', () => {
    for (const id of OWNERSHIP_DEFAULT_GPU_IDS) {
      const basis = defaultOwnedCostBasis(id);
      for (const field of OWNED_FIELDS) expect(basis.sources?.[field], `${id} ${field}`).toMatch(/^((hyperscaler|neocloud): )?(sourced|derived|assumption)/);
      expect(acceptedAsScenarioInput(basis)).toBe(true);
      expect(acceptedAsScenarioInput(defaultMarginalCostBasis(id))).toBe(true);
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
    // 1.275 kW × 0.72 × PUE 1.1 (hyperscaler) × $0.0806; 1.42 for the neocloud
    expect(gpuHourCost(defaultMarginalCostBasis('h100-sxm'), 0.6).totalUsdPerGpuHour).toBeCloseTo(0.081390, 6);
    expect(gpuHourCost(defaultMarginalCostBasis('h100-sxm', {}, 'neocloud'), 0.6).totalUsdPerGpuHour).toBeCloseTo(0.105067, 6);
  });
});

describe('describeCostBasis', () => {
  it('describeCostBasis(default owned h100) names the owner and lists the ten fields with unit and source', () => {
    const rows = describeCostBasis(defaultOwnedCostBasis('h100-sxm'));
    expect(rows.map((r) => r.name)).toEqual(['kind', ...OWNED_FIELDS]);
    expect(rows[0]?.source).toMatch(/^owned by a hyperscaler \(a hyperscaler: buys 8-GPU HGX servers at volume and builds its own data halls/);
    expect(describeCostBasis(defaultOwnedCostBasis('h100-sxm', {}, 'neocloud'))[0]?.source).toMatch(/^owned by a neocloud \(a neocloud: buys servers near list price, rents retail colocation/);
    expect(rows.find((r) => r.name === 'pue')).toMatchObject({ value: 1.1, unit: 'ratio' });
    expect(rows.find((r) => r.name === 'capexUsdPerGpu')?.source).toMatch(/^hyperscaler: derived, 2026-12: https:\/\/github\.com\/epoch-research\/training-cost-trends/);
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
// life, as InferenceX `costh`; #2 the neocloud-owned `costn`. InferenceX divides that rate by the throughput
// at each measured point, so it is a cost per paid GPU-hour whatever the load: compared here with our owned
// cost at utilization 1 (power at full load), the most it can be.
const ANCHOR_USD_PER_GPU_HOUR = { 'h100-sxm': 1.30, h200: 1.41, b200: 1.95, gb200: 2.21 } as const;
const NEOCLOUD_ANCHOR_USD_PER_GPU_HOUR = { 'h100-sxm': 1.69, h200: 1.74, b200: 2.34, gb200: 2.75 } as const;
const ownedAtFullLoad = (id: string, owner: 'hyperscaler' | 'neocloud' = 'hyperscaler') => gpuHourCost(defaultOwnedCostBasis(id, {}, owner), 1).totalUsdPerGpuHour;

describe('owned cost per GPU-hour against the hyperscaler anchor (#1)', () => {
  it('is computed at the anchor\'s 4-year life, for the hyperscaler by default', () => {
    for (const id of Object.keys(ANCHOR_USD_PER_GPU_HOUR)) {
      expect(defaultOwnedCostBasis(id).depreciationYears).toBe(4);
      expect(defaultOwnedCostBasis(id).owner).toBe('hyperscaler');
    }
  });

  it('is within 15% of the anchor for b200 and gb200 (measured 0.95× and 1.00×)', () => {
    for (const id of ['b200', 'gb200'] as const) {
      expect(Math.abs(ownedAtFullLoad(id) / ANCHOR_USD_PER_GPU_HOUR[id] - 1), id).toBeLessThanOrEqual(0.15);
    }
  });

  it('puts gb200 at or above b200, as the anchor does', () => {
    // B200 at NVIDIA's $30,000 (low end, CNBC) + $8,526.53 of HGX server, network and storage = $38,527, against
    // GB200's $47,222 from Bernstein's $3.4M of compute hardware a NVL72 rack: $1.85 against $2.20 an hour.
    expect(ownedAtFullLoad('gb200')).toBeGreaterThanOrEqual(ownedAtFullLoad('b200'));
  });

  // Why h100-sxm and h200 stay above 15% (1.22x and 1.18x) while b200 and gb200 match: not power or space (20% of
  // our total, as SemiAnalysis says colocation + electricity are, InferenceX-app@77ca49a
  // inferencemax-open-source-inference-benchmarking.mdx), but the Hopper capex relative to Blackwell. Our
  // hyperscaler H100 is the 2023 Raymond James price ($25,000, the low end) + $8,527 of server, network and
  // storage; the anchor comes from SemiAnalysis's Market August 2025 pricing surveys. Its GB200 costs 1.70x its
  // H100 (1.6x in SemiAnalysis's "H100 vs GB200 NVL72 Training Benchmarks", 2025-08-20, newsletter.semianalysis.com/p/
  // h100-vs-gb200-nvl72-training-benchmarks, via podcast-pipeline.pages.dev digest); ours 1.39x. Solving our cost
  // (linear in capex: capital + operations) for the anchor's +15% needs an H100 at <= ~$22,600 (H200 <= ~$25,900),
  // below every published H100 price found: no sourced input meets it, so we do not tune one.
  const capexForRatio = (id: 'h100-sxm' | 'h200', ratio: number) => {
    const capex = defaultOwnedCostBasis(id).capexUsdPerGpu;
    const at = (c: number) => gpuHourCost(defaultOwnedCostBasis(id, { capexUsdPerGpu: c }), 1).totalUsdPerGpuHour;
    const usdPerGpuHourPerCapexUsd = (at(capex + 1_000) - at(capex)) / 1_000;
    return capex - (at(capex) - ratio * ANCHOR_USD_PER_GPU_HOUR[id]) / usdPerGpuHourPerCapexUsd;
  };

  it('explains the gap for h100-sxm and h200: space + power within SemiAnalysis\'s 20%, and the H100 price that would meet 15% is below every published one', () => {
    for (const id of ['h100-sxm', 'h200'] as const) {
      const c = gpuHourCost(defaultOwnedCostBasis(id), 1);
      expect((c.spaceUsdPerGpuHour + c.powerUsdPerGpuHour) / c.totalUsdPerGpuHour, id).toBeLessThanOrEqual(0.2);
      expect(c.totalUsdPerGpuHour / ANCHOR_USD_PER_GPU_HOUR[id], id).toBeGreaterThan(1.15);
      expect(c.totalUsdPerGpuHour / ANCHOR_USD_PER_GPU_HOUR[id], id).toBeLessThan(1.25);
    }
    // the GPU price inside the capex that would put each within 15%: H100 $22,566; H200 $25,903 = an H100 at $23,903 + the $2,000 premium
    const rest = fact('hyperscalerRestOfSystemUsdPerGpu');
    const h100Gpu = capexForRatio('h100-sxm', 1.15) - rest;
    const h200AsH100Gpu = capexForRatio('h200', 1.15) - rest - (32_000 - 30_000);
    expect(h100Gpu).toBeCloseTo(22_566, -1);
    expect(h200AsH100Gpu).toBeCloseTo(23_903, -1);
    for (const gpuUsd of [h100Gpu, h200AsH100Gpu]) expect(gpuUsd).toBeLessThan(fact('h100VolumeGpuUsd')); // $25,000, the low end of $25,000-30,000
    // the Hopper/Blackwell ratio is the mismatch: SemiAnalysis 1.70 (1.6 in its 2025-08-20 article), ours 1.39
    const gb200OverH100 = ownedAtFullLoad('gb200') / ownedAtFullLoad('h100-sxm');
    expect(gb200OverH100).toBeCloseTo(1.388, 2);
    expect(gb200OverH100).toBeLessThan(1.6);
  });

  it('names operations (5% of capex a year) as an assumption with a 2-8% range; across it the h100 moves 1.13-1.31x the anchor', () => {
    for (const owner of ['hyperscaler', 'neocloud'] as const) {
      const ops = OWNERSHIP_DEFAULTS.owners[owner].operationsFractionOfCapexPerYear;
      expect(ops.basis, owner).toBe('assumption');
      expect(ops.value, owner).toBe(0.05);
      expect(ops.note, owner).toMatch(/range 2-8% a year/);
    }
    const h100At = (fraction: number) => {
      const basis = defaultOwnedCostBasis('h100-sxm');
      return gpuHourCost({ ...basis, operationsUsdPerGpuYear: fraction * basis.capexUsdPerGpu }, 1).totalUsdPerGpuHour / ANCHOR_USD_PER_GPU_HOUR['h100-sxm'];
    };
    expect(h100At(0.02)).toBeCloseTo(1.133, 3);
    expect(h100At(0.05)).toBeCloseTo(1.221, 3);
    expect(h100At(0.08)).toBeCloseTo(1.309, 3);
  });

  // Issue 13's "Done when": met for b200 and gb200, not for h100-sxm and h200 (see above). `it.fails` passes
  // while the claim is false, so this turns red (to be made an ordinary `it`) the day sourced inputs meet it.
  it.fails('(issue 13, not yet met for h100-sxm and h200) is within 15% of the anchor for h100-sxm, h200, b200 and gb200', () => {
    for (const [id, anchor] of Object.entries(ANCHOR_USD_PER_GPU_HOUR)) {
      expect(Math.abs(ownedAtFullLoad(id) / anchor - 1), id).toBeLessThanOrEqual(0.15);
    }
  });
});

describe('the README\'s owned GPU-hour figures', () => {
  it('are what defaultOwnedCostBasis costs today (hyperscaler, utilization 1), to the cent, with their ratios to anchor #1', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const m = /an hour costs \$([\d.]+) \(H100\), \$([\d.]+) \(H200\), \$([\d.]+) \(B200\) and \$([\d.]+) \(GB200\): ([\d.]+)x, ([\d.]+)x, ([\d.]+)x and ([\d.]+)x/.exec(readme);
    if (m === null) throw new Error('README.md no longer states the owned GPU-hour figures in the expected words');
    const ids = ['h100-sxm', 'h200', 'b200', 'gb200'] as const;
    ids.forEach((id, i) => {
      expect(Number(m[i + 1]), id).toBeCloseTo(ownedAtFullLoad(id), 2);
      expect(Number(m[i + 5]), id).toBeCloseTo(ownedAtFullLoad(id) / ANCHOR_USD_PER_GPU_HOUR[id], 2);
    });
  });
});

describe('owned cost per GPU-hour of a neocloud against the neocloud anchor (#2)', () => {
  it('lands within 25% of the anchor for each GPU (measured 1.17×, 1.18×, 1.22×, 0.90×) and above the hyperscaler\'s', () => {
    for (const [id, anchor] of Object.entries(NEOCLOUD_ANCHOR_USD_PER_GPU_HOUR)) {
      expect(Math.abs(ownedAtFullLoad(id, 'neocloud') / anchor - 1), id).toBeLessThanOrEqual(0.25);
      expect(ownedAtFullLoad(id, 'neocloud'), id).toBeGreaterThan(ownedAtFullLoad(id));
    }
  });
});
