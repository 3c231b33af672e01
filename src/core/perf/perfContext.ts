import type { Accelerator } from '../accelerator/accelerator.js';
import type { ResolvedLayout } from '../memory/layout.js';
import type { ModelArchitecture, WeightPrecisions } from '../model/modelArchitecture.js';
import { computeBits, type KvPrecision, type Precision } from '../precision.js';
import type { FrameworkEfficiency, HardwareEfficiency } from './efficiency.js';

/** Everything fixed for one serving instance: what runs, where, how, and how well. */
export interface PerfContext {
  readonly model: ModelArchitecture;
  readonly gpu: Accelerator;
  readonly layout: ResolvedLayout;
  readonly weightPrecisions: WeightPrecisions;
  readonly kvPrecision: KvPrecision;
  readonly hardware: HardwareEfficiency;
  readonly framework: FrameworkEfficiency;
}

/**
 * Achieved FLOP/s of a matrix product whose weights are stored in `precision`: fp8 and int8 run
 * on 8-bit units where the chip has them, fp4 formats on 4-bit units; weight-only formats (int4,
 * and any format the chip lacks a unit for) dequantize and run at bf16 times the family's
 * `weightOnlyComputeShare` (the unpacking is arithmetic of its own).
 */
export function achievedMatmulFlopPerSecond(ctx: PerfContext, precision: Precision): number {
  const peak = ctx.gpu.peakFlopPerSecond;
  const q = ctx.framework.kernelQuality;
  const bits = precision === 'int4' ? 4 : computeBits(precision);
  if (bits === 4 && precision !== 'int4' && peak.fp4 !== null) return peak.fp4 * ctx.hardware.matmulFp4 * q;
  if (bits === 8 && precision === 'int8' && peak.int8 !== null) return peak.int8 * ctx.hardware.matmulFp8 * q;
  if (bits === 8 && precision !== 'int8' && peak.fp8 !== null) return peak.fp8 * ctx.hardware.matmulFp8 * q;
  // Weight-only formats the chip has no unit for are unpacked to bf16 inside the GEMM.
  const dequantize = bits < 16 ? ctx.hardware.weightOnlyComputeShare : 1;
  return peak.bf16 * ctx.hardware.matmulBf16 * dequantize * q;
}

/** Achieved FLOP/s of attention kernels (bf16 tensor cores). */
export function achievedAttentionFlopPerSecond(ctx: PerfContext): number {
  return ctx.gpu.peakFlopPerSecond.bf16 * ctx.hardware.attention * ctx.framework.kernelQuality;
}

/** Achieved HBM bandwidth of memory-bound kernels. */
export function achievedHbmBytesPerSecond(ctx: PerfContext): number {
  return ctx.gpu.hbmBandwidthBytesPerSecond * ctx.hardware.hbm * ctx.framework.kernelQuality;
}
