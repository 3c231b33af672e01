import { oneOf } from './errors.js';

/**
 * Number formats of weights and cached keys/values.
 * `fp4` is NVIDIA's NVFP4 (the format the validation cases call fp4); `mxfp4` is the OCP
 * microscaling format used by gpt-oss; `int4` is weight-only integer quantization with
 * group-wise bf16 scales (as in Kimi K2.5's compressed-tensors checkpoint).
 */
export const PRECISIONS = ['bf16', 'fp16', 'fp8', 'int8', 'fp4', 'nvfp4', 'mxfp4', 'int4'] as const;
export type Precision = (typeof PRECISIONS)[number];

interface PrecisionFormat {
  /** Bits of one stored value. */
  readonly bitsPerValue: number;
  /** Values that share one scale (0: no per-group scale worth counting). */
  readonly groupSize: number;
  /** Bits of one scale. */
  readonly scaleBits: number;
  readonly description: string;
}

/**
 * Storage cost of each format including its scales.
 * Sources: NVFP4 = e2m1 values + one fp8 (e4m3) scale per 16 values (NVIDIA TensorRT Model
 * Optimizer docs, 2025); MXFP4 = e2m1 + one e8m0 scale per 32 values (OCP Microscaling Formats
 * spec v1.0, 2023); int4 = 4-bit values + one bf16 scale per 32 (Kimi K2.5 config.json,
 * `quantization_config.config_groups.group_0.weights.group_size` 32, 2026); fp8 = e4m3 with one fp32
 * scale per 128x128 block (DeepSeek-V3 config.json `weight_block_size`, 2024-12): 4 B per 16,384
 * weights; int8 = per-channel scales, negligible.
 */
const FORMATS: Record<Precision, PrecisionFormat> = {
  bf16: { bitsPerValue: 16, groupSize: 0, scaleBits: 0, description: 'bfloat16' },
  fp16: { bitsPerValue: 16, groupSize: 0, scaleBits: 0, description: 'float16' },
  fp8: { bitsPerValue: 8, groupSize: 128 * 128, scaleBits: 32, description: 'fp8 e4m3, fp32 scale per 128x128 block' },
  int8: { bitsPerValue: 8, groupSize: 0, scaleBits: 0, description: 'int8, per-channel scales' },
  fp4: { bitsPerValue: 4, groupSize: 16, scaleBits: 8, description: 'NVFP4: e2m1, fp8 scale per 16' },
  nvfp4: { bitsPerValue: 4, groupSize: 16, scaleBits: 8, description: 'NVFP4: e2m1, fp8 scale per 16' },
  mxfp4: { bitsPerValue: 4, groupSize: 32, scaleBits: 8, description: 'MXFP4: e2m1, e8m0 scale per 32' },
  int4: { bitsPerValue: 4, groupSize: 32, scaleBits: 16, description: 'int4 weight-only, bf16 scale per 32' },
};

/** Bytes one weight takes in `precision`, scales included: bf16 2, fp8 ~1.0002, nvfp4 0.5625, mxfp4 0.53125, int4 0.5625. */
export function bytesPerWeight(precision: Precision): number {
  const f = FORMATS[precision];
  const scaleBitsPerValue = f.groupSize > 0 ? f.scaleBits / f.groupSize : 0;
  return (f.bitsPerValue + scaleBitsPerValue) / 8;
}

/** The precisions a KV cache can be stored in. */
export const KV_PRECISIONS = ['bf16', 'fp16', 'fp8', 'int8', 'fp4', 'nvfp4'] as const;
export type KvPrecision = (typeof KV_PRECISIONS)[number];

/** Bytes one cached key/value element takes (per-tensor scales, negligible, are not counted). */
export function bytesPerKvElement(precision: KvPrecision): number {
  return FORMATS[precision].bitsPerValue / 8;
}

/** How many bits a value of `precision` is computed in: the matrix unit it runs on (16, 8 or 4). */
export function computeBits(precision: Precision): 16 | 8 | 4 {
  const bits = FORMATS[precision].bitsPerValue;
  return bits >= 16 ? 16 : bits >= 8 ? 8 : 4;
}

export function describePrecision(precision: Precision): string {
  return FORMATS[precision].description;
}

export function parsePrecision(field: string, value: string): Precision {
  return oneOf(field, value.toLowerCase(), PRECISIONS);
}

export function parseKvPrecision(field: string, value: string): KvPrecision {
  return oneOf(field, value.toLowerCase(), KV_PRECISIONS);
}
