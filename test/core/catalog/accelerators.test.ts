import { describe, it, expect } from 'vitest';
import { ACCELERATORS, parseAcceleratorCatalog } from '../../../src/core/catalog/accelerators.js';
import type { Accelerator } from '../../../src/core/accelerator/accelerator.js';
import rawCatalog from '../../../src/core/catalog/accelerators.json' with { type: 'json' };

const EXPECTED_IDS = [
  'a100-80gb', 'h100-sxm', 'h100-pcie', 'h800', 'h20', 'h200', 'b200', 'b300', 'gb200', 'gb300',
  'l40s', 'mi300x', 'mi325x', 'mi355x', 'tpu-v5e', 'tpu-v6e', 'tpu-v7', 'gaudi3',
];

const GiB = 2 ** 30;
const MiB = 2 ** 20;

function get(id: string): Accelerator {
  const hit = ACCELERATORS.find((a) => a.id === id);
  if (!hit) throw new Error(`no accelerator ${id}`);
  return hit;
}

/** Relative closeness, for figures that pass through float multiplication. */
function expectClose(actual: number | null, expected: number, relTol = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected) / expected).toBeLessThanOrEqual(relTol);
}

describe('accelerator catalog: identity', () => {
  it('holds exactly the 18 validation-case ids, each once', () => {
    const ids = ACCELERATORS.map((a) => a.id);
    expect([...ids].sort()).toEqual([...EXPECTED_IDS].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every id and alias is unique across the catalog (no alias shadows another record)', () => {
    const seen = new Map<string, string>();
    for (const a of ACCELERATORS) {
      for (const name of [a.id, ...a.aliases]) {
        const owner = seen.get(name);
        expect(owner === undefined ? undefined : `${name} in ${owner} and ${a.id}`).toBeUndefined();
        seen.set(name, a.id);
      }
    }
  });

  it('aliases are lower-case ids (lookup lower-cases the query) and include the long vendor id', () => {
    for (const a of ACCELERATORS) {
      for (const alias of a.aliases) expect(alias).toMatch(/^[a-z0-9.-]+$/);
      expect(a.aliases.some((x) => x.startsWith(`${a.vendor.toLowerCase()}-`))).toBe(true);
    }
    expect(get('h100-sxm').aliases).toContain('nvidia-h100-sxm');
    expect(get('tpu-v7').aliases).toContain('google-tpu-v7-ironwood');
  });

  it('maps families as the performance model expects', () => {
    const family = Object.fromEntries(ACCELERATORS.map((a) => [a.id, a.family]));
    expect(family).toEqual({
      'a100-80gb': 'ampere', 'h100-sxm': 'hopper', 'h100-pcie': 'hopper', h800: 'hopper', h20: 'hopper', h200: 'hopper',
      b200: 'blackwell', gb200: 'blackwell', b300: 'blackwell-ultra', gb300: 'blackwell-ultra', l40s: 'ada',
      mi300x: 'cdna3', mi325x: 'cdna3', mi355x: 'cdna4', 'tpu-v5e': 'tpu', 'tpu-v6e': 'tpu', 'tpu-v7': 'tpu', gaudi3: 'gaudi',
    });
  });
});

describe('accelerator catalog: pinned datasheet values in SI', () => {
  it('h100-sxm dense bf16 is 989.4e12 FLOP/s (NVIDIA datasheet, sparse 1979 halved)', () => {
    expectClose(get('h100-sxm').peakFlopPerSecond.bf16, 989.4e12);
  });

  it('h100-sxm dense fp8 is 1978.9e12 FLOP/s (NVIDIA datasheet, sparse 3958 halved) and has no fp4 unit', () => {
    expectClose(get('h100-sxm').peakFlopPerSecond.fp8, 1978.9e12);
    expect(get('h100-sxm').peakFlopPerSecond.fp4).toBeNull();
  });

  it('h100-sxm NVLink is 450e9 B/s per direction (NVIDIA "900 GB/s" is bidirectional; nccl-tests #212)', () => {
    expectClose(get('h100-sxm').scaleUpBandwidthBytesPerSecondPerDirection, 450e9);
  });

  it('h100-sxm HBM is 80 GiB = 85,899,345,920 B (nvidia-smi 81,559 MiB; vendor "80 GB" is binary)', () => {
    expect(get('h100-sxm').hbmBytes).toBe(80 * GiB);
  });

  it('h100-sxm scale-out is 400 Gb/s = 50e9 B/s per GPU (one ConnectX-7 per GPU in HGX H100)', () => {
    expectClose(get('h100-sxm').scaleOutBandwidthBytesPerSecond, 50e9);
  });

  it('h200 HBM bandwidth is 4.8e12 B/s (NVIDIA H200 datasheet)', () => {
    expectClose(get('h200').hbmBandwidthBytesPerSecond, 4.8e12);
  });

  it('h800 NVLink is 200e9 B/s per direction (400 GB/s bidirectional; aiconfigurator h800_sxm.yaml)', () => {
    expectClose(get('h800').scaleUpBandwidthBytesPerSecondPerDirection, 200e9);
  });

  it('mi300x dense bf16 is 1307.4e12 FLOP/s (AMD spec, dense listed first)', () => {
    expectClose(get('mi300x').peakFlopPerSecond.bf16, 1307.4e12);
  });

  it('mi300x xGMI is 448e9 B/s per direction (7 links x 64 GB/s; ROCm xGMI blog)', () => {
    expectClose(get('mi300x').scaleUpBandwidthBytesPerSecondPerDirection, 448e9);
  });

  it('b200 dense fp4 is 9e15 FLOP/s and bf16 2.25e15 (HGX B200 datasheet, sparse 18 PF / 4.5 PF halved)', () => {
    expectClose(get('b200').peakFlopPerSecond.fp4, 9000e12);
    expectClose(get('b200').peakFlopPerSecond.bf16, 2250e12);
  });

  it('b200 HBM bandwidth is 7.7e12 B/s (HGX datasheet; driver bus 7.67 TB/s), not the 8 TB/s marketing peak', () => {
    expectClose(get('b200').hbmBandwidthBytesPerSecond, 7.7e12);
  });

  it('b200 HBM is within 1% of the nvidia-smi total 183,359 MiB (datasheet "180 GB" is GiB)', () => {
    expectClose(get('b200').hbmBytes, 183_359 * MiB, 0.01);
  });

  it('gb200 HBM is within 1% of the nvidia-smi total 189,471 MiB (datasheet "186 GB" is GiB)', () => {
    expectClose(get('gb200').hbmBytes, 189_471 * MiB, 0.01);
  });

  it('b300 HBM is within 1% of the nvidia-smi total 275,040 MiB (vendor "288 GB" is decimal)', () => {
    expectClose(get('b300').hbmBytes, 275_040 * MiB, 0.01);
  });

  it('gb200 and gb300 share one NVL72 scale-up domain of 72 at 900e9 B/s per direction', () => {
    for (const id of ['gb200', 'gb300']) {
      expect(get(id).scaleUpDomainSize).toBe(72);
      expectClose(get(id).scaleUpBandwidthBytesPerSecondPerDirection, 900e9);
    }
  });

  it('gb300 dense fp4 is 15e15 FLOP/s (NVIDIA Blackwell Ultra blog: 15 PF dense NVFP4)', () => {
    expectClose(get('gb300').peakFlopPerSecond.fp4, 15000e12);
  });

  it('tpu-v7 is 192 GiB, bf16 2307e12 and fp8 4614e12 FLOP/s, pod of 9216 (Google TPU7x docs)', () => {
    const t = get('tpu-v7');
    expect(t.hbmBytes).toBe(192 * GiB);
    expectClose(t.peakFlopPerSecond.bf16, 2307e12);
    expectClose(t.peakFlopPerSecond.fp8, 4614e12);
    expect(t.scaleUpDomainSize).toBe(9216);
  });

  it('gaudi3 scale-up is 525e9 B/s one way (Intel Gaudi network configuration doc)', () => {
    expectClose(get('gaudi3').scaleUpBandwidthBytesPerSecondPerDirection, 525e9);
  });
});

describe('accelerator catalog: consistency', () => {
  it('fp8 >= bf16 wherever both exist', () => {
    for (const a of ACCELERATORS) {
      const { bf16, fp8 } = a.peakFlopPerSecond;
      if (fp8 !== null) expect(fp8, a.id).toBeGreaterThanOrEqual(bf16);
    }
  });

  it('fp4 >= fp8 wherever both exist', () => {
    for (const a of ACCELERATORS) {
      const { fp8, fp4 } = a.peakFlopPerSecond;
      if (fp8 !== null && fp4 !== null) expect(fp4, a.id).toBeGreaterThanOrEqual(fp8);
    }
  });

  it('no fp4 figure on chips without an fp4 unit (Ampere, Hopper, Ada, CDNA3)', () => {
    for (const a of ACCELERATORS) {
      if (['ampere', 'hopper', 'ada', 'cdna3'].includes(a.family)) expect(a.peakFlopPerSecond.fp4, a.id).toBeNull();
    }
  });

  it('no dense figure looks like a sparse headline: bf16 FLOP per HBM byte stays under 700', () => {
    // H100 dense is ~295 FLOP/B; reading the 2:4-sparse headline would double it. The ceiling
    // catches a record entered in TFLOPS-sparse or in GB/s instead of TB/s.
    for (const a of ACCELERATORS) {
      const ratio = a.peakFlopPerSecond.bf16 / a.hbmBandwidthBytesPerSecond;
      expect(ratio, a.id).toBeGreaterThan(20);
      expect(ratio, a.id).toBeLessThan(700);
    }
  });

  it('magnitudes are in SI: HBM 8-400 GB, bandwidth 0.5-10 TB/s, bf16 0.1-3 PFLOP/s, link 10-1000 GB/s', () => {
    for (const a of ACCELERATORS) {
      expect(a.hbmBytes, a.id).toBeGreaterThan(8e9);
      expect(a.hbmBytes, a.id).toBeLessThan(400e9);
      expect(a.hbmBandwidthBytesPerSecond, a.id).toBeGreaterThan(0.5e12);
      expect(a.hbmBandwidthBytesPerSecond, a.id).toBeLessThan(10e12);
      expect(a.peakFlopPerSecond.bf16, a.id).toBeGreaterThan(100e12);
      expect(a.peakFlopPerSecond.bf16, a.id).toBeLessThan(3e15);
      expect(a.scaleUpBandwidthBytesPerSecondPerDirection, a.id).toBeGreaterThan(10e9);
      expect(a.scaleUpBandwidthBytesPerSecondPerDirection, a.id).toBeLessThanOrEqual(1000e9);
    }
  });

  it('TPUs publish no TDP (null), every GPU does', () => {
    for (const a of ACCELERATORS) {
      if (a.family === 'tpu') expect(a.tdpWatts, a.id).toBeNull();
      else expect(a.tdpWatts, a.id).not.toBeNull();
    }
  });

  it('every record has at least one source with a url and a YYYY-MM(-DD) date, and non-empty notes', () => {
    for (const a of ACCELERATORS) {
      expect(a.sources.length, a.id).toBeGreaterThanOrEqual(1);
      for (const s of a.sources) {
        expect(s.url.length, a.id).toBeGreaterThan(0);
        expect(s.date, a.id).toMatch(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/);
      }
      expect(a.notes.length, a.id).toBeGreaterThan(40);
    }
  });
});

describe('parseAcceleratorCatalog', () => {
  const first = (rawCatalog as { accelerators: Record<string, unknown>[] }).accelerators[0];

  it('rejects a record with a sparse-only bf16 of zero and names the field', () => {
    const bad = { accelerators: [{ ...first, denseTflops: { bf16: 0, fp8: null, fp4: null, int8: null } }] };
    expect(() => parseAcceleratorCatalog(bad)).toThrow(/denseTflops\.bf16/);
  });

  it('rejects a record without sources', () => {
    expect(() => parseAcceleratorCatalog({ accelerators: [{ ...first, sources: [] }] })).toThrow(/sources/);
  });

  it('converts GB as 1e9 and GiB as 2^30 bytes', () => {
    const gb = parseAcceleratorCatalog({ accelerators: [{ ...first, hbmCapacity: { value: 10, unit: 'GB' } }] });
    const gib = parseAcceleratorCatalog({ accelerators: [{ ...first, hbmCapacity: { value: 10, unit: 'GiB' } }] });
    expect(gb[0]?.hbmBytes).toBe(10e9);
    expect(gib[0]?.hbmBytes).toBe(10 * GiB);
  });
});
